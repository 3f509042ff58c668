using LlmEcon.Derivations;
using LlmEcon.Quantities;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Scaling;

/// <summary>The cheapest (N, D) reaching a target loss under a law.</summary>
/// <param name="Law">The law.</param>
/// <param name="TargetLoss">L*, nats/token.</param>
/// <param name="Parameters">N.</param>
/// <param name="Tokens">D.</param>
/// <param name="Flops">C = 6ND.</param>
/// <param name="TokensPerParameter">D / N.</param>
/// <param name="Derivation">How.</param>
public sealed record TargetLossPlan(ScalingLaw Law, double TargetLoss, ParameterCount Parameters, TokenCount Tokens, FlopCount Flops, double TokensPerParameter,
    Derivation Derivation);

/// <summary>The (N, D) reaching a target loss at the least cost of training plus serving a lifetime of tokens.</summary>
/// <param name="Law">The law.</param>
/// <param name="TargetLoss">L*.</param>
/// <param name="LifetimeTokens">T: tokens served over the model's life.</param>
/// <param name="Parameters">N.</param>
/// <param name="Tokens">D.</param>
/// <param name="TrainingFlops">6ND.</param>
/// <param name="InferenceFlops">2NT.</param>
/// <param name="TrainingCost">6ND × training cost per FLOP.</param>
/// <param name="InferenceCost">2NT × inference cost per FLOP.</param>
/// <param name="TotalCost">Their sum, minimised.</param>
/// <param name="ComputeOptimal">The training-only plan for the same loss, for comparison.</param>
/// <param name="ComputeOptimalTotalCost">Training plus serving cost of the training-only plan.</param>
/// <param name="Derivation">How.</param>
public sealed record LifetimePlan(ScalingLaw Law, double TargetLoss, double LifetimeTokens, ParameterCount Parameters, TokenCount Tokens,
    FlopCount TrainingFlops, FlopCount InferenceFlops, Money TrainingCost, Money InferenceCost, Money TotalCost,
    TargetLossPlan ComputeOptimal, Money ComputeOptimalTotalCost, Derivation Derivation);

/// <summary>
/// Planning with a law L(N, D) = E + A/N^α + B/D^β: the compute-optimal model for a FLOP budget (eq. 14, in <see cref="ChinchillaLoss"/>),
/// for a dollar budget, the cheapest model reaching a target loss, and the inference-aware choice (Sardana et al. 2024, "Beyond
/// Chinchilla-Optimal": minimise training plus lifetime inference FLOP at a fixed loss).
/// </summary>
public static class ScalingPlan
{
    /// <summary>FLOP a dollar budget buys: C = budget / cost per FLOP.</summary>
    public static FlopCount FlopsFor(Money budget, double costPerFlopUsd) =>
        FlopCount.FromFlop(Guard.Positive(budget.Usd, "budget") / Guard.Positive(costPerFlopUsd, "costPerFlop"));

    /// <summary>
    /// The cheapest (N, D) with L(N, D) = L*: minimise ND subject to A N^−α + B D^−β = L* − E. With p = A N^−α and q = B D^−β the
    /// Lagrange condition is βq = αp, so p = (L* − E)·β/(α+β), q = (L* − E)·α/(α+β), N = (A/p)^(1/α), D = (B/q)^(1/β).
    /// </summary>
    public static TargetLossPlan ForTargetLoss(ScalingLaw law, double targetLoss)
    {
        ArgumentNullException.ThrowIfNull(law);
        Guard.Finite(targetLoss, "targetLoss");
        if (targetLoss <= law.E)
        {
            throw Guard.Fail("targetLoss", $"above law '{law.Id}''s irreducible loss E = {Compact(law.E)}", Guard.Show(targetLoss),
                "no model size or data reaches the irreducible loss");
        }

        double r = targetLoss - law.E, s = law.Alpha + law.Beta;
        double p = r * law.Beta / s, q = r * law.Alpha / s;
        double n = Math.Pow(law.A / p, 1 / law.Alpha), d = Math.Pow(law.B / q, 1 / law.Beta);
        var derivation = new Derivation("cheapest (N, D) reaching a target loss", $"(22) min 6ND s.t. L(N, D) = L*; law '{law.Id}'",
            "A/N^α = (L* − E)·β/(α+β), B/D^β = (L* − E)·α/(α+β)",
            $"A/N^α = {Compact(r)} × {Compact(law.Beta)}/{Compact(s)} = {Compact(p)}; B/D^β = {Compact(r)} × {Compact(law.Alpha)}/{Compact(s)} = {Compact(q)}",
            $"N = {Compact(n)}, D = {Compact(d)}, C = 6ND = {Compact(6 * n * d)} FLOP",
            [new Term("L*", "target loss (nats/token)", Compact(targetLoss)), LawTerm(law)]);
        return new TargetLossPlan(law, targetLoss, ParameterCount.FromCount(n), TokenCount.FromCount(d), FlopCount.FromFlop(6 * n * d), d / n, derivation);
    }

    /// <summary>
    /// The (N, D) with L(N, D) = L* that minimises 6ND·c_train + 2NT·c_serve (training plus serving T tokens), found by a scan and a
    /// golden-section search over ln N; D follows from the constraint.
    /// </summary>
    public static LifetimePlan ForLifetime(ScalingLaw law, double targetLoss, double lifetimeTokens, double trainingCostPerFlopUsd, double inferenceCostPerFlopUsd)
    {
        TargetLossPlan optimal = ForTargetLoss(law, targetLoss);
        Guard.NonNegative(lifetimeTokens, "lifetimeTokens");
        Guard.Positive(trainingCostPerFlopUsd, "trainingCostPerFlop");
        Guard.Positive(inferenceCostPerFlopUsd, "inferenceCostPerFlop");
        double r = targetLoss - law.E;
        double lnNMin = Math.Log(law.A / r) / law.Alpha; // below this N, the parameter term alone exceeds L* − E
        double Tokens(double lnN)
        {
            double q = r - law.A * Math.Exp(-law.Alpha * lnN);
            return q > 0 ? Math.Pow(law.B / q, 1 / law.Beta) : double.PositiveInfinity;
        }

        double Cost(double lnN)
        {
            double n = Math.Exp(lnN), d = Tokens(lnN);
            return 6 * n * d * trainingCostPerFlopUsd + 2 * n * lifetimeTokens * inferenceCostPerFlopUsd;
        }

        // Scan ln N from just above the floor to far beyond the training-only optimum, then refine around the best point.
        double lo = lnNMin + 1e-6, hi = Math.Max(lo + 1, Math.Log(optimal.Parameters.Count) + 2);
        const int steps = 400;
        int bestStep = 0;
        double bestCost = double.PositiveInfinity;
        for (int k = 0; k <= steps; k++)
        {
            double c = Cost(lo + (hi - lo) * k / steps);
            if (c < bestCost)
            {
                bestCost = c;
                bestStep = k;
            }
        }

        double h = (hi - lo) / steps;
        double left = Math.Max(lo, lo + (bestStep - 1) * h), right = Math.Min(hi, lo + (bestStep + 1) * h);
        double lnBest = GoldenSection(Cost, left, right);
        double nBest = Math.Exp(lnBest), dBest = Tokens(lnBest);
        double train = 6 * nBest * dBest * trainingCostPerFlopUsd, serve = 2 * nBest * lifetimeTokens * inferenceCostPerFlopUsd;
        double optimalTotal = optimal.Flops.Flop * trainingCostPerFlopUsd + 2 * optimal.Parameters.Count * lifetimeTokens * inferenceCostPerFlopUsd;
        var derivation = new Derivation("training + lifetime serving cost at a target loss", $"(23) min 6ND·c_train + 2NT·c_serve s.t. L(N, D) = L*; law '{law.Id}'",
            "D(N) = (B / (L* − E − A/N^α))^(1/β); minimise over N",
            $"6 × {Compact(nBest)} × {Compact(dBest)} × ${Compact(trainingCostPerFlopUsd)}/FLOP + 2 × {Compact(nBest)} × {Compact(lifetimeTokens)} × ${Compact(inferenceCostPerFlopUsd)}/FLOP",
            $"{Usd(train)} + {Usd(serve)} = {Usd(train + serve)} (training-only optimum: {Usd(optimalTotal)})",
            [new Term("L*", "target loss (nats/token)", Compact(targetLoss)), new Term("T", "tokens served over the model's life", Compact(lifetimeTokens)), LawTerm(law)]);
        return new LifetimePlan(law, targetLoss, lifetimeTokens, ParameterCount.FromCount(nBest), TokenCount.FromCount(dBest),
            FlopCount.FromFlop(6 * nBest * dBest), FlopCount.FromFlop(2 * nBest * lifetimeTokens), Money.FromUsd(train), Money.FromUsd(serve),
            Money.FromUsd(train + serve), optimal, Money.FromUsd(optimalTotal), derivation);
    }

    /// <summary>
    /// Golden-section search for the minimum of <paramref name="f"/> on [a, b], to 1e-12 in x. (MathNet's minimiser insists the
    /// bounds bracket the minimum strictly, which fails when the scan's best point lies at the edge of its range.)
    /// </summary>
    private static double GoldenSection(Func<double, double> f, double a, double b)
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double c = b - ratio * (b - a), d = a + ratio * (b - a), fc = f(c), fd = f(d);
        for (int i = 0; i < 200 && b - a > 1e-12; i++)
        {
            if (fc <= fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = f(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = f(d);
            }
        }

        return (a + b) / 2;
    }

    private static Term LawTerm(ScalingLaw law) =>
        new("law", law.Name, $"E {Compact(law.E)}, A {Compact(law.A)}, B {Compact(law.B)}, α {Compact(law.Alpha)}, β {Compact(law.Beta)}",
            new Provenance(law.Id, "e,a,b,alpha,beta", law.Source, law.Date));
}

using LlmEcon.Catalog;
using LlmEcon.Costs;
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
    Derivation Derivation)
{
    /// <summary>N, D and C, each with its derivation.</summary>
    public IReadOnlyList<Derivation> Steps { get; init; } = [Derivation];
}

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
public sealed record LifetimePlan(ScalingLaw Law, double TargetLoss, TokenCount LifetimeTokens, ParameterCount Parameters, TokenCount Tokens,
    FlopCount TrainingFlops, FlopCount InferenceFlops, Money TrainingCost, Money InferenceCost, Money TotalCost,
    TargetLossPlan ComputeOptimal, Money ComputeOptimalTotalCost, Derivation Derivation)
{
    /// <summary>The total at the optimum and at the training-only optimum, each with its derivation.</summary>
    public IReadOnlyList<Derivation> Steps { get; init; } = [Derivation];
}

/// <summary>
/// Planning with a law L(N, D) = E + A/N^α + B/D^β: the compute-optimal model for a FLOP budget (eq. 14, in <see cref="ChinchillaLoss"/>),
/// for a dollar budget, the cheapest model reaching a target loss, and the inference-aware choice (Sardana et al. 2024, "Beyond
/// Chinchilla-Optimal": minimise training plus lifetime inference FLOP at a fixed loss).
/// </summary>
public static class ScalingPlan
{
    /// <summary>FLOP a dollar budget buys: C = budget / cost per FLOP.</summary>
    public static FlopCount FlopsFor(Money budget, MoneyPerFlop costPerFlop) => FlopCount.FromFlop(FlopsForOf(budget, costPerFlop).Value!.Value);

    /// <summary>The FLOP a dollar budget buys, with its derivation (eq. 10 inverted): C = budget / cost per FLOP.</summary>
    public static Derivation FlopsForOf(Money budget, MoneyPerFlop costPerFlop)
    {
        double costPerFlopUsd = costPerFlop.UsdPerFlop;
        Expr c = Expr.In("budget", "dollar budget", Guard.Positive(budget.Usd, "budget"), Usd(budget.Usd))
            / Expr.In("cost/FLOP", "cost per FLOP (USD)", Guard.Positive(costPerFlopUsd, "costPerFlop"), "$" + Compact(costPerFlopUsd));
        return Derivation.Of("training FLOP the budget buys", "(10) budget / cost per FLOP", c, v => Compact(v) + " FLOP");
    }

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

        Input target = Expr.In("L*", "target loss (nats/token)", targetLoss, Compact(targetLoss));
        Expr r = target - law.EIn, s = law.AlphaIn + law.BetaIn;
        Expr n = Expr.Pow(law.AIn / (r * law.BetaIn / s), Expr.Const(1) / law.AlphaIn);
        Expr d = Expr.Pow(law.BIn / (r * law.AlphaIn / s), Expr.Const(1) / law.BetaIn);
        Input k = Symbols.FlopPerParameterPerToken(FlopsPerToken.Training(ModelArchitecture.DecoderOnly));
        Expr c = k * Expr.In("N", "parameters", n.Value, Compact(n.Value) + " params") * Expr.In("D", "training tokens", d.Value, Compact(d.Value) + " tokens");
        string eq = $"(22) min k·N·D s.t. L(N, D) = L*; law '{law.Id}'";
        Derivation[] steps =
        [
            Derivation.Of("parameters N of the cheapest model reaching L*", eq + ": A/N^α = (L* − E)·β/(α+β)", n, v => Compact(v) + " params"),
            Derivation.Of("training tokens D of the cheapest model reaching L*", eq + ": B/D^β = (L* − E)·α/(α+β)", d, v => Compact(v) + " tokens"),
            Derivation.Of("training FLOP C = k·N·D", "(1) training work", c, v => Compact(v) + " FLOP"),
        ];
        return new TargetLossPlan(law, targetLoss, ParameterCount.FromCount(n.Value), TokenCount.FromCount(d.Value), FlopCount.FromFlop(c.Value), d.Value / n.Value, steps[0])
        {
            Steps = steps,
        };
    }

    /// <summary>
    /// The (N, D) with L(N, D) = L* that minimises 6ND·c_train + 2NT·c_serve (training plus serving T tokens), found by a scan and a
    /// golden-section search over ln N; D follows from the constraint.
    /// </summary>
    public static LifetimePlan ForLifetime(ScalingLaw law, double targetLoss, TokenCount lifetime, MoneyPerFlop trainingCostPerFlop, MoneyPerFlop inferenceCostPerFlop)
    {
        TargetLossPlan optimal = ForTargetLoss(law, targetLoss);
        double lifetimeTokens = lifetime.Count;
        double trainingCostPerFlopUsd = Guard.Positive(trainingCostPerFlop.UsdPerFlop, "trainingCostPerFlop");
        double inferenceCostPerFlopUsd = Guard.Positive(inferenceCostPerFlop.UsdPerFlop, "inferenceCostPerFlop");
        double r = targetLoss - law.E;
        double lnNMin = Math.Log(law.A / r) / law.Alpha; // below this N, the parameter term alone exceeds L* − E
        double Tokens(double lnN)
        {
            double q = r - law.A * Math.Exp(-law.Alpha * lnN);
            return q > 0 ? Math.Pow(law.B / q, 1 / law.Beta) : double.PositiveInfinity;
        }

        // k·N·D·c_train + k′·N·T·c_serve: training work and serving work (eq. 1), each at its cost per FLOP.
        double kTrain = FlopsPerToken.Training(ModelArchitecture.DecoderOnly), kServe = FlopsPerToken.Inference(ModelArchitecture.DecoderOnly);
        double Cost(double lnN)
        {
            double n = Math.Exp(lnN), d = Tokens(lnN);
            return kTrain * n * d * trainingCostPerFlopUsd + kServe * n * lifetimeTokens * inferenceCostPerFlopUsd;
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
        Expr Total(double n, double d)
        {
            Input nIn = Expr.In("N", "parameters", n, Compact(n) + " params");
            Expr train = Symbols.FlopPerParameterPerToken(kTrain) * nIn * Expr.In("D", "training tokens", d, Compact(d) + " tokens")
                * Expr.In("c_train", "training cost per FLOP (USD)", trainingCostPerFlopUsd, "$" + Compact(trainingCostPerFlopUsd));
            Expr serve = Expr.In("k′", "serving FLOP per parameter per token (eq. 1)", kServe, Compact(kServe) + " FLOP/param/token") * nIn
                * Expr.In("T", "tokens served over the model's life", lifetimeTokens, Compact(lifetimeTokens) + " tokens")
                * Expr.In("c_serve", "serving cost per FLOP (USD)", inferenceCostPerFlopUsd, "$" + Compact(inferenceCostPerFlopUsd));
            return train + serve;
        }

        Expr total = Total(nBest, dBest), optimalTotal = Total(optimal.Parameters.Count, optimal.Tokens.Count);
        double train = kTrain * nBest * dBest * trainingCostPerFlopUsd, serve = total.Value - train;
        string eq = $"(23) min k·N·D·c_train + k′·N·T·c_serve s.t. L(N, D) = L*; law '{law.Id}'";
        Derivation[] derivations =
        [
            Derivation.Of("training + lifetime serving cost at the cheapest N (USD)", eq + " (N by a golden-section search, D from L*)", total, Usd),
            Derivation.Of("training + lifetime serving cost of the training-only optimum (USD)", eq, optimalTotal, Usd),
        ];
        return new LifetimePlan(law, targetLoss, lifetime, ParameterCount.FromCount(nBest), TokenCount.FromCount(dBest),
            FlopCount.FromFlop(kTrain * nBest * dBest), FlopCount.FromFlop(kServe * nBest * lifetimeTokens), Money.FromUsd(train), Money.FromUsd(serve),
            Money.FromUsd(total.Value), optimal, Money.FromUsd(optimalTotal.Value), derivations[0]) { Steps = derivations };
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
}

using LlmEcon.Derivations;
using LlmEcon.Quantities;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Projections;

/// <summary>One lever on cost: new cost over old cost, and whether it counts for inference, training or both.</summary>
/// <param name="Name">What changed.</param>
/// <param name="Factor">New cost / old cost (0.4 for 60% fewer parameters).</param>
/// <param name="Inference">Counts toward inference cost.</param>
/// <param name="Training">Counts toward training cost.</param>
/// <param name="Derivation">How the factor was computed.</param>
public sealed record Lever(string Name, double Factor, bool Inference, bool Training, Derivation Derivation)
{
    /// <summary>The reduction this lever alone gives, 1 − factor.</summary>
    public double Reduction => 1 - Factor;
}

/// <summary>One year of a cost projection.</summary>
/// <param name="Year">Years from the start (0 = today).</param>
/// <param name="Cost">Projected cost.</param>
public sealed record ProjectedCost(int Year, Money Cost);

/// <summary>
/// The general framework (eqs. 10–12; Sun 2023 §5): cost per FLOP, levers on N, cost/FLOP and MFU, their net reduction,
/// and projection of cost over years from annual improvement rates.
/// </summary>
public static class CostTrajectory
{
    /// <summary>cost per FLOP = price per chip-second / peak FLOP/s (eq. 10), in USD per FLOP at full utilization.</summary>
    public static double CostPerFlop(MoneyRate pricePerChipHour, FlopRate peak) =>
        pricePerChipHour.UsdPerSecond / Guard.Positive(peak.FlopPerSecond, "peakFlops");

    /// <summary>inference cost per token = 2N × cost per FLOP / MFU (eq. 10).</summary>
    public static MoneyPerToken InferencePerToken(ParameterCount n, double costPerFlopUsd, Ratio mfu) =>
        MoneyPerToken.FromUsdPerToken(2 * n.Count * Guard.NonNegative(costPerFlopUsd, "costPerFlop") / Guard.Utilization(mfu.Fraction, "mfu"));

    /// <summary>training cost = 6ND × cost per FLOP / MFU (eq. 10).</summary>
    public static Money Training(ParameterCount n, TokenCount d, double costPerFlopUsd, Ratio mfu) =>
        Money.FromUsd(6 * n.Count * d.Count * Guard.NonNegative(costPerFlopUsd, "costPerFlop") / Guard.Utilization(mfu.Fraction, "mfu"));

    /// <summary>Fewer parameters at equal capability: factor = N_new / N_old (cost ∝ N).</summary>
    public static Lever Parameters(ParameterCount before, ParameterCount after, bool inference = true, bool training = false)
    {
        double f = after.Count / Guard.Positive(before.Count, "parameters before");
        return new Lever("parameter count", f, inference, training, new Derivation("parameter factor", "(11) cost ∝ N",
            "N_new / N_old", $"{Compact(after.Count)} / {Compact(before.Count)}", $"{Compact(f, 3)} ({Percent(1 - f)} fewer)", []));
    }

    /// <summary>Cheaper FLOPs: factor = 1 − reduction in cost per FLOP.</summary>
    public static Lever CostPerFlopChange(Ratio reduction, string why, bool inference = true, bool training = true)
    {
        Guard.InRange(reduction.Fraction, "costPerFlopReduction", -10, 1, false, true);
        double f = 1 - reduction.Fraction;
        return new Lever("cost per FLOP", f, inference, training, new Derivation("cost-per-FLOP factor", "(11) cost ∝ cost/FLOP",
            "1 − reduction", $"1 − {Compact(reduction.Fraction)} ({why})", Compact(f, 3), []));
    }

    /// <summary>Higher utilization: factor = MFU_old / MFU_new (cost ∝ 1/MFU).</summary>
    public static Lever Utilization(Ratio before, Ratio after, bool inference = false, bool training = true)
    {
        Guard.Utilization(before.Fraction, "mfu before");
        Guard.Utilization(after.Fraction, "mfu after");
        double f = before.Fraction / after.Fraction;
        return new Lever("model FLOPs utilization", f, inference, training, new Derivation("utilization factor", "(11) cost ∝ 1/MFU",
            "MFU_old / MFU_new", $"{Compact(before.Fraction)} / {Compact(after.Fraction)}", $"{Compact(f, 3)} (×{Compact(1 / f, 3)} utilization)", []));
    }

    /// <summary>net reduction = 1 − Π factors of the levers that count (eq. 11).</summary>
    public static (Ratio Reduction, Derivation Derivation) NetReduction(IEnumerable<Lever> levers, bool inference)
    {
        var used = levers.Where(l => inference ? l.Inference : l.Training).ToList();
        double product = used.Aggregate(1.0, (p, l) => p * l.Factor);
        var r = Ratio.FromFraction(1 - product);
        return (r, new Derivation($"net {(inference ? "inference" : "training")} cost reduction", "(11) Sun 2023 §5",
            "1 − Π (new/old factor of each lever)",
            "1 − " + (used.Count == 0 ? "1" : string.Join(" × ", used.Select(l => Compact(l.Factor, 3)))),
            Percent(r.Fraction), []));
    }

    /// <summary>
    /// cost(year t) = cost(0) × Π (1 − annual improvement_i)^t (eq. 12): each rate is a yearly fall in cost
    /// (e.g. 1 − 1/1.22 from throughput per $ growing 22% a year).
    /// </summary>
    public static IReadOnlyList<ProjectedCost> Project(Money start, IEnumerable<Ratio> annualCostDeclines, int years)
    {
        var rates = annualCostDeclines.ToList();
        foreach (Ratio r in rates)
        {
            Guard.InRange(r.Fraction, "annualCostDecline", -10, 1, false, true);
        }

        Guard.InRange(years, "years", 0, 200, false, false);
        double perYear = rates.Aggregate(1.0, (p, r) => p * (1 - r.Fraction));
        return Enumerable.Range(0, years + 1).Select(t => new ProjectedCost(t, start * Math.Pow(perYear, t))).ToList();
    }

    /// <summary>The yearly fall in cost implied by a yearly growth in efficiency g: 1 − 1/(1+g).</summary>
    public static Ratio CostDeclineFromEfficiencyGrowth(double annualGrowth) =>
        Ratio.FromFraction(1 - 1 / (1 + Guard.InRange(annualGrowth, "annualGrowth", -0.99, 100, false, false)));
}

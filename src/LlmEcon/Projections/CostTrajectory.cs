using LlmEcon.Costs;
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
    /// <summary>The factor as an input of the net reduction (eq. 11).</summary>
    internal Input AsInput(string symbol) => Expr.In(symbol, Name + " factor, new/old", Factor, Compact(Factor));

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
    /// <summary>cost per FLOP = price per chip-second / peak FLOP/s (eq. 10), at full utilization.</summary>
    public static MoneyPerFlop CostPerFlop(MoneyRate pricePerChipHour, FlopRate peak) =>
        MoneyPerFlop.FromUsdPerFlop(pricePerChipHour.UsdPerSecond / Guard.Positive(peak.FlopPerSecond, "peakFlops"));

    /// <summary>
    /// The cost of a FLOP at an MFU on a machine, with its derivation (eq. 10): price per machine-hour / chips / (peak × MFU × 3600 s/h).
    /// </summary>
    public static Derivation CostPerFlopAt(Sourced<MoneyRate> pricePerMachineHour, Sourced<int> chipsPerMachine, Sourced<FlopRate> peak, Sourced<Ratio> mfu)
    {
        Expr perFlop = Symbols.PricePerHour(pricePerMachineHour) / Symbols.ChipsPerMachine(chipsPerMachine)
            / (Symbols.Peak(peak) * Symbols.Mfu(mfu) * Symbols.SecondsPerHour);
        return Derivation.Of("cost per FLOP on the machine (USD)", "(10) price per chip-hour / (peak × MFU × 3600 s/h)", perFlop, v => "$" + Compact(v) + " per FLOP");
    }

    /// <summary>inference cost per token = k·N × cost per FLOP / MFU, k = 2 (eqs. 1, 10).</summary>
    public static MoneyPerToken InferencePerToken(ParameterCount n, MoneyPerFlop costPerFlop, Ratio mfu) =>
        MoneyPerToken.FromUsdPerToken((costPerFlop * FlopsPerToken.InferenceWork(n, TokenCount.FromCount(1))).Usd / Guard.Utilization(mfu.Fraction, "mfu"));

    /// <summary>training cost = k·N·D × cost per FLOP / MFU, k = 6 (eqs. 1, 10).</summary>
    public static Money Training(ParameterCount n, TokenCount d, MoneyPerFlop costPerFlop, Ratio mfu) =>
        costPerFlop * FlopsPerToken.TrainingWork(n, d) / Guard.Utilization(mfu.Fraction, "mfu");

    /// <summary>
    /// The article's three levers since GPT-3 (eq. 11): fewer parameters (inference), cheaper FLOPs (both), higher utilization (training).
    /// </summary>
    public static IReadOnlyList<Lever> Levers(Sourced<ParameterCount> parametersBefore, Sourced<ParameterCount> parametersAfter,
        Ratio costPerFlopReduction, string why, Sourced<Ratio> mfuBefore, Sourced<Ratio> mfuAfter) =>
        [Parameters(parametersBefore, parametersAfter), CostPerFlopChange(costPerFlopReduction, why), Utilization(mfuBefore, mfuAfter)];

    /// <summary>Fewer parameters at equal capability: factor = N_new / N_old (cost ∝ N).</summary>
    public static Lever Parameters(Sourced<ParameterCount> before, Sourced<ParameterCount> after, bool inference = true, bool training = false)
    {
        Guard.Positive(before.Value.Count, "parameters before");
        Expr f = Symbols.Parameters(after, "N_new") / Symbols.Parameters(before, "N_old");
        return new Lever("parameter count", f.Value, inference, training, Derivation.Of("parameter factor, new/old", "(11) cost ∝ N", f, v => Compact(v, 4)));
    }

    /// <summary>Cheaper FLOPs: factor = 1 − reduction in cost per FLOP.</summary>
    public static Lever CostPerFlopChange(Ratio reduction, string why, bool inference = true, bool training = true)
    {
        Guard.InRange(reduction.Fraction, "costPerFlopReduction", -10, 1, false, true);
        Expr f = Expr.Const(1) - Expr.In("reduction", "fall in cost per FLOP: " + why, reduction.Fraction, Percent(reduction.Fraction, 2));
        return new Lever("cost per FLOP", f.Value, inference, training, Derivation.Of("cost-per-FLOP factor, new/old", "(11) cost ∝ cost/FLOP", f, v => Compact(v, 4)));
    }

    /// <summary>Higher utilization: factor = MFU_old / MFU_new (cost ∝ 1/MFU).</summary>
    public static Lever Utilization(Sourced<Ratio> before, Sourced<Ratio> after, bool inference = false, bool training = true)
    {
        Guard.Utilization(before.Value.Fraction, "mfu before");
        Guard.Utilization(after.Value.Fraction, "mfu after");
        Expr f = Symbols.Mfu(before, "MFU_old") / Symbols.Mfu(after, "MFU_new");
        return new Lever("model FLOPs utilization", f.Value, inference, training, Derivation.Of("utilization factor, new/old", "(11) cost ∝ 1/MFU", f, v => Compact(v, 4)));
    }

    /// <summary>net reduction = 1 − Π factors of the levers that count (eq. 11).</summary>
    public static (Ratio Reduction, Derivation Derivation) NetReduction(IEnumerable<Lever> levers, bool inference)
    {
        var used = levers.Where(l => inference ? l.Inference : l.Training).ToList();
        Expr product = used.Count == 0 ? Expr.Const(1) : used.Select((l, i) => (Expr)l.AsInput("f" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Aggregate((a, b) => a * b);
        Expr net = Expr.Const(1) - product;
        return (Ratio.FromFraction(net.Value), Derivation.Of($"net {(inference ? "inference" : "training")} cost reduction", "(11) 1 − Π (new/old factor of each lever)",
            net, v => Percent(v, 2)));
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
    public static Ratio CostDeclineFromEfficiencyGrowth(double annualGrowth) => Ratio.FromFraction(CostDeclineOf(annualGrowth).Value!.Value);

    /// <summary>The yearly fall in cost from a yearly growth in efficiency g, with its derivation (eq. 12): 1 − 1/(1 + g).</summary>
    public static Derivation CostDeclineOf(double annualGrowth)
    {
        Guard.InRange(annualGrowth, "annualGrowth", -0.99, 100, false, false);
        Expr one = Expr.Const(1);
        Expr decline = one - one / (one + Expr.In("g", "yearly growth of throughput per $", annualGrowth, Percent(annualGrowth, 2)));
        return Derivation.Of("yearly fall in cost", "(12) 1 − 1/(1 + g)", decline, v => Percent(v, 2));
    }

    /// <summary>The cost in year <paramref name="year"/> at a yearly fall <paramref name="decline"/>, with its derivation (eq. 12): cost(0) × (1 − d)^t.</summary>
    public static Derivation ProjectionOf(Money start, Ratio decline, int year)
    {
        Expr cost = Expr.In("cost(0)", "cost in year 0", start.Usd, Usd(start.Usd))
            * Expr.Pow(Expr.Const(1) - Expr.In("d", "yearly fall in cost", decline.Fraction, Percent(decline.Fraction, 2)),
                Expr.In("t", "years", year, year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Derivation.Of($"cost in year {year.ToString(System.Globalization.CultureInfo.InvariantCulture)} (USD)", "(12) cost(0) × (1 − d)^t", cost, Usd);
    }
}

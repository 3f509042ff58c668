using System.Globalization;
using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Models;
using LlmEcon.Quantities;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Costs;

/// <summary>What a training run is made of: model, data, hardware and price. Utilization, chip-hours, wall time and cost are solved.</summary>
/// <param name="Parameters">N.</param>
/// <param name="Tokens">D, training tokens.</param>
/// <param name="PeakPerChip">Peak FLOP/s per chip.</param>
/// <param name="ChipsPerMachine">Chips per rented machine (1 when a price per chip-hour is given).</param>
/// <param name="MachinePrice">Price per machine-hour (or per chip-hour when chips per machine is 1).</param>
/// <param name="Architecture">Sets FLOP per parameter per token (eq. 1).</param>
public sealed record TrainingInputs(
    Sourced<ParameterCount> Parameters, Sourced<TokenCount> Tokens, Sourced<FlopRate> PeakPerChip,
    Sourced<int> ChipsPerMachine, Sourced<MoneyRate> MachinePrice, ModelArchitecture Architecture = ModelArchitecture.DecoderOnly)
{
    /// <summary>Price per chip-hour: machine price ÷ chips per machine.</summary>
    public MoneyRate PricePerChipHour => MachinePrice.Value / Guard.PositiveCount(ChipsPerMachine.Value, "chipsPerMachine");

    /// <summary>The attention work per token beyond k·N (eq. 27), or null for the article's k·N·D alone.</summary>
    public AttentionWork? Attention { get; init; }

    /// <summary>
    /// Inputs from a catalog offer, its accelerator's peak (<see cref="Accelerator.TrainingPeak"/>: mixed FP16/BF16
    /// unless <paramref name="precision"/> says otherwise).
    /// </summary>
    public static TrainingInputs FromOffer(LlmCatalog catalog, string offerId, Sourced<ParameterCount> parameters, Sourced<TokenCount> tokens,
        Precision? precision = null)
    {
        Hardware.Machine m = Hardware.Machine.FromOffer(catalog, offerId, precision);
        return new TrainingInputs(parameters, tokens, m.Peak, m.ChipsPerMachine, m.Price);
    }
}

/// <summary>What is known about a run besides its inputs; any one of MFU, chip-hours, chips × time, or cost settles the rest.</summary>
/// <param name="Mfu">Model FLOPs utilization, if known.</param>
/// <param name="ChipHours">Accelerator-hours, if known.</param>
/// <param name="Chips">Chips used at once, if known.</param>
/// <param name="WallTime">Wall-clock time, if known.</param>
/// <param name="Cost">Total cost, if known.</param>
public sealed record TrainingKnowns(Ratio? Mfu = null, AcceleratorTime? ChipHours = null, int? Chips = null, Duration? WallTime = null, Money? Cost = null);

/// <summary>A solved training run.</summary>
/// <param name="Inputs">Model, data, hardware and price.</param>
/// <param name="Work">C = k·N·D (plus the attention work, eq. 27, when the inputs carry it).</param>
/// <param name="Mfu">Model FLOPs utilization.</param>
/// <param name="ChipHours">Accelerator-hours.</param>
/// <param name="Chips">Chips at once, when known or solved.</param>
/// <param name="WallTime">Wall-clock time, when known or solved.</param>
/// <param name="Cost">Total cost.</param>
/// <param name="CostPer1kTokens">Training cost per 1000 training tokens.</param>
/// <param name="Solved">Which quantities were solved (the rest were given).</param>
/// <param name="Derivation">How the cost was computed.</param>
/// <param name="Steps">Every solved quantity's derivation, in order.</param>
public sealed record TrainingSolution(
    TrainingInputs Inputs, FlopCount Work, Ratio Mfu, AcceleratorTime ChipHours, double? Chips, Duration? WallTime, Money Cost,
    MoneyPerToken CostPer1kTokens, IReadOnlyList<string> Solved, Derivation Derivation, IReadOnlyList<Derivation> Steps)
{
    /// <summary>How the cost per 1000 training tokens was computed: cost / D × 1000.</summary>
    public Derivation CostPer1kTokensDerivation { get; init; } = Derivation;
}

/// <summary>
/// Training cost (eq. 8; Sun 2023 §4) and its inverse (eq. 9): from published chip-hours or chips × days and a price,
/// the implied MFU and cost; any one of {MFU, chip-hours, wall time with chips, cost} solved from the others.
/// </summary>
public static class TrainingCost
{
    /// <summary>Relative tolerance within which two given quantities count as consistent (0.5%).</summary>
    public const double ConsistencyTolerance = 0.005;

    /// <summary>
    /// The article's forward form: cost = k·N·D / (chips × peak × MFU) × price per machine-hour / 3600 s/h.
    /// </summary>
    public static TrainingSolution Cost(TrainingInputs inputs, Sourced<Ratio> mfu) => Solve(inputs, new TrainingKnowns(Mfu: mfu.Value), mfu.From);

    /// <summary>Solves whatever is missing from what is known; two or more inconsistent knowns are an error naming them.</summary>
    public static TrainingSolution Solve(TrainingInputs x, TrainingKnowns known, Provenance? mfuFrom = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(known);
        double peak = Guard.Positive(x.PeakPerChip.Value.FlopPerSecond, "peakFlops");
        int perMachine = Guard.PositiveCount(x.ChipsPerMachine.Value, "chipsPerMachine");
        double pricePerChipHour = x.PricePerChipHour.UsdPerHour;
        double k = FlopsPerToken.Training(x.Architecture);

        if (known.Mfu is { } m0)
        {
            Guard.Utilization(m0.Fraction, "mfu");
        }

        if (known.ChipHours is { } h0)
        {
            Guard.Positive(h0.ChipHours, "chipHours");
        }

        if (known.Chips is { } c0)
        {
            Guard.PositiveCount(c0, "chips");
        }

        if (known.WallTime is { } t0)
        {
            Guard.Positive(t0.Seconds, "wallTime");
        }

        if (known.Cost is { } cost0)
        {
            Guard.Positive(cost0.Usd, "cost");
        }

        // Each known gives an estimate of chip-hours, the pivot of eq. 9, as an expression.
        Input n = Symbols.Parameters(x.Parameters), d = Symbols.Tokens(x.Tokens), kIn = Symbols.FlopPerParameterPerToken(k);
        Input peakIn = Symbols.Peak(x.PeakPerChip), perMachineIn = Symbols.ChipsPerMachine(x.ChipsPerMachine);
        Input priceIn = Symbols.PricePerHour(x.MachinePrice, meaning: perMachine == 1 ? "USD per chip-hour" : "USD per machine-hour");
        Expr kND = kIn * n * d, forwardWork = n * kIn * d;
        string workText = "k·N·D";
        if (x.Attention is { } attention)
        {
            // eq. 27: the attention work of every training token, beside k·N·D
            Expr attentionWork = attention.PerToken(training: true) * d;
            kND += attentionWork;
            forwardWork += attentionWork;
            workText = "(k·N·D + attention × D)";
        }

        FlopCount work = FlopCount.FromFlop(kND.Value);
        // Each estimate carries the equation that gives it: the first one is the chip-hours the run solves with, shown as such.
        var estimates = new List<(string Name, Expr ChipHours, string? Equation)>();
        Sourced<Ratio>? mfuGiven = known.Mfu is { } m ? new Sourced<Ratio>(m, mfuFrom) : null;
        if (mfuGiven is { } mg)
        {
            estimates.Add(("mfu", ChipHoursAtMfu(kND, peakIn, Symbols.Mfu(mg)), $"(9b) chip-hours = {workText} / (peak × MFU × 3600 s/h)"));
        }

        if (known.ChipHours is { } h)
        {
            estimates.Add(("chipHours", Symbols.ChipHours(h.ChipHours), null)); // given: shown as an input, never as a step
        }

        if (known.Chips is { } c && known.WallTime is { } t)
        {
            estimates.Add(("chips × wallTime", ChipsIn(c) * DaysIn(t) * Expr.Const(24, "24 h/d"), "(9c) chip-hours = chips × wall time"));
        }

        if (known.Cost is { } cost)
        {
            if (pricePerChipHour <= 0)
            {
                throw Guard.Fail("pricePerChipHour", "> 0 to solve from a cost", Guard.Show(pricePerChipHour));
            }

            estimates.Add(("cost", Expr.In("cost", "training cost (USD), given", cost.Usd, Usd(cost.Usd)) / (priceIn / perMachineIn),
                "(9d) chip-hours = cost / price per chip-hour"));
        }

        if (estimates.Count == 0)
        {
            throw Guard.Fail("knowns", "at least one of MFU, chip-hours, chips with wall time, or cost", "none of them");
        }

        double chipHours = estimates[0].ChipHours.Value;
        foreach (var e in estimates.Skip(1))
        {
            if (Math.Abs(e.ChipHours.Value / chipHours - 1) > ConsistencyTolerance)
            {
                throw Guard.Fail($"{estimates[0].Name} and {e.Name}", "consistent (they imply the same chip-hours within 0.5%)",
                    string.Create(CultureInfo.InvariantCulture, $"{Compact(chipHours)} vs {Compact(e.ChipHours.Value)} chip-hours"),
                    "give only one of them, or make them agree");
            }
        }

        var solved = new List<string>();
        var steps = new List<Derivation>();
        // The chip-hours first (when solved), then what follows from them.
        if (known.ChipHours is null)
        {
            solved.Add("chipHours");
            steps.Add(Derivation.Of("chip-hours", estimates[0].Equation!, estimates[0].ChipHours, v => Compact(v) + " chip-h"));
        }

        Input hours = Symbols.ChipHours(chipHours);
        Expr mfuExpr = kND / (hours * Symbols.SecondsPerHour * peakIn);
        double mfu = known.Mfu?.Fraction ?? mfuExpr.Value;
        if (known.Mfu is null)
        {
            solved.Add("mfu");
            steps.Add(Derivation.Of("implied MFU", $"(9a) MFU = {workText} / (chip-hours × 3600 s/h × peak)", mfuExpr, v => Percent(v, 2)));
        }

        // Knowns that imply more work per second than the chips' peak (or no work at all) describe no possible run.
        Guard.InRange(mfu, $"the MFU implied by {estimates[0].Name}", 0, 1, lowOpen: true, highOpen: false,
            "a run cannot beat the chips' peak: check the hours, chips, days or cost against N, D and the peak");
        double? chips = known.Chips;
        Duration? wall = known.WallTime;
        if (chips is { } cc && wall is null)
        {
            Expr days = hours / ChipsIn(cc) / Expr.Const(24, "24 h/d");
            wall = Duration.FromDays(days.Value);
            solved.Add("wallTime");
            steps.Add(Derivation.Of("wall time (days)", "(9c) wall time = chip-hours / chips", days, v => Compact(v) + " days"));
        }
        else if (wall is { } ww && chips is null)
        {
            Expr atOnce = hours / (DaysIn(ww) * Expr.Const(24, "24 h/d"));
            chips = atOnce.Value;
            solved.Add("chips");
            steps.Add(Derivation.Of("chips", "(9c) chips = chip-hours / wall time", atOnce, v => Compact(v) + " chips"));
        }

        // The cost: in the article's forward form when MFU was given (eq. 8), else chip-hours × price per chip-hour.
        Expr totalExpr = mfuGiven is { } mu
            ? CostAtMfu(forwardWork, perMachineIn, peakIn, Symbols.Mfu(mu), priceIn)
            : known.Cost is { } given ? Expr.In("cost", "USD, given", given.Usd, Usd(given.Usd)) : hours * priceIn / perMachineIn;
        if (known.Cost is null)
        {
            solved.Add("cost");
        }

        Money total = Money.FromUsd(totalExpr.Value);
        var main = Derivation.Of("training cost (USD)", known.Mfu is not null ? "(8) Sun 2023 §4" : "(8) cost = chip-hours × price per chip-hour", totalExpr, Usd);
        steps.Add(main);
        Expr per1kExpr = CostPer1kTokens<Expr>(Expr.In("cost", "training cost (USD)", total.Usd, Usd(total.Usd)), d);
        var per1k = Derivation.Of("training cost per 1000 training tokens (USD)", "(8) cost / D × 1000", per1kExpr, Usd);
        MoneyPerToken perToken = x.Tokens.Value.Count > 0 ? MoneyPerToken.FromUsdPer1kTokens(per1kExpr.Value) : MoneyPerToken.FromUsdPerToken(0);
        return new TrainingSolution(x, work, Ratio.FromFraction(mfu), AcceleratorTime.FromChipHours(chipHours), chips, wall, total, perToken, solved, main, steps) { CostPer1kTokensDerivation = per1k };
    }

    /// <summary>(9b) chip-hours = work / (peak × MFU × 3600 s/h), over <see cref="ITerm{T}"/>.</summary>
    public static T ChipHoursAtMfu<T>(T work, T peak, T mfu) where T : ITerm<T> =>
        work / (peak * mfu * T.Const(Duration.SecondsPerHour, "3600 s/h"));

    /// <summary>(8) cost = work / (chips per machine × peak × MFU) × price per machine-hour / 3600 s/h, over <see cref="ITerm{T}"/>.</summary>
    public static T CostAtMfu<T>(T work, T chipsPerMachine, T peak, T mfu, T pricePerMachineHour) where T : ITerm<T> =>
        work / (chipsPerMachine * peak * mfu) * pricePerMachineHour / T.Const(Duration.SecondsPerHour, "3600 s/h");

    /// <summary>(8) cost per 1000 training tokens = cost / D × 1000, over <see cref="ITerm{T}"/>.</summary>
    public static T CostPer1kTokens<T>(T cost, T tokens) where T : ITerm<T> => cost / tokens * T.Const(1000, "1000 tokens");

    private static Input DaysIn(Duration t) => Expr.In("days", "wall-clock days", t.Days, Compact(t.Days) + " d");

    private static Input ChipsIn(double c) => Expr.In("chips", "chips at once", c, NumberFormat.Integer(c));
}

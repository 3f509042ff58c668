using System.Globalization;
using LlmEcon.Catalog;
using LlmEcon.Derivations;
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

    /// <summary>
    /// Inputs from a catalog offer, its accelerator's peak (<see cref="Accelerator.TrainingPeak"/>: mixed FP16/BF16
    /// unless <paramref name="precision"/> says otherwise).
    /// </summary>
    public static TrainingInputs FromOffer(LlmCatalog catalog, string offerId, Sourced<ParameterCount> parameters, Sourced<TokenCount> tokens,
        Precision? precision = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        CloudOffer offer = catalog.Offer(offerId);
        Sourced<FlopRate> peak = catalog.Accelerator(offer.AcceleratorId).TrainingPeak(precision);
        return new TrainingInputs(parameters, tokens, peak, offer.ChipsSourced, offer.MachinePriceSourced);
    }
}

/// <summary>What is known about a run besides its inputs; any one of MFU, chip-hours, chips × time, or cost settles the rest.</summary>
/// <param name="Mfu">Model FLOPs utilization, if known.</param>
/// <param name="ChipHours">Accelerator-hours, if known.</param>
/// <param name="Chips">Chips used at once, if known.</param>
/// <param name="WallTime">Wall-clock time, if known.</param>
/// <param name="Cost">Total cost, if known.</param>
public sealed record TrainingKnowns(Ratio? Mfu = null, double? ChipHours = null, int? Chips = null, Duration? WallTime = null, Money? Cost = null);

/// <summary>A solved training run.</summary>
/// <param name="Inputs">Model, data, hardware and price.</param>
/// <param name="Work">C = k·N·D.</param>
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
    TrainingInputs Inputs, FlopCount Work, Ratio Mfu, double ChipHours, double? Chips, Duration? WallTime, Money Cost,
    MoneyPerToken CostPer1kTokens, IReadOnlyList<string> Solved, Derivation Derivation, IReadOnlyList<Derivation> Steps);

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
        FlopCount work = FlopsPerToken.TrainingWork(x.Parameters.Value, x.Tokens.Value, x.Architecture);
        double k = FlopsPerToken.Training(x.Architecture);

        if (known.Mfu is { } m0)
        {
            Guard.Utilization(m0.Fraction, "mfu");
        }

        if (known.ChipHours is { } h0)
        {
            Guard.Positive(h0, "chipHours");
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

        // Each known gives an estimate of chip-hours, the pivot of eq. 9.
        var estimates = new List<(string Name, double ChipHours)>();
        if (known.Mfu is { } m)
        {
            estimates.Add(("--mfu", work.Flop / (peak * m.Fraction * Duration.SecondsPerHour)));
        }

        if (known.ChipHours is { } h)
        {
            estimates.Add(("--chip-hours", h));
        }

        if (known.Chips is { } c && known.WallTime is { } t)
        {
            estimates.Add(("--chips × --days", c * t.Hours));
        }

        if (known.Cost is { } cost)
        {
            if (pricePerChipHour <= 0)
            {
                throw Guard.Fail("pricePerChipHour", "> 0 to solve from a cost", Guard.Show(pricePerChipHour));
            }

            estimates.Add(("--cost", cost.Usd / pricePerChipHour));
        }

        if (estimates.Count == 0)
        {
            throw Guard.Fail("knowns", "at least one of MFU, chip-hours, chips with wall time, or cost", "none of them");
        }

        double chipHours = estimates[0].ChipHours;
        foreach (var e in estimates.Skip(1))
        {
            if (Math.Abs(e.ChipHours / chipHours - 1) > ConsistencyTolerance)
            {
                throw Guard.Fail($"{estimates[0].Name} and {e.Name}", "consistent (they imply the same chip-hours within 0.5%)",
                    string.Create(CultureInfo.InvariantCulture, $"{Compact(chipHours)} vs {Compact(e.ChipHours)} chip-hours"),
                    "give only one of them, or make them agree");
            }
        }

        var solved = new List<string>();
        var steps = new List<Derivation>();
        var ntd = new List<Term>
        {
            Term.Of("N", "parameters", x.Parameters, Compact(x.Parameters.Value.Count)),
            Term.Of("D", "training tokens", x.Tokens, Compact(x.Tokens.Value.Count)),
            new("k", "FLOP per parameter per token (eq. 1)", Compact(k)),
            Term.Of("peak", "FLOP/s per chip", x.PeakPerChip, Compact(peak)),
        };

        double mfu = work.Flop / (chipHours * Duration.SecondsPerHour * peak);
        if (known.Mfu is null)
        {
            solved.Add("mfu");
            steps.Add(new Derivation("implied MFU", "(9a) MFU = k·N·D / (chip-hours × 3600 s/h × peak)",
                "k·N·D / (chip-hours × 3600 s/h × peak)",
                $"{Compact(k)} × {Compact(x.Parameters.Value.Count)} × {Compact(x.Tokens.Value.Count)} FLOP / ({Compact(chipHours)} chip-h × 3600 s/h × {Compact(peak)} FLOP/s)",
                Percent(mfu, 2), [.. ntd, new Term("chip-hours", "accelerator-hours", Compact(chipHours))]));
        }

        // Knowns that imply more work per second than the chips' peak (or no work at all) describe no possible run.
        Guard.InRange(mfu, $"the MFU implied by {estimates[0].Name}", 0, 1, lowOpen: true, highOpen: false,
            "a run cannot beat the chips' peak: check the hours, chips, days or cost against N, D and the peak");
        if (known.ChipHours is null)
        {
            solved.Add("chipHours");
            steps.Add(new Derivation("chip-hours", "(9b) chip-hours = k·N·D / (peak × MFU × 3600 s/h)",
                "k·N·D / (peak × MFU × 3600 s/h)",
                $"{Compact(k)} × {Compact(x.Parameters.Value.Count)} × {Compact(x.Tokens.Value.Count)} FLOP / ({Compact(peak)} FLOP/s × {Compact(mfu)} × 3600 s/h)",
                Compact(chipHours) + " chip-h", [.. ntd, new Term("MFU", "model FLOPs utilization", Percent(mfu, 2), mfuFrom)]));
        }

        double? chips = known.Chips;
        Duration? wall = known.WallTime;
        if (chips is { } cc && wall is null)
        {
            wall = Duration.FromHours(chipHours / cc);
            solved.Add("wallTime");
            steps.Add(new Derivation("wall time", "(9c) wall time = chip-hours / chips", "chip-hours / chips",
                $"{Compact(chipHours)} chip-h / {NumberFormat.Integer(cc)} chips", wall.Value.ToString(), []));
        }
        else if (wall is { } ww && chips is null)
        {
            chips = chipHours / ww.Hours;
            solved.Add("chips");
            steps.Add(new Derivation("chips", "(9c) chips = chip-hours / wall time", "chip-hours / wall time",
                $"{Compact(chipHours)} chip-h / {Compact(ww.Hours)} h", Compact(chips.Value) + " chips", []));
        }

        Money total = Money.FromUsd(chipHours * pricePerChipHour);
        if (known.Cost is null)
        {
            solved.Add("cost");
        }

        var priceTerm = Term.Of("price", perMachine == 1 ? "USD per chip-hour" : "USD per machine-hour", x.MachinePrice, Usd(x.MachinePrice.Value.UsdPerHour));
        var main = new Derivation("training cost (USD)", "(8) Sun 2023 §4",
            "k·N·D / (chips per machine × peak × MFU) × price per machine-hour / 3600 s/h",
            $"{Compact(x.Parameters.Value.Count)} params × {Compact(k)} FLOP/param/token × {Compact(x.Tokens.Value.Count)} tokens / ({perMachine} × {Compact(peak)} FLOP/s × {Compact(mfu)}) × ${Compact(x.MachinePrice.Value.UsdPerHour)}/h / 3600 s/h",
            Usd(total.Usd),
            [.. ntd, Term.Of("chips", "chips per machine", x.ChipsPerMachine, perMachine.ToString(CultureInfo.InvariantCulture)),
             new Term("MFU", "model FLOPs utilization", Percent(mfu, 2), mfuFrom), priceTerm]);
        steps.Add(main);
        MoneyPerToken per1k = x.Tokens.Value.Count > 0 ? total / x.Tokens.Value : MoneyPerToken.FromUsdPerToken(0);
        return new TrainingSolution(x, work, Ratio.FromFraction(mfu), chipHours, chips, wall, total, per1k, solved, main, steps);
    }
}

using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Costs;
using LlmEcon.Derivations;
using LlmEcon.Memory;
using LlmEcon.Models;
using LlmEcon.Quantities;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon train</c>: eqs. 8–9.</summary>
internal sealed partial class TrainCommand : LlmEconCommand
{
    private static readonly Dictionary<string, string> KnownFlags = new(StringComparer.Ordinal)
    {
        ["mfu"] = "--mfu", ["chipHours"] = "--chip-hours", ["chips × wallTime"] = "--chips × --days", ["cost"] = "--cost",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"chips × wallTime|\bchipHours\b|\bmfu\b|\bcost\b")]
    private static partial System.Text.RegularExpressions.Regex Knowns();

    /// <inheritdoc/>
    public override string Path => "train";

    /// <inheritdoc/>
    public override string Summary => "Training cost (eq. 8) and its inverse (eq. 9): solves whichever of cost, MFU, chip-hours and wall time is missing.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [O.Params, O.ActiveParams, O.Tokens, O.Model, O.Context, O.Attention, O.TrainRecompute, O.Mfu, O.ChipHours, O.Chips, O.Days, O.Cost, .. MachineFlags.Options];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples =>
    [
        ["--model", "gpt-3", "--offer", "gcp-tpu-v4-1yr", "--mfu", "46.2%"],
        ["--params", "175B", "--tokens", "300B", "--chip", "v100-sxm2", "--price-per-chip-hour", "$2.48", "--chips", "10000", "--days", "14.8"],
        ["--params", "405B", "--tokens", "15.6T", "--chip", "h100-sxm", "--price-per-chip-hour", "$2.50", "--chip-hours", "30.84M"],
        ["--model", "deepseek-v3", "--chip", "h100-sxm", "--price-per-chip-hour", "$2", "--chip-hours", "2.788M"],
    ];

    /// <inheritdoc/>
    internal override Scenarios.IModel? Kernel(Args a, LlmCatalog catalog, IReadOnlyList<string> flags, IReadOnlyDictionary<string, double> at) =>
        Kernels.Train(a, flags, at);

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        var notes = new List<string>();
        var (n, active) = ModelFlags.WorkParameters(a, catalog, notes);
        Sourced<TokenCount> d = ModelFlags.Tokens(a, catalog, notes);
        var (m, machineNotes) = MachineFlags.From(a, catalog, ModelFlags.Model(a, catalog)?.TrainingPrecision);
        notes.AddRange(machineNotes);
        AttentionWork? attention = ModelFlags.Attention(a, catalog);
        var inputs = new TrainingInputs(n, d, m.Peak, m.ChipsPerMachine, m.Price) { Attention = attention };

        Ratio? mfu = a.Value(O.Mfu);
        AcceleratorTime? chipHours = a.Value(O.ChipHours);
        int? chips = a.Value(O.Chips) is { } c ? (int)c : null;
        Duration? wall = a.Value(O.Days);
        Money? cost = a.Value(O.Cost);
        if (wall is not null && chips is null)
        {
            throw Guard.Fail(O.Days.Name, "given with --chips (wall time alone does not fix chip-hours)", "--days without --chips");
        }

        Provenance? mfuFrom = null;
        bool anyKnown = mfu is not null || chipHours is not null || (chips is not null && wall is not null) || cost is not null;
        if (!anyKnown)
        {
            ModelCard? model = ModelFlags.Model(a, catalog);
            if (model?.TrainingChipHours is { } runHours)
            {
                // a published run's hours first: they are what was spent
                chipHours = runHours;
                notes.Add($"Chip-hours {NumberFormat.Count(runHours.ChipHours)} are {model.Id}'s published run on {model.TrainingAcceleratorId} ({model.TrainingChipHoursCover}).");
            }
            else if (model?.Mfu is null)
            {
                throw Guard.Fail("--mfu, --chip-hours, --chips with --days, or --cost", "given (one of them settles the rest)", "none of them");
            }
            else
            {
                Sourced<Ratio> published = model.MfuSourced;
                mfu = published.Value;
                mfuFrom = published.From;
                notes.Add($"MFU {NumberFormat.Percent(published.Value.Fraction)} is {model.Id}'s published MFU ({published.Origin}).");
            }
        }

        TrainingSolution r;
        try
        {
            r = TrainingCost.Solve(inputs, new TrainingKnowns(mfu, chipHours, chips, wall, cost), mfuFrom);
        }
        catch (InputException e)
        {
            // The library names its knowns (mfu, chipHours, chips × wallTime, cost); the user typed options.
            InputException named = e.Renamed(Knowns().Replace(e.Parameter, k => KnownFlags[k.Value]));
            if (!active && e.Parameter.StartsWith("the MFU implied by", StringComparison.Ordinal) && catalog.MixtureOfExpertsOfTotal(n.Value) is { } moe)
            {
                // a mixture of experts' total given as N: the likelier mistake than a percent
                string perToken = NumberFormat.Count(moe.ActiveParametersSourced.Value.Count);
                string use = ModelFlags.Model(a, catalog)?.Id == moe.Id ? $"leave out --params, or give --active-params {perToken}" : $"give --active-params {perToken}, or --model {moe.Id}";
                named = new InputException(named.Parameter, named.Rule, named.Actual,
                    $"{NumberFormat.Count(n.Value.Count)} is {moe.Id}'s total; {perToken} are active per token: {use}");
            }

            throw named;
        }

        notes.Insert(0, "Solved: " + string.Join(", ", r.Solved) + "; the rest was given.");
        (Derivation HardwareFlops, Derivation Hfu)? hardware = a.Has(O.TrainRecompute)
            ? HardwareUtilization.Of(r, Enum.Parse<Recompute>(a.Choice(O.TrainRecompute), ignoreCase: true))
            : null;
        Sheet sheet = Sheet.Record("training", $"Training cost, {NumberFormat.Count(n.Value.Count)} parameters on {NumberFormat.Count(d.Value.Count)} tokens, {m.Name}")
            .Add("parameters", active ? "Active parameters N (per token)" : "Parameters N", Kind.Count, n.Value.Count, "parameters")
            .Add("tokens", "Training tokens D", Kind.Count, d.Value.Count, "tokens")
            .Add("flops", attention is null ? "Training compute C = 6ND" : $"Training compute C = 6ND + {attention}", Kind.Number, r.Work.Flop, "FLOP")
            .Add("sixNdFlops", "of which 6ND", Kind.Number, attention is null ? null : FlopsPerToken.TrainingWork(n.Value, d.Value).Flop, "FLOP")
            .Add("peakFlopPerSecondPerChip", "Peak per chip", Kind.Number, m.Peak.Value.FlopPerSecond, "FLOP/s")
            .Add("pricePerChipHourUsd", "Price per chip-hour", Kind.Usd, inputs.PricePerChipHour.UsdPerHour, "USD/h")
            .Add("mfu", "MFU", Kind.Fraction, r.Mfu.Fraction)
            .Add("hardwareFlops", "Hardware FLOPs (recomputation included)", Kind.Number, hardware?.HardwareFlops.Value, "FLOP")
            .Add("hfu", "HFU", Kind.Fraction, hardware?.Hfu.Value)
            .Add("chipHours", "Chip-hours", Kind.Count, r.ChipHours.ChipHours, "chip-h")
            .Add("chips", "Chips at once", chips is null ? Kind.Count : Kind.Integer, r.Chips, "chips")
            .Add("wallTimeDays", "Wall time", Kind.Number, r.WallTime?.Days, "days")
            .Add("costUsd", "Cost", Kind.Usd, r.Cost.Usd)
            .Add("costPer1kTokensUsd", "Cost per 1000 training tokens", Kind.Usd, r.CostPer1kTokens.UsdPer1kTokens, "USD/1K tokens")
            .Add("solved", "Solved", Kind.Text, r.Solved, audience: Audience.Programs);
        return CommandResult.Of("Training cost", sheet, hardware is { } hw ? [.. r.Steps, hw.HardwareFlops, hw.Hfu] : r.Steps, notes);
    }
}

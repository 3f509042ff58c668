using System.ComponentModel;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Costs;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using Spectre.Console.Cli;

namespace LlmEcon.Cli.Commands;

/// <summary>Flags of <c>llmecon train</c>.</summary>
internal sealed class TrainSettings : ModelSettings
{
    /// <summary>--tokens.</summary>
    [CommandOption("--tokens <D>")]
    [Description("Training tokens D, e.g. 300B.")]
    public string? Tokens { get; init; }

    /// <summary>--chip-hours.</summary>
    [CommandOption("--chip-hours <H>")]
    [Description("Known accelerator-hours.")]
    public string? ChipHours { get; init; }

    /// <summary>--chips.</summary>
    [CommandOption("--chips <K>")]
    [Description("Chips used at once (with --days: a known; alone: solves the wall time).")]
    public string? Chips { get; init; }

    /// <summary>--days.</summary>
    [CommandOption("--days <T>")]
    [Description("Known wall-clock days (with --chips).")]
    public string? Days { get; init; }

    /// <summary>--cost.</summary>
    [CommandOption("--cost <USD>")]
    [Description("Known total cost, e.g. $4.6M; solves MFU and chip-hours.")]
    public string? Cost { get; init; }
}

/// <summary><c>llmecon train</c>: eqs. 8–9.</summary>
internal sealed class TrainCommand(Io io) : LlmEconCommand<TrainSettings>(io)
{
    /// <inheritdoc/>
    protected override CommandResult Build(TrainSettings s, LlmCatalog catalog)
    {
        Sourced<ParameterCount> n = ModelFlags.Parameters(s.Params, s.Model, catalog);
        Sourced<TokenCount> d = ModelFlags.Tokens(s.Tokens, s.Model, catalog);
        Machine m = Machine.From(s, catalog);
        var inputs = new TrainingInputs(n, d, m.Peak, m.ChipsPerMachine, m.MachinePrice);

        Ratio? mfu = s.Mfu is null ? null : QuantityParser.Ratio(s.Mfu, "--mfu");
        if (mfu is { } given)
        {
            Guard.Utilization(given.Fraction, "--mfu");
        }

        double? chipHours = s.ChipHours is null ? null : Guard.Positive(Flags.Number(s.ChipHours, "--chip-hours"), "--chip-hours");
        int? chips = s.Chips is null ? null : Flags.Count(s.Chips, "--chips");
        Duration? wall = s.Days is null ? null : Duration.FromDays(Guard.Positive(Flags.Number(s.Days, "--days"), "--days"));
        Money? cost = s.Cost is null ? null : QuantityParser.Money(s.Cost, "--cost");
        if (wall is not null && chips is null)
        {
            throw Guard.Fail("--days", "given with --chips (wall time alone does not fix chip-hours)", "--days without --chips");
        }

        var notes = new List<string>();
        Provenance? mfuFrom = null;
        bool anyKnown = mfu is not null || chipHours is not null || (chips is not null && wall is not null) || cost is not null;
        if (!anyKnown)
        {
            ModelCard? model = s.Model is null ? null : catalog.Model(s.Model);
            if (model?.Mfu is null)
            {
                throw Guard.Fail("--mfu, --chip-hours, --chips with --days, or --cost", "given (one of them settles the rest)", "none of them");
            }

            Sourced<Ratio> published = model.MfuSourced;
            mfu = published.Value;
            mfuFrom = published.From;
            notes.Add($"MFU {NumberFormat.Percent(published.Value.Fraction)} is {model.Id}'s published MFU ({published.Origin}).");
        }

        TrainingSolution r = TrainingCost.Solve(inputs, new TrainingKnowns(mfu, chipHours, chips, wall, cost), mfuFrom);
        notes.Insert(0, "Solved: " + string.Join(", ", r.Solved) + "; the rest was given.");
        Sheet sheet = Sheet.Record("training", $"Training cost, {NumberFormat.Compact(n.Value.Count)} parameters on {NumberFormat.Compact(d.Value.Count)} tokens, {m.Name}")
            .Add("parameters", "Parameters N", Kind.Number, n.Value.Count, "parameters")
            .Add("tokens", "Training tokens D", Kind.Number, d.Value.Count, "tokens")
            .Add("flops", "Training compute C = 6ND", Kind.Number, r.Work.Flop, "FLOP")
            .Add("peakFlopPerSecondPerChip", "Peak per chip", Kind.Number, m.Peak.Value.FlopPerSecond, "FLOP/s")
            .Add("pricePerChipHourUsd", "Price per chip-hour", Kind.Usd, inputs.PricePerChipHour.UsdPerHour, "USD/h")
            .Add("mfu", "MFU", Kind.Fraction, r.Mfu.Fraction)
            .Add("chipHours", "Chip-hours", Kind.Number, r.ChipHours, "chip-h")
            .AddIf("chips", "Chips at once", Kind.Number, r.Chips, "chips")
            .AddIf("wallTimeDays", "Wall time", Kind.Number, r.WallTime?.Days, "days")
            .Add("costUsd", "Cost", Kind.Usd, r.Cost.Usd)
            .Add("costPer1kTokensUsd", "Cost per 1000 training tokens", Kind.Usd, r.CostPer1kTokens.UsdPer1kTokens, "USD/1K tokens")
            .Add("solved", "Solved", Kind.Text, r.Solved, audience: Audience.Programs);
        return CommandResult.Of("Training cost", sheet, r.Steps, notes);
    }
}

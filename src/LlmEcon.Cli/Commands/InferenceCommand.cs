using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Costs;
using LlmEcon.Derivations;
using LlmEcon.Quantities;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon inference</c>: eq. 7.</summary>
internal sealed class InferenceCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "inference";

    /// <inheritdoc/>
    public override string Summary => "Cloud inference cost per 1000 and per 1M tokens (eq. 7) on a catalog offer or a machine you describe.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [O.Params, O.Model, O.Mfu, .. Machine.Options];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples =>
    [
        ["--params", "175B", "--offer", "aws-p4d-1yr", "--mfu", "21.3%"],
        ["--params", "70B", "--chip", "h100-sxm", "--chips-per-machine", "8", "--machine-price-per-hour", "$98.32", "--mfu", "40%"],
    ];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        var notes = new List<string>();
        Sourced<ParameterCount> n = ModelFlags.Parameters(a, catalog, notes);
        Ratio mfu = a.Required(O.Mfu, "model FLOPs utilization");
        Machine m = Machine.From(a, catalog);
        notes.AddRange(m.Notes);
        InferenceCostResult r = InferenceCost.Per1kTokens(new InferenceCostInputs(n, m.ChipsPerMachine, m.Peak, mfu, m.MachinePrice));
        Sheet sheet = Sheet.Record("inference", $"Inference cost, {NumberFormat.Count(n.Value.Count)} parameters on {m.Name}")
            .Add("parameters", "Parameters N", Kind.Count, n.Value.Count, "parameters")
            .Add("chipsPerMachine", "Chips per machine", Kind.Integer, (double)m.ChipsPerMachine.Value, "chips")
            .Add("peakFlopPerSecondPerChip", "Peak per chip", Kind.Number, m.Peak.Value.FlopPerSecond, "FLOP/s")
            .Add("mfu", "MFU", Kind.Fraction, mfu.Fraction)
            .Add("machinePricePerHourUsd", "Price per machine-hour", Kind.Usd, m.MachinePrice.Value.UsdPerHour, "USD/h")
            .Add("flopPer1kTokens", "Work per 1000 tokens", Kind.Number, r.FlopPer1kTokens.Flop, "FLOP")
            .Add("machineSecondsPer1kTokens", "Machine time per 1000 tokens", Kind.Number, r.MachineSecondsPer1kTokens.Seconds, "s")
            .Add("costPer1kTokensUsd", "Cost per 1000 tokens", Kind.Usd, r.Cost.UsdPer1kTokens, "USD/1K tokens")
            .Add("costPer1MTokensUsd", "Cost per 1M tokens", Kind.Usd, r.Cost.UsdPer1MTokens, "USD/1M tokens");
        return CommandResult.Of("Inference cost", sheet, [r.Derivation], notes);
    }
}

/// <summary>--params / --model / --tokens resolution shared by the commands that take a model.</summary>
internal static class ModelFlags
{
    /// <summary>N from <paramref name="option"/> (default --params), else from --model's catalog entry; a given N that replaces the model's is noted.</summary>
    public static Sourced<ParameterCount> Parameters(Args a, LlmCatalog catalog, List<string> notes, ValueOpt<ParameterCount>? option = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(notes);
        option ??= O.Params;
        ModelCard? model = Model(a, catalog);
        if (a.Value(option) is { } n)
        {
            if (model is not null)
            {
                notes.Add($"{a.Given(option)} replaces {model.Id}'s {NumberFormat.Count(model.Parameters.Count)} parameters.");
            }

            return n;
        }

        return model?.ParametersSourced ?? throw Guard.Fail(option.Name, $"given (e.g. {option.Name} {option.Example}), or --model", "nothing");
    }

    /// <summary>D from --tokens, else from --model's catalog entry; a given D that replaces the model's is noted.</summary>
    public static Sourced<TokenCount> Tokens(Args a, LlmCatalog catalog, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(notes);
        ModelCard? model = Model(a, catalog);
        if (a.Value(O.Tokens) is { } d)
        {
            if (model?.TrainingTokens is { } published)
            {
                notes.Add($"{a.Given(O.Tokens)} replaces {model.Id}'s {NumberFormat.Count(published.Count)} training tokens.");
            }

            return d;
        }

        if (model is not null)
        {
            return model.TrainingTokens is null
                ? throw Guard.Fail(O.Tokens.Name, $"given: the catalog has no training tokens for {model.Id}", "nothing")
                : model.TrainingTokensSourced;
        }

        throw Guard.Fail(O.Tokens.Name, "given (e.g. --tokens 300B), or --model", "nothing");
    }

    /// <summary>The --model entry, or null.</summary>
    public static ModelCard? Model(Args a, LlmCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(catalog);
        return a.Text(O.Model) is { } id ? Machine.Lookup(() => catalog.Model(id), O.Model.Name) : null;
    }
}

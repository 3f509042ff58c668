using System.ComponentModel;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Costs;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using Spectre.Console.Cli;

namespace LlmEcon.Cli.Commands;

/// <summary>A model on a machine: --params or --model, and --mfu (shared by <c>inference</c> and <c>train</c>).</summary>
internal class ModelSettings : MachineSettings
{
    /// <summary>--params.</summary>
    [CommandOption("--params <N>")]
    [Description("Model parameters N, e.g. 175B or 1.75e11.")]
    public string? Params { get; init; }

    /// <summary>--model.</summary>
    [CommandOption("--model <ID>")]
    [Description("A model from the catalog; fills --params (train: and --tokens, and --mfu when nothing else is known).")]
    public string? Model { get; init; }

    /// <summary>--mfu.</summary>
    [CommandOption("--mfu <FRACTION>")]
    [Description("Model FLOPs utilization in (0, 1]], e.g. 21.3% or 0.213.")]
    public string? Mfu { get; init; }
}

/// <summary>Flags of <c>llmecon inference</c>.</summary>
internal sealed class InferenceSettings : ModelSettings;

/// <summary><c>llmecon inference</c>: eq. 7.</summary>
internal sealed class InferenceCommand(Io io) : LlmEconCommand<InferenceSettings>(io)
{
    /// <inheritdoc/>
    protected override CommandResult Build(InferenceSettings s, LlmCatalog catalog)
    {
        Sourced<ParameterCount> n = ModelFlags.Parameters(s.Params, s.Model, catalog);
        Ratio mfu = QuantityParser.Ratio(Flags.Required(s.Mfu, "--mfu", "model FLOPs utilization, e.g. 21.3%"), "--mfu");
        Guard.Utilization(mfu.Fraction, "--mfu");
        Machine m = Machine.From(s, catalog);
        InferenceCostResult r = InferenceCost.Per1kTokens(new InferenceCostInputs(n, m.ChipsPerMachine, m.Peak, mfu, m.MachinePrice));
        Sheet sheet = Sheet.Record("inference", $"Inference cost, {Compact(n.Value.Count)} parameters on {m.Name}")
            .Add("parameters", "Parameters N", Kind.Number, n.Value.Count, "parameters")
            .Add("chipsPerMachine", "Chips per machine", Kind.Integer, (double)m.ChipsPerMachine.Value, "chips")
            .Add("peakFlopPerSecondPerChip", "Peak per chip", Kind.Number, m.Peak.Value.FlopPerSecond, "FLOP/s")
            .Add("mfu", "MFU", Kind.Fraction, mfu.Fraction)
            .Add("machinePricePerHourUsd", "Price per machine-hour", Kind.Usd, m.MachinePrice.Value.UsdPerHour, "USD/h")
            .Add("flopPer1kTokens", "Work per 1000 tokens", Kind.Number, r.FlopPer1kTokens.Flop, "FLOP")
            .Add("machineSecondsPer1kTokens", "Machine time per 1000 tokens", Kind.Number, r.MachineSecondsPer1kTokens.Seconds, "s")
            .Add("costPer1kTokensUsd", "Cost per 1000 tokens", Kind.Usd, r.Cost.UsdPer1kTokens, "USD/1K tokens")
            .Add("costPer1MTokensUsd", "Cost per 1M tokens", Kind.Usd, r.Cost.UsdPer1MTokens, "USD/1M tokens");
        return CommandResult.Of("Inference cost", sheet, [r.Derivation]);
    }

    private static string Compact(double v) => NumberFormat.Compact(v);
}

/// <summary>--params / --model / --tokens resolution shared by the commands that take a model.</summary>
internal static class ModelFlags
{
    /// <summary>N from --params, else from --model's catalog entry.</summary>
    public static Sourced<ParameterCount> Parameters(string? paramsText, string? modelId, LlmCatalog catalog)
    {
        if (paramsText is not null)
        {
            return QuantityParser.ParameterCount(paramsText, "--params");
        }

        if (modelId is not null)
        {
            return Flags.Lookup(() => catalog.Model(modelId), "--model").ParametersSourced;
        }

        throw Guard.Fail("--params", "given (e.g. 175B), or --model", "nothing");
    }

    /// <summary>D from --tokens, else from --model's catalog entry.</summary>
    public static Sourced<TokenCount> Tokens(string? tokensText, string? modelId, LlmCatalog catalog)
    {
        if (tokensText is not null)
        {
            return QuantityParser.TokenCount(tokensText, "--tokens");
        }

        if (modelId is not null)
        {
            ModelCard m = Flags.Lookup(() => catalog.Model(modelId), "--model");
            return m.TrainingTokens is null
                ? throw Guard.Fail("--tokens", $"given: the catalog has no training tokens for {m.Id}", "nothing")
                : m.TrainingTokensSourced;
        }

        throw Guard.Fail("--tokens", "given (e.g. 300B), or --model", "nothing");
    }
}

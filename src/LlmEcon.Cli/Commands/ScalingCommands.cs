using System.ComponentModel;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Quantities;
using LlmEcon.Scaling;
using Spectre.Console.Cli;

namespace LlmEcon.Cli.Commands;

/// <summary>Flags every scaling command takes.</summary>
internal class ScalingSettings : CommonSettings
{
    /// <summary>--law.</summary>
    [CommandOption("--law <ID>")]
    [Description("A scaling law from the catalog. Default: chinchilla-article (E 1.69, A 406.4, B 410.7, α 0.34, β 0.28).")]
    public string? Law { get; init; }

    /// <summary>The law named by --law.</summary>
    public ScalingLaw ResolveLaw(LlmCatalog catalog) => Flags.Lookup(() => catalog.ScalingLaw(Law ?? "chinchilla-article"), "--law");
}

/// <summary>Flags of <c>llmecon scaling loss</c>.</summary>
internal sealed class ScalingLossSettings : ScalingSettings
{
    /// <summary>--params.</summary>
    [CommandOption("--params <N>")]
    [Description("Parameters N, e.g. 70B.")]
    public string? Params { get; init; }

    /// <summary>--tokens.</summary>
    [CommandOption("--tokens <D>")]
    [Description("Training tokens D, e.g. 1.4T.")]
    public string? Tokens { get; init; }

    /// <summary>--model.</summary>
    [CommandOption("--model <ID>")]
    [Description("A model from the catalog; fills --params and --tokens.")]
    public string? Model { get; init; }
}

/// <summary>Flags of <c>llmecon scaling optimal</c>.</summary>
internal sealed class ScalingOptimalSettings : ScalingSettings
{
    /// <summary>--flops.</summary>
    [CommandOption("--flops <C>")]
    [Description("Training compute budget C in FLOP, e.g. 5.76e23.")]
    public string? Flops { get; init; }
}

/// <summary><c>llmecon scaling loss</c>: eq. 13.</summary>
internal sealed class ScalingLossCommand(Io io) : LlmEconCommand<ScalingLossSettings>(io)
{
    /// <inheritdoc/>
    protected override CommandResult Build(ScalingLossSettings s, LlmCatalog catalog)
    {
        ScalingLaw law = s.ResolveLaw(catalog);
        ParameterCount n = ModelFlags.Parameters(s.Params, s.Model, catalog).Value;
        TokenCount d = ModelFlags.Tokens(s.Tokens, s.Model, catalog).Value;
        LossResult r = ChinchillaLoss.Evaluate(law, n, d);
        Sheet sheet = Sheet.Record("loss", $"Loss of {NumberFormat.Compact(n.Count)} parameters on {NumberFormat.Compact(d.Count)} tokens, law {law.Id}")
            .Add("law", "Law", Kind.Text, law.Id)
            .Add("parameters", "Parameters N", Kind.Number, n.Count, "parameters")
            .Add("tokens", "Training tokens D", Kind.Number, d.Count, "tokens")
            .Add("tokensPerParameter", "Tokens per parameter", Kind.Number, d.Count / n.Count, "tokens/parameter")
            .Add("flops", "Training compute 6ND", Kind.Number, 6 * n.Count * d.Count, "FLOP")
            .Add("irreducibleLoss", "Irreducible loss E", Kind.Number, law.E, "nats/token")
            .Add("parameterTerm", "Parameter term A/N^α", Kind.Number, r.ParameterTerm, "nats/token")
            .Add("dataTerm", "Data term B/D^β", Kind.Number, r.DataTerm, "nats/token")
            .Add("loss", "Loss L", Kind.Number, r.Loss, "nats/token");
        return CommandResult.Of("Scaling-law loss", sheet, [r.Derivation]);
    }
}

/// <summary><c>llmecon scaling optimal</c>: eq. 14.</summary>
internal sealed class ScalingOptimalCommand(Io io) : LlmEconCommand<ScalingOptimalSettings>(io)
{
    /// <inheritdoc/>
    protected override CommandResult Build(ScalingOptimalSettings s, LlmCatalog catalog)
    {
        ScalingLaw law = s.ResolveLaw(catalog);
        FlopCount c = QuantityParser.FlopCount(Flags.Required(s.Flops, "--flops", "a FLOP budget, e.g. 5.76e23"), "--flops");
        ComputeOptimal r = ChinchillaLoss.Optimal(law, c);
        Sheet sheet = Sheet.Record("optimal", $"Compute-optimal model for {NumberFormat.Compact(c.Flop)} FLOP, law {law.Id}")
            .Add("law", "Law", Kind.Text, law.Id)
            .Add("flops", "Budget C", Kind.Number, c.Flop, "FLOP")
            .Add("parametersOptimal", "Parameters N_opt", Kind.Number, r.Parameters.Count, "parameters")
            .Add("tokensOptimal", "Tokens D_opt", Kind.Number, r.Tokens.Count, "tokens")
            .Add("tokensPerParameter", "Tokens per parameter", Kind.Number, r.TokensPerParameter, "tokens/parameter")
            .Add("parameterExponent", "N_opt ∝ C^a, a = β/(α+β)", Kind.Number, law.Beta / (law.Alpha + law.Beta), "exponent")
            .Add("loss", "Loss L", Kind.Number, r.Loss, "nats/token");
        return CommandResult.Of("Compute-optimal model", sheet, [r.Derivation]);
    }
}

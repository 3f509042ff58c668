using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Costs;
using LlmEcon.Quantities;
using LlmEcon.Scaling;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon scaling loss</c>: eq. 13.</summary>
internal sealed class ScalingLossCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "scaling loss";

    /// <inheritdoc/>
    public override string Summary => "The loss of N parameters trained on D tokens under a Chinchilla-form law L(N, D) = E + A/N^α + B/D^β (eq. 13), with its two terms.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [O.Params, O.Tokens, O.Model, O.Law];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [["--params", "70B", "--tokens", "1.4T"], ["--model", "palm", "--law", "besiroglu-2024"]];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        ScalingLaw law = Laws.One(a, catalog);
        var notes = new List<string>();
        ParameterCount n = ModelFlags.Parameters(a, catalog, notes).Value;
        TokenCount d = ModelFlags.Tokens(a, catalog, notes).Value;
        LossResult r = ChinchillaLoss.Evaluate(law, n, d);
        Sheet sheet = Sheet.Record("loss", $"Loss of {NumberFormat.Count(n.Count)} parameters on {NumberFormat.Count(d.Count)} tokens, law {law.Id}")
            .Add("law", "Law", Kind.Text, law.Id)
            .Add("parameters", "Parameters N", Kind.Count, n.Count, "parameters")
            .Add("tokens", "Training tokens D", Kind.Count, d.Count, "tokens")
            .Add("tokensPerParameter", "Tokens per parameter", Kind.Number, d.Count / n.Count, "tokens/parameter")
            .Add("flops", "Training compute 6ND", Kind.Number, FlopsPerToken.TrainingWork(n, d).Flop, "FLOP")
            .Add("irreducibleLoss", "Irreducible loss E", Kind.Number, law.E, "nats/token")
            .Add("parameterTerm", "Parameter term A/N^α", Kind.Number, r.ParameterTerm, "nats/token")
            .Add("dataTerm", "Data term B/D^β", Kind.Number, r.DataTerm, "nats/token")
            .Add("loss", "Loss L", Kind.Number, r.Loss, "nats/token");
        return CommandResult.Of("Scaling-law loss", sheet, r.Steps, notes);
    }
}

/// <summary><c>llmecon scaling optimal</c>: eq. 14.</summary>
internal sealed class ScalingOptimalCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "scaling optimal";

    /// <inheritdoc/>
    public override string Summary => "The compute-optimal N and D for a FLOP budget (eq. 14; Hoffmann et al. 2022, eq. 4), tokens per parameter, and the loss.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [O.Flops, O.Law];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [["--flops", "5.76e23"], ["--flops", "1e25", "--law", "besiroglu-2024", "--format", "json"]];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        ScalingLaw law = Laws.One(a, catalog);
        FlopCount c = a.Required(O.Flops, "a FLOP budget");
        ComputeOptimal r = Laws.Optimal(law, c, O.Flops.Name);
        Sheet sheet = Sheet.Record("optimal", $"Compute-optimal model for {NumberFormat.Compact(c.Flop)} FLOP, law {law.Id}")
            .Add("law", "Law", Kind.Text, law.Id)
            .Add("flops", "Budget C", Kind.Number, c.Flop, "FLOP")
            .Add("parameters", "Parameters N_opt", Kind.Count, r.Parameters.Count, "parameters")
            .Add("tokens", "Tokens D_opt", Kind.Count, r.Tokens.Count, "tokens")
            .Add("tokensPerParameter", "Tokens per parameter", Kind.Number, r.TokensPerParameter, "tokens/parameter")
            .Add("parameterExponent", "N_opt ∝ C^a, a = β/(α+β)", Kind.Number, ChinchillaLoss.ParameterExponent(law), "exponent")
            .Add("loss", "Loss L", Kind.Number, r.Loss, "nats/token");
        return CommandResult.Of("Compute-optimal model", sheet, r.Steps);
    }
}

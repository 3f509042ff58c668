using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Costs;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon runs</c>: every published training run read against its own numbers.</summary>
internal sealed class RunsCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "runs";

    /// <inheritdoc/>
    public override string Summary =>
        "Every catalog training run with published hours: the MFU they imply (eq. 9a) from 6ND and with causal attention at the training context (eq. 27), beside the published MFU and what the hours include.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [[], ["--format", "csv"]];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        IReadOnlyList<PublishedRun> runs = PublishedRuns.Of(catalog);
        Sheet sheet = Sheet.Table("runs", "Published training runs, read against their own numbers", runs,
            (new Column("model", "Model", Kind.Text), r => r.Model.Id),
            (new Column("chip", "Chip", Kind.Text), r => r.Chip.Id),
            (new Column("precision", "Peak", Kind.Text), r => CatalogNames.Of(r.Precision)),
            (new Column("parameters", "N", Kind.Count), r => r.Dense.Inputs.Parameters.Value.Count),
            (new Column("tokens", "D", Kind.Count), r => r.Dense.Inputs.Tokens.Value.Count),
            (new Column("chipHours", "Chip-h", Kind.Count), r => r.Dense.ChipHours.ChipHours),
            (new Column("impliedMfu", "6ND", Kind.Fraction), r => r.Dense.Mfu.Fraction),
            (new Column("impliedMfuWithAttention", "+attn", Kind.Fraction), r => r.WithAttention?.Mfu.Fraction),
            (new Column("trainingContext", "T", Kind.Integer), r => r.WithAttention is null ? null : (double?)r.Model.TrainingContext),
            (new Column("publishedMfu", "Publ.", Kind.Fraction), r => r.PublishedMfu?.Fraction),
            (new Column("gap", "Gap", Kind.Fraction), r => r.Gap),
            (new Column("hours", "What the hours are", Kind.Text, Audience: Audience.Programs), r => r.HoursBasis));
        var notes = new List<string>
        {
            "N: parameters (active for a mixture of experts); D: training tokens; Chip-h: accelerator-hours; 6ND and +attn: the MFU the hours imply from 6ND alone and with causal attention at the training context T (tokens); Publ.: the published MFU; Gap: implied − published, in points.",
            "MFU = work / (chip-hours × 3600 s/h × peak), the peak dense at the run's precision; hours that include downtime, other phases or recomputation make it lower than the MFU measured on training steps.",
        };
        notes.AddRange(runs.Select(r => $"{r.Model.Id}'s hours: {r.HoursBasis.TrimEnd('.')}."));
        notes.AddRange(runs.Where(r => r.Model.MfuBasis is not null).Select(r => $"{r.Model.Id}'s published MFU: {r.Model.MfuBasis!.TrimEnd('.')}."));
        return new CommandResult("Published runs", [sheet], notes, [.. runs.SelectMany(r => r.Steps)]);
    }
}

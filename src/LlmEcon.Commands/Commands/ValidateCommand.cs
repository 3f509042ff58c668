using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Serving;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon validate</c>: the serving model beside every shipped measurement.</summary>
internal sealed class ValidateCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "validate";

    /// <inheritdoc/>
    public override string Summary =>
        "The serving model (eqs. 31–38) beside every published measurement shipped in data/serving-measurements.csv: per-case error, and the median and mean absolute percentage error per group (latency at batch 1, throughput at load). Always exits 0: it reports.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [O.ComputeEfficiency, O.MemoryEfficiency, O.AllReduceLatency, O.StepOverhead, O.UsableMemory, O.MoeImbalance];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [[], ["--format", "csv"], ["--step-overhead", "1ms", "--table", "groups"]];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        ServingAssumptions assumptions = ServeCommand.Assumptions(a);
        IReadOnlyList<ValidationCase> cases = ServingValidation.Run(catalog, ServingValidation.BuiltIn, assumptions);
        IReadOnlyList<ValidationGroup> groups = ServingValidation.Summarize(cases);
        Sheet summary = Sheet.Table("groups", "Error per group (defaults chosen once, never tuned per case)", groups,
            (new Column("group", "Group", Kind.Text), g => g.Group),
            (new Column("cases", "Cases", Kind.Integer), g => (double)g.Cases),
            (new Column("medianAbsolutePercentError", "Median |err|", Kind.Number, "%"), g => g.MedianAbsolutePercentError),
            (new Column("meanAbsolutePercentError", "Mean |err|", Kind.Number, "%"), g => g.MeanAbsolutePercentError),
            (new Column("band", "Band", Kind.Fraction), g => g.Band),
            (new Column("withinBand", "Within", Kind.Integer), g => (double)g.WithinBand));
        Sheet table = Sheet.Table("cases", "Published measurements and the model's prediction", cases,
            (new Column("id", "Case", Kind.Text), c => c.Measurement.Id),
            (new Column("metric", "Metric", Kind.Text), c => c.Measurement.Metric),
            (new Column("unit", "Unit", Kind.Text), c => c.Measurement.Unit),
            (new Column("measured", "Measured", Kind.Number), c => c.Measurement.Value),
            (new Column("predicted", "Predicted", Kind.Number), c => c.Predicted),
            (new Column("error", "Error", Kind.Fraction), c => c.Error),
            (new Column("batch", "B", Kind.Integer), c => c.Batch is { } b ? (double)b : null),
            (new Column("how", "How the inputs were chosen", Kind.Text, Audience: Audience.Programs), c => c.How),
            (new Column("source", "Source", Kind.Text, Audience: Audience.Programs), c => $"{c.Measurement.Source} ({c.Measurement.Date})"));
        int skipped = cases.Count(c => c.Error is null);
        var notes = new List<string>
        {
            $"{cases.Count} measurements, {cases.Count - skipped} compared, {skipped} not (the reason is each case's 'how'). Error = (predicted − measured) / measured.",
            "Batch: as published; else by Little's law from a published mean or median time per output token (concurrency = output tokens/s × TPOT); else, for a max-load row, the largest batch that fits, at most 2,048.",
            "Every chip of a row serves one copy of the model, tensor-parallel; the defaults are those of `llmecon serve` (docs/serving.md says why each was chosen).",
        };
        if (assumptions != ServingAssumptions.Default)
        {
            notes.Add("Not the defaults: the assumptions given replace them for every case alike (a what-if, not a fit).");
        }

        return new CommandResult("Serving model against published measurements", [summary, table], notes, []);
    }
}

using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Hardware;
using LlmEcon.Cli.Options;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon hardware list</c>.</summary>
internal sealed class HardwareListCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "hardware list";

    /// <inheritdoc/>
    public override string Summary => "Every accelerator in the catalog: its mixed-precision dense peak, memory, power and date.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [[], ["--format", "json"]];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        Sheet sheet = Sheet.Table("accelerators", "Accelerators", catalog.Accelerators,
            (new Column("id", "Id", Kind.Text), x => x.Id),
            (new Column("name", "Name", Kind.Text), x => x.Name),
            (new Column("launchYear", "Launch", Kind.Year), x => (double)x.LaunchYear),
            (new Column("trainingPeakFlopPerSecond", "Mixed-precision peak, dense", Kind.Number, "FLOP/s"), x => x.TrainingPeak().Value.FlopPerSecond),
            (new Column("trainingPeakPrecision", "Precision", Kind.Text), x => CatalogNames.Of(x.TrainingPrecision())),
            (new Column("memoryBytes", "Memory", Kind.Number, "bytes"), x => x.Memory.Bytes),
            (new Column("powerWatts", "Power", Kind.Number, "W"), x => x.Power?.Watts),
            (new Column("date", "Date", Kind.Text), x => x.Date));
        return CommandResult.Of("Accelerators", sheet);
    }
}

/// <summary><c>llmecon hardware show ID</c>.</summary>
internal sealed class HardwareShowCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "hardware show";

    /// <inheritdoc/>
    public override string Summary => "One accelerator: every peak (precision and dense/sparse explicit), memory, bandwidth, power, source and date.";

    /// <inheritdoc/>
    public override IReadOnlyList<Positional> Positionals => [new("ID", "An accelerator id, e.g. h100-sxm (llmecon hardware list).")];

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [["h100-sxm"], ["a100-40gb", "--table", "peaks", "--format", "csv"]];

    /// <inheritdoc/>
    protected override CommandResult Build(Args args, LlmCatalog catalog, Io io)
    {
        string id = args.Arguments[0];
        Accelerator a = MachineFlags.Lookup(() => catalog.Accelerator(id), "ID");
        Sheet about = Sheet.Record("accelerator", a.Name)
            .Add("id", "Id", Kind.Text, a.Id)
            .Add("vendor", "Vendor", Kind.Text, a.Vendor)
            .Add("launchYear", "Launch year", Kind.Year, (double)a.LaunchYear)
            .Add("memoryBytes", "Memory", Kind.Number, a.Memory.Bytes, "bytes")
            .Add("memoryBandwidthGigabytesPerSecond", "Memory bandwidth", Kind.Number, a.MemoryBandwidthGigabytesPerSecond, "GB/s")
            .Add("scaleUpBandwidthGigabytesPerSecond", "Scale-up bandwidth", Kind.Number, a.ScaleUpBandwidthGigabytesPerSecond, "GB/s")
            .Add("scaleUpLink", "Scale-up link", Kind.Text, a.ScaleUpLink)
            .Add("powerWatts", "Power (" + (a.PowerBasis ?? "not published") + ")", Kind.Number, a.Power?.Watts, "W")
            .Add("articleGflopsPerSecondPerUsd", "Article: GFLOPS per $", Kind.Number, a.ArticleGeneration?.GflopsPerSecondPerUsd, "GFLOP/s/USD")
            .Add("articleGflopsPerSecondPerWatt", "Article: GFLOPS per watt", Kind.Number, a.ArticleGeneration?.GflopsPerSecondPerWatt, "GFLOP/s/W")
            .Add("source", "Source", Kind.Text, a.Source)
            .Add("date", "Date", Kind.Text, a.Date);
        Sheet peaks = Sheet.Table("peaks", "Peak throughput per chip", a.Peaks,
            (new Column("precision", "Precision", Kind.Text), p => CatalogNames.Of(p.Precision)),
            (new Column("sparsity", "Sparsity", Kind.Text), p => CatalogNames.Of(p.Sparsity)),
            (new Column("flopPerSecond", "Peak", Kind.Number, "FLOP/s"), p => p.Rate.FlopPerSecond),
            (new Column("note", "Note", Kind.Text), p => p.Note));
        // always present (empty where a chip has one power figure), so the JSON keys do not depend on the chip
        Sheet power = Sheet.Table("otherPower", "Other power figures per chip", a.OtherPower,
            (new Column("powerWatts", "Power", Kind.Number, "W"), p => p.Power.Watts),
            (new Column("powerBasis", "Basis", Kind.Text), p => p.Basis),
            (new Column("note", "Note", Kind.Text), p => p.Note),
            (new Column("source", "Source", Kind.Text), p => p.Source),
            (new Column("date", "Date", Kind.Text), p => p.Date));
        return new CommandResult(a.Name, [about, peaks, power], [], []);
    }
}

/// <summary><c>llmecon hardware generations</c>: eq. 15.</summary>
internal sealed class HardwareGenerationsCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "hardware generations";

    /// <inheritdoc/>
    public override string Summary => "GFLOPS per $ and per watt across P100 → H100 as the article gives them, and the gain of each generation (eq. 15).";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [[], ["--explain"]];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io) => Generations(catalog);

    /// <summary>The generations table and steps (shared with the report).</summary>
    public static CommandResult Generations(LlmCatalog catalog)
    {
        IReadOnlyList<Accelerator> series = Hardware.Generations.ArticleSeries(catalog);
        IReadOnlyList<GenerationStep> steps = Hardware.Generations.Steps(series);
        GenerationStep? StepTo(Accelerator a) => steps.FirstOrDefault(s => s.To == a.Id);
        Sheet sheet = Sheet.Table("generations", "GPU generations: throughput per $ and per watt (the article's figures)", series,
            (new Column("id", "Chip", Kind.Text), a => a.Id),
            (new Column("year", "Year", Kind.Year), a => (double)a.ArticleGeneration!.Year),
            (new Column("gflopsPerSecondPerUsd", "GFLOPS per $", Kind.Number, "GFLOP/s/USD"), a => a.ArticleGeneration!.GflopsPerSecondPerUsd),
            (new Column("perUsdGain", "Gain per $", Kind.Number, "×"), a => StepTo(a)?.PerUsdGain),
            (new Column("gflopsPerSecondPerWatt", "GFLOPS per watt", Kind.Number, "GFLOP/s/W"), a => a.ArticleGeneration!.GflopsPerSecondPerWatt),
            (new Column("perWattGain", "Gain per watt", Kind.Number, "×"), a => StepTo(a)?.PerWattGain));
        return CommandResult.Of("GPU generations", sheet, steps.SelectMany(s => new[] { s.Derivation, s.PerWattDerivation }).ToList());
    }
}

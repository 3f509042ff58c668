using System.ComponentModel;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Hardware;
using Spectre.Console.Cli;

namespace LlmEcon.Cli.Commands;

/// <summary>Flags of the commands that take one catalog id.</summary>
internal sealed class IdSettings : CommonSettings
{
    /// <summary>The id.</summary>
    [CommandArgument(0, "<ID>")]
    [Description("A catalog id, e.g. h100-sxm.")]
    public string Id { get; init; } = "";
}

/// <summary><c>llmecon hardware list</c>.</summary>
internal sealed class HardwareListCommand(Io io) : LlmEconCommand<CommonSettings>(io)
{
    /// <inheritdoc/>
    protected override CommandResult Build(CommonSettings settings, LlmCatalog catalog)
    {
        Sheet sheet = Sheet.Table("accelerators", "Accelerators", [
            new Column("id", "Id", Kind.Text),
            new Column("name", "Name", Kind.Text),
            new Column("launchYear", "Launch", Kind.Text),
            new Column("trainingPeakFlopPerSecond", "Mixed-precision peak, dense", Kind.Number, "FLOP/s"),
            new Column("trainingPeakPrecision", "Precision", Kind.Text),
            new Column("memoryBytes", "Memory", Kind.Number, "bytes"),
            new Column("powerWatts", "Power", Kind.Number, "W"),
            new Column("date", "Date", Kind.Text),
        ], catalog.Accelerators.Select(a =>
        {
            return (IReadOnlyList<object?>)[a.Id, a.Name, a.LaunchYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
                a.TrainingPeak().Value.FlopPerSecond, CatalogNames.Of(a.TrainingPrecision()), a.Memory.Bytes, a.Power.Watts, a.Date];
        }));
        return CommandResult.Of("Accelerators", sheet);
    }
}

/// <summary><c>llmecon hardware show ID</c>.</summary>
internal sealed class HardwareShowCommand(Io io) : LlmEconCommand<IdSettings>(io)
{
    /// <inheritdoc/>
    protected override CommandResult Build(IdSettings settings, LlmCatalog catalog)
    {
        Accelerator a = catalog.Accelerator(settings.Id);
        Sheet about = Sheet.Record("accelerator", a.Name)
            .Add("id", "Id", Kind.Text, a.Id)
            .Add("vendor", "Vendor", Kind.Text, a.Vendor)
            .Add("launchYear", "Launch year", Kind.Text, a.LaunchYear.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("memoryBytes", "Memory", Kind.Number, a.Memory.Bytes, "bytes")
            .Add("memoryBandwidthGigabytesPerSecond", "Memory bandwidth", Kind.Number, a.MemoryBandwidthGigabytesPerSecond, "GB/s")
            .Add("powerWatts", "Power (" + a.PowerBasis + ")", Kind.Number, a.Power.Watts, "W")
            .AddIf("articleGflopsPerSecondPerUsd", "Article: GFLOPS per $", Kind.Number, a.ArticleGeneration?.GflopsPerSecondPerUsd, "GFLOP/s/USD")
            .AddIf("articleGflopsPerSecondPerWatt", "Article: GFLOPS per watt", Kind.Number, a.ArticleGeneration?.GflopsPerSecondPerWatt, "GFLOP/s/W")
            .Add("source", "Source", Kind.Text, a.Source)
            .Add("date", "Date", Kind.Text, a.Date);
        Sheet peaks = Sheet.Table("peaks", "Peak throughput per chip", [
            new Column("precision", "Precision", Kind.Text),
            new Column("sparsity", "Sparsity", Kind.Text),
            new Column("flopPerSecond", "Peak", Kind.Number, "FLOP/s"),
            new Column("note", "Note", Kind.Text),
        ], a.Peaks.Select(p => (IReadOnlyList<object?>)[CatalogNames.Of(p.Precision), CatalogNames.Of(p.Sparsity), p.Rate.FlopPerSecond, p.Note]));
        return new CommandResult(a.Name, [about, peaks], [], []);
    }
}

/// <summary><c>llmecon hardware generations</c>: eq. 15.</summary>
internal sealed class HardwareGenerationsCommand(Io io) : LlmEconCommand<CommonSettings>(io)
{
    /// <inheritdoc/>
    protected override CommandResult Build(CommonSettings settings, LlmCatalog catalog) => Generations(catalog);

    /// <summary>The generations table and steps (shared with the report).</summary>
    public static CommandResult Generations(LlmCatalog catalog)
    {
        IReadOnlyList<Accelerator> series = Hardware.Generations.ArticleSeries(catalog);
        IReadOnlyList<GenerationStep> steps = Hardware.Generations.Steps(series);
        Sheet sheet = Sheet.Table("generations", "GPU generations: throughput per $ and per watt (the article's figures)", [
            new Column("id", "Chip", Kind.Text),
            new Column("year", "Year", Kind.Text),
            new Column("gflopsPerSecondPerUsd", "GFLOPS per $", Kind.Number, "GFLOP/s/USD"),
            new Column("perUsdGain", "Gain per $", Kind.Number, "×"),
            new Column("gflopsPerSecondPerWatt", "GFLOPS per watt", Kind.Number, "GFLOP/s/W"),
            new Column("perWattGain", "Gain per watt", Kind.Number, "×"),
        ], series.Select(a =>
        {
            GenerationStep? step = steps.FirstOrDefault(s => s.To == a.Id);
            return (IReadOnlyList<object?>)[a.Id, a.ArticleGeneration!.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                a.ArticleGeneration.GflopsPerSecondPerUsd, step?.PerUsdGain, a.ArticleGeneration.GflopsPerSecondPerWatt, step?.PerWattGain];
        }));
        return CommandResult.Of("GPU generations", sheet, steps.Select(s => s.Derivation).ToList());
    }
}

using LlmEcon.Catalog;
using LlmEcon.Charts;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Plots;
using LlmEcon.Quantities;
using LlmEcon.Serving;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon plot KIND</c>: a chart of the library's numbers as PNG or SVG, or its data as a table, JSON or CSV.</summary>
internal sealed class PlotCommand : LlmEconCommand
{
    /// <summary>The kinds of chart, each with what it shows.</summary>
    private static readonly (string Kind, string What)[] Kinds =
    [
        ("frontier", "cost per 1M output tokens against tokens/s per user across batches, one line per offer (serve's frontier)"),
        ("roofline", "attainable FLOP/s per chip against arithmetic intensity, with a prefill and each batch's decode step"),
        ("gflops-per-watt", "GFLOP/s per watt by launch year: the article's four chips and every catalog chip with a published power"),
        ("gflops-per-usd", "GFLOP/s per purchase dollar by year: the article's four chips"),
        ("implied-mfu", "the MFU published runs' hours imply, by year, beside the MFU they publish"),
        ("training-cost", "training cost against parameters for several offers at compute-optimal tokens, the article's runs marked"),
        ("cost-trajectory", "a cost projected year by year at the hardware's yearly gain, and after the article's levers"),
        ("search", "search cost per query against the cache hit rate, both architectures, before and after the levers, beside the revenue per query"),
        ("iso-loss", "Chinchilla iso-loss contours over (N, D), the compute-optimal frontier and the catalog's runs"),
    ];

    /// <summary>The offers the frontier compares by default: an H100, an H200, an MI300X and an A100 machine.</summary>
    private const string DefaultOffers = "aws-p5-on-demand,coreweave-h200-on-demand,tensorwave-mi300x-on-demand,aws-p4de-on-demand";

    /// <inheritdoc/>
    public override string Path => "plot";

    /// <inheritdoc/>
    public override string Summary =>
        "A chart of the library's numbers: " + string.Join("; ", Kinds.Select(k => $"{k.Kind} ({k.What})")) + ". PNG or SVG by --out's extension (or --format); --format json, csv or table prints the data drawn.";

    /// <inheritdoc/>
    public override IReadOnlyList<Positional> Positionals => [new("KIND", "One of " + string.Join(", ", Kinds.Select(k => k.Kind)) + ".")];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Formats => ["table", "json", "csv", "markdown", "html", "svg", "png"];

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions =>
        [O.Width, O.Height, O.Model, O.Offers, O.Chip, O.ServeChips, O.ServePrecision, O.ServeBatch, O.InputTokens, O.OutputTokens, O.Law, O.Mfu, O.StartCost, O.EfficiencyGrowth, O.Years];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples =>
    [
        ["frontier", "--out", "frontier.png"],
        ["roofline", "--model", "llama-3.1-70b", "--chip", "h100-sxm", "--chips", "4", "--precision", "fp8", "--out", "roofline.svg"],
        ["iso-loss", "--format", "json"],
    ];

    /// <inheritdoc/>
    protected override string DefaultFormat(Args a) =>
        a.Raw(O.Out) is { } path && System.IO.Path.GetExtension(path).ToLowerInvariant() is ".png" or ".svg" ? System.IO.Path.GetExtension(path)[1..].ToLowerInvariant() : "table";

    /// <inheritdoc/>
    protected override byte[] Image(CommandResult result, OutputFormat format, Args a) =>
        ChartImage.Render(result.Chart!, format == OutputFormat.Png ? ImageKind.Png : ImageKind.Svg,
            (int)a.Value(O.Width, ChartImage.DefaultWidth), (int)a.Value(O.Height, ChartImage.DefaultHeight));

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io)
    {
        string kind = a.Arguments[0];
        Chart chart = kind switch
        {
            "frontier" => Frontier(a, catalog),
            "roofline" => Roofline(a, catalog),
            "gflops-per-watt" => ChartKinds.GflopsPerWatt(catalog),
            "gflops-per-usd" => ChartKinds.GflopsPerUsd(catalog),
            "implied-mfu" => ChartKinds.ImpliedMfu(catalog),
            "training-cost" => TrainingCostChart(a, catalog),
            "cost-trajectory" => Trajectory(a, catalog),
            "search" => SearchChart(a, catalog),
            "iso-loss" => ChartKinds.IsoLoss(catalog, MachineFlags.Lookup(() => catalog.ScalingLaw(a.Text(O.Law) ?? "chinchilla-article"), O.Law.Name),
                catalog.ScalingLaws.FirstOrDefault(l => l.Id == "besiroglu-2024" && l.Id != (a.Text(O.Law) ?? "chinchilla-article"))),
            _ => throw Guard.Fail("KIND", "one of " + string.Join(", ", Kinds.Select(k => k.Kind)), $"'{kind}'", Suggest.Hint(kind, [.. Kinds.Select(k => k.Kind)])),
        };
        var points = chart.Series.SelectMany(s => s.X.Select((x, i) => (Series: s.Name, X: x, Y: s.Y[i]))).ToList();
        Sheet data = Sheet.Table("series", chart.Title, points,
            (new Column("series", "Series", Kind.Text), p => p.Series),
            (new Column("x", chart.XLabel, Kind.Number), p => p.X),
            (new Column("y", chart.YLabel, Kind.Number), p => p.Y));
        Sheet markers = Sheet.Table("markers", "Labelled points", chart.Markers,
            (new Column("label", "Label", Kind.Text), m => m.Label),
            (new Column("x", chart.XLabel, Kind.Number), m => m.X),
            (new Column("y", chart.YLabel, Kind.Number), m => m.Y));
        return new CommandResult(chart.Title, [data, markers], chart.Notes, []) { Chart = chart };
    }

    /// <summary>
    /// The article's charts with every default (report --format html embeds them): trajectory, training cost, hardware, search,
    /// scaling, runs; from the report's own reproduction of the article, not a second one.
    /// </summary>
    internal static IReadOnlyList<Chart> ArticleCharts(LlmCatalog catalog, Audit.ArticleReproduction article)
    {
        var none = new Args(new Dictionary<string, IReadOnlyList<string>>(), []);
        return
        [
            Trajectory(none, catalog, article), TrainingCostChart(none, catalog, article), ChartKinds.GflopsPerUsd(catalog), ChartKinds.GflopsPerWatt(catalog),
            SearchChart(none, catalog), ChartKinds.IsoLoss(catalog, catalog.ScalingLaw("chinchilla-article"), catalog.ScalingLaws.FirstOrDefault(l => l.Id == "besiroglu-2024")),
            ChartKinds.ImpliedMfu(catalog),
        ];
    }

    private static Chart TrainingCostChart(Args a, LlmCatalog catalog, Audit.ArticleReproduction? article = null)
    {
        article ??= Audit.ArticleReproduction.Run(catalog, ScenarioContext.Article);
        string[] ids = (a.Text(O.Offers) ?? "gcp-tpu-v4-1yr,aws-p4d-1yr,aws-p5-on-demand,tensorwave-mi300x-on-demand")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (string id in ids)
        {
            MachineFlags.Lookup(() => catalog.Offer(id), O.Offers.Name);
        }

        Sourced<Ratio> mfu = a.Value(O.Mfu) is { } m ? m : catalog.Model(ScenarioContext.Article.Training.MfuModelId).MfuSourced;
        return ChartKinds.TrainingCost(catalog, ids, mfu, article);
    }

    private static Chart SearchChart(Args a, LlmCatalog catalog)
    {
        SearchCommand.SearchInputs s = SearchCommand.Read(a, catalog);
        return ChartKinds.SearchCost(s.Assumptions, s.Revenue, s.ModelSide, s.InHouse, s.Annual);
    }

    private static Chart Trajectory(Args a, LlmCatalog catalog, Audit.ArticleReproduction? article = null)
    {
        TrajectoryCommand.Trajectory t = TrajectoryCommand.Compute(a, catalog, article);
        return ChartKinds.CostTrajectory(t.Projection, t.Training.Fraction, a.Has(O.StartCost) ? NumberFormat.Usd(t.Start.Usd) : $"GPT-3's {NumberFormat.Usd(t.Start.Usd)}");
    }

    private static Chart Frontier(Args a, LlmCatalog catalog)
    {
        ServedModel model = a.Has(O.Model) ? ServeCommand.Served(a, catalog, "plot frontier") : ServedModel.Of(catalog.Model("llama-3.1-70b"));
        string[] ids = (a.Text(O.Offers) ?? DefaultOffers).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var offers = ids.Select(id => MachineFlags.Lookup(() => catalog.Offer(id), O.Offers.Name)).Select(o => (o, catalog.Accelerator(o.AcceleratorId))).ToList();
        IReadOnlyList<int> batches = [.. Sweep.Integers(a.Text(O.ServeBatch) ?? "1..4096:x2", O.ServeBatch.Name, 1, 1_000_000).Select(b => (int)b)];
        return ServeCommand.Named(() => ChartKinds.ServingFrontier(model, offers, (int)a.Value(O.ServeChips, 8), CatalogNames.PrecisionOf(a.Choice(O.ServePrecision)), batches,
            (int)a.Value(O.InputTokens, 1000), (int)a.Value(O.OutputTokens, 500), ServeCommand.Assumptions(a)), "--precision");
    }

    private static Chart Roofline(Args a, LlmCatalog catalog)
    {
        ServedModel model = a.Has(O.Model) ? ServeCommand.Served(a, catalog, "plot roofline") : ServedModel.Of(catalog.Model("llama-3.1-70b"));
        Accelerator chip = MachineFlags.Lookup(() => catalog.Accelerator(a.Text(O.Chip) ?? "h100-sxm"), O.Chip.Name);
        IReadOnlyList<int> batches = [.. Sweep.Integers(a.Text(O.ServeBatch) ?? "1..1024:x4", O.ServeBatch.Name, 1, 1_000_000).Select(b => (int)b)];
        ServingSetup setup = ServeCommand.Named(() => ServingSetups.For(model, chip, (int)a.Value(O.ServeChips, 8), CatalogNames.PrecisionOf(a.Has(O.ServePrecision) ? a.Choice(O.ServePrecision) : "bf16"),
            null, null, batches.Min(), (int)a.Value(O.InputTokens, 1000), (int)a.Value(O.OutputTokens, 500), null, ServeCommand.Assumptions(a)), "--precision");
        return ServeCommand.Named(() => ChartKinds.Roofline(setup, batches), "--precision");
    }
}

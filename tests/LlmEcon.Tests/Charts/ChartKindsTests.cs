using LlmEcon.Catalog;
using LlmEcon.Charts;
using LlmEcon.Costs;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using LlmEcon.Scaling;
using LlmEcon.Serving;
using Xunit;

namespace LlmEcon.Tests.Charts;

/// <summary>The data behind every chart is the library's own numbers.</summary>
public class ChartKindsTests
{
    private static readonly LlmCatalog C = LlmCatalog.BuiltIn;

    [Fact]
    public void Frontier_IsServesNumbers_ForEveryBatchThatFits()
    {
        var offers = new[] { (C.Offer("aws-p5-on-demand"), C.Accelerator("h100-sxm")) };
        int[] batches = [1, 4, 16, 64, 256, 1024, 4096];
        Chart chart = ChartKinds.ServingFrontier(ServedModel.Of(C.Model("llama-3.1-70b")), offers, 8, Precision.Bf16, batches, 1000, 500);
        Series s = Assert.Single(chart.Series);
        ServingSetup setup = ServingSetups.ForModel(C.Model("llama-3.1-70b"), C.Accelerator("h100-sxm"), 8, Precision.Bf16, null, null, 1, 1000, 500,
            C.Offer("aws-p5-on-demand").PricePerChipHour);
        ServingPoint[] fitting = [.. batches.Select(b => ServingModel.Evaluate(setup with { Batch = b })).TakeWhile(p => p.Fits)];
        Assert.Equal(fitting.Select(p => p.TokensPerSecondPerUser), s.X);
        Assert.Equal(fitting.Select(p => p.CostPerMillionOutputUsd), s.Y);
        Assert.Equal(Scale.Log10, chart.YScale);
    }

    [Fact]
    public void Frontier_LeavesOutAChipWithoutThePrecision_AndSaysSo()
    {
        var offers = new[] { (C.Offer("aws-p4d-on-demand"), C.Accelerator("a100-40gb")) };
        Chart chart = ChartKinds.ServingFrontier(ServedModel.Of(C.Model("llama-3.1-8b")), offers, 1, Precision.Fp8, [1, 2], 100, 100);
        Assert.Empty(chart.Series);
        Assert.Contains(chart.Notes, n => n.StartsWith("aws-p4d-on-demand: a100-40gb has no dense fp8 peak", StringComparison.Ordinal));
    }

    [Fact]
    public void IsoLoss_EveryContourPoint_HasItsLoss()
    {
        ScalingLaw law = C.ScalingLaw("chinchilla-article");
        Chart chart = ChartKinds.IsoLoss(C, law);
        foreach (Series s in chart.Series.Where(s => s.Name.StartsWith("L = ", StringComparison.Ordinal)))
        {
            double level = double.Parse(s.Name[4..], System.Globalization.CultureInfo.InvariantCulture);
            for (int i = 0; i < s.X.Count; i++)
            {
                double loss = ChinchillaLoss.Evaluate(law, ParameterCount.FromCount(s.X[i]), TokenCount.FromCount(s.Y[i])).Loss;
                Assert.Equal(level, loss, 9);
            }
        }

        // Chinchilla at 70B parameters and 1.4T tokens (Hoffmann et al. 2022) is a marker at its published counts
        Marker chinchilla = chart.Markers.Single(m => m.Label == "chinchilla");
        Assert.Equal((70e9, 1.4e12), (chinchilla.X, chinchilla.Y));
    }

    [Fact]
    public void GflopsPerWatt_H100Sxm_Is989point4TeraflopsOver700Watts()
    {
        // NVIDIA H100 SXM datasheet: 989.4 TFLOP/s dense BF16... the training peak is FP16 dense, also 989.4; 700 W maximum:
        // 989.4e12 / 1e9 / 700 = 1,413.4 GFLOP/s per W
        Chart chart = ChartKinds.GflopsPerWatt(C);
        Assert.Equal(989.4e12 / 1e9 / 700, chart.Markers.Single(m => m.Label == "h100-sxm").Y, 9);
        // the article's series is its printed GFLOPS/W (P100 → H100)
        Assert.Equal(LlmEcon.Hardware.Generations.ArticleSeries(C).Select(c => c.ArticleGeneration!.GflopsPerSecondPerWatt), chart.Series[0].Y);
    }

    [Fact]
    public void ImpliedMfu_IsTheRunsCommandsNumbers()
    {
        Chart chart = ChartKinds.ImpliedMfu(C);
        foreach (PublishedRun r in PublishedRuns.Of(C))
        {
            Marker m = chart.Markers.Single(x => x.Label == r.Model.Id);
            Assert.Equal((r.WithAttention ?? r.Dense).Mfu.Fraction * 100, m.Y, 12);
            Assert.Equal(r.Model.Year, m.X);
        }
    }

    [Fact]
    public void Roofline_RidgeIsPeakOverBandwidth_AndDecodeIntensityRisesWithBatch()
    {
        ServingSetup setup = ServingSetups.ForModel(C.Model("llama-3.1-70b"), C.Accelerator("h100-sxm"), 8, Precision.Bf16, null, null, 1, 1000, 500, null);
        Chart chart = ChartKinds.Roofline(setup, [1, 16, 256]);
        Series roof = chart.Series[0];
        // at 10 FLOP/byte the bare roof is 10 × 3.35e12 B/s; at 1e4 it is the 989.4e12 peak
        int ten = roof.X.Select((x, i) => (x, i)).First(p => Math.Abs(p.x - 10) < 1e-9).i;
        Assert.Equal(10 * 3.35e12, roof.Y[ten], 1);
        Assert.Equal(989.4e12, roof.Y[^1], 1);
        Series decode = chart.Series.Single(s => s.Name.StartsWith("decode", StringComparison.Ordinal));
        Assert.True(decode.X.Zip(decode.X.Skip(1)).All(p => p.First < p.Second));
    }

    [Fact]
    public void Validated_RefusesANonPositiveValueOnALogAxis()
    {
        var chart = new Chart("x", "t", "x", "y", Scale.Linear, Scale.Log10, [new Series("s", [1, 2], [1, 0], SeriesStyle.Line)], [], []);
        Assert.Equal("s y must be finite and > 0 on a log axis; got 0.", Assert.Throws<InputException>(() => chart.Validated()).Message);
    }
}

/// <summary>The article's charts: training cost, the cost trajectory, search.</summary>
public class ArticleChartsTests
{
    private static readonly LlmCatalog C = LlmCatalog.BuiltIn;

    [Fact]
    public void TrainingCost_MarksGpt3AtTheArticles1398072Usd_AndDrawsEq8()
    {
        var article = LlmEcon.Audit.ArticleReproduction.Run(C, LlmEcon.Audit.ArticleScenario.Default);
        Sourced<Ratio> mfu = C.Model("palm").MfuSourced; // 46.2%, the article's training MFU
        Chart chart = ChartKinds.TrainingCost(C, ["gcp-tpu-v4-1yr"], mfu, article);
        // Sun 2023 §4: GPT-3 (175B, 300B tokens) on TPU v4 at 46.2% MFU costs $1,398,072
        Assert.Equal(1_398_072, chart.Markers.Single(m => m.Label == "gpt-3").Y, 0);
        Series line = chart.Series[0];
        for (int i = 0; i < line.X.Count; i++)
        {
            double expected = TrainingCost.Cost(TrainingInputs.FromOffer(C, "gcp-tpu-v4-1yr", ParameterCount.FromCount(line.X[i]), TokenCount.FromCount(20 * line.X[i])), mfu).Cost.Usd;
            Assert.Equal(expected, line.Y[i], expected * 1e-12);
        }
    }

    [Fact]
    public void CostTrajectory_StartsAtTheStartingCost_AndDrawsTheLeversLine()
    {
        var projection = LlmEcon.Projections.CostTrajectory.Project(Money.FromUsd(1_000_000), [Ratio.FromFraction(0.2)], 3);
        Chart chart = ChartKinds.CostTrajectory(projection, 0.75, "$1,000,000");
        // 1e6 × 0.8^year: 1e6, 8e5, 6.4e5, 5.12e5; after a 75% reduction: 2.5e5
        Assert.Equal(new[] { 1e6, 8e5, 6.4e5, 5.12e5 }, chart.Series[0].Y.Select(y => Math.Round(y, 6)));
        Assert.Equal(2.5e5, chart.Series[1].Y[0], 6);
    }

    [Fact]
    public void Search_AtEachCacheHitRate_IsTheSearchModelsCost()
    {
        var d = LlmEcon.Audit.ArticleScenario.Default.Search;
        var a = new LlmEcon.Search.SearchAssumptions(d.QueryPromptWords, d.GeneratedWordsPerResponse, d.SampledResponses, d.ResultPromptWordsPerLink,
            d.GeneratedWordsPerLink, d.Links, d.WordsPer1000Tokens, C.ApiPrice(d.ApiPriceId).PerToken(d.WordsPer1000Tokens), d.CacheHitRate, d.GrossMargin);
        var revenue = MoneyPerQuery.FromUsdPerQuery(0.0476);
        Chart chart = ChartKinds.SearchCost(a, revenue, 4, 2, d.AnnualSearchesStated);
        Series chat = chart.Series[0];
        int at30 = chat.X.Select((x, i) => (x, i)).Single(p => Math.Abs(p.x - 30) < 1e-9).i;
        double expected = LlmEcon.Search.SearchCost.FromApiPrice(LlmEcon.Search.SearchArchitecture.ChatGptEquivalent, a with { CacheHitRate = Ratio.FromFraction(0.30) }).Cost.UsdPerQuery;
        Assert.Equal(expected, chat.Y[at30], 15);
        Assert.Equal(expected / 8, chart.Series[1].Y[at30], 15); // ÷4 model-side × ÷2 in-house
        Assert.Equal(0.0476, chart.Series[^1].Y[0]);
    }
}

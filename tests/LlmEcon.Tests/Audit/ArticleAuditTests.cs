using LlmEcon.Audit;
using Xunit;

namespace LlmEcon.Tests.Audit;

public class ArticleAuditTests
{
    // Computed afresh in each test (not cached in a static field), so that a mutation tool switching mutants in one process sees each one.
    private static IReadOnlyList<AuditLine> Lines => ArticleAudit.Run(ArticleReproduction.Default());

    [Fact]
    public void EveryPrintedFigure_IsRecomputed_AndEveryRecomputationIsPrinted()
    {
        var printed = ArticleFigure.All.Select(f => f.Id).Order(StringComparer.Ordinal).ToList();
        var recomputed = ArticleReproduction.Default().Figures.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(printed, recomputed);
    }

    [Fact]
    public void Slips_AreExactlyTheOnesSpecMarks()
    {
        // SPEC.md marks (audit): the 15% share (§2); the GFLOPS/$ gains 3.6×, 1.5×, 1.5× (§5: 3.25×, 1.62×, 1.43×);
        // H100 hardware $278,204 (628,080 / 2.3 = $273,078) and energy $33,784 (115,830 / 3.4 = $34,068); Jasper's $1.09 (§6).
        string[] expected =
        [
            "conclusions.jasper-per-1k-tokens",
            "generations.a100-40gb.per-usd-gain",
            "generations.h100-sxm.per-usd-gain",
            "generations.v100-sxm2.per-usd-gain",
            "inhouse.energy-after",
            "inhouse.hardware-after",
            "search.levered-share",
        ];
        Assert.Equal(expected, ArticleAudit.Slips(Lines).Select(l => l.Figure.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LeveredShare_IsAbout17PercentNot15()
    {
        // SPEC.md §2: 0.066 / 8 / 0.048 = 17.2%; from unrounded inputs 0.06557 / 8 / (100e9 / 2.1e12) = 17.2%
        AuditLine line = Lines.Single(l => l.Figure.Id == "search.levered-share");
        Printed.Equal(0.172, 0.001, line.Recomputed.Value);
        Assert.Equal(AuditVerdict.Slip, line.Verdict);
    }

    [Fact]
    public void InHouseLines_CarryTheSpecsCorrectValues()
    {
        // SPEC.md §5: 628,080 / 2.3 = $273,078; 115,830 / 3.4 = $34,068
        Printed.Equal(273078, 1, Lines.Single(l => l.Figure.Id == "inhouse.hardware-after").Recomputed.Value);
        Printed.Equal(34068, 1, Lines.Single(l => l.Figure.Id == "inhouse.energy-after").Recomputed.Value);
    }

    [Theory]
    [InlineData("generations.v100-sxm2.per-usd-gain", 3.25)]
    [InlineData("generations.a100-40gb.per-usd-gain", 1.62)]
    [InlineData("generations.h100-sxm.per-usd-gain", 1.43)]
    public void GenerationGains_PerDollar_AreWhatThePrintedRatesGive(string id, double spec)
    {
        // SPEC.md §5: 13/4 = 3.25, 21/13 = 1.615, 30/21 = 1.429
        Printed.Equal(spec, 0.01, Lines.Single(l => l.Figure.Id == id).Recomputed.Value);
    }

    [Fact]
    public void Jasper_IsSixtyOneCentsPer1kTokens()
    {
        // SPEC.md §6: $82 / 100,000 words × 750 words per 1000 tokens = $0.615
        Printed.Equal(0.615, 0.001, Lines.Single(l => l.Figure.Id == "conclusions.jasper-per-1k-tokens").Recomputed.Value);
    }

    [Fact]
    public void TotalAfter_FollowsFromThePrintedLines_ButTheRecomputedChainIsPropagated()
    {
        // SPEC.md: $311,988 is the sum of the printed lines; with the recomputed lines 273,078 + 34,068 = $307,146
        AuditLine line = Lines.Single(l => l.Figure.Id == "inhouse.total-after");
        Assert.Equal(AuditVerdict.Propagated, line.Verdict);
        Printed.Equal(307146, 2, line.Recomputed.Chain!.Value);
    }

    [Fact]
    public void PlantedSlip_IsFoundByComparison()
    {
        // Given a printed figure altered by one unit of its last digit beyond rounding
        var figures = ArticleFigure.All.Select(f => f.Id == "training.gpt-3.cost" ? f with { Printed = f.Printed + 5 } : f).ToList();
        var slips = ArticleAudit.Slips(ArticleAudit.Run(ArticleReproduction.Default(), figures));
        Assert.Contains(slips, l => l.Figure.Id == "training.gpt-3.cost");
    }

    [Fact]
    public void AtLeastFigures_AgreeWhenRoundedValueReachesTheFloor()
    {
        // ">60% fewer": 1 − 70/175 = 60% exactly; ">81%": 1 − 0.42/2.169 = 80.6% → 81%
        var f = ArticleFigure.All.Single(x => x.Id == "trajectory.fewer-parameters");
        Assert.True(f.Agrees(0.60));
        Assert.False(f.Agrees(0.594));
    }
}

public class ArticleReproductionTests
{
    private static ArticleReproduction Article => ArticleReproduction.Default();

    [Fact]
    public void EveryFigureButSpecsSlips_RoundsToItsPrint_AsAReaderWouldRoundIt()
    {
        // Independent of the audit's own verdicts: a rounded print holds when the recomputed value is within half its step of it (the
        // GPT-3 cost's step of $2 allows the article's ±$1), a floor (">60%") when the value, rounded to the step, reaches it.
        // SPEC.md marks exactly these seven as slips.
        string[] slips =
        [
            "conclusions.jasper-per-1k-tokens", "generations.a100-40gb.per-usd-gain", "generations.h100-sxm.per-usd-gain",
            "generations.v100-sxm2.per-usd-gain", "inhouse.energy-after", "inhouse.hardware-after", "search.levered-share",
        ];
        Assert.Equal(56, ArticleFigure.All.Count);
        foreach (ArticleFigure f in ArticleFigure.All)
        {
            double v = Article.Figures[f.Id].Value;
            bool reproduced = f.Bound == FigureBound.AtLeast
                ? Math.Round(v / f.Resolution, MidpointRounding.AwayFromZero) >= Math.Round(f.Printed / f.Resolution)
                : Math.Abs(v - f.Printed) <= f.Resolution / 2 + 1e-12 * Math.Abs(f.Printed);
            Assert.True(reproduced != slips.Contains(f.Id), $"{f.Id}: recomputed {Article.Figures[f.Id].Value}, printed {f.Text}");
        }
    }

    [Fact]
    public void InferenceCost_IsAbout20PercentOfDavincisPrice_MarginAbout80()
    {
        // SPEC.md §3: $0.003515 / $0.02 = 17.6% ("≈ 20%"), gross margin 82.4% ("≈ 80%")
        Printed.Equal(0.176, 0.001, Article.Figures["inference.cost-share-of-price"].Value);
        Printed.Equal(0.824, 0.001, Article.Figures["inference.gross-margin"].Value);
    }

    [Theory]
    [InlineData("gpt-3", 0.213, 10000, "v100-sxm2")]
    [InlineData("gopher", 0.325, 4096, "tpu-v3")]
    [InlineData("mt-nlg", 0.302, 2240, "a100-80gb")]
    [InlineData("palm", 0.462, 6144, "tpu-v4")]
    public void MfuTable_IsInTheCatalog(string model, double mfu, int chips, string chip)
    {
        // SPEC.md §5, "Model FLOPs utilization of notable runs" (PaLM paper, table 3)
        var m = Article.Catalog.Model(model);
        Assert.Equal((mfu, chips, chip), (m.Mfu!.Value.Fraction, m.TrainingChips!.Value, m.TrainingAcceleratorId!));
    }

    [Fact]
    public void Derivations_NameTheirEquationAndCatalogSources()
    {
        var training = Article.Figures["training.gpt-3.cost"].Derivation;
        Assert.StartsWith("(8)", training.Equation, StringComparison.Ordinal);
        Assert.Contains(training.Inputs, t => t.From?.EntryId == "gcp-tpu-v4-1yr" && t.From.Date == "2023-01");
        Assert.Contains(training.Inputs, t => t.From?.EntryId == "palm" && t.Symbol == "MFU");
    }
}

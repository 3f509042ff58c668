using System.Text.Json;
using LlmEcon.Audit;
using LlmEcon.Catalog;
using Xunit;

namespace LlmEcon.Tests.Audit;

/// <summary>The audit's arithmetic: when a figure agrees with its print, the gaps it reports, and the chains it follows.</summary>
public class AuditArithmeticTests
{
    private static AuditLine Line(string id) => ArticleAudit.Run(ArticleReproduction.Default()).Single(l => l.Figure.Id == id);

    private static ArticleFigure Rounded(double printed, double resolution) => new("t", "1", "test", printed, resolution, "USD", "t");

    [Fact]
    public void EveryReproducedFigure_HasASoundDerivation_AndEveryChainSaysHowItWasFollowed()
    {
        ArticleReproduction r = ArticleReproduction.Default();
        Assert.Equal(56, r.Figures.Count); // SPEC.md's 56 printed figures
        foreach (FigureValue f in r.Figures.Values)
        {
            Sound.Derivation(f.Derivation);
            Assert.Equal(f.Chain is null, string.IsNullOrWhiteSpace(f.ChainNote));
            Assert.Equal(f.Derivation.Inputs.Count, f.Derivation.Inputs.Select(t => t.Symbol).Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void TheScenario_WritesAndReadsBackAsItWas_AndABadOneIsNamed()
    {
        string written = JsonSerializer.Serialize(ArticleScenario.Default, ArticleJson.Default.ArticleScenario);
        Assert.Contains("\"searchRevenueUsd\":100000000000", written, StringComparison.Ordinal); // SPEC.md §2: $100B of search revenue
        Assert.Equal(written, JsonSerializer.Serialize(ArticleScenario.Parse(written, "s.json"), ArticleJson.Default.ArticleScenario));
        var none = Assert.Throws<InputException>(() => ArticleScenario.Parse("null", "s.json"));
        Assert.Equal(("s.json", "a JSON object", "null"), (none.Parameter, none.Rule, none.Actual));
        var text = Assert.Throws<InputException>(() => ArticleScenario.Parse(written.Replace("\"searchRevenueUsd\":100000000000", "\"searchRevenueUsd\":\"x\"", StringComparison.Ordinal), "s.json"));
        Assert.Equal(("s.json", "a valid scenario"), (text.Parameter, text.Rule));
        Assert.Contains("$.search.searchRevenueUsd", text.Actual, StringComparison.Ordinal);
        Assert.Contains(" expected, got 'x'", text.Actual, StringComparison.Ordinal); // text is read with its unit ($100B): x is no amount
        var negative = Assert.Throws<InputException>(() => ArticleScenario.Parse(written.Replace("\"monthlySearchesBase\":100000000000", "\"monthlySearchesBase\":-1", StringComparison.Ordinal), "s.json"));
        Assert.Contains("$.search.monthlySearchesBase", negative.Actual, StringComparison.Ordinal);
        Assert.Contains(" expected, got -1", negative.Actual, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0555, true)] // exactly half a step above: rounds to the print
    [InlineData(0.0545, true)]
    [InlineData(0.05551, false)]
    [InlineData(0.05449, false)]
    [InlineData(-0.055, false)]
    public void ARoundedFigure_AgreesWithinHalfItsStep(double value, bool agrees) => Assert.Equal(agrees, Rounded(0.055, 0.001).Agrees(value));

    [Theory]
    [InlineData(0.596, true)] // rounds to 60%: reaches the floor
    [InlineData(0.99, true)]  // far above a floor still agrees (a rounded figure would not)
    [InlineData(0.594, false)]
    public void AFloor_AgreesWhenTheRoundedValueReachesIt(double value, bool agrees)
    {
        ArticleFigure floor = Rounded(0.60, 0.01) with { Bound = FigureBound.AtLeast };
        Assert.Equal(agrees, floor.Agrees(value));
        Assert.False(Rounded(0.60, 0.01).Agrees(0.99));
    }

    [Fact]
    public void ASlip_ReportsItsGap()
    {
        // levered share = two-stage cost / 8 / ($100B / 2.1e12) (SPEC.md §2: 17.2%, printed 15%)
        AuditLine l = Line("search.levered-share");
        double cost = ArticleReproduction.Default().Figures["search.two-stage.cost"].Value;
        double share = cost / 8 / (100e9 / 2.1e12);
        Assert.Equal(share, l.Recomputed.Value, 12);
        Assert.Equal(share - 0.15, l.Gap, 12);
        Assert.Equal((share - 0.15) / 0.15, l.RelativeGap, 12);
        Assert.Equal(AuditVerdict.Slip, l.Verdict);
    }

    [Fact]
    public void APropagatedFigure_ReportsTheChainsGap()
    {
        // SPEC.md §5: with the recomputed lines, 628,080 / 2.3 + 1,287 MWh × $90/MWh / 3.4 = 273,078.26 + 34,067.65 = $307,145.91
        AuditLine l = Line("inhouse.total-after");
        double chain = 628_080 / 2.3 + 1287 * 90 / 3.4;
        Assert.Equal(AuditVerdict.Propagated, l.Verdict);
        Assert.Equal(chain, l.Recomputed.Chain!.Value, 6);
        Assert.Equal(311_988, l.Recomputed.Value, 6); // the step: the sum of the printed lines
        Assert.Equal(chain - 311_988, l.Gap, 6);
        Assert.Equal((chain - 311_988) / 311_988, l.RelativeGap, 12);
    }

    [Fact]
    public void SearchChains_UseTheUnroundedVolume()
    {
        // annual searches = 100e9 × 12 × 0.60 / 0.34 (eq. 4), so revenue per query = $100B / that = 0.34 / 7.2 = $0.047222
        ArticleReproduction r = ArticleReproduction.Default();
        double revenue = 0.34 / 7.2, cost = r.Figures["search.two-stage.cost"].Value;
        Assert.Equal(revenue, r.Figures["search.revenue-per-query"].Chain!.Value, 12);
        Assert.Equal(100e9 / 2.1e12, r.Figures["search.revenue-per-query"].Value, 12);
        Assert.Equal(cost / revenue, r.Figures["search.cost-over-revenue"].Chain!.Value, 12);
        Assert.Equal(cost / 8 / revenue, r.Figures["search.levered-share"].Chain!.Value, 12);
        Assert.Equal(AuditVerdict.Propagated, Line("search.revenue-per-query").Verdict);
    }

    [Fact]
    public void TrajectoryFigures_AreTheLevers()
    {
        // eq. 11: 1 − 70B/175B = 60% fewer parameters; PaLM's 46.2% over GPT-3's 21.3% MFU = 2.169×;
        // net for inference (N and cost per FLOP): 1 − 0.4 × (1 − r); for training (cost per FLOP and MFU): 1 − (1 − r) × 0.213/0.462
        ArticleReproduction r = ArticleReproduction.Default();
        double perFlop = r.Figures["trajectory.cost-per-flop-reduction"].Value;
        Assert.Equal(0.6, r.Figures["trajectory.fewer-parameters"].Value, 12);
        Assert.Equal(0.462 / 0.213, r.Figures["trajectory.mfu-gain"].Value, 12);
        Assert.Equal(1 - 0.4 * (1 - perFlop), r.Figures["trajectory.net-inference"].Value, 12);
        Assert.Equal(1 - (1 - perFlop) * 0.213 / 0.462, r.Figures["trajectory.net-training"].Value, 12);
    }

    [Fact]
    public void ConclusionsQuoteTheTrainingTable()
    {
        ArticleReproduction r = ArticleReproduction.Default();
        Assert.Equal(r.Figures["training.gpt-3.cost"].Value, r.Figures["conclusions.gpt-3-cloud"].Value);
        Assert.Equal(r.Figures["training.palm.cost"].Value, r.Figures["conclusions.palm-cloud"].Value);
        // Jasper: $82 per 100,000 words × 750 words per 1000 tokens = $0.615 (SPEC.md §6)
        Assert.Equal(0.615, r.Figures["conclusions.jasper-per-1k-tokens"].Value, 12);
    }

    [Fact]
    public void AFigureThatPrintsZero_HasNoRelativeGap()
    {
        AuditLine l = Line("search.levered-share");
        AuditLine zero = l with { Figure = l.Figure with { Printed = 0 } };
        Assert.True(double.IsNaN(zero.RelativeGap));
        Assert.Equal(l.Recomputed.Value, zero.Gap, 12);
    }

    [Fact]
    public void AFigureNotRecomputed_IsAnError_NamingIt()
    {
        var extra = new ArticleFigure("made.up", "3", "a figure nobody computes", 1, 1, "USD", "$1");
        var e = Assert.Throws<InvalidOperationException>(() => ArticleAudit.Run(ArticleReproduction.Default(), [.. ArticleFigure.All, extra]));
        Assert.Equal("No recomputation for printed figure(s): made.up", e.Message);
        Assert.Throws<ArgumentNullException>(() => ArticleAudit.Run(null!));
        Assert.Throws<ArgumentNullException>(() => ArticleReproduction.Run(null!, ArticleScenario.Default));
        Assert.Throws<ArgumentNullException>(() => ArticleReproduction.Run(LlmCatalog.BuiltIn, null!));
    }

    [Fact]
    public void AMalformedScenario_NamesTheFileThePlaceAndTheLine()
    {
        // "source" is on the file's second line (JSON's reader counts from 0)
        var e = Assert.Throws<InputException>(() => ArticleScenario.Parse("{\n  \"source\": 1\n}", "s.json"));
        Assert.Equal("s.json", e.Parameter);
        Assert.Equal("a valid scenario", e.Rule);
        Assert.StartsWith("an error at $.source (line 2): ", e.Actual, StringComparison.Ordinal);
        Assert.Equal("s.json", Assert.Throws<InputException>(() => ArticleScenario.Parse("null", "s.json")).Parameter);
    }
}

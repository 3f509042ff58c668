using LlmEcon.Audit;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using LlmEcon.Search;
using Xunit;

namespace LlmEcon.Tests.Search;

/// <summary>Sun 2023 §3 (SPEC.md §2).</summary>
public class SearchTests
{
    private static SearchAssumptions Article(double cacheHitRate = 0.30, double grossMargin = 0.75) => new(
        WordCount.FromCount(50), WordCount.FromCount(400), 5, WordCount.FromCount(1000), WordCount.FromCount(400), 10, 750,
        MoneyPerToken.FromUsdPer1kTokens(0.02), Ratio.FromFraction(cacheHitRate), Ratio.FromFraction(grossMargin));

    // SPEC.md §2: ChatGPT-equivalent (50 + 400 × 5) words → $0.0547 ("$0.055"), cost $0.00957 ("$0.010");
    // 2-stage (50 + (1000 + 400) × 10) words → $0.3747 ("$0.375"), cost $0.06557 ("$0.066").
    [Theory]
    [InlineData(SearchArchitecture.ChatGptEquivalent, 2050, 0.055, 0.0547, 0.010, 0.00957)]
    [InlineData(SearchArchitecture.TwoStage, 14050, 0.375, 0.3747, 0.066, 0.06557)]
    public void RevenueAndCostPerQuery_MatchPrint(SearchArchitecture architecture, double words, double revenuePrinted, double revenue,
        double costPrinted, double cost)
    {
        var r = SearchCost.FromApiPrice(architecture, Article());
        Assert.Equal(words, r.InputWords.Count + r.OutputWords.Count);
        Printed.Equal(revenuePrinted, 0.001, r.ApiRevenue.UsdPerQuery);
        Printed.Equal(revenue, 0.0001, r.ApiRevenue.UsdPerQuery);
        Printed.Equal(costPrinted, 0.001, r.Cost.UsdPerQuery);
        Printed.Equal(cost, 0.00001, r.Cost.UsdPerQuery);
    }

    [Fact]
    public void RevenuePerQuery_Is0_048_From2_1TrillionSearches()
    {
        // 100e9 × 12 × 0.60 / 0.34 = 2.118e12 → "2.1 trillion"; $100B / 2.1e12 = $0.0476 → $0.048
        var v = SearchRevenue.AnnualVolume(QueryCount.FromCount(100e9), Ratio.FromFraction(0.34), Ratio.FromFraction(0.60));
        Printed.Equal(2.1e12, 0.1e12, v.AnnualSearches.Count);
        var (revenue, _) = SearchRevenue.PerQuery(Money.FromUsd(100e9), QueryCount.FromCount(2.1e12));
        Printed.Equal(0.048, 0.001, revenue.UsdPerQuery);
    }

    [Fact]
    public void Levers_DivideByEight_AndCostAboutOnePointFourTimesRevenueBefore()
    {
        var two = SearchCost.FromApiPrice(SearchArchitecture.TwoStage, Article());
        var lev = SearchLevers.Apply(two.Cost, MoneyPerQuery.FromUsdPerQuery(100e9 / 2.1e12), 4, 2, QueryCount.FromCount(2.1e12));
        Printed.Equal(1.4, 0.1, lev.ShareOfRevenueBefore.Fraction);
        Printed.Equal(0.008, 0.001, lev.CostAfter.UsdPerQuery);
        // Google's profit given up: 0.0082 × 2.1e12 = $17.2B, "over $10 billion" (§6)
        Assert.True(lev.AnnualCost.Usd > 10e9);
    }

    [Fact]
    public void ComputeBasedVariant_UsesInferenceCostAndCache()
    {
        // 2050 words → 2733.3 tokens × $0.003515/1000 × 0.7 = $0.006726
        var (cost, d) = SearchCost.FromInferenceCost(SearchArchitecture.ChatGptEquivalent, Article(), MoneyPerToken.FromUsdPer1kTokens(0.003515));
        Assert.Equal(2050 / 0.75 * 0.003515 / 1000 * 0.7, cost.UsdPerQuery, 12);
        Assert.Contains("(1 − 30%)", d.Substituted, StringComparison.Ordinal);
        Assert.Equal(cost.UsdPerQuery, SubstitutedLine.Evaluate(d.Substituted), 1e-6);
    }

    [Fact]
    public void GrossMarginOfOne_IsRejectedWithOneSentence()
    {
        var e = Assert.Throws<InputException>(() => SearchCost.FromApiPrice(SearchArchitecture.TwoStage, Article(grossMargin: 75)));
        Assert.Equal("grossMargin must be in [0, 1); got 75. A fraction is expected: did you mean 75% = 0.75?", e.Message);
    }

    [Fact]
    public void DefaultScenario_MatchesTheArticlesAssumptions()
    {
        SearchScenario s = ArticleScenario.Default.Search;
        Assert.Equal((50.0, 400.0, 5.0, 1000.0, 10.0, 750.0, 0.30, 0.75), (s.QueryPromptWords.Count, s.GeneratedWordsPerResponse.Count, s.SampledResponses,
            s.ResultPromptWordsPerLink.Count, s.Links, s.WordsPer1000Tokens, s.CacheHitRate.Fraction, s.GrossMargin.Fraction));
    }
}

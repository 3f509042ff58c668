using LlmEcon.Quantities;
using LlmEcon.Search;
using Xunit;

namespace LlmEcon.Tests.Search;

/// <summary>Eqs. 2–6 to full precision, their derivations, and every refused input by name.</summary>
public class SearchArithmeticTests
{
    private static SearchAssumptions Article(double responses = 5, double links = 10, double wordsPer1k = 750, double cache = 0.30, double margin = 0.75) => new(
        WordCount.FromCount(50), WordCount.FromCount(400), responses, WordCount.FromCount(1000), WordCount.FromCount(400), links, wordsPer1k,
        MoneyPerToken.FromUsdPer1kTokens(0.02), Ratio.FromFraction(cache), Ratio.FromFraction(margin));

    [Fact]
    public void TwoStage_WordsTokensRevenueCost()
    {
        // input 50 + 1000 × 10 = 10,050 words; output 400 × 10 = 4,000; 14,050 / 750 × 1000 = 18,733.3 tokens;
        // revenue 14,050 / 750 × $0.02 = $0.374667; cost × (1 − 0.3) × (1 − 0.75) = $0.0655667
        SearchCostResult r = SearchCost.FromApiPrice(SearchArchitecture.TwoStage, Article());
        Assert.Equal(10_050, r.InputWords.Count);
        Assert.Equal(4_000, r.OutputWords.Count);
        Assert.Equal(14_050 / 0.75, r.Tokens.Count, 9);
        Assert.Equal(14_050 / 750.0 * 0.02, r.ApiRevenue.UsdPerQuery, 15);
        Assert.Equal(14_050 / 750.0 * 0.02 * 0.7 * 0.25, r.Cost.UsdPerQuery, 15);
        Assert.Equal(SearchArchitecture.TwoStage, r.Architecture);
        Assert.Equal(("API revenue per query (USD)", "(2) Sun 2023 §3"), (r.RevenueDerivation.Quantity, r.RevenueDerivation.Equation));
        Assert.Equal(("cost per query to the provider (USD)", "(3) Sun 2023 §3"), (r.CostDerivation.Quantity, r.CostDerivation.Equation));
        Assert.Equal(r.ApiRevenue.UsdPerQuery, r.RevenueDerivation.Value!.Value, 15);
        Assert.Equal(r.Cost.UsdPerQuery, r.CostDerivation.Value!.Value, 15);
        Sound.Derivations([r.RevenueDerivation, r.CostDerivation]);
    }

    [Fact]
    public void ChatGptEquivalent_WordsTokens()
    {
        // input 50; output 400 × 5 = 2,000; 2,050 / 0.75 = 2,733.3 tokens
        SearchCostResult r = SearchCost.FromApiPrice(SearchArchitecture.ChatGptEquivalent, Article());
        Assert.Equal(50, r.InputWords.Count);
        Assert.Equal(2_000, r.OutputWords.Count);
        Assert.Equal(2_050 / 0.75, r.Tokens.Count, 9);
        Sound.Derivations([r.RevenueDerivation, r.CostDerivation]);
    }

    [Fact]
    public void ComputeVariant_IsTokensTimesCostLessCache()
    {
        // two-stage: 14,050 / 750 × $0.003515 × 0.7
        var (cost, d) = SearchCost.FromInferenceCost(SearchArchitecture.TwoStage, Article(), MoneyPerToken.FromUsdPer1kTokens(0.003515));
        Assert.Equal(14_050 / 750.0 * 0.003515 * 0.7, cost.UsdPerQuery, 15);
        Assert.Equal("compute cost per query (USD)", d.Quantity);
        Sound.Derivation(d);
    }

    public static TheoryData<string, Action> Bad() => new()
    {
        { "responses", () => SearchCost.FromApiPrice(SearchArchitecture.ChatGptEquivalent, Article(responses: -1)) },
        { "links", () => SearchCost.FromApiPrice(SearchArchitecture.TwoStage, Article(links: -1)) },
        { "wordsPer1000Tokens", () => SearchCost.FromApiPrice(SearchArchitecture.TwoStage, Article(wordsPer1k: 0)) },
        { "cacheHitRate", () => SearchCost.FromApiPrice(SearchArchitecture.TwoStage, Article(cache: 1)) },
        { "grossMargin", () => SearchCost.FromApiPrice(SearchArchitecture.TwoStage, Article(margin: 1)) },
        { "cacheHitRate", () => SearchCost.FromInferenceCost(SearchArchitecture.TwoStage, Article(cache: 1), MoneyPerToken.FromUsdPer1kTokens(1)) },
        { "monthlySearches", () => SearchRevenue.AnnualVolume(QueryCount.FromCount(0), Ratio.FromFraction(0.34), Ratio.FromFraction(0.6)) },
        { "penetrationBase", () => SearchRevenue.AnnualVolume(QueryCount.FromCount(1), Ratio.FromFraction(0), Ratio.FromFraction(0.6)) },
        { "penetrationBase", () => SearchRevenue.AnnualVolume(QueryCount.FromCount(1), Ratio.FromFraction(1.1), Ratio.FromFraction(0.6)) },
        { "penetrationNow", () => SearchRevenue.AnnualVolume(QueryCount.FromCount(1), Ratio.FromFraction(0.34), Ratio.FromFraction(0)) },
        { "penetrationNow", () => SearchRevenue.AnnualVolume(QueryCount.FromCount(1), Ratio.FromFraction(0.34), Ratio.FromFraction(1.1)) },
        { "searchRevenue", () => SearchRevenue.PerQuery(Money.FromUsd(0), QueryCount.FromCount(1)) },
        { "annualSearches", () => SearchRevenue.PerQuery(Money.FromUsd(1), QueryCount.FromCount(0)) },
        { "modelSideDivisor", () => Lever(modelSide: 0.5) },
        { "modelSideDivisor", () => Lever(modelSide: 2e6) },
        { "inHouseDivisor", () => Lever(inHouse: 0.5) },
        { "inHouseDivisor", () => Lever(inHouse: 2e6) },
        { "revenuePerQuery", () => Lever(revenue: 0) },
    };

    private static LeverResult Lever(double modelSide = 4, double inHouse = 2, double revenue = 0.048) => SearchLevers.Apply(
        MoneyPerQuery.FromUsdPerQuery(0.0656), MoneyPerQuery.FromUsdPerQuery(revenue), modelSide, inHouse, QueryCount.FromCount(2.1e12));

    [Theory]
    [MemberData(nameof(Bad))]
    public void ABadInput_IsNamed(string parameter, Action act) => Assert.Equal(parameter, Assert.Throws<InputException>(act).Parameter);

    [Fact]
    public void Nulls_AreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => SearchCost.FromApiPrice(SearchArchitecture.TwoStage, null!));
        Assert.Throws<ArgumentNullException>(() => SearchCost.FromInferenceCost(SearchArchitecture.TwoStage, null!, MoneyPerToken.FromUsdPer1kTokens(1)));
    }

    [Fact]
    public void Levers_TermByTerm()
    {
        // $0.0656 ÷ (4 × 2) = $0.0082 per query; shares 0.0656 / 0.048 and 0.0082 / 0.048; × 2.1e12 = $17.22B a year
        LeverResult l = Lever();
        Assert.Equal(8, l.Divisor);
        Assert.Equal(0.0656, l.CostBefore.UsdPerQuery);
        Assert.Equal(0.0082, l.CostAfter.UsdPerQuery, 15);
        Assert.Equal(0.0656 / 0.048, l.ShareOfRevenueBefore.Fraction, 12);
        Assert.Equal(0.0082 / 0.048, l.ShareOfRevenueAfter.Fraction, 12);
        Assert.Equal(0.0082 * 2.1e12, l.AnnualCost.Usd, 1);
        Assert.Equal(["cost per query after the levers (USD)", "cost per query as a share of revenue per query",
            "levered cost per query as a share of revenue per query", "profit given up per year (USD)"], l.Steps.Select(d => d.Quantity));
        Assert.Equal(["(6) Sun 2023 §3, §6", "(6) cost / revenue", "(6) levered cost / revenue", "(6) levered cost × queries per year"],
            l.Steps.Select(d => d.Equation));
        Assert.Equal([l.CostAfter.UsdPerQuery, l.ShareOfRevenueBefore.Fraction, l.ShareOfRevenueAfter.Fraction, l.AnnualCost.Usd], l.Steps.Select(d => d.Value!.Value));
        Sound.Derivations(l.Steps);
        // divisors of exactly 1 and 1e6 are allowed
        Assert.Equal(1, Lever(modelSide: 1, inHouse: 1).Divisor);
        Assert.Equal(1e12, Lever(modelSide: 1e6, inHouse: 1e6).Divisor);
    }

    [Fact]
    public void Volume_AndRevenuePerQuery_TermByTerm()
    {
        // eq. 4: 100e9 × 12 × 0.60 / 0.34 = 2.1176e12; eq. 5: $100B / 2.1e12 = $0.047619; full penetration (1) is allowed
        SearchVolume v = SearchRevenue.AnnualVolume(QueryCount.FromCount(100e9), Ratio.FromFraction(0.34), Ratio.FromFraction(0.60));
        Assert.Equal(100e9 * 12 * 0.60 / 0.34, v.AnnualSearches.Count, 1);
        Assert.Equal(("annual searches", "(4) Sun 2023 §3"), (v.Derivation.Quantity, v.Derivation.Equation));
        var (perQuery, d) = SearchRevenue.PerQuery(Money.FromUsd(100e9), QueryCount.FromCount(2.1e12));
        Assert.Equal(100e9 / 2.1e12, perQuery.UsdPerQuery, 15);
        Assert.Equal(("search revenue per query (USD)", "(5) Sun 2023 §3"), (d.Quantity, d.Equation));
        Sound.Derivations([v.Derivation, d]);
        Assert.Equal(1.2e12, SearchRevenue.AnnualVolume(QueryCount.FromCount(100e9), Ratio.FromFraction(1), Ratio.FromFraction(1)).AnnualSearches.Count, 1);
    }
}

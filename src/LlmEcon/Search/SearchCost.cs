using LlmEcon.Derivations;
using LlmEcon.Quantities;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Search;

/// <summary>How an LLM answers a search query (Sun 2023 §3).</summary>
public enum SearchArchitecture
{
    /// <summary>Knowledge in the weights: a prompt, several sampled responses, the best returned.</summary>
    ChatGptEquivalent,
    /// <summary>Retrieve the top K results; one response per result (prompt = result text); the best returned.</summary>
    TwoStage,
}

/// <summary>The per-query assumptions of the search models; defaults are the article's (§3).</summary>
/// <param name="QueryPromptWords">Words of the user's query in the prompt (50).</param>
/// <param name="GeneratedWordsPerResponse">ChatGPT-equivalent: words per sampled response (400).</param>
/// <param name="SampledResponses">ChatGPT-equivalent: responses sampled per query (5).</param>
/// <param name="ResultPromptWordsPerLink">Two-stage: words of search result in the prompt per link (1000).</param>
/// <param name="GeneratedWordsPerLink">Two-stage: words generated per link (400).</param>
/// <param name="Links">Two-stage: links K per query (10).</param>
/// <param name="WordsPer1000Tokens">Words per 1000 tokens (750).</param>
/// <param name="PricePerToken">API price per token, input and output alike (Davinci: $0.02 per 1000).</param>
/// <param name="CacheHitRate">Share of queries served from cache, in [0, 1) (30%).</param>
/// <param name="GrossMargin">The API provider's gross margin, in [0, 1) (75%).</param>
public sealed record SearchAssumptions(
    WordCount QueryPromptWords, WordCount GeneratedWordsPerResponse, double SampledResponses,
    WordCount ResultPromptWordsPerLink, WordCount GeneratedWordsPerLink, double Links, double WordsPer1000Tokens,
    Sourced<MoneyPerToken> PricePerToken, Ratio CacheHitRate, Ratio GrossMargin);

/// <summary>Revenue and cost of one query, with both derivations.</summary>
/// <param name="Architecture">Which architecture.</param>
/// <param name="InputWords">Prompt words per query.</param>
/// <param name="OutputWords">Generated words per query.</param>
/// <param name="Tokens">All tokens billed per query.</param>
/// <param name="ApiRevenue">What the API provider earns per query (eq. 2).</param>
/// <param name="Cost">The provider's cost per query (eq. 3).</param>
/// <param name="RevenueDerivation">Eq. 2 substituted.</param>
/// <param name="CostDerivation">Eq. 3 substituted.</param>
public sealed record SearchCostResult(
    SearchArchitecture Architecture, WordCount InputWords, WordCount OutputWords, TokenCount Tokens,
    MoneyPerQuery ApiRevenue, MoneyPerQuery Cost, Derivation RevenueDerivation, Derivation CostDerivation);

/// <summary>
/// LLM-powered search, first-order from API prices (eqs. 2–3; Sun 2023 §3), and the compute-based variant.
/// </summary>
public static class SearchCost
{
    /// <summary>
    /// revenue/query = (input words + output words) × (1000 tokens / words per 1000 tokens) × price per token (eq. 2);
    /// cost/query = revenue × (1 − cache hit rate) × (1 − gross margin) (eq. 3).
    /// </summary>
    public static SearchCostResult FromApiPrice(SearchArchitecture architecture, SearchAssumptions a)
    {
        ArgumentNullException.ThrowIfNull(a);
        Guard.NonNegative(a.SampledResponses, "responses");
        Guard.NonNegative(a.Links, "links");
        Guard.Positive(a.WordsPer1000Tokens, "wordsPer1000Tokens");
        Guard.FractionBelowOne(a.CacheHitRate.Fraction, "cacheHitRate");
        Guard.FractionBelowOne(a.GrossMargin.Fraction, "grossMargin");
        var (input, output, wordsText) = Words(architecture, a);
        TokenCount tokens = TokenCount.FromWords(input + output, a.WordsPer1000Tokens);
        Money revenue = a.PricePerToken.Value * tokens;
        var revenueD = new Derivation("API revenue per query (USD)", "(2) Sun 2023 §3",
            "(input words + output words) × 1000 tokens / words per 1000 tokens × price per 1000 tokens",
            $"{wordsText} words × 1000 tokens / {Compact(a.WordsPer1000Tokens)} words × ${Compact(a.PricePerToken.Value.UsdPer1kTokens)}/1000 tokens",
            Usd(revenue.Usd),
            [
                new Term("input", "prompt words per query", Compact(input.Count)),
                new Term("output", "generated words per query", Compact(output.Count)),
                new Term("w", "words per 1000 tokens", Compact(a.WordsPer1000Tokens)),
                Term.Of("price", "USD per 1000 tokens", a.PricePerToken, Usd(a.PricePerToken.Value.UsdPer1kTokens)),
            ]);
        double keep = (1 - a.CacheHitRate.Fraction) * (1 - a.GrossMargin.Fraction);
        Money cost = revenue * keep;
        var costD = new Derivation("cost per query to the provider (USD)", "(3) Sun 2023 §3",
            "revenue per query × (1 − cache hit rate) × (1 − gross margin)",
            $"{Usd(revenue.Usd)} × (1 − {Compact(a.CacheHitRate.Fraction)}) × (1 − {Compact(a.GrossMargin.Fraction)})",
            Usd(cost.Usd),
            [
                new Term("revenue", "API revenue per query (eq. 2)", Usd(revenue.Usd)),
                new Term("h", "cache hit rate", Percent(a.CacheHitRate.Fraction)),
                new Term("m", "gross margin", Percent(a.GrossMargin.Fraction)),
            ]);
        return new SearchCostResult(architecture, input, output, tokens,
            MoneyPerQuery.FromUsdPerQuery(revenue.Usd), MoneyPerQuery.FromUsdPerQuery(cost.Usd), revenueD, costD);
    }

    /// <summary>
    /// Compute-based variant: cost/query = tokens per query × inference cost per token × (1 − cache hit rate),
    /// with the inference cost from eq. 7 instead of an API price less its margin.
    /// </summary>
    public static (MoneyPerQuery Cost, Derivation Derivation) FromInferenceCost(SearchArchitecture architecture, SearchAssumptions a, Sourced<MoneyPerToken> inferenceCost)
    {
        ArgumentNullException.ThrowIfNull(a);
        Guard.FractionBelowOne(a.CacheHitRate.Fraction, "cacheHitRate");
        var (input, output, wordsText) = Words(architecture, a);
        TokenCount tokens = TokenCount.FromWords(input + output, a.WordsPer1000Tokens);
        Money cost = inferenceCost.Value * tokens * a.CacheHitRate.Complement;
        var d = new Derivation("compute cost per query (USD)", "(3b) tokens × inference cost per token × (1 − cache hit rate)",
            "(input words + output words) × 1000 / words per 1000 tokens × inference cost per 1000 tokens / 1000 × (1 − cache hit rate)",
            $"{wordsText} words × 1000 / {Compact(a.WordsPer1000Tokens)} × ${Compact(inferenceCost.Value.UsdPer1kTokens)}/1000 tokens × (1 − {Compact(a.CacheHitRate.Fraction)})",
            Usd(cost.Usd),
            [
                Term.Of("c", "inference cost per 1000 tokens (eq. 7)", inferenceCost, Usd(inferenceCost.Value.UsdPer1kTokens)),
                new Term("h", "cache hit rate", Percent(a.CacheHitRate.Fraction)),
            ]);
        return (MoneyPerQuery.FromUsdPerQuery(cost.Usd), d);
    }

    private static (WordCount Input, WordCount Output, string Text) Words(SearchArchitecture architecture, SearchAssumptions a) =>
        architecture == SearchArchitecture.ChatGptEquivalent
            ? (a.QueryPromptWords, a.GeneratedWordsPerResponse * a.SampledResponses,
               $"({Compact(a.QueryPromptWords.Count)} + {Compact(a.GeneratedWordsPerResponse.Count)} × {Compact(a.SampledResponses)})")
            : (a.QueryPromptWords + a.ResultPromptWordsPerLink * a.Links, a.GeneratedWordsPerLink * a.Links,
               $"({Compact(a.QueryPromptWords.Count)} + ({Compact(a.ResultPromptWordsPerLink.Count)} + {Compact(a.GeneratedWordsPerLink.Count)}) × {Compact(a.Links)})");
}

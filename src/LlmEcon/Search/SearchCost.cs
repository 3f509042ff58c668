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
        var (input, output) = Words(architecture, a);
        Input w = WordsPer1000(a.WordsPer1000Tokens);
        Input price = Expr.In("price", "USD per 1000 tokens", a.PricePerToken.Value.UsdPer1kTokens, Usd(a.PricePerToken.Value.UsdPer1kTokens), a.PricePerToken.From);
        Expr tokensExpr = (input + output) * Expr.Const(1000, "1000 tokens") / w;
        Expr revenueExpr = (input + output) / w * price;
        var revenueD = Derivation.Of("API revenue per query (USD)", "(2) Sun 2023 §3", revenueExpr, Usd);
        Input revenue = Expr.In("revenue", "API revenue per query (eq. 2)", revenueExpr.Value, Usd(revenueExpr.Value));
        Expr one = Expr.Const(1);
        Expr costExpr = revenue * (one - Share("h", "cache hit rate", a.CacheHitRate)) * (one - Share("m", "gross margin", a.GrossMargin));
        var costD = Derivation.Of("cost per query to the provider (USD)", "(3) Sun 2023 §3", costExpr, Usd);
        return new SearchCostResult(architecture, WordCount.FromCount(input.Value), WordCount.FromCount(output.Value), TokenCount.FromCount(tokensExpr.Value),
            MoneyPerQuery.FromUsdPerQuery(revenueExpr.Value), MoneyPerQuery.FromUsdPerQuery(costExpr.Value), revenueD, costD);
    }

    /// <summary>
    /// Compute-based variant: cost/query = tokens per query × inference cost per token × (1 − cache hit rate),
    /// with the inference cost from eq. 7 instead of an API price less its margin.
    /// </summary>
    public static (MoneyPerQuery Cost, Derivation Derivation) FromInferenceCost(SearchArchitecture architecture, SearchAssumptions a, Sourced<MoneyPerToken> inferenceCost)
    {
        ArgumentNullException.ThrowIfNull(a);
        Guard.FractionBelowOne(a.CacheHitRate.Fraction, "cacheHitRate");
        var (input, output) = Words(architecture, a);
        Input c = Expr.In("c", "inference cost per 1000 tokens (eq. 7)", inferenceCost.Value.UsdPer1kTokens, Usd(inferenceCost.Value.UsdPer1kTokens), inferenceCost.From);
        Expr cost = (input + output) / WordsPer1000(a.WordsPer1000Tokens) * c * (Expr.Const(1) - Share("h", "cache hit rate", a.CacheHitRate));
        return (MoneyPerQuery.FromUsdPerQuery(cost.Value),
            Derivation.Of("compute cost per query (USD)", "(3b) tokens × inference cost per token × (1 − cache hit rate)", cost, Usd));
    }

    private static Input WordsPer1000(double w) => Expr.In("w", "words per 1000 tokens", w, Compact(w) + " words");

    private static Input Share(string symbol, string meaning, Ratio r) => Expr.In(symbol, meaning, r.Fraction, Percent(r.Fraction, 2));

    /// <summary>Prompt and generated words per query, as expressions: ChatGPT-equivalent q + r × n; two-stage q + p × K and g × K.</summary>
    private static (Expr Input, Expr Output) Words(SearchArchitecture architecture, SearchAssumptions a)
    {
        Input q = Expr.In("q", "query words in the prompt", a.QueryPromptWords.Count, Compact(a.QueryPromptWords.Count) + " words");
        if (architecture == SearchArchitecture.ChatGptEquivalent)
        {
            Input r = Expr.In("r", "words per sampled response", a.GeneratedWordsPerResponse.Count, Compact(a.GeneratedWordsPerResponse.Count) + " words");
            Input n = Expr.In("n", "responses sampled per query", a.SampledResponses, Compact(a.SampledResponses));
            return (q, r * n);
        }

        Input p = Expr.In("p", "result words in the prompt per link", a.ResultPromptWordsPerLink.Count, Compact(a.ResultPromptWordsPerLink.Count) + " words");
        Input g = Expr.In("g", "words generated per link", a.GeneratedWordsPerLink.Count, Compact(a.GeneratedWordsPerLink.Count) + " words");
        Input k = Expr.In("K", "links per query", a.Links, Compact(a.Links));
        return (q + p * k, g * k);
    }
}

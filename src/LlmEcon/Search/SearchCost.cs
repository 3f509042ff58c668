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
        SearchNumbers n = SearchNumbers.Of(a);
        n.Check();
        SearchTerms<Expr> t = Terms<Expr>(architecture, n, a.PricePerToken.From);
        var revenueD = Derivation.Of("API revenue per query (USD)", "(2) Sun 2023 §3", t.Revenue, Usd);
        var costD = Derivation.Of("cost per query to the provider (USD)", "(3) Sun 2023 §3", t.Cost, Usd);
        return new SearchCostResult(architecture, WordCount.FromCount(t.InputWords.Value), WordCount.FromCount(t.OutputWords.Value), TokenCount.FromCount(t.Tokens.Value),
            MoneyPerQuery.FromUsdPerQuery(t.Revenue.Value), MoneyPerQuery.FromUsdPerQuery(t.Cost.Value), revenueD, costD);
    }

    /// <summary>
    /// Eqs. 2–3 written once over <see cref="ITerm{T}"/>: over <see cref="Expr"/> for the derivations, over <see cref="Num"/> for a Monte
    /// Carlo or a sweep (nothing allocated). The revenue enters eq. 3 as a named input, so each derivation is one line.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static SearchTerms<T> Terms<T>(SearchArchitecture architecture, in SearchNumbers n, Provenance? priceFrom = null) where T : ITerm<T> =>
        Terms(architecture, SearchInputTerms<T>.Of(n, priceFrom));

    /// <summary>Eqs. 2–3 over inputs already terms: over <see cref="Lanes"/>, four samples at once (a Monte Carlo's block).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static SearchTerms<T> Terms<T>(SearchArchitecture architecture, in SearchInputTerms<T> x) where T : ITerm<T>
    {
        var (input, output) = Words(architecture, x);
        T tokens = (input + output) * T.Const(1000, "1000 tokens") / x.WordsPer1000Tokens;
        T revenue = (input + output) / x.WordsPer1000Tokens * x.UsdPer1kTokens;
        T carried = T.Traced ? T.Named("revenue", "API revenue per query (eq. 2)", revenue.Value, Usd, null) : revenue;
        T one = T.Const(1, "1");
        T cost = carried * (one - x.CacheHitRate) * (one - x.GrossMargin);
        return new SearchTerms<T>(input, output, tokens, revenue, cost);
    }

    /// <summary>
    /// Compute-based variant: cost/query = tokens per query × inference cost per token × (1 − cache hit rate),
    /// with the inference cost from eq. 7 instead of an API price less its margin.
    /// </summary>
    public static (MoneyPerQuery Cost, Derivation Derivation) FromInferenceCost(SearchArchitecture architecture, SearchAssumptions a, Sourced<MoneyPerToken> inferenceCost)
    {
        ArgumentNullException.ThrowIfNull(a);
        Guard.FractionBelowOne(a.CacheHitRate.Fraction, "cacheHitRate");
        var x = SearchInputTerms<Expr>.Of(SearchNumbers.Of(a), null);
        var (input, output) = Words(architecture, x);
        Input c = Expr.In("c", "inference cost per 1000 tokens (eq. 7)", inferenceCost.Value.UsdPer1kTokens, Usd(inferenceCost.Value.UsdPer1kTokens), inferenceCost.From);
        Expr cost = (input + output) / x.WordsPer1000Tokens * c * (Expr.Const(1) - x.CacheHitRate);
        return (MoneyPerQuery.FromUsdPerQuery(cost.Value),
            Derivation.Of("compute cost per query (USD)", "(3b) tokens × inference cost per token × (1 − cache hit rate)", cost, Usd));
    }

    /// <summary>Prompt and generated words per query: ChatGPT-equivalent q + r × n; two-stage q + p × K and g × K.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static (T Input, T Output) Words<T>(SearchArchitecture architecture, in SearchInputTerms<T> x) where T : ITerm<T> =>
        architecture == SearchArchitecture.ChatGptEquivalent
            ? (x.QueryWords, x.ResponseWords * x.Responses)
            : (x.QueryWords + x.ResultWords * x.Links, x.GeneratedWordsPerLink * x.Links);
}

/// <summary>The per-query numbers of eqs. 2–3 as bare values: <see cref="SearchAssumptions"/> for the fast path.</summary>
/// <param name="QueryWords">q, words of the user's query.</param>
/// <param name="ResponseWords">r, words per sampled response (ChatGPT-equivalent).</param>
/// <param name="Responses">n, responses sampled (ChatGPT-equivalent).</param>
/// <param name="ResultWords">p, result words per link in the prompt (two-stage).</param>
/// <param name="GeneratedWordsPerLink">g, words generated per link (two-stage).</param>
/// <param name="Links">K, links per query (two-stage).</param>
/// <param name="WordsPer1000Tokens">w.</param>
/// <param name="UsdPer1kTokens">The price per 1000 tokens.</param>
/// <param name="CacheHitRate">h, in [0, 1).</param>
/// <param name="GrossMargin">m, in [0, 1).</param>
public readonly record struct SearchNumbers(double QueryWords, double ResponseWords, double Responses, double ResultWords, double GeneratedWordsPerLink,
    double Links, double WordsPer1000Tokens, double UsdPer1kTokens, double CacheHitRate, double GrossMargin)
{
    /// <summary>The numbers of <paramref name="a"/>.</summary>
    public static SearchNumbers Of(SearchAssumptions a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.QueryPromptWords.Count, a.GeneratedWordsPerResponse.Count, a.SampledResponses, a.ResultPromptWordsPerLink.Count, a.GeneratedWordsPerLink.Count,
            a.Links, a.WordsPer1000Tokens, a.PricePerToken.Value.UsdPer1kTokens, a.CacheHitRate.Fraction, a.GrossMargin.Fraction);
    }

    /// <summary>The rules of eqs. 2–3: counts ≥ 0, words per 1000 tokens above 0, shares in [0, 1).</summary>
    public void Check()
    {
        Guard.NonNegative(Responses, "responses");
        Guard.NonNegative(Links, "links");
        Guard.Positive(WordsPer1000Tokens, "wordsPer1000Tokens");
        Guard.FractionBelowOne(CacheHitRate, "cacheHitRate");
        Guard.FractionBelowOne(GrossMargin, "grossMargin");
    }
}

/// <summary>Eqs. 2–3's quantities as terms.</summary>
/// <param name="InputWords">Prompt words per query.</param>
/// <param name="OutputWords">Generated words per query.</param>
/// <param name="Tokens">Tokens per query.</param>
/// <param name="Revenue">API revenue per query, USD (eq. 2).</param>
/// <param name="Cost">Cost per query to the provider, USD (eq. 3).</param>
public readonly record struct SearchTerms<T>(T InputWords, T OutputWords, T Tokens, T Revenue, T Cost) where T : ITerm<T>;

/// <summary>The inputs of eqs. 2–3 as terms (the fields of <see cref="SearchNumbers"/>).</summary>
/// <param name="QueryWords">q.</param>
/// <param name="ResponseWords">r.</param>
/// <param name="Responses">n.</param>
/// <param name="ResultWords">p.</param>
/// <param name="GeneratedWordsPerLink">g.</param>
/// <param name="Links">K.</param>
/// <param name="WordsPer1000Tokens">w.</param>
/// <param name="UsdPer1kTokens">The price per 1000 tokens.</param>
/// <param name="CacheHitRate">h.</param>
/// <param name="GrossMargin">m.</param>
public readonly record struct SearchInputTerms<T>(T QueryWords, T ResponseWords, T Responses, T ResultWords, T GeneratedWordsPerLink,
    T Links, T WordsPer1000Tokens, T UsdPer1kTokens, T CacheHitRate, T GrossMargin) where T : ITerm<T>
{
    /// <summary><paramref name="n"/>'s numbers as named inputs with their symbols and meanings (the price sourced to <paramref name="priceFrom"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static SearchInputTerms<T> Of(in SearchNumbers n, Provenance? priceFrom) => new(
        T.Named("q", "query words in the prompt", n.QueryWords, WordsShown, null),
        T.Named("r", "words per sampled response", n.ResponseWords, WordsShown, null),
        T.Named("n", "responses sampled per query", n.Responses, static v => Compact(v), null),
        T.Named("p", "result words in the prompt per link", n.ResultWords, WordsShown, null),
        T.Named("g", "words generated per link", n.GeneratedWordsPerLink, WordsShown, null),
        T.Named("K", "links per query", n.Links, static v => Compact(v), null),
        T.Named("w", "words per 1000 tokens", n.WordsPer1000Tokens, WordsShown, null),
        T.Named("price", "USD per 1000 tokens", n.UsdPer1kTokens, Usd, priceFrom),
        T.Named("h", "cache hit rate", n.CacheHitRate, Share, null),
        T.Named("m", "gross margin", n.GrossMargin, Share, null));

    private static string WordsShown(double v) => Compact(v) + " words";

    private static string Share(double v) => Percent(v, 2);
}

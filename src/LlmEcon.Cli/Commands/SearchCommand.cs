using System.ComponentModel;
using LlmEcon.Audit;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using LlmEcon.Search;
using Spectre.Console.Cli;

namespace LlmEcon.Cli.Commands;

/// <summary>Flags of <c>llmecon search</c>; every default is the article's (§3).</summary>
internal sealed class SearchSettings : CommonSettings
{
    /// <summary>--architecture.</summary>
    [CommandOption("--architecture <A>")]
    [Description("chatgpt-equivalent, two-stage, or both. Default: both.")]
    public string? Architecture { get; init; }

    /// <summary>--api-price.</summary>
    [CommandOption("--api-price <ID>")]
    [Description("An API price from the catalog. Default: openai-davinci-2022 ($0.02 per 1000 tokens).")]
    public string? ApiPrice { get; init; }

    /// <summary>--price-per-1k-tokens.</summary>
    [CommandOption("--price-per-1k-tokens <USD>")]
    [Description("API price per 1000 tokens (overrides --api-price), e.g. $0.02.")]
    public string? PricePer1kTokens { get; init; }

    /// <summary>--cache-hit-rate.</summary>
    [CommandOption("--cache-hit-rate <FRACTION>")]
    [Description("Share of queries served from cache, in [[0, 1). Default: 30%.")]
    public string? CacheHitRate { get; init; }

    /// <summary>--gross-margin.</summary>
    [CommandOption("--gross-margin <FRACTION>")]
    [Description("The API provider's gross margin, in [[0, 1). Default: 75%.")]
    public string? GrossMargin { get; init; }

    /// <summary>--prompt-words.</summary>
    [CommandOption("--prompt-words <WORDS>")]
    [Description("Words of the query in the prompt. Default: 50.")]
    public string? PromptWords { get; init; }

    /// <summary>--response-words.</summary>
    [CommandOption("--response-words <WORDS>")]
    [Description("Words generated per response (ChatGPT-equivalent) or per link (two-stage). Default: 400.")]
    public string? ResponseWords { get; init; }

    /// <summary>--responses.</summary>
    [CommandOption("--responses <N>")]
    [Description("ChatGPT-equivalent: responses sampled per query. Default: 5.")]
    public string? Responses { get; init; }

    /// <summary>--links.</summary>
    [CommandOption("--links <K>")]
    [Description("Two-stage: search results summarised per query. Default: 10.")]
    public string? Links { get; init; }

    /// <summary>--result-words.</summary>
    [CommandOption("--result-words <WORDS>")]
    [Description("Two-stage: words of each search result in the prompt. Default: 1000.")]
    public string? ResultWords { get; init; }

    /// <summary>--words-per-1k-tokens.</summary>
    [CommandOption("--words-per-1k-tokens <WORDS>")]
    [Description("Words per 1000 tokens. Default: 750.")]
    public string? WordsPer1kTokens { get; init; }

    /// <summary>--revenue-per-query.</summary>
    [CommandOption("--revenue-per-query <USD>")]
    [Description("Search revenue per query. Default: $100B / 2.1T searches = $0.0476.")]
    public string? RevenuePerQuery { get; init; }

    /// <summary>--annual-queries.</summary>
    [CommandOption("--annual-queries <N>")]
    [Description("Queries per year, for the annual cost. Default: 2.1T.")]
    public string? AnnualQueries { get; init; }

    /// <summary>--model-side-divisor.</summary>
    [CommandOption("--model-side-divisor <X>")]
    [Description("Cost divisor from quantisation, distillation and compute-optimal models. Default: 4.")]
    public string? ModelSideDivisor { get; init; }

    /// <summary>--in-house-divisor.</summary>
    [CommandOption("--in-house-divisor <X>")]
    [Description("Cost divisor from serving in-house instead of a cloud with ~50% margin. Default: 2.")]
    public string? InHouseDivisor { get; init; }
}

/// <summary><c>llmecon search</c>: eqs. 2–6.</summary>
internal sealed class SearchCommand(Io io) : LlmEconCommand<SearchSettings>(io)
{
    private static readonly string[] Architectures = ["both", "chatgpt-equivalent", "two-stage"];

    /// <summary>Architecture, words, tokens, API revenue and cost per query (eqs. 2–3): the columns the report shares.</summary>
    public static readonly IReadOnlyList<Column> PerQueryColumns =
    [
        new("architecture", "Architecture", Kind.Text),
        new("inputWords", "Input", Kind.Number, "words"),
        new("outputWords", "Output", Kind.Number, "words"),
        new("tokens", "Tokens", Kind.Number, "tokens"),
        new("apiRevenuePerQueryUsd", "API revenue", Kind.Usd, "USD/query"),
        new("costPerQueryUsd", "Cost", Kind.Usd, "USD/query"),
    ];

    /// <inheritdoc/>
    protected override CommandResult Build(SearchSettings s, LlmCatalog catalog)
    {
        SearchScenario d = ArticleScenario.Default.Search;
        string arch = Flags.Choice(s.Architecture, "--architecture", Architectures, a => a);
        double wordsPer1k = s.WordsPer1kTokens is null ? d.WordsPer1000Tokens : Guard.Positive(Flags.Number(s.WordsPer1kTokens, "--words-per-1k-tokens"), "--words-per-1k-tokens");
        if (s.ApiPrice is not null && s.PricePer1kTokens is not null)
        {
            throw new UsageException("--api-price and --price-per-1k-tokens conflict: give one of them.");
        }

        Sourced<MoneyPerToken> price = s.PricePer1kTokens is not null
            ? QuantityParser.MoneyPer1kTokens(s.PricePer1kTokens, "--price-per-1k-tokens")
            : Flags.Lookup(() => catalog.ApiPrice(s.ApiPrice ?? d.ApiPriceId), "--api-price").PerToken(wordsPer1k);
        double responseWords = Words(s.ResponseWords, "--response-words", d.GeneratedWordsPerResponse);
        var a = new SearchAssumptions(
            WordCount.FromCount(Words(s.PromptWords, "--prompt-words", d.QueryPromptWords), "--prompt-words"),
            WordCount.FromCount(responseWords, "--response-words"),
            Words(s.Responses, "--responses", d.SampledResponses),
            WordCount.FromCount(Words(s.ResultWords, "--result-words", d.ResultPromptWordsPerLink), "--result-words"),
            WordCount.FromCount(s.ResponseWords is null ? d.GeneratedWordsPerLink : responseWords, "--response-words"),
            Words(s.Links, "--links", d.Links),
            wordsPer1k, price,
            Fraction(s.CacheHitRate, "--cache-hit-rate", d.CacheHitRate),
            Fraction(s.GrossMargin, "--gross-margin", d.GrossMargin));

        var derivations = new List<Derivation>();
        MoneyPerQuery revenue;
        if (s.RevenuePerQuery is not null)
        {
            revenue = MoneyPerQuery.FromUsdPerQuery(QuantityParser.Money(s.RevenuePerQuery, "--revenue-per-query").Usd, "--revenue-per-query");
        }
        else
        {
            var (r, rd) = SearchRevenue.PerQuery(Money.FromUsd(d.SearchRevenueUsd), d.AnnualSearchesStated);
            revenue = r;
            derivations.Add(rd);
        }

        double annual = s.AnnualQueries is null ? d.AnnualSearchesStated : Queries(s.AnnualQueries);
        double modelSide = s.ModelSideDivisor is null ? d.ModelSideDivisor : Flags.Number(s.ModelSideDivisor, "--model-side-divisor");
        double inHouse = s.InHouseDivisor is null ? d.InHouseDivisor : Flags.Number(s.InHouseDivisor, "--in-house-divisor");
        Guard.InRange(modelSide, "--model-side-divisor", 1, 1e6, false, false);
        Guard.InRange(inHouse, "--in-house-divisor", 1, 1e6, false, false);

        var rows = new List<IReadOnlyList<object?>>();
        foreach (SearchArchitecture architecture in new[] { SearchArchitecture.ChatGptEquivalent, SearchArchitecture.TwoStage })
        {
            string name = architecture == SearchArchitecture.ChatGptEquivalent ? "chatgpt-equivalent" : "two-stage";
            if (arch != "both" && arch != name)
            {
                continue;
            }

            SearchCostResult c = SearchCost.FromApiPrice(architecture, a);
            LeverResult l = SearchLevers.Apply(c.Cost, revenue, modelSide, inHouse, annual);
            derivations.AddRange([c.RevenueDerivation, c.CostDerivation, l.Derivation]);
            rows.Add([name, c.InputWords.Count, c.OutputWords.Count, c.Tokens.Count, c.ApiRevenue.UsdPerQuery, c.Cost.UsdPerQuery,
                revenue.UsdPerQuery, l.ShareOfRevenueBefore.Fraction, l.CostAfter.UsdPerQuery, l.ShareOfRevenueAfter.Fraction, l.AnnualCost.Usd]);
        }

        Sheet sheet = Sheet.Table("search", "LLM-powered search, per query", [
            .. PerQueryColumns,
            new Column("searchRevenuePerQueryUsd", "Search revenue", Kind.Usd, "USD/query"),
            new Column("costShareOfRevenue", "Cost/revenue", Kind.Fraction),
            new Column("leveredCostPerQueryUsd", "Levered cost", Kind.Usd, "USD/query"),
            new Column("leveredShareOfRevenue", "Levered cost/revenue", Kind.Fraction),
            new Column("annualLeveredCostUsd", "Annual levered cost", Kind.Usd, "USD/year"),
        ], rows);
        return new CommandResult("LLM-powered search", [sheet],
            [$"Levers: cost ÷ ({NumberFormat.Compact(modelSide)} model-side × {NumberFormat.Compact(inHouse)} in-house); annual cost over {NumberFormat.Compact(annual)} queries."],
            derivations);
    }

    /// <summary>A count of queries with the count suffixes of the library's parsers (2.1T, 2.1e12).</summary>
    private static double Queries(string text)
    {
        try
        {
            return QuantityParser.WordCount(text, "--annual-queries").Count;
        }
        catch (InputException)
        {
            throw Guard.Fail("--annual-queries", "a count of queries such as 2.1T or 2.1e12", $"'{text}'");
        }
    }

    private static double Words(string? text, string flag, double fallback) => text is null ? fallback : Flags.Number(text, flag);

    private static Ratio Fraction(string? text, string flag, double fallback)
    {
        Ratio r = text is null ? Ratio.FromFraction(fallback) : QuantityParser.Ratio(text, flag);
        Guard.FractionBelowOne(r.Fraction, flag);
        return r;
    }
}

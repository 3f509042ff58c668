using LlmEcon.Audit;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using LlmEcon.Search;
using LlmEcon.Cli.Options;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon search</c>: eqs. 2–6.</summary>
internal sealed class SearchCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "search";

    /// <inheritdoc/>
    public override string Summary => "Revenue and cost per query of LLM-powered search from API prices (eqs. 2–6), and its share of search revenue; every default is the article's (§3).";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions =>
    [
        O.Architecture, O.ApiPrice, O.PricePer1kTokens, O.CacheHitRate, O.GrossMargin, O.PromptWords, O.ResponseWords, O.Responses, O.Links,
        O.ResultWords, O.WordsPer1kTokens, O.RevenuePerQuery, O.AnnualQueries, O.ModelSideDivisor, O.InHouseDivisor,
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples =>
        [[], ["--architecture", "two-stage", "--cache-hit-rate", "50%", "--explain"], ["--price-per-1k-tokens", "$2/1M", "--links", "5", "--format", "json"]];

    /// <summary>Architecture, words, tokens, API revenue and cost per query (eqs. 2–3): the columns the report shares.</summary>
    public static readonly IReadOnlyList<(Column Column, Func<SearchRow, object?> Value)> PerQueryFields =
    [
        (new("architecture", "Architecture", Kind.Text), r => r.Architecture),
        (new("inputWords", "Input", Kind.Count, "words"), r => r.Query.InputWords.Count),
        (new("outputWords", "Output", Kind.Count, "words"), r => r.Query.OutputWords.Count),
        (Columns.Tokens("Tokens"), r => r.Query.Tokens.Count),
        (new("apiRevenuePerQueryUsd", "API revenue", Kind.Usd, "USD/query"), r => r.Query.ApiRevenue.UsdPerQuery),
        (new("costPerQueryUsd", "Cost", Kind.Usd, "USD/query"), r => r.Query.Cost.UsdPerQuery),
    ];

    /// <summary>The search model's inputs from the options, the article's defaults where none is given; plot draws the same.</summary>
    internal sealed record SearchInputs(SearchAssumptions Assumptions, MoneyPerQuery Revenue, QueryCount Annual, double ModelSide, double InHouse, List<Derivation> Derivations);

    /// <summary>Reads the search model's inputs (every default the article's, §3).</summary>
    internal static SearchInputs Read(Args s, LlmCatalog catalog)
    {
        SearchScenario d = ArticleScenario.Default.Search;
        double wordsPer1k = s.Value(O.WordsPer1kTokens, d.WordsPer1000Tokens);
        if (s.Has(O.ApiPrice) && s.Has(O.PricePer1kTokens))
        {
            throw new UsageException("--api-price and --price-per-1k-tokens conflict: give one of them.");
        }

        Sourced<MoneyPerToken> price = s.Value(O.PricePer1kTokens) is { } given
            ? given
            : MachineFlags.Renamed(() => MachineFlags.Lookup(() => catalog.ApiPrice(s.Text(O.ApiPrice) ?? d.ApiPriceId), O.ApiPrice.Name).PerToken(wordsPer1k),
                "apiPrice", O.ApiPrice.Name);
        WordCount responseWords = s.Value(O.ResponseWords, d.GeneratedWordsPerResponse);
        var a = new SearchAssumptions(
            s.Value(O.PromptWords, d.QueryPromptWords),
            responseWords,
            s.Value(O.Responses) ?? d.SampledResponses,
            s.Value(O.ResultWords, d.ResultPromptWordsPerLink),
            s.Value(O.ResponseWords, d.GeneratedWordsPerLink),
            s.Value(O.Links) ?? d.Links,
            wordsPer1k, price,
            s.Value(O.CacheHitRate, d.CacheHitRate),
            s.Value(O.GrossMargin, d.GrossMargin));

        var derivations = new List<Derivation>();
        MoneyPerQuery revenue;
        if (s.Value(O.RevenuePerQuery) is { } perQuery)
        {
            revenue = perQuery;
        }
        else
        {
            var (r, rd) = SearchRevenue.PerQuery(d.SearchRevenue, d.AnnualSearchesStated);
            revenue = r;
            derivations.Add(rd);
        }

        return new SearchInputs(a, revenue, s.Value(O.AnnualQueries, d.AnnualSearchesStated), s.Value(O.ModelSideDivisor, d.ModelSideDivisor),
            s.Value(O.InHouseDivisor, d.InHouseDivisor), derivations);
    }

    /// <inheritdoc/>
    protected override CommandResult Build(Args s, LlmCatalog catalog, Io io)
    {
        string arch = s.Choice(O.Architecture);
        var (a, revenue, annual, modelSide, inHouse, derivations) = Read(s, catalog);
        var rows = new List<(SearchRow Row, LeverResult Levers)>();
        foreach (SearchArchitecture architecture in new[] { SearchArchitecture.ChatGptEquivalent, SearchArchitecture.TwoStage })
        {
            string name = architecture == SearchArchitecture.ChatGptEquivalent ? "chatgpt-equivalent" : "two-stage";
            if (arch != "both" && arch != name)
            {
                continue;
            }

            SearchCostResult c = SearchCost.FromApiPrice(architecture, a);
            LeverResult l = SearchLevers.Apply(c.Cost, revenue, modelSide, inHouse, annual);
            derivations.AddRange([c.RevenueDerivation, c.CostDerivation, .. l.Steps]);
            rows.Add((new SearchRow(name, c), l));
        }

        Sheet sheet = Sheet.Table("search", "LLM-powered search, per query", rows, [
            .. PerQueryFields.Select(f => (f.Column, (Func<(SearchRow Row, LeverResult Levers), object?>)(r => f.Value(r.Row)))),
            (new Column("searchRevenuePerQueryUsd", "Search revenue", Kind.Usd, "USD/query"), _ => revenue.UsdPerQuery),
            (new Column("costShareOfRevenue", "Cost/revenue", Kind.Fraction), r => r.Levers.ShareOfRevenueBefore.Fraction),
            (new Column("leveredCostPerQueryUsd", "Levered cost", Kind.Usd, "USD/query"), r => r.Levers.CostAfter.UsdPerQuery),
            (new Column("leveredShareOfRevenue", "Levered cost/revenue", Kind.Fraction), r => r.Levers.ShareOfRevenueAfter.Fraction),
            (new Column("annualLeveredCostUsd", "Annual levered cost", Kind.Usd, "USD/year"), r => r.Levers.AnnualCost.Usd),
        ]);
        return new CommandResult("LLM-powered search", [sheet],
            [$"Levers: cost ÷ ({NumberFormat.Compact(modelSide)} model-side × {NumberFormat.Compact(inHouse)} in-house); annual cost over {NumberFormat.Count(annual.Count)} queries."],
            derivations);
    }
}

/// <summary>One architecture's row of a per-query search table: its name and its cost and revenue per query.</summary>
/// <param name="Architecture">The architecture's name as the table shows it.</param>
/// <param name="Query">Its cost and API revenue per query.</param>
internal readonly record struct SearchRow(string Architecture, SearchCostResult Query);

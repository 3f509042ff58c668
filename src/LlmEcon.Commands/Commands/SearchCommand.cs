using LlmEcon.Audit;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using LlmEcon.Search;
using LlmEcon.Cli.Options;
using System.Runtime.Intrinsics;

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
        SearchScenario d = ScenarioContext.Article.Search;
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

    /// <summary>The inputs the search kernel reads: one per numeric option of eqs. 2–3 and 6.</summary>
    private enum Slot
    {
        CacheHitRate, GrossMargin, PromptWords, ResponseWords, Responses, Links, ResultWords, WordsPer1kTokens, PricePer1kTokens,
        RevenuePerQuery, AnnualQueries, ModelSideDivisor, InHouseDivisor,
    }

    private static readonly Dictionary<string, Slot> Slots = new(StringComparer.Ordinal)
    {
        [O.CacheHitRate.Name] = Slot.CacheHitRate, [O.GrossMargin.Name] = Slot.GrossMargin, [O.PromptWords.Name] = Slot.PromptWords,
        [O.ResponseWords.Name] = Slot.ResponseWords, [O.Responses.Name] = Slot.Responses, [O.Links.Name] = Slot.Links, [O.ResultWords.Name] = Slot.ResultWords,
        [O.WordsPer1kTokens.Name] = Slot.WordsPer1kTokens, [O.PricePer1kTokens.Name] = Slot.PricePer1kTokens, [O.RevenuePerQuery.Name] = Slot.RevenuePerQuery,
        [O.AnnualQueries.Name] = Slot.AnnualQueries, [O.ModelSideDivisor.Name] = Slot.ModelSideDivisor, [O.InHouseDivisor.Name] = Slot.InHouseDivisor,
    };

    /// <inheritdoc/>
    internal override Scenarios.IModel? Kernel(Args a, LlmCatalog catalog, IReadOnlyList<string> flags, IReadOnlyDictionary<string, double> at)
    {
        // words per 1000 tokens also sets a catalog API price per token: the kernel takes it only with the price given per 1000 tokens
        if (flags.Any(f => !Slots.ContainsKey(f)) || (flags.Contains(O.WordsPer1kTokens.Name) && !a.Has(O.PricePer1kTokens)))
        {
            return null;
        }

        SearchInputs read = Read(a, catalog);
        string arch = a.Choice(O.Architecture);
        SearchArchitecture[] rows = [.. new[] { SearchArchitecture.ChatGptEquivalent, SearchArchitecture.TwoStage }.Where(r => arch == "both" || arch == Name(r))];
        return new SearchKernel(SearchNumbers.Of(read.Assumptions), read.Revenue.UsdPerQuery, read.Annual.Count, read.ModelSide, read.InHouse,
            [.. flags.Select(f => Slots[f])], rows, flags);
    }

    private static string Name(SearchArchitecture a) => a == SearchArchitecture.ChatGptEquivalent ? "chatgpt-equivalent" : "two-stage";

    /// <summary>Eqs. 2–3 and 6 four samples at a time (<see cref="SearchCost.Terms{T}(SearchArchitecture, in SearchInputTerms{T})"/>, <see cref="SearchLevers.Terms{T}"/> over <see cref="Lanes"/>).</summary>
    private sealed class SearchKernel(SearchNumbers start, double revenue, double annual, double modelSide, double inHouse, Slot[] slots,
        SearchArchitecture[] rows, IReadOnlyList<string> flags) : Scenarios.IModel
    {
        private static readonly string[] Keys =
        [
            "inputWords", "outputWords", "tokens", "apiRevenuePerQueryUsd", "costPerQueryUsd", "searchRevenuePerQueryUsd", "costShareOfRevenue",
            "leveredCostPerQueryUsd", "leveredShareOfRevenue", "annualLeveredCostUsd",
        ];

        public IReadOnlyList<string> Inputs => flags;

        /// <summary>Each slot's input column among the block's (after the outputs), or −1 when the slot keeps its base value.</summary>
        private readonly int[] _columns = [.. Enum.GetValues<Slot>().Select(slot => Array.IndexOf(slots, slot) is >= 0 and var k ? rows.Length * Keys.Length + k : -1)];

        private int Column(Slot slot) => _columns[(int)slot];

        public IReadOnlyList<string> Outputs { get; } = [.. rows.SelectMany(r => Keys.Select(k => rows.Length == 1 ? k : Name(r) + "." + k))];

        public bool Evaluate(ReadOnlySpan<double> x, Span<double> y)
        {
            Span<double> block = stackalloc double[Outputs.Count + x.Length];
            x.CopyTo(block[Outputs.Count..]);
            Span<bool> refused = stackalloc bool[1];
            EvaluateBlock(block, 1, 1, refused);
            block[..Outputs.Count].CopyTo(y);
            return !refused[0];
        }

        /// <summary>
        /// The block four samples at a time (<see cref="Groups"/>); the last, partial group through a block of four of its own, its last
        /// sample repeated in the lanes past the block's end, only the lanes inside it written back.
        /// </summary>
        public void EvaluateBlock(Span<double> block, int stride, int count, Span<bool> refused)
        {
            int whole = count & ~3, rest = count - whole, outputs = Outputs.Count;
            Groups(block, stride, whole / 4, refused);
            if (rest == 0)
            {
                return;
            }

            Span<double> tail = stackalloc double[(outputs + slots.Length) * 4];
            Span<bool> tailRefused = stackalloc bool[4];
            for (int k = 0; k < slots.Length; k++)
            {
                for (int l = 0; l < 4; l++)
                {
                    tail[((outputs + k) * 4) + l] = block[((outputs + k) * stride) + whole + Math.Min(l, rest - 1)];
                }
            }

            Groups(tail, 4, 1, tailRefused);
            for (int l = 0; l < rest; l++)
            {
                refused[whole + l] = tailRefused[l];
                for (int j = 0; j < outputs; j++)
                {
                    block[(j * stride) + whole + l] = tail[(j * 4) + l];
                }
            }
        }

        /// <summary>
        /// <paramref name="groups"/> whole groups of four samples: each input read from its column into a vector (or its base value in
        /// every lane), eqs. 2–3 and 6 over <see cref="Lanes"/>, the outputs written to theirs — NaN where a sample breaks a rule of the
        /// equations. A method of its own, with the columns found before the loop, so that the loop is the arithmetic.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization | System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private void Groups(Span<double> block, int stride, int groups, Span<bool> refused)
        {
            Vector256<double> zero = Vector256<double>.Zero, one = Vector256<double>.One;
            int q = Column(Slot.PromptWords), r = Column(Slot.ResponseWords), n = Column(Slot.Responses), p = Column(Slot.ResultWords), k = Column(Slot.Links);
            int w = Column(Slot.WordsPer1kTokens), price = Column(Slot.PricePer1kTokens), h = Column(Slot.CacheHitRate), m = Column(Slot.GrossMargin);
            int rev = Column(Slot.RevenuePerQuery), year = Column(Slot.AnnualQueries), model = Column(Slot.ModelSideDivisor), house = Column(Slot.InHouseDivisor);
            for (int i = 0; i < groups * 4; i += 4)
            {
                Lanes response = Load(block, stride, i, r, start.ResponseWords);
                var x = new SearchInputTerms<Lanes>(Load(block, stride, i, q, start.QueryWords), response, Load(block, stride, i, n, start.Responses),
                    Load(block, stride, i, p, start.ResultWords), r >= 0 ? response : new Lanes(Vector256.Create(start.GeneratedWordsPerLink)),
                    Load(block, stride, i, k, start.Links), Load(block, stride, i, w, start.WordsPer1000Tokens), Load(block, stride, i, price, start.UsdPer1kTokens),
                    Load(block, stride, i, h, start.CacheHitRate), Load(block, stride, i, m, start.GrossMargin));
                Lanes perQuery = Load(block, stride, i, rev, revenue), queries = Load(block, stride, i, year, annual);
                Lanes modelDivisor = Load(block, stride, i, model, modelSide), houseDivisor = Load(block, stride, i, house, inHouse);

                // the rules of eqs. 2–3 and 6: shares in [0, 1), words per 1000 tokens and revenue above 0, divisors at least 1
                Vector256<double> ok = Vector256.GreaterThanOrEqual(x.CacheHitRate.Vector, zero) & Vector256.LessThan(x.CacheHitRate.Vector, one)
                    & Vector256.GreaterThanOrEqual(x.GrossMargin.Vector, zero) & Vector256.LessThan(x.GrossMargin.Vector, one)
                    & Vector256.GreaterThan(x.WordsPer1000Tokens.Vector, zero) & Vector256.GreaterThan(perQuery.Vector, zero)
                    & Vector256.GreaterThanOrEqual(modelDivisor.Vector, one) & Vector256.GreaterThanOrEqual(houseDivisor.Vector, one);
                uint good = ok.ExtractMostSignificantBits();
                for (int l = 0; l < 4; l++)
                {
                    refused[i + l] = (good & (1u << l)) == 0;
                }

                for (int row = 0; row < rows.Length; row++)
                {
                    SearchTerms<Lanes> t = SearchCost.Terms(rows[row], x);
                    var (levered, before, after, annualCost) = SearchLevers.Terms(t.Cost, modelDivisor, houseDivisor, perQuery, queries);
                    int o = row * Keys.Length;
                    Store(block, ((o + 0) * stride) + i, ok, t.InputWords);
                    Store(block, ((o + 1) * stride) + i, ok, t.OutputWords);
                    Store(block, ((o + 2) * stride) + i, ok, t.Tokens);
                    Store(block, ((o + 3) * stride) + i, ok, t.Revenue);
                    Store(block, ((o + 4) * stride) + i, ok, t.Cost);
                    Store(block, ((o + 5) * stride) + i, ok, perQuery);
                    Store(block, ((o + 6) * stride) + i, ok, before);
                    Store(block, ((o + 7) * stride) + i, ok, levered);
                    Store(block, ((o + 8) * stride) + i, ok, after);
                    Store(block, ((o + 9) * stride) + i, ok, annualCost);
                }
            }
        }

        /// <summary>Four samples of a column, or its base value in every lane when <paramref name="column"/> is −1.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static Lanes Load(Span<double> block, int stride, int i, int column, double baseValue) =>
            new(column < 0 ? Vector256.Create(baseValue) : Vector256.Create((ReadOnlySpan<double>)block.Slice((column * stride) + i, 4)));

        /// <summary>Writes four lanes at <paramref name="at"/>: the value where <paramref name="ok"/>, else NaN.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static void Store(Span<double> block, int at, Vector256<double> ok, Lanes v) =>
            Vector256.ConditionalSelect(ok, v.Vector, Vector256.Create(double.NaN)).CopyTo(block.Slice(at, 4));
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

using LlmEcon.Catalog;
using LlmEcon.Costs;
using LlmEcon.Derivations;
using LlmEcon.Scaling;
using LlmEcon.Serving;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Charts;

/// <summary>The library's charts: each computed from the same functions the commands call, so a picture cannot disagree with a table.</summary>
public static class ChartKinds
{
    /// <summary>
    /// The latency–cost frontier (eqs. 31–38): for each offer, cost per 1M output tokens against output tokens/s per user, one point
    /// per batch that fits, the model on <paramref name="chips"/> of the offer's chips at <paramref name="precision"/>.
    /// </summary>
    public static Chart ServingFrontier(ServedModel model, IEnumerable<(CloudOffer Offer, Accelerator Chip)> offers, int chips, Precision precision,
        IReadOnlyList<int> batches, int inputTokens, int outputTokens, ServingAssumptions? assumptions = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(batches);
        var series = new List<Series>();
        var notes = new List<string>();
        int[] ascending = [.. batches.Order()];
        foreach (var (offer, chip) in offers)
        {
            if (!chip.Peaks.Any(p => p.Precision == precision && p.Sparsity == Sparsity.Dense))
            {
                notes.Add($"{offer.Id}: {chip.Id} has no dense {CatalogNames.Of(precision)} peak; left out.");
                continue;
            }

            var price = new Sourced<Quantities.MoneyRate>(offer.PricePerChipHour, new Provenance(offer.Id, "usdPerHour / chipsPerMachine", offer.Source, offer.Date));
            ServingSetup first = ServingSetups.For(model, chip, chips, precision, null, null, 1, inputTokens, outputTokens, price, assumptions);
            var x = new List<double>();
            var y = new List<double>();
            foreach (int b in ascending)
            {
                ServingPoint p = ServingModel.Evaluate(first with { Batch = b });
                if (!p.Fits)
                {
                    break;
                }

                x.Add(p.TokensPerSecondPerUser);
                y.Add(p.CostPerMillionOutputUsd);
            }

            if (x.Count == 0)
            {
                notes.Add($"{offer.Id}: the model does not fit on {chips} × {chip.Id}; left out.");
                continue;
            }

            series.Add(new Series($"{offer.Id} ({Usd(offer.PricePerChipHour.UsdPerHour)}/chip-h)", x, y, SeriesStyle.Line));
        }

        notes.Add($"Batches {string.Join(", ", ascending)}, the largest that fit; {NumberFormat.Integer(inputTokens)} input and {NumberFormat.Integer(outputTokens)} output tokens per request; eqs. 31–38 with the default assumptions.");
        return new Chart("frontier", $"Latency–cost frontier: {model.Id} on {chips} chip{(chips == 1 ? "" : "s")} at {CatalogNames.Of(precision)}",
            "Output tokens/s per user (1 / TPOT)", "Cost per 1M output tokens (USD)", Scale.Log10, Scale.Log10, series, [], notes).Validated();
    }

    /// <summary>
    /// The serving roofline of one configuration (eqs. 32–34): attainable FLOP/s per chip against arithmetic intensity (FLOP per byte
    /// read), the chip's bare roof and the roof at η_c and η_m, and where a prefill and each batch's decode step sit.
    /// </summary>
    public static Chart Roofline(ServingSetup setup, IReadOnlyList<int> batches)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(batches);
        double peak = setup.Chip.Peak.Value.FlopPerSecond, band = setup.Chip.BandwidthBytesPerSecond.Value;
        double[] xs = [.. Enumerable.Range(0, 61).Select(i => Math.Pow(10, -1 + i * 0.1))];
        var markers = new List<Marker>();
        var dx = new List<double>();
        var dy = new List<double>();
        foreach (int b in batches.Order())
        {
            ServingPoint p = ServingModel.Evaluate(setup with { Batch = b });
            dx.Add(p.DecodeIntensity(setup.Chips));
            dy.Add(p.DecodeFlop / setup.Chips / p.DecodeStepSeconds);
            markers.Add(new Marker($"B={Integer(b)}", dx[^1], dy[^1]));
        }

        ServingPoint first = ServingModel.Evaluate(setup with { Batch = batches.Min() });
        var prefill = new Marker($"prefill I={Integer(setup.InputTokens)}", first.PrefillIntensity(setup.Chips), first.PrefillFlop / setup.Chips / first.PrefillSeconds);
        markers.Add(prefill);
        var a = setup.Assumptions;
        Series[] series =
        [
            new("roof: min(P, I × BW)", xs, [.. xs.Select(x => Math.Min(peak, x * band))], SeriesStyle.Dashed),
            new($"roof at η_c {Percent(a.ComputeEfficiency, 0)}, η_m {Percent(a.MemoryEfficiency, 0)}", xs,
                [.. xs.Select(x => Math.Min(peak * a.ComputeEfficiency, x * band * a.MemoryEfficiency))], SeriesStyle.Line),
            new("decode steps (by batch)", dx, dy, SeriesStyle.Points),
            new("prefill", [prefill.X], [prefill.Y], SeriesStyle.Points),
        ];
        return new Chart("roofline", $"Roofline: {setup.Shape.EntryId} on {setup.Chips} × {setup.Chip.Id}, {CatalogNames.Of(setup.Weights)}",
            "Arithmetic intensity (FLOP per byte read)", "FLOP/s per chip", Scale.Log10, Scale.Log10, series, markers,
            [$"The ridge is at P / BW = {Compact(peak / band)} FLOP/byte; a point's height includes its all-reduces and overhead, so it sits below the roof."]).Validated();
    }

    /// <summary>
    /// GFLOP/s per watt by launch year: the article's four chips as it prints them, and every catalog chip with a published power at
    /// its training precision's dense peak (FP16, or BF16 on TPUs) over that power.
    /// </summary>
    public static Chart GflopsPerWatt(LlmCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Accelerator[] article = [.. Hardware.Generations.ArticleSeries(catalog)];
        Accelerator[] powered = [.. catalog.Accelerators.Where(c => c.Power is not null).OrderBy(c => c.LaunchYear)];
        var markers = powered.Select(c => new Marker(c.Id, c.LaunchYear, c.TrainingPeak().Value.FlopPerSecond / 1e9 / c.Power!.Value.Watts)).ToList();
        Series[] series =
        [
            new("the article's figures", [.. article.Select(c => (double)c.ArticleGeneration!.Year)], [.. article.Select(c => c.ArticleGeneration!.GflopsPerSecondPerWatt)], SeriesStyle.Line),
            new("catalog: dense FP16/BF16 peak / power", [.. markers.Select(m => m.X)], [.. markers.Select(m => m.Y)], SeriesStyle.Points),
        ];
        string[] without = [.. catalog.Accelerators.Where(c => c.Power is null).Select(c => c.Id)];
        return new Chart("gflops-per-watt", "Throughput per watt by generation", "Launch year", "GFLOP/s per W (dense 16-bit peak)", Scale.Linear, Scale.Log10,
            series, markers, [$"No published power, not shown: {string.Join(", ", without)}.", "Power as each entry's basis states (TDP, or a measured maximum)."]).Validated();
    }

    /// <summary>GFLOP/s per purchase dollar by year, the article's four chips (the only ones with a purchase price in the catalog).</summary>
    public static Chart GflopsPerUsd(LlmCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Accelerator[] article = [.. Hardware.Generations.ArticleSeries(catalog)];
        var markers = article.Select(c => new Marker(c.Id, c.ArticleGeneration!.Year, c.ArticleGeneration.GflopsPerSecondPerUsd)).ToList();
        return new Chart("gflops-per-usd", "Throughput per dollar by generation (the article's figures)", "Year", "GFLOP/s per USD of purchase price", Scale.Linear, Scale.Log10,
            [new Series("the article's figures", [.. markers.Select(m => m.X)], [.. markers.Select(m => m.Y)], SeriesStyle.Line)], markers,
            ["Purchase prices are the article's; the catalog carries no purchase price for today's chips (offers are rented by the hour)."]).Validated();
    }

    /// <summary>
    /// The MFU every published run's hours imply (eq. 9a, with causal attention where the architecture is known) by the model's year,
    /// beside the MFU the run published where it did.
    /// </summary>
    public static Chart ImpliedMfu(LlmCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        PublishedRun[] runs = [.. PublishedRuns.Of(catalog).OrderBy(r => r.Model.Year)];
        var markers = runs.Select(r => new Marker(r.Model.Id, r.Model.Year, (r.WithAttention ?? r.Dense).Mfu.Fraction * 100)).ToList();
        PublishedRun[] published = [.. runs.Where(r => r.PublishedMfu is not null)];
        Series[] series =
        [
            new("implied by the hours", [.. markers.Select(m => m.X)], [.. markers.Select(m => m.Y)], SeriesStyle.Points),
            new("published MFU", [.. published.Select(r => (double)r.Model.Year)], [.. published.Select(r => r.PublishedMfu!.Value.Fraction * 100)], SeriesStyle.Points),
        ];
        return new Chart("implied-mfu", "MFU the published hours imply, by year, and the MFU published", "Year of the model", "Model FLOPs utilization (%)",
            Scale.Linear, Scale.Linear, series, markers,
            ["Implied: eq. 9a from the hours, with causal attention at the training context where the catalog has the architecture (the `runs` command).",
             "Below the published figure: the hours include what the published MFU leaves out (downtime, other phases, recomputation)."]) { Legend = Corner.UpperLeft }.Validated();
    }

    /// <summary>
    /// Chinchilla iso-loss contours over (N, D) for <paramref name="law"/> (eq. 13), the compute-optimal frontier (eq. 14), and the
    /// catalog's published runs (dense N, or active N for a mixture of experts).
    /// </summary>
    public static Chart IsoLoss(LlmCatalog catalog, ScalingLaw law, ScalingLaw? compare = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(law);
        double[] ns = [.. Enumerable.Range(0, 121).Select(i => Math.Pow(10, 8 + i * 0.04))];
        var series = new List<Series>();
        var contourLabels = new List<Marker>();
        foreach (double loss in new[] { 1.9, 2.0, 2.1, 2.3, 2.6, 3.0 }.Where(l => l > law.E + 0.02))
        {
            var x = new List<double>();
            var y = new List<double>();
            foreach (double n in ns)
            {
                double rest = loss - law.E - law.A / Math.Pow(n, law.Alpha);
                double d = rest > 0 ? Math.Pow(law.B / rest, 1 / law.Beta) : double.PositiveInfinity;
                if (d is >= 1e9 and <= 1e15)
                {
                    x.Add(n);
                    y.Add(d);
                }
            }

            if (x.Count > 1)
            {
                series.Add(new Series($"L = {Compact(loss)}", x, y, SeriesStyle.Line) { InLegend = false });
                contourLabels.Add(new Marker($"L = {Compact(loss)}", x[^1], y[^1]));
            }
        }

        double[] budgets = [.. Enumerable.Range(0, 31).Select(i => Math.Pow(10, 19 + i * 0.25))];
        var optimal = budgets.Select(c => ChinchillaLoss.Optimal(law, Quantities.FlopCount.FromFlop(c))).Where(o => o.Parameters.Count <= 1e13 && o.Tokens.Count <= 1e15).ToList();
        series.Add(new Series($"compute-optimal, {law.Id} (eq. 14)", [.. optimal.Select(o => o.Parameters.Count)], [.. optimal.Select(o => o.Tokens.Count)], SeriesStyle.Dashed));
        if (compare is not null)
        {
            var other = budgets.Select(c => ChinchillaLoss.Optimal(compare, Quantities.FlopCount.FromFlop(c))).Where(o => o.Parameters.Count <= 1e13 && o.Tokens.Count <= 1e15).ToList();
            series.Add(new Series($"compute-optimal, {compare.Id}", [.. other.Select(o => o.Parameters.Count)], [.. other.Select(o => o.Tokens.Count)], SeriesStyle.Dashed));
        }

        var markers = catalog.Models.Where(m => m.TrainingTokens is not null)
            .Select(m => new Marker(m.IsMixtureOfExperts ? m.Id + " (active)" : m.Id, (m.IsMixtureOfExperts ? m.ActiveParametersSourced.Value : m.Parameters).Count, m.TrainingTokens!.Value.Count))
            .ToList();
        series.Add(new Series("published runs", [.. markers.Select(m => m.X)], [.. markers.Select(m => m.Y)], SeriesStyle.Points));
        markers.InsertRange(0, contourLabels);
        return new Chart("iso-loss", $"Iso-loss contours of '{law.Id}' and the compute-optimal frontier", "Parameters N", "Training tokens D", Scale.Log10, Scale.Log10,
            series, markers, [$"L(N, D) = {Compact(law.E)} + {Compact(law.A)}/N^{Compact(law.Alpha)} + {Compact(law.B)}/D^{Compact(law.Beta)} ({law.Source}).",
                "A mixture of experts is placed at its active parameters.", "Contours are labelled at their right end, in nats per token."]) { Legend = Corner.LowerLeft }.Validated();
    }

    /// <summary>
    /// Training cost against parameters (eq. 8) for several offers, log–log: compute-optimal tokens (20 per parameter, Hoffmann et al.
    /// 2022) at one MFU, with the article's runs marked at their own tokens and cost on the article's offer.
    /// </summary>
    public static Chart TrainingCost(LlmCatalog catalog, IReadOnlyList<string> offerIds, Sourced<Quantities.Ratio> mfu, Audit.ArticleReproduction article)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(offerIds);
        ArgumentNullException.ThrowIfNull(article);
        double[] ns = [.. Enumerable.Range(0, 17).Select(i => Math.Pow(10, 9 + i * 0.25))];
        var series = new List<Series>();
        foreach (string id in offerIds)
        {
            double[] costs = [.. ns.Select(n => Costs.TrainingCost.Cost(TrainingInputs.FromOffer(catalog, id, Quantities.ParameterCount.FromCount(n),
                Quantities.TokenCount.FromCount(20 * n)), mfu).Cost.Usd)];
            series.Add(new Series($"{id} ({Usd(catalog.Offer(id).PricePerChipHour.UsdPerHour)}/chip-h)", ns, costs, SeriesStyle.Line));
        }

        var markers = article.Training.Select(t => new Marker(t.Model.Id, t.Model.Parameters.Count, t.Solution.Cost.Usd)).ToList();
        series.Add(new Series("the article's runs (their own tokens, on its offer)", [.. markers.Select(m => m.X)], [.. markers.Select(m => m.Y)], SeriesStyle.Points));
        return new Chart("training-cost", $"Training cost against parameters at {Percent(mfu.Value.Fraction)} MFU, 20 tokens per parameter",
            "Parameters N", "Training cost (USD)", Scale.Log10, Scale.Log10, series, markers,
            ["Eq. 8: 6 × N × D / (peak × MFU × 3600 s/h) × price per chip-hour; each offer at its accelerator's dense 16-bit peak.",
             $"The article's runs: its own tokens and its offer ({article.Scenario.Training.OfferId}), at the same MFU."]).Validated();
    }

    /// <summary>The cost trajectory (eqs. 11–12): a cost projected year by year, and the same cost after the article's levers.</summary>
    public static Chart CostTrajectory(IReadOnlyList<Projections.ProjectedCost> projection, double trainingReduction, string start)
    {
        ArgumentNullException.ThrowIfNull(projection);
        double[] years = [.. projection.Select(p => (double)p.Year)];
        double[] cost = [.. projection.Select(p => p.Cost.Usd)];
        double after = cost[0] * (1 - trainingReduction);
        Series[] series =
        [
            new("cost by year at the hardware's yearly gain", years, cost, SeriesStyle.Line),
            new($"{start} after the article's levers ({Percent(trainingReduction)} less)", [years[0], years[^1]], [after, after], SeriesStyle.Dashed),
        ];
        return new Chart("cost-trajectory", $"Cost trajectory of {start}", "Years from now", "Cost (USD)", Scale.Linear, Scale.Linear, series, [],
            ["Eq. 12: cost × (1 − decline)^year, the decline from the yearly gain in throughput per $ (the `trajectory` command's projection).",
             "Eq. 11: the levers (fewer parameters, cost per FLOP, MFU) applied at once, the training reduction."]) { Legend = Corner.UpperRight }.Validated();
    }

    /// <summary>
    /// Search cost per query against the cache hit rate (eqs. 2–3), both architectures, before and after the levers (eq. 6), beside
    /// the search revenue per query (eq. 4): where each line crosses the revenue, the LLM costs the whole query's revenue.
    /// </summary>
    public static Chart SearchCost(Search.SearchAssumptions assumptions, Quantities.MoneyPerQuery revenue, double modelSide, double inHouse, Quantities.QueryCount annual)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        double[] hits = [.. Enumerable.Range(0, 19).Select(i => i * 0.05)];
        var series = new List<Series>();
        foreach (var (arch, name) in new[] { (Search.SearchArchitecture.ChatGptEquivalent, "chatgpt-equivalent"), (Search.SearchArchitecture.TwoStage, "two-stage") })
        {
            double[] before = new double[hits.Length], after = new double[hits.Length];
            for (int i = 0; i < hits.Length; i++)
            {
                var cost = Search.SearchCost.FromApiPrice(arch, assumptions with { CacheHitRate = Quantities.Ratio.FromFraction(hits[i]) }).Cost;
                before[i] = cost.UsdPerQuery;
                after[i] = Search.SearchLevers.Apply(cost, revenue, modelSide, inHouse, annual).CostAfter.UsdPerQuery;
            }

            series.Add(new Series($"{name}: cost per query", [.. hits.Select(h => h * 100)], before, SeriesStyle.Line) { Group = name });
            series.Add(new Series($"{name}: after the levers (÷{Compact(modelSide * inHouse)})", [.. hits.Select(h => h * 100)], after, SeriesStyle.Dashed) { Group = name });
        }

        series.Add(new Series($"search revenue per query ({Usd(revenue.UsdPerQuery)})", [0, hits[^1] * 100], [revenue.UsdPerQuery, revenue.UsdPerQuery], SeriesStyle.Line));
        return new Chart("search", "LLM search: cost per query against the cache hit rate, and the revenue per query", "Cache hit rate (%)", "USD per query",
            Scale.Linear, Scale.Log10, series, [],
            [$"The article's assumptions (§3): API price {Usd(assumptions.PricePerToken.Value.UsdPer1kTokens)} per 1000 tokens, gross margin {Percent(assumptions.GrossMargin.Fraction)}; the levers: ÷{Compact(modelSide)} model-side × ÷{Compact(inHouse)} in-house."])
            { Legend = Corner.LowerLeft }.Validated();
    }
}

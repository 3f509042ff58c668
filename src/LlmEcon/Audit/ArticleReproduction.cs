using LlmEcon.Catalog;
using LlmEcon.Costs;
using LlmEcon.Derivations;
using LlmEcon.Hardware;
using LlmEcon.Memory;
using LlmEcon.Projections;
using LlmEcon.Quantities;
using LlmEcon.Scaling;
using LlmEcon.Search;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Audit;

/// <summary>
/// One recomputed figure. <see cref="Value"/> follows from the article's own inputs to that step (where the article
/// states an intermediate number, the step starts from it, as the article does); <see cref="Chain"/>, when given,
/// is the same figure with every upstream number recomputed instead of taken as printed.
/// </summary>
/// <param name="Id">The figure's id (as in article-figures.json).</param>
/// <param name="Value">Recomputed from the step's stated inputs, in the figure's unit.</param>
/// <param name="Derivation">How.</param>
/// <param name="Chain">Recomputed from recomputed upstream values, when that differs.</param>
/// <param name="ChainNote">Which upstream figures the chain recomputes.</param>
public sealed record FigureValue(string Id, double Value, Derivation Derivation, double? Chain = null, string? ChainNote = null);

/// <summary>The whole article recomputed from the default scenario and the catalog: every section's results and every figure.</summary>
public sealed class ArticleReproduction
{
    private readonly Dictionary<string, FigureValue> _figures = new(StringComparer.Ordinal);

    private ArticleReproduction(LlmCatalog catalog, ArticleScenario scenario)
    {
        Catalog = catalog;
        Scenario = scenario;
    }

    /// <summary>The catalog used.</summary>
    public LlmCatalog Catalog { get; }

    /// <summary>The scenario used.</summary>
    public ArticleScenario Scenario { get; }

    /// <summary>§3 ChatGPT-equivalent.</summary>
    public SearchCostResult ChatGpt { get; private set; } = null!;

    /// <summary>§3 two-stage summarizer.</summary>
    public SearchCostResult TwoStage { get; private set; } = null!;

    /// <summary>§3 annual search volume.</summary>
    public SearchVolume Volume { get; private set; } = null!;

    /// <summary>§3 revenue per query from the stated 2.1 T searches.</summary>
    public MoneyPerQuery RevenuePerQuery { get; private set; }

    /// <summary>§3/§6 the levers on the two-stage cost.</summary>
    public LeverResult Levers { get; private set; } = null!;

    /// <summary>Cloud inference per offer.</summary>
    public IReadOnlyList<InferenceCostResult> Inference { get; private set; } = [];

    /// <summary>§4 training table.</summary>
    public IReadOnlyList<(ModelCard Model, TrainingSolution Solution)> Training { get; private set; } = [];

    /// <summary>§5 levers and net reductions.</summary>
    public IReadOnlyList<Lever> TrajectoryLevers { get; private set; } = [];

    /// <summary>§5 Chinchilla cases.</summary>
    public IReadOnlyList<(ScalingCase Case, LossResult Loss)> Losses { get; private set; } = [];

    /// <summary>§5 generation steps.</summary>
    public IReadOnlyList<GenerationStep> GenerationSteps { get; private set; } = [];

    /// <summary>§5 V100 → H100 in-house, from the stated gains.</summary>
    public InHouseProjection InHouse { get; private set; } = null!;

    /// <summary>The energy of the in-house run on the old generation (GPT-3's, from the catalog).</summary>
    public Energy InHouseEnergy { get; private set; }

    /// <summary>The electricity price of the in-house projection.</summary>
    public ElectricityPrice InHouseElectricity { get; private set; }

    /// <summary>§5 training memory per model.</summary>
    public IReadOnlyList<(ModelCard Model, MemoryResult Memory)> MemoryRows { get; private set; } = [];

    /// <summary>Every recomputed figure, by id.</summary>
    public IReadOnlyDictionary<string, FigureValue> Figures => _figures;

    /// <summary>Recomputes the article from the built-in catalog and its default scenario.</summary>
    public static ArticleReproduction Default() => Run(LlmCatalog.BuiltIn, ArticleScenario.Default);

    /// <summary>Recomputes the article from a catalog and a scenario.</summary>
    public static ArticleReproduction Run(LlmCatalog catalog, ArticleScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(scenario);
        var r = new ArticleReproduction(catalog, scenario);
        r.ReproduceSearch();
        r.ReproduceInference();
        r.ReproduceTraining();
        r.ReproduceInHouseAndGenerations();
        r.ReproduceTrajectory();
        r.ReproduceScaling();
        r.ReproduceMemory();
        r.ReproduceConclusions();
        return r;
    }

    /// <summary>
    /// Records a figure; its value and its derivation's must be one number (to 1e-9, the order of the arithmetic aside): a figure
    /// whose explanation computes something else is a bug, caught here rather than printed.
    /// </summary>
    private void Add(string id, double value, Derivation d, double? chain = null, string? note = null)
    {
        if (d.Value is { } shown && !(Math.Abs(shown - value) <= 1e-9 * Math.Max(Math.Abs(shown), Math.Abs(value))))
        {
            throw new InvalidOperationException($"The figure {id} is {Guard.Show(value)} but its derivation computes {Guard.Show(shown)}.");
        }

        _figures.Add(id, new FigureValue(id, value, d, chain, note));
    }

    private void ReproduceSearch()
    {
        SearchScenario s = Scenario.Search;
        ApiPrice price = Catalog.ApiPrice(s.ApiPriceId);
        var a = new SearchAssumptions(
            s.QueryPromptWords, s.GeneratedWordsPerResponse, s.SampledResponses, s.ResultPromptWordsPerLink, s.GeneratedWordsPerLink, s.Links,
            s.WordsPer1000Tokens, price.PerToken(s.WordsPer1000Tokens), s.CacheHitRate, s.GrossMargin);
        ChatGpt = SearchCost.FromApiPrice(SearchArchitecture.ChatGptEquivalent, a);
        TwoStage = SearchCost.FromApiPrice(SearchArchitecture.TwoStage, a);
        Add("search.chatgpt.revenue", ChatGpt.ApiRevenue.UsdPerQuery, ChatGpt.RevenueDerivation);
        Add("search.two-stage.revenue", TwoStage.ApiRevenue.UsdPerQuery, TwoStage.RevenueDerivation);
        Add("search.chatgpt.cost", ChatGpt.Cost.UsdPerQuery, ChatGpt.CostDerivation);
        Add("search.two-stage.cost", TwoStage.Cost.UsdPerQuery, TwoStage.CostDerivation);

        Volume = SearchRevenue.AnnualVolume(s.MonthlySearchesBase, s.PenetrationBase, s.PenetrationNow);
        Add("search.annual-searches", Volume.AnnualSearches.Count, Volume.Derivation);
        var (revenue, revenueD) = SearchRevenue.PerQuery(s.SearchRevenue, s.AnnualSearchesStated);
        RevenuePerQuery = revenue;
        double chainRevenue = (s.SearchRevenue / Volume.AnnualSearches).UsdPerQuery;
        Add("search.revenue-per-query", revenue.UsdPerQuery, revenueD, chainRevenue, "with the unrounded annual searches (the article divides by the rounded 2.1 T)");

        Levers = SearchLevers.Apply(TwoStage.Cost, RevenuePerQuery, s.ModelSideDivisor, s.InHouseDivisor, s.AnnualSearchesStated);
        Add("search.cost-over-revenue", Levers.ShareOfRevenueBefore.Fraction, Levers.ShareBeforeDerivation,
            TwoStage.Cost.UsdPerQuery / chainRevenue, "with the unrounded revenue per query");
        Add("search.levered-cost", Levers.CostAfter.UsdPerQuery, Levers.Derivation);
        Add("search.levered-share", Levers.ShareOfRevenueAfter.Fraction, Levers.ShareAfterDerivation,
            Levers.CostAfter.UsdPerQuery / chainRevenue, "with the unrounded revenue per query");
    }

    private void ReproduceInference()
    {
        InferenceScenario s = Scenario.Inference;
        ParameterCount n = s.Parameters;
        Ratio mfu = Ratio.Utilization(s.Mfu.Fraction, "inference.mfu");
        Inference = s.OfferIds.Select(id => InferenceCost.Per1kTokens(InferenceCostInputs.FromOffer(Catalog, id, n, mfu))).ToList();
        foreach (var (id, result) in s.OfferIds.Zip(Inference))
        {
            Add("inference." + id, result.Cost.UsdPer1kTokens, result.Derivation);
        }

        ApiPrice price = Catalog.ApiPrice(s.ApiPriceId);
        Sourced<MoneyPerToken> perToken = price.PerToken();
        Input cost = Expr.In("cost", "inference cost per 1000 tokens (eq. 7)", Inference[0].Cost.UsdPer1kTokens, Usd(Inference[0].Cost.UsdPer1kTokens));
        Input apiPrice = Expr.In("price", "API price per 1000 tokens", perToken.Value.UsdPer1kTokens, Usd(perToken.Value.UsdPer1kTokens), perToken.From);
        Expr share = cost / apiPrice, margin = Expr.Const(1) - cost / apiPrice;
        Add("inference.cost-share-of-price", share.Value, Derivation.Of("cost as a share of the API price", "(7) cost / price", share, v => Percent(v)));
        Add("inference.gross-margin", margin.Value, Derivation.Of("gross margin of an always-busy machine", "(7) 1 − cost / price", margin, v => Percent(v)));
    }

    private void ReproduceTraining()
    {
        TrainingScenario s = Scenario.Training;
        Sourced<Ratio> mfu = Catalog.Model(s.MfuModelId).MfuSourced;
        Training = s.ModelIds.Select(id =>
        {
            ModelCard m = Catalog.Model(id);
            return (m, TrainingCost.Cost(TrainingInputs.FromOffer(Catalog, s.OfferId, m.ParametersSourced, m.TrainingTokensSourced), mfu));
        }).ToList();
        foreach (var (m, sol) in Training)
        {
            Add($"training.{m.Id}.per1k", sol.CostPer1kTokens.UsdPer1kTokens, sol.CostPer1kTokensDerivation);
            Add($"training.{m.Id}.cost", sol.Cost.Usd, sol.Derivation);
        }
    }

    private void ReproduceInHouseAndGenerations()
    {
        GenerationSteps = Generations.Steps(Generations.ArticleSeries(Catalog));
        foreach (GenerationStep step in GenerationSteps)
        {
            Add($"generations.{step.To}.per-usd-gain", step.PerUsdGain, step.Derivation);
            Add($"generations.{step.To}.per-watt-gain", step.PerWattGain, step.PerWattDerivation);
        }

        GenerationsScenario g = Scenario.Generations;
        Derivation usdRate = Generations.AnnualisedRateOf(g.PerGenerationUsdGain, g.YearsPerGeneration, "throughput per $");
        Derivation wattRate = Generations.AnnualisedRateOf(g.PerGenerationWattGain, g.YearsPerGeneration, "throughput per watt");
        Add("generations.per-usd-annual", usdRate.Value!.Value, usdRate);
        Add("generations.per-watt-annual", wattRate.Value!.Value, wattRate);

        InHouseScenario h = Scenario.InHouse;
        Accelerator fromChip = Catalog.Accelerator(h.FromAcceleratorId), toChip = Catalog.Accelerator(h.ToAcceleratorId);
        // The article's H100-over-V100 gains, from the same GFLOPS per $ and per W as the generation table (Steps refuses a chip without them).
        GenerationStep direct = Generations.Steps([fromChip, toChip])[0];
        Add("inhouse.per-usd-gain", direct.PerUsdGain, direct.Derivation);
        Add("inhouse.per-watt-gain", direct.PerWattGain, direct.PerWattDerivation);

        ModelCard gpt3 = Catalog.Model(h.ModelId);
        InHouseEnergy = gpt3.TrainingEnergySourced.Value;
        InHouseElectricity = h.Electricity;
        var (energyBefore, energyD) = InHouseCost.EnergyCost(gpt3.TrainingEnergySourced, InHouseElectricity, "energy cost with V100 (USD)");
        Add("inhouse.energy-before", energyBefore.Usd, energyD);
        InHouse = InHouseCost.Project(h.HardwareCostBefore, energyBefore, h.PerUsdGainStated, h.PerWattGainStated);
        Add("inhouse.hardware-after", InHouse.HardwareAfter.Usd, InHouse.HardwareAfterDerivation);
        Add("inhouse.energy-after", InHouse.EnergyCostAfter.Usd, InHouse.EnergyAfterDerivation);
        Expr printedSum = Expr.In("hardware′", "hardware with H100, as printed", h.HardwareCostAfterPrinted.Usd, Usd(h.HardwareCostAfterPrinted.Usd))
            + Expr.In("energy′", "energy with H100, as printed", h.EnergyCostAfterPrinted.Usd, Usd(h.EnergyCostAfterPrinted.Usd));
        Add("inhouse.total-after", printedSum.Value, Derivation.Of("total with H100, from the article's printed lines (USD)", "(17) hardware′ + energy′", printedSum, Usd),
            InHouse.TotalAfter.Usd, "with the recomputed hardware and energy lines");
        Add("inhouse.total-before", InHouse.TotalBefore.Usd, InHouse.TotalBeforeDerivation);
        Expr reduction = Expr.Const(1) - Expr.In("after", "total with H100, as printed", printedSum.Value, Usd(printedSum.Value))
            / Expr.In("before", "total with V100", InHouse.TotalBefore.Usd, Usd(InHouse.TotalBefore.Usd));
        Add("inhouse.reduction", reduction.Value, Derivation.Of("in-house reduction V100 → H100", "(17) 1 − after / before", reduction, v => Percent(v)),
            InHouse.Reduction.Fraction, "with the recomputed total after");
    }

    private void ReproduceTrajectory()
    {
        TrajectoryScenario t = Scenario.Trajectory;
        ModelCard before = Catalog.Model(t.ParametersBeforeModelId), after = Catalog.Model(t.ParametersAfterModelId);
        FigureValue printedReduction = _figures["inhouse.reduction"];
        TrajectoryLevers = CostTrajectory.Levers(before.ParametersSourced, after.ParametersSourced, Ratio.FromFraction(printedReduction.Value),
            "in-house V100 → H100, eq. 17", Catalog.Model(t.MfuBeforeModelId).MfuSourced, Catalog.Model(t.MfuAfterModelId).MfuSourced);
        Lever parameters = TrajectoryLevers[0], costPerFlop = TrajectoryLevers[1], mfu = TrajectoryLevers[2];
        Expr fewer = Expr.Const(1) - Symbols.Parameters(after.ParametersSourced, "N_new") / Symbols.Parameters(before.ParametersSourced, "N_old");
        Add("trajectory.fewer-parameters", parameters.Reduction, Derivation.Of("fewer parameters at the same quality", "(11) 1 − N_new / N_old", fewer, v => Percent(v)));
        Add("trajectory.cost-per-flop-reduction", costPerFlop.Reduction, printedReduction.Derivation, printedReduction.Chain, printedReduction.ChainNote);
        Expr gain = Symbols.Mfu(Catalog.Model(t.MfuAfterModelId).MfuSourced, "MFU_new") / Symbols.Mfu(Catalog.Model(t.MfuBeforeModelId).MfuSourced, "MFU_old");
        Add("trajectory.mfu-gain", 1 / mfu.Factor, Derivation.Of("utilization gain", "(11) MFU_new / MFU_old", gain, v => Compact(v, 3) + "×"));
        var (inf, infD) = CostTrajectory.NetReduction(TrajectoryLevers, inference: true);
        var (trn, trnD) = CostTrajectory.NetReduction(TrajectoryLevers, inference: false);
        Add("trajectory.net-inference", inf.Fraction, infD);
        Add("trajectory.net-training", trn.Fraction, trnD);
    }

    private void ReproduceScaling()
    {
        ScalingLaw law = Catalog.ScalingLaw(Scenario.Scaling.LawId);
        Losses = Scenario.Scaling.Cases.Select(c => (c, ChinchillaLoss.Evaluate(law, c.Parameters, c.Tokens))).ToList();
        foreach (var (c, loss) in Losses)
        {
            Add($"scaling.{c.Id}.parameter-term", loss.ParameterTerm, loss.ParameterTermDerivation);
            Add($"scaling.{c.Id}.data-term", loss.DataTerm, loss.DataTermDerivation);
            Add($"scaling.{c.Id}.loss", loss.Loss, loss.Derivation);
        }
    }

    private void ReproduceMemory()
    {
        MemoryScenario s = Scenario.Memory;
        Accelerator chip = Catalog.Accelerator(s.ChipId);
        MemoryRows = s.ModelIds.Select(id => (Catalog.Model(id), MemoryModel.Training(Catalog.Model(id).ParametersSourced, s.BytesPerParameter, chip.MemorySourced))).ToList();
        foreach (var (m, mem) in MemoryRows)
        {
            Add($"memory.{m.Id}", mem.Bytes.Bytes, mem.Derivation);
        }

        var (gpt3, gpt3Memory) = MemoryRows.Last();
        Add($"memory.{gpt3.Id}.minimum-chips", gpt3Memory.MinimumChips!.Value, gpt3Memory.ChipsDerivation);
    }

    private void ReproduceConclusions()
    {
        Add("conclusions.profit-impact", Levers.AnnualCost.Usd, Levers.AnnualCostDerivation);
        ApiPrice jasper = Catalog.ApiPrice(Scenario.Jasper.ApiPriceId);
        Provenance? jasperFrom = jasper.PerToken().From;
        Expr perK = Expr.In("price", "Jasper's price (USD)", jasper.Price.Usd, Usd(jasper.Price.Usd), jasperFrom)
            / Expr.In("per", "words the price buys", jasper.Per, Compact(jasper.Per) + " words", jasperFrom)
            * Expr.In("w", "words per 1000 tokens", Scenario.Search.WordsPer1000Tokens, Compact(Scenario.Search.WordsPer1000Tokens) + " words");
        Add("conclusions.jasper-per-1k-tokens", perK.Value, Derivation.Of("Jasper's price per 1000 tokens (USD)", "(20) price per word × words per 1000 tokens", perK, Usd));
        var gpt3 = Training.First(t => t.Model.Id == "gpt-3");
        var palm = Training.First(t => t.Model.Id == "palm");
        Add("conclusions.gpt-3-cloud", gpt3.Solution.Cost.Usd, gpt3.Solution.Derivation);
        Add("conclusions.palm-cloud", palm.Solution.Cost.Usd, palm.Solution.Derivation);
        FigureValue net = _figures["trajectory.net-training"];
        Add("conclusions.training-fell", net.Value, net.Derivation);
    }
}

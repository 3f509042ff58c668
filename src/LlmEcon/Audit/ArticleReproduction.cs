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

    private void Add(string id, double value, Derivation d, double? chain = null, string? note = null) =>
        _figures.Add(id, new FigureValue(id, value, d, chain, note));

    private static Derivation Simple(string quantity, string equation, string formula, string substituted, string result) =>
        new(quantity, equation, formula, substituted, result, []);

    private void ReproduceSearch()
    {
        SearchScenario s = Scenario.Search;
        ApiPrice price = Catalog.ApiPrice(s.ApiPriceId);
        var a = new SearchAssumptions(
            WordCount.FromCount(s.QueryPromptWords, "queryPromptWords"), WordCount.FromCount(s.GeneratedWordsPerResponse, "generatedWordsPerResponse"),
            s.SampledResponses, WordCount.FromCount(s.ResultPromptWordsPerLink, "resultPromptWordsPerLink"),
            WordCount.FromCount(s.GeneratedWordsPerLink, "generatedWordsPerLink"), s.Links, s.WordsPer1000Tokens,
            price.PerToken(s.WordsPer1000Tokens), Ratio.FromFraction(s.CacheHitRate), Ratio.FromFraction(s.GrossMargin));
        ChatGpt = SearchCost.FromApiPrice(SearchArchitecture.ChatGptEquivalent, a);
        TwoStage = SearchCost.FromApiPrice(SearchArchitecture.TwoStage, a);
        Add("search.chatgpt.revenue", ChatGpt.ApiRevenue.UsdPerQuery, ChatGpt.RevenueDerivation);
        Add("search.two-stage.revenue", TwoStage.ApiRevenue.UsdPerQuery, TwoStage.RevenueDerivation);
        Add("search.chatgpt.cost", ChatGpt.Cost.UsdPerQuery, ChatGpt.CostDerivation);
        Add("search.two-stage.cost", TwoStage.Cost.UsdPerQuery, TwoStage.CostDerivation);

        Volume = SearchRevenue.AnnualVolume(s.MonthlySearchesBase, Ratio.FromFraction(s.PenetrationBase), Ratio.FromFraction(s.PenetrationNow));
        Add("search.annual-searches", Volume.AnnualSearches, Volume.Derivation);
        var (revenue, revenueD) = SearchRevenue.PerQuery(Money.FromUsd(s.SearchRevenueUsd), s.AnnualSearchesStated);
        RevenuePerQuery = revenue;
        double chainRevenue = s.SearchRevenueUsd / Volume.AnnualSearches;
        Add("search.revenue-per-query", revenue.UsdPerQuery, revenueD, chainRevenue, "with the unrounded annual searches (the article divides by the rounded 2.1 T)");

        Levers = SearchLevers.Apply(TwoStage.Cost, RevenuePerQuery, s.ModelSideDivisor, s.InHouseDivisor, s.AnnualSearchesStated);
        Add("search.cost-over-revenue", Levers.ShareOfRevenueBefore.Fraction, Simple("2-stage cost over revenue per query", "(6)",
            "cost per query / revenue per query", $"{Usd(TwoStage.Cost.UsdPerQuery)} / {Usd(RevenuePerQuery.UsdPerQuery)}", Compact(Levers.ShareOfRevenueBefore.Fraction, 3) + "×"),
            TwoStage.Cost.UsdPerQuery / chainRevenue, "with the unrounded revenue per query");
        Add("search.levered-cost", Levers.CostAfter.UsdPerQuery, Levers.Derivation);
        Add("search.levered-share", Levers.ShareOfRevenueAfter.Fraction, Levers.Derivation,
            Levers.CostAfter.UsdPerQuery / chainRevenue, "with the unrounded revenue per query");
    }

    private void ReproduceInference()
    {
        InferenceScenario s = Scenario.Inference;
        var n = ParameterCount.FromCount(s.Parameters, "inference.parameters");
        var mfu = Ratio.Utilization(s.Mfu, "inference.mfu");
        Inference = s.OfferIds.Select(id => InferenceCost.Per1kTokens(InferenceCostInputs.FromOffer(Catalog, id, n, mfu))).ToList();
        foreach (var (id, result) in s.OfferIds.Zip(Inference))
        {
            Add("inference." + id, result.Cost.UsdPer1kTokens, result.Derivation);
        }

        ApiPrice price = Catalog.ApiPrice(s.ApiPriceId);
        double share = Inference[0].Cost.UsdPer1kTokens / price.PerToken().Value.UsdPer1kTokens;
        var d = Simple("cost as a share of the API price", "(7) ÷ price", "cost per 1000 tokens / price per 1000 tokens",
            $"{Usd(Inference[0].Cost.UsdPer1kTokens)} / {Usd(price.PerToken().Value.UsdPer1kTokens)}", Percent(share));
        Add("inference.cost-share-of-price", share, d);
        Add("inference.gross-margin", 1 - share, d with
        {
            Quantity = "gross margin of an always-busy machine",
            Formula = "1 − cost per 1000 tokens / price per 1000 tokens",
            Substituted = "1 − " + d.Substituted,
            Result = Percent(1 - share),
        });
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
            Add($"training.{m.Id}.per1k", sol.CostPer1kTokens.UsdPer1kTokens, sol.Derivation with
            {
                Quantity = "training cost per 1000 tokens (USD)",
                Result = Usd(sol.CostPer1kTokens.UsdPer1kTokens) + " per 1000 tokens (" + Usd(sol.Cost.Usd) + " / " + Compact(m.TrainingTokens!.Value.Count) + " tokens × 1000)",
            });
            Add($"training.{m.Id}.cost", sol.Cost.Usd, sol.Derivation);
        }
    }

    private void ReproduceInHouseAndGenerations()
    {
        GenerationSteps = Generations.Steps(Generations.ArticleSeries(Catalog));
        foreach (GenerationStep step in GenerationSteps)
        {
            Add($"generations.{step.To}.per-usd-gain", step.PerUsdGain, step.Derivation);
            Add($"generations.{step.To}.per-watt-gain", step.PerWattGain, step.Derivation);
        }

        GenerationsScenario g = Scenario.Generations;
        double usdRate = Generations.AnnualisedRate(g.PerGenerationUsdGain, g.YearsPerGeneration);
        double wattRate = Generations.AnnualisedRate(g.PerGenerationWattGain, g.YearsPerGeneration);
        Add("generations.per-usd-annual", usdRate, Simple("throughput per $ growth per year", "(15) gain^(1/years) − 1", "gain^(1/years) − 1",
            $"{Compact(g.PerGenerationUsdGain)}^(1/{Compact(g.YearsPerGeneration)}) − 1", Percent(usdRate)));
        Add("generations.per-watt-annual", wattRate, Simple("throughput per watt growth per year", "(15) gain^(1/years) − 1", "gain^(1/years) − 1",
            $"{Compact(g.PerGenerationWattGain)}^(1/{Compact(g.YearsPerGeneration)}) − 1", Percent(wattRate)));

        InHouseScenario h = Scenario.InHouse;
        ArticleGeneration from = Catalog.Accelerator(h.FromAcceleratorId).ArticleGeneration
                                 ?? throw Guard.Fail("inHouse.fromAcceleratorId", "an accelerator with article generation figures", h.FromAcceleratorId);
        ArticleGeneration to = Catalog.Accelerator(h.ToAcceleratorId).ArticleGeneration
                               ?? throw Guard.Fail("inHouse.toAcceleratorId", "an accelerator with article generation figures", h.ToAcceleratorId);
        double usdGain = to.GflopsPerSecondPerUsd / from.GflopsPerSecondPerUsd;
        double wattGain = to.GflopsPerSecondPerWatt / from.GflopsPerSecondPerWatt;
        Add("inhouse.per-usd-gain", usdGain, Simple("H100 over V100, throughput per $", "(15)", "GFLOPS/$ (H100) / GFLOPS/$ (V100)",
            $"{Compact(to.GflopsPerSecondPerUsd)} / {Compact(from.GflopsPerSecondPerUsd)}", Compact(usdGain, 3) + "×"));
        Add("inhouse.per-watt-gain", wattGain, Simple("H100 over V100, throughput per watt", "(15)", "GFLOPS/W (H100) / GFLOPS/W (V100)",
            $"{Compact(to.GflopsPerSecondPerWatt)} / {Compact(from.GflopsPerSecondPerWatt)}", Compact(wattGain, 3) + "×"));

        ModelCard gpt3 = Catalog.Model(h.ModelId);
        InHouseEnergy = gpt3.TrainingEnergySourced.Value;
        InHouseElectricity = ElectricityPrice.FromUsdPerKilowattHour(h.ElectricityUsdPerKilowattHour);
        var (energyBefore, energyD) = InHouseCost.EnergyCost(gpt3.TrainingEnergySourced, InHouseElectricity, "energy cost with V100 (USD)");
        Add("inhouse.energy-before", energyBefore.Usd, energyD);
        InHouse = InHouseCost.Project(Money.FromUsd(h.HardwareCostBeforeUsd), energyBefore, h.PerUsdGainStated, h.PerWattGainStated);
        Add("inhouse.hardware-after", InHouse.HardwareAfter.Usd, InHouse.Derivation);
        Add("inhouse.energy-after", InHouse.EnergyCostAfter.Usd, InHouse.Derivation);
        double printedSum = h.HardwareCostAfterPrintedUsd + h.EnergyCostAfterPrintedUsd;
        Add("inhouse.total-after", printedSum, Simple("total with H100, from the article's printed lines (USD)", "(17) sum", "hardware (printed) + energy (printed)",
            $"{Usd(h.HardwareCostAfterPrintedUsd)} + {Usd(h.EnergyCostAfterPrintedUsd)}", Usd(printedSum)),
            InHouse.TotalAfter.Usd, "with the recomputed hardware and energy lines");
        Add("inhouse.total-before", InHouse.TotalBefore.Usd, InHouse.Derivation);
        double reduction = 1 - printedSum / InHouse.TotalBefore.Usd;
        Add("inhouse.reduction", reduction, Simple("in-house reduction V100 → H100", "(17) 1 − new / old", "1 − total after / total before",
            $"1 − {Usd(printedSum)} / {Usd(InHouse.TotalBefore.Usd)}", Percent(reduction)), InHouse.Reduction.Fraction, "with the recomputed total after");
    }

    private void ReproduceTrajectory()
    {
        TrajectoryScenario t = Scenario.Trajectory;
        ModelCard before = Catalog.Model(t.ParametersBeforeModelId), after = Catalog.Model(t.ParametersAfterModelId);
        Lever parameters = CostTrajectory.Parameters(before.Parameters, after.Parameters);
        FigureValue printedReduction = _figures["inhouse.reduction"];
        Lever costPerFlop = CostTrajectory.CostPerFlopChange(Ratio.FromFraction(printedReduction.Value), "in-house V100 → H100, eq. 17");
        Lever mfu = CostTrajectory.Utilization(Catalog.Model(t.MfuBeforeModelId).MfuSourced.Value, Catalog.Model(t.MfuAfterModelId).MfuSourced.Value);
        TrajectoryLevers = [parameters, costPerFlop, mfu];
        Add("trajectory.fewer-parameters", parameters.Reduction, parameters.Derivation);
        Add("trajectory.cost-per-flop-reduction", costPerFlop.Reduction, printedReduction.Derivation, printedReduction.Chain, printedReduction.ChainNote);
        Add("trajectory.mfu-gain", 1 / mfu.Factor, mfu.Derivation);
        var (inf, infD) = CostTrajectory.NetReduction(TrajectoryLevers, inference: true);
        var (trn, trnD) = CostTrajectory.NetReduction(TrajectoryLevers, inference: false);
        Add("trajectory.net-inference", inf.Fraction, infD);
        Add("trajectory.net-training", trn.Fraction, trnD);
    }

    private void ReproduceScaling()
    {
        ScalingLaw law = Catalog.ScalingLaw(Scenario.Scaling.LawId);
        Losses = Scenario.Scaling.Cases.Select(c => (c, ChinchillaLoss.Evaluate(law, ParameterCount.FromCount(c.Parameters), TokenCount.FromCount(c.Tokens)))).ToList();
        foreach (var (c, loss) in Losses)
        {
            Add($"scaling.{c.Id}.parameter-term", loss.ParameterTerm, loss.Derivation);
            Add($"scaling.{c.Id}.data-term", loss.DataTerm, loss.Derivation);
            Add($"scaling.{c.Id}.loss", loss.Loss, loss.Derivation);
        }
    }

    private void ReproduceMemory()
    {
        MemoryScenario s = Scenario.Memory;
        Accelerator chip = Catalog.Accelerator(s.ChipId);
        MemoryRows = s.ModelIds.Select(id => (Catalog.Model(id), MemoryModel.Training(Catalog.Model(id).Parameters, s.BytesPerParameter, chip.MemorySourced))).ToList();
        foreach (var (m, mem) in MemoryRows)
        {
            Add($"memory.{m.Id}", mem.Bytes.Bytes, mem.Derivation);
        }

        var (gpt3, gpt3Memory) = MemoryRows.Last();
        Add($"memory.{gpt3.Id}.minimum-chips", gpt3Memory.MinimumChips!.Value, gpt3Memory.Derivation);
    }

    private void ReproduceConclusions()
    {
        Add("conclusions.profit-impact", Levers.AnnualCost.Usd, Levers.Derivation);
        ApiPrice jasper = Catalog.ApiPrice(Scenario.Jasper.ApiPriceId);
        double perK = jasper.PerToken(Scenario.Search.WordsPer1000Tokens).Value.UsdPer1kTokens;
        Add("conclusions.jasper-per-1k-tokens", perK, new Derivation("Jasper's price per 1000 tokens", "(20) price per word × words per 1000 tokens",
            "USD / words × words per 1000 tokens",
            $"${Compact(jasper.Price.Usd)} / {Compact(jasper.Per)} words × {Compact(Scenario.Search.WordsPer1000Tokens)} words/1000 tokens",
            Usd(perK) + " per 1000 tokens", [new Term("price", "Jasper's price", $"${Compact(jasper.Price.Usd)} per {Compact(jasper.Per)} words", jasper.PerToken().From)]));
        var gpt3 = Training.First(t => t.Model.Id == "gpt-3");
        var palm = Training.First(t => t.Model.Id == "palm");
        Add("conclusions.gpt-3-cloud", gpt3.Solution.Cost.Usd, gpt3.Solution.Derivation);
        Add("conclusions.palm-cloud", palm.Solution.Cost.Usd, palm.Solution.Derivation);
        FigureValue net = _figures["trajectory.net-training"];
        Add("conclusions.training-fell", net.Value, net.Derivation);
    }
}

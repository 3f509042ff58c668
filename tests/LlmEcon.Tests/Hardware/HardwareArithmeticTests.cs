using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Hardware;
using LlmEcon.Memory;
using LlmEcon.Projections;
using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Hardware;

/// <summary>Eqs. 10–12 and 15–19 term by term, their derivations, and every refused input by name.</summary>
public class HardwareArithmeticTests
{
    private static LlmCatalog Catalog => LlmCatalog.BuiltIn;

    private static InHouseRun Cluster(int chips = 1024, double pue = 1.2, double lifeYears = 4) => new(chips, Money.FromUsd(30_000), Duration.FromYears(lifeYears),
        Duration.FromDays(30), Power.FromWatts(700), pue, ElectricityPrice.FromUsdPerKilowattHour(0.09));

    [Fact]
    public void InHouseRun_TermByTerm()
    {
        // hardware 1,024 × $30,000 × 30 d / (4 × 365.25 d) = $630,965.09; energy 1,024 × 700 W × 1.2 × 30 d × 24 h / 1e6 = 619.3152 MWh;
        // energy cost 619.3152 × 1000 × $0.09 = $55,738.37
        InHouseCostResult r = InHouseCost.Run(Cluster());
        double hardware = 1024 * 30_000 * 30 / (4 * 365.25), mwh = 1024 * 700 * 1.2 * 30 * 24 / 1e6;
        Assert.Equal(hardware, r.Hardware.Usd, 6);
        Assert.Equal(mwh, r.Energy.MegawattHours, 9);
        Assert.Equal(mwh * 1000 * 0.09, r.EnergyCost.Usd, 6);
        Assert.Equal(hardware + mwh * 90, r.Total.Usd, 6);
        Assert.Equal(["hardware depreciation of the run (USD)", "energy of the run (MWh)", "energy cost of the run (USD)", "in-house cost of a run (USD)"],
            r.Steps.Select(d => d.Quantity));
        Assert.Equal([hardware, mwh, mwh * 90, hardware + mwh * 90], r.Steps.Select(d => d.Value!.Value), new Near(1e-9));
        Assert.Same(r.Steps[^1], r.Derivation);
        Sound.Derivations(r.Steps);
        Assert.Equal(1, InHouseCost.Run(Cluster(pue: 1)).Energy.MegawattHours / (mwh / 1.2), 12);
        Assert.Equal(10, InHouseCost.Run(Cluster(pue: 10)).Energy.MegawattHours / (mwh / 1.2), 12);
    }

    [Fact]
    public void Projection_TermByTerm()
    {
        // SPEC.md §5: $628,080 / 2.3 = $273,078.26; $115,830 / 3.4 = $34,067.65; 1 − 307,145.91 / 743,910 = 58.71%
        InHouseProjection p = InHouseCost.Project(Money.FromUsd(628_080), Money.FromUsd(115_830), 2.3, 3.4);
        Assert.Equal(628_080 / 2.3, p.HardwareAfter.Usd, 6);
        Assert.Equal(115_830 / 3.4, p.EnergyCostAfter.Usd, 6);
        Assert.Equal(743_910, p.TotalBefore.Usd, 6);
        Assert.Equal(628_080 / 2.3 + 115_830 / 3.4, p.TotalAfter.Usd, 6);
        Assert.Equal(1 - (628_080 / 2.3 + 115_830 / 3.4) / 743_910, p.Reduction.Fraction, 12);
        Assert.Equal((2.3, 3.4), (p.PerUsdGain, p.PerWattGain));
        Assert.Equal([p.HardwareAfter.Usd, p.EnergyCostAfter.Usd, p.TotalBefore.Usd, p.TotalAfter.Usd, p.Reduction.Fraction],
            [p.HardwareAfterDerivation.Value!.Value, p.EnergyAfterDerivation.Value!.Value, p.TotalBeforeDerivation.Value!.Value,
             p.TotalAfterDerivation.Value!.Value, p.ReductionDerivation.Value!.Value], new Near(1e-9));
        Sound.Derivations(p.Steps);
        // the energy cost behind it: 1,287 MWh × 1000 kWh/MWh × $0.09/kWh = $115,830
        Assert.Equal(115_830, InHouseCost.EnergyCost(Energy.FromMegawattHours(1287), ElectricityPrice.FromUsdPerKilowattHour(0.09)).Usd, 6);
        var (cost, d) = InHouseCost.EnergyCost(Energy.FromMegawattHours(1287), ElectricityPrice.FromUsdPerKilowattHour(0.09), "energy with V100 (USD)");
        Assert.Equal(115_830, cost.Usd, 6);
        Assert.Equal(("energy with V100 (USD)", "(16) energy × $/kWh"), (d.Quantity, d.Equation));
        Sound.Derivation(d);
    }

    public static TheoryData<string, Action> Bad() => new()
    {
        { "chips", () => InHouseCost.Run(Cluster(chips: 0)) },
        { "lifetime", () => InHouseCost.Run(Cluster(lifeYears: 0)) },
        { "pue", () => InHouseCost.Run(Cluster(pue: 0.9)) },
        { "pue", () => InHouseCost.Run(Cluster(pue: 10.5)) },
        { "perUsdGain", () => InHouseCost.Project(Money.FromUsd(1), Money.FromUsd(1), 0, 1) },
        { "perWattGain", () => InHouseCost.Project(Money.FromUsd(1), Money.FromUsd(1), 1, 0) },
        { "hardwareBefore", () => InHouseCost.Project(Money.FromUsd(-1), Money.FromUsd(1), 1, 1) },
        { "energyCostBefore", () => InHouseCost.Project(Money.FromUsd(1), Money.FromUsd(-1), 1, 1) },
        { "gain", () => Generations.AnnualisedRateOf(0, 2) },
        { "years", () => Generations.AnnualisedRateOf(1.5, 0) },
        { "gains", () => Generations.GeometricMean([]) },
        { "gain", () => Generations.GeometricMean([2, -1]) },
        { "series", () => Generations.Steps([Catalog.Accelerator("v100-sxm2"), Catalog.Accelerator("tpu-v4")]) },
        { "series", () => Generations.Steps([Catalog.Accelerator("tpu-v4"), Catalog.Accelerator("v100-sxm2")]) },
        { "bytesPerParameter", () => MemoryModel.Training(ParameterCount.FromBillions(1), 0) },
        { "chipMemory", () => MemoryModel.Training(ParameterCount.FromBillions(1), 20, ByteSize.FromBytes(0)) },
        { "parameters before", () => CostTrajectory.Parameters(ParameterCount.FromCount(0), ParameterCount.FromBillions(1)) },
        { "costPerFlopReduction", () => CostTrajectory.CostPerFlopChange(Ratio.FromFraction(1), "x") },
        { "costPerFlopReduction", () => CostTrajectory.CostPerFlopChange(Ratio.FromFraction(-10.5), "x") },
        { "mfu before", () => CostTrajectory.Utilization(Ratio.FromFraction(0), Ratio.FromFraction(0.5)) },
        { "mfu after", () => CostTrajectory.Utilization(Ratio.FromFraction(0.5), Ratio.FromFraction(1.5)) },
        { "annualCostDecline", () => CostTrajectory.Project(Money.FromUsd(1), [Ratio.FromFraction(1)], 1) },
        { "years", () => CostTrajectory.Project(Money.FromUsd(1), [], -1) },
        { "years", () => CostTrajectory.Project(Money.FromUsd(1), [], 201) },
        { "annualGrowth", () => CostTrajectory.CostDeclineOf(-0.995) },
        { "annualGrowth", () => CostTrajectory.CostDeclineOf(101) },
        { "peakFlops", () => CostTrajectory.CostPerFlop(MoneyRate.FromUsdPerHour(1), FlopRate.FromFlopPerSecond(0)) },
        { "mfu", () => CostTrajectory.Training(ParameterCount.FromBillions(1), TokenCount.FromCount(1), MoneyPerFlop.FromUsdPerFlop(1e-18), Ratio.FromFraction(0)) },
        { "mfu", () => CostTrajectory.InferencePerToken(ParameterCount.FromBillions(1), MoneyPerFlop.FromUsdPerFlop(1e-18), Ratio.FromFraction(2)) },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void ABadInput_IsNamed(string parameter, Action act) => Assert.Equal(parameter, Assert.Throws<InputException>(act).Parameter);

    [Fact]
    public void Nulls_AreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => InHouseCost.Run(null!));
        Assert.Throws<ArgumentNullException>(() => Generations.Steps(null!));
        Assert.Throws<ArgumentNullException>(() => Machine.FromOffer(null!, "aws-p4d-1yr"));
    }

    [Fact]
    public void GenerationSteps_TermByTerm()
    {
        // eq. 15 on the catalog's generation figures (SPEC.md §5), ratio by ratio
        IReadOnlyList<Accelerator> series = Generations.ArticleSeries(Catalog);
        Assert.Equal(["p100-sxm2", "v100-sxm2", "a100-40gb", "h100-sxm"], series.Select(a => a.Id));
        IReadOnlyList<GenerationStep> steps = Generations.Steps(series);
        Assert.Equal(3, steps.Count);
        foreach (var (step, i) in steps.Select((s, i) => (s, i + 1)))
        {
            ArticleGeneration a = series[i - 1].ArticleGeneration!, b = series[i].ArticleGeneration!;
            Assert.Equal((series[i - 1].Id, series[i].Id, b.Year - a.Year), (step.From, step.To, step.Years));
            Assert.Equal(b.GflopsPerSecondPerUsd / a.GflopsPerSecondPerUsd, step.PerUsdGain, 12);
            Assert.Equal(b.GflopsPerSecondPerWatt / a.GflopsPerSecondPerWatt, step.PerWattGain, 12);
            Assert.Equal($"{step.To} over {step.From}, throughput per $", step.Derivation.Quantity);
            Assert.Equal($"{step.To} over {step.From}, throughput per W", step.PerWattDerivation.Quantity);
            Assert.All(step.Derivation.Inputs, t => Assert.Equal("articleGeneration", t.From!.Field));
            Sound.Derivations([step.Derivation, step.PerWattDerivation]);
        }

        Assert.Empty(Generations.Steps([series[0]]));
    }

    [Fact]
    public void AnnualisedRates_AndTheirMean()
    {
        // 1.5× per 2 years: 1.5^(1/2) − 1 = 22.47%; geometric mean of 2 and 8 is 4
        Assert.Equal(Math.Sqrt(1.5) - 1, Generations.AnnualisedRate(1.5, 2), 12);
        Derivation d = Generations.AnnualisedRateOf(1.8, 2, "throughput per watt");
        Assert.Equal(Math.Sqrt(1.8) - 1, d.Value!.Value, 12);
        Assert.Equal(("throughput per watt growth per year", "(15) gain^(1/years) − 1"), (d.Quantity, d.Equation));
        Assert.Equal("throughput growth per year", Generations.AnnualisedRateOf(1.5, 2).Quantity);
        Sound.Derivation(d);
        Assert.Equal(4, Generations.GeometricMean([2, 8]), 12);
    }

    [Fact]
    public void Machine_FromAnOffer_IsItsChipsPriceAndPeak()
    {
        Machine m = Machine.FromOffer(Catalog, "aws-p4d-1yr");
        CloudOffer offer = Catalog.Offer("aws-p4d-1yr");
        Assert.Equal(offer.ChipsPerMachine, m.ChipsPerMachine.Value);
        Assert.Equal(offer.MachinePrice, m.Price.Value);
        Assert.Equal(Catalog.Accelerator(offer.AcceleratorId).TrainingPeak().Value, m.Peak.Value);
        Assert.Equal(offer.MachinePrice.UsdPerHour / offer.ChipsPerMachine, m.PricePerChipHour.UsdPerHour, 12);
        Assert.Equal("aws-p4d-1yr", m.Name);
        Assert.Equal("chipsPerMachine", Assert.Throws<InputException>(() => (m with { ChipsPerMachine = 0 }).PricePerChipHour).Parameter);
    }

    [Fact]
    public void Memory_TermByTerm()
    {
        // eq. 18: 20 B × 175e9 = 3.5e12 B; on 80 GB chips 3.5e12 / 80e9 = 43.75 → 44; eq. 19: 70e9 × 2 B (BF16) = 140 GB → 2 chips
        MemoryResult t = MemoryModel.Training(ParameterCount.FromBillions(175), 20, ByteSize.FromGigabytes(80));
        Assert.Equal(3.5e12, t.Bytes.Bytes);
        Assert.Equal(43.75, t.ExactChips!.Value, 12);
        Assert.Equal(44, t.MinimumChips);
        Assert.Equal(80e9, t.ChipMemory!.Value.Bytes);
        Assert.Equal(["training state in memory (bytes)", "chips to hold it"], t.Steps.Select(d => d.Quantity));
        Assert.Equal(["(18) Sun 2023 §5, note 27", "(18) ⌈bytes / memory per chip⌉"], t.Steps.Select(d => d.Equation));
        Assert.Same(t.Steps[1], t.ChipsDerivation);
        Sound.Derivations(t.Steps);
        MemoryResult w = MemoryModel.InferenceWeights(ParameterCount.FromBillions(70), Precision.Bf16, ByteSize.FromGigabytes(80));
        Assert.Equal(140e9, w.Bytes.Bytes);
        Assert.Equal(2, w.MinimumChips);
        Assert.Equal("(19) N × bytes per weight", w.Derivation.Equation);
        MemoryResult alone = MemoryModel.Training(ParameterCount.FromBillions(1));
        Assert.Equal(20e9, alone.Bytes.Bytes);
        Assert.Null(alone.MinimumChips);
        Assert.Null(alone.ExactChips);
        Assert.Same(alone.Derivation, alone.ChipsDerivation);
        // exactly full chips need no extra one: 160 GB on 80 GB chips is 2
        Assert.Equal(2, MemoryModel.Training(ParameterCount.FromBillions(8), 20, ByteSize.FromGigabytes(80)).MinimumChips);
        Assert.Equal([8.0, 4, 4, 2, 2, 1, 1], new[] { Precision.Fp64, Precision.Fp32, Precision.Tf32, Precision.Fp16, Precision.Bf16, Precision.Fp8, Precision.Int8 }
            .Select(MemoryModel.BytesPerWeight));
    }

    [Fact]
    public void TrajectoryRanges_IncludeTheirEnds_WhereTheRuleSays()
    {
        // years in [0, 200]: both ends allowed; a yearly fall in cost in [−10, 1): 1 (cost gone) refused, −10 allowed
        Assert.Single(CostTrajectory.Project(Money.FromUsd(100), [Ratio.FromFraction(0.1)], 0));
        Assert.Equal(201, CostTrajectory.Project(Money.FromUsd(100), [Ratio.FromFraction(0.1)], 200).Count);
        Assert.Equal(1100, CostTrajectory.Project(Money.FromUsd(100), [Ratio.FromFraction(-10)], 1)[1].Cost.Usd, 9); // 100 × (1 + 10)
        Assert.Equal("annualCostDecline", Assert.Throws<InputException>(() => CostTrajectory.Project(Money.FromUsd(100), [Ratio.FromFraction(1)], 1)).Parameter);
        Assert.Equal(11, CostTrajectory.CostPerFlopChange(Ratio.FromFraction(-10), "test").Factor, 12);
        Assert.Equal("costPerFlopReduction", Assert.Throws<InputException>(() => CostTrajectory.CostPerFlopChange(Ratio.FromFraction(1), "test")).Parameter);
        // growth in [−0.99, 100]: both ends allowed (1 − 1/0.01 = −99; 1 − 1/101)
        Assert.Equal(-99, CostTrajectory.CostDeclineOf(-0.99).Value!.Value, 9);
        Assert.Equal(1 - 1 / 101.0, CostTrajectory.CostDeclineOf(100).Value!.Value, 12);
        // the net reduction names its factors f1, f2, … in the order the levers come
        var (_, net) = CostTrajectory.NetReduction([CostTrajectory.CostPerFlopChange(Ratio.FromFraction(0.5), "a"), CostTrajectory.CostPerFlopChange(Ratio.FromFraction(0.2), "b")], inference: true);
        Assert.Equal(["f1", "f2"], net.Inputs.Select(t => t.Symbol));
        Assert.Equal(0.6, net.Value!.Value, 12); // 1 − 0.5 × 0.8
    }

    [Fact]
    public void Trajectory_TermByTerm()
    {
        // eq. 10: $2.4025 per chip-hour / 312e12 FLOP/s / 3600 s/h
        Assert.Equal(2.4025 / 3600 / 312e12, CostTrajectory.CostPerFlop(MoneyRate.FromUsdPerHour(2.4025), FlopRate.FromTeraflopPerSecond(312)).UsdPerFlop, 1e-30);
        // eq. 10 at an MFU on a machine: $19.22 / 8 / (312e12 × 0.5 × 3600)
        Derivation at = CostTrajectory.CostPerFlopAt(MoneyRate.FromUsdPerHour(19.22), 8, FlopRate.FromTeraflopPerSecond(312), Ratio.FromFraction(0.5));
        Assert.Equal(19.22 / 8 / (312e12 * 0.5 * 3600), at.Value!.Value, 1e-30);
        Sound.Derivation(at);
        // 2N × c / MFU per token, 6ND × c / MFU for training
        MoneyPerFlop c = MoneyPerFlop.FromUsdPerFlop(1e-18);
        Assert.Equal(2 * 7e9 * 1e-18 / 0.5, CostTrajectory.InferencePerToken(ParameterCount.FromBillions(7), c, Ratio.FromFraction(0.5)).UsdPerToken, 1e-20);
        Assert.Equal(6 * 7e9 * 1e12 * 1e-18 / 0.5, CostTrajectory.Training(ParameterCount.FromBillions(7), TokenCount.FromCount(1e12), c, Ratio.FromFraction(0.5)).Usd, 1e-6);
        // levers: 70/175 = 0.4, 1 − 0.58 = 0.42, 0.213/0.462
        Lever n = CostTrajectory.Parameters(ParameterCount.FromBillions(175), ParameterCount.FromBillions(70));
        Lever f = CostTrajectory.CostPerFlopChange(Ratio.FromFraction(0.58), "H100 over V100");
        Lever u = CostTrajectory.Utilization(Ratio.FromFraction(0.213), Ratio.FromFraction(0.462));
        Assert.Equal((0.4, true, false), (n.Factor, n.Inference, n.Training));
        Assert.Equal(0.42, f.Factor, 12);
        Assert.Equal((true, true), (f.Inference, f.Training));
        Assert.Equal(0.213 / 0.462, u.Factor, 12);
        Assert.Equal((false, true), (u.Inference, u.Training));
        Assert.Equal(0.6, n.Reduction, 12);
        Assert.Contains("H100 over V100", f.Derivation.Inputs.Single().Meaning, StringComparison.Ordinal);
        var (inf, infD) = CostTrajectory.NetReduction([n, f, u], inference: true);
        var (trn, trnD) = CostTrajectory.NetReduction([n, f, u], inference: false);
        Assert.Equal(1 - 0.4 * 0.42, inf.Fraction, 12);
        Assert.Equal(1 - 0.42 * 0.213 / 0.462, trn.Fraction, 12);
        Assert.Equal(("net inference cost reduction", "net training cost reduction"), (infD.Quantity, trnD.Quantity));
        Assert.Equal(0, CostTrajectory.NetReduction([n], inference: false).Reduction.Fraction);
        Sound.Derivations([n.Derivation, f.Derivation, u.Derivation, infD, trnD]);
        // eq. 12: $1000 falling 20% then 10% a year: × 0.72 a year; decline from 25% growth = 1 − 1/1.25 = 20%
        IReadOnlyList<ProjectedCost> p = CostTrajectory.Project(Money.FromUsd(1000), [Ratio.FromFraction(0.2), Ratio.FromFraction(0.1)], 2);
        Assert.Equal([0, 1, 2], p.Select(x => x.Year));
        Assert.Equal([1000, 720, 518.4], p.Select(x => x.Cost.Usd), new Near(1e-9));
        Assert.Equal(0.2, CostTrajectory.CostDeclineFromEfficiencyGrowth(0.25).Fraction, 12);
        Derivation y = CostTrajectory.ProjectionOf(Money.FromUsd(1000), Ratio.FromFraction(0.2), 3);
        Assert.Equal(512, y.Value!.Value, 9);
        Assert.Equal("cost in year 3 (USD)", y.Quantity);
        Sound.Derivations([y, CostTrajectory.CostDeclineOf(0.25)]);
    }

    /// <summary>Equal within a relative tolerance.</summary>
    private sealed class Near(double relative) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= relative * Math.Max(Math.Abs(x), Math.Abs(y));

        public int GetHashCode(double obj) => 0;
    }
}

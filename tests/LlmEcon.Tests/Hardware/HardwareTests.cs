using LlmEcon.Catalog;
using LlmEcon.Hardware;
using LlmEcon.Memory;
using LlmEcon.Projections;
using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Hardware;

/// <summary>Sun 2023 §5 (SPEC.md §5): generations, in-house V100 → H100, memory, trajectory.</summary>
public class HardwareTests
{
    private static readonly LlmCatalog Catalog = LlmCatalog.BuiltIn;

    [Fact]
    public void WattGains_MatchPrint()
    {
        // 417/71 = 5.87, 780/417 = 1.87, 1429/780 = 1.83 (SPEC.md: agree with print 5.9×, 1.9×, 1.8×)
        var steps = Generations.Steps(Generations.ArticleSeries(Catalog));
        Assert.Equal(["v100-sxm2", "a100-40gb", "h100-sxm"], steps.Select(s => s.To));
        Printed.Equal(5.9, 0.1, steps[0].PerWattGain);
        Printed.Equal(1.9, 0.1, steps[1].PerWattGain);
        Printed.Equal(1.8, 0.1, steps[2].PerWattGain);
    }

    [Fact]
    public void AnnualisedRates_Are22And34PercentForTwoYearGenerations()
    {
        // 1.5^(1/2) − 1 = 22.5%; 1.8^(1/2) − 1 = 34.2%
        Printed.Equal(0.22, 0.01, Generations.AnnualisedRate(1.5, 2));
        Printed.Equal(0.34, 0.01, Generations.AnnualisedRate(1.8, 2));
    }

    [Fact]
    public void InHouse_V100ToH100_From628080And1287MWh()
    {
        // 1,287 MWh × 1000 × $0.09 = $115,830; 628,080 + 115,830 = $743,910 ("$744K")
        Money energy = InHouseCost.EnergyCost(Energy.FromMegawattHours(1287), ElectricityPrice.FromUsdPerKilowattHour(0.09));
        Printed.Equal(115830, 1, energy.Usd);
        var p = InHouseCost.Project(Money.FromUsd(628080), energy, 2.3, 3.4);
        Printed.Equal(743910, 1, p.TotalBefore.Usd);
        Printed.Equal(273078, 1, p.HardwareAfter.Usd);
        Printed.Equal(34068, 1, p.EnergyCostAfter.Usd);
        // 1 − 307,146 / 743,910 = 58.7%
        Printed.Equal(0.587, 0.001, p.Reduction.Fraction);
    }

    [Fact]
    public void InHouseRun_DepreciationPlusEnergy_ByHand()
    {
        // 8 chips × $10,000 × 30 d / (4 × 365.25 d) = $1,642.71; 8 × 700 W × 1.1 × 720 h = 4,435.2 kWh × $0.10 = $443.52
        var run = new InHouseRun(8, Money.FromUsd(10000), Duration.FromYears(4), Duration.FromDays(30), Power.FromWatts(700), 1.1,
            ElectricityPrice.FromUsdPerKilowattHour(0.10));
        var r = InHouseCost.Run(run);
        Assert.Equal(8 * 10000 * 30 / (4 * 365.25), r.Hardware.Usd, 6);
        Assert.Equal(4435.2, r.Energy.KilowattHours, 6);
        Assert.Equal(443.52, r.EnergyCost.Usd, 6);
    }

    [Fact]
    public void TrainingMemory_BertLarge6_8GB_Gpt3_3_5TB_44H100s()
    {
        // 20 B × 340e6 = 6.8e9 B; 20 × 175e9 = 3.5e12 B; 3.5e12 / 80e9 = 43.75 → 44
        Printed.Equal(6.8, 0.1, MemoryModel.Training(ParameterCount.FromCount(340e6)).Bytes.Gigabytes);
        var gpt3 = MemoryModel.Training(ParameterCount.FromBillions(175), 20, Catalog.Accelerator("h100-sxm").MemorySourced);
        Printed.Equal(3.5, 0.1, gpt3.Bytes.Terabytes);
        Assert.Equal(43.75, gpt3.ExactChips!.Value, 10);
        Assert.Equal(44, gpt3.MinimumChips);
    }

    [Fact]
    public void InferenceWeights_ByPrecision()
    {
        // 175e9 × 2 B = 350 GB at FP16; × 1 B = 175 GB at FP8
        Assert.Equal(350e9, MemoryModel.InferenceWeights(ParameterCount.FromBillions(175), Precision.Fp16).Bytes.Bytes);
        Assert.Equal(175e9, MemoryModel.InferenceWeights(ParameterCount.FromBillions(175), Precision.Fp8).Bytes.Bytes);
    }

    [Fact]
    public void Trajectory_NetReductions_83And81Percent()
    {
        // inference: 1 − (70/175) × 0.42 = 83.2%; training: 1 − 0.42 × 21.3/46.2 = 80.6%
        var levers = new[]
        {
            CostTrajectory.Parameters(ParameterCount.FromBillions(175), ParameterCount.FromBillions(70)),
            CostTrajectory.CostPerFlopChange(Ratio.FromFraction(0.58), "H100 vs V100"),
            CostTrajectory.Utilization(Ratio.FromFraction(0.213), Ratio.FromFraction(0.462)),
        };
        Assert.Equal(1 - 0.4 * 0.42, CostTrajectory.NetReduction(levers, inference: true).Reduction.Fraction, 12);
        Assert.Equal(1 - 0.42 * 0.213 / 0.462, CostTrajectory.NetReduction(levers, inference: false).Reduction.Fraction, 12);
        Printed.Equal(2.2, 0.1, 1 / levers[2].Factor);
    }

    [Fact]
    public void Projection_CompoundsAnnualDeclines()
    {
        // $1,000,000 with a 20% and a 10% yearly fall: year 2 = 1e6 × (0.8 × 0.9)^2 = $518,400
        var p = CostTrajectory.Project(Money.FromUsd(1e6), [Ratio.FromFraction(0.2), Ratio.FromFraction(0.1)], 3);
        Assert.Equal(4, p.Count);
        Assert.Equal(518400, p[2].Cost.Usd, 6);
        // throughput per $ +22%/year → cost falls 1 − 1/1.22 = 18.0% a year
        Assert.Equal(1 - 1 / 1.22, CostTrajectory.CostDeclineFromEfficiencyGrowth(0.22).Fraction, 12);
    }

    [Fact]
    public void CostPerFlop_A100OnAwsP4_ByHand()
    {
        // $19.22/h / 8 chips / 3600 s/h / 312e12 FLOP/s = 2.139e-18 USD/FLOP
        var offer = Catalog.Offer("aws-p4d-1yr");
        MoneyPerFlop c = CostTrajectory.CostPerFlop(offer.PricePerChipHour, Catalog.Accelerator("a100-40gb").Peak().Value);
        Assert.Equal(19.22 / 8 / 3600 / 312e12, c.UsdPerFlop, (19.22 / 8 / 3600 / 312e12) * 1e-12);
        // and eq. 10 reproduces eq. 7: 2N × c / MFU × 1000 = $0.003515 per 1000 tokens
        Printed.Equal(0.003515, 0.000001, CostTrajectory.InferencePerToken(ParameterCount.FromBillions(175), c, Ratio.FromFraction(0.213)).UsdPer1kTokens);
    }
}

using LlmEcon.Audit;
using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Quantities;

/// <summary>The quantities that cross boundaries as products and quotients: chip-hours, cost per FLOP, query counts.</summary>
public class CompoundQuantityTests
{
    [Fact]
    public void AcceleratorTime_IsChipsTimesWallTime_AndDividesBack()
    {
        // 1,024 chips × 34 days × 24 h/day = 835,584 chip-hours; 835,584 / 8,192 chips = 102 h = 4.25 days.
        AcceleratorTime t = AcceleratorTime.Of(1024, Duration.FromDays(34));
        Assert.Equal(835_584, t.ChipHours, 9);
        Assert.Equal(4.25, (t / 8192).Days, 12);
        Assert.Equal(8192, t / Duration.FromDays(4.25), 9);
        // at $2.03 per chip-hour: 835,584 × 2.03 = $1,696,235.52
        Assert.Equal(1_696_235.52, (t * MoneyRate.FromUsdPerHour(2.03)).Usd, 6);
        // at 100 TFLOP/s sustained per chip: 835,584 × 3600 × 1e14 = 3.0081024e23 FLOP
        Assert.Equal(3.0081024e23, (t * FlopRate.FromTeraflopPerSecond(100)).Flop, 1e11);
        Assert.True(AcceleratorTime.FromChipHours(1) < t);
        Assert.Equal(2, AcceleratorTime.FromChipHours(6) / AcceleratorTime.FromChipHours(3)); // not 1 and 2: 2 × 1 is 2 too
        Assert.Equal("chips", Assert.Throws<InputException>(() => AcceleratorTime.Of(0, Duration.FromDays(1))).Parameter);
    }

    [Fact]
    public void Ratios_Divide_AndUnitsChangeAtTheirBoundaries()
    {
        Assert.Equal(3.2, FlopRate.FromTeraflopPerSecond(989.4 * 3.2) / FlopRate.FromTeraflopPerSecond(989.4), 12);
        Assert.Equal("divisor", Assert.Throws<InputException>(() => Money.FromUsd(5) / 0).Parameter);
        Assert.Equal(2.5, (Money.FromUsd(5) / 2).Usd);
        // a unit is used from exactly one of it: 1 day, 1 h, 1 TB, 1 GB, 1 MWh
        Assert.Equal("1 days", Duration.FromDays(1).ToString());
        Assert.Equal("1 h", Duration.FromHours(1).ToString());
        Assert.Equal("59 s", Duration.FromSeconds(59).ToString());
        Assert.Equal("1 TB", ByteSize.FromBytes(1e12).ToString());
        Assert.Equal("1 GB", ByteSize.FromBytes(1e9).ToString());
        Assert.Equal("1 MWh", Energy.FromMegawattHours(1).ToString());
    }

    [Fact]
    public void MoneyPerFlop_IsPricePerSecondOverRate_AndBuysWork()
    {
        // $19.22/h for 8 A100 → $2.4025 per chip-hour; / (312e12 FLOP/s × 3600 s/h) = 2.13898e-18 USD/FLOP
        MoneyPerFlop c = MoneyPerFlop.Of(MoneyRate.FromUsdPerHour(19.22 / 8), FlopRate.FromTeraflopPerSecond(312));
        Assert.Equal(19.22 / 8 / (312e12 * 3600), c.UsdPerFlop, 1e-30);
        // 3.15e23 FLOP (GPT-3: 6 × 175e9 × 300e9) at that price = 3.15e23 × 2.13898e-18 = $673,780 at full utilization
        Assert.Equal(3.15e23 * 19.22 / 8 / (312e12 * 3600), (c * FlopCount.FromFlop(3.15e23)).Usd, 1e-6);
        Assert.Equal(1e-18, (Money.FromUsd(1e6) / FlopCount.FromFlop(1e24)).UsdPerFlop, 1e-30);
        Assert.Equal(2, (c * 2) / c, 12);
    }

    [Fact]
    public void QueryCount_SpreadsMoneyAndMultipliesPrices()
    {
        // $100B / 2.1e12 searches = $0.047619 per search (eq. 5); × 2.1e12 gives the $100B back
        MoneyPerQuery perQuery = Money.FromUsd(100e9) / QueryCount.FromCount(2.1e12);
        Assert.Equal(100e9 / 2.1e12, perQuery.UsdPerQuery, 15);
        Assert.Equal(100e9, (perQuery * QueryCount.FromCount(2.1e12)).Usd, 3);
        Assert.Equal(1.2e12, (QueryCount.FromCount(100e9) * 12).Count);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1)]
    public void TheNewQuantities_RefuseWhatNoQuantityIs(double bad)
    {
        Assert.Equal("chipHours", Assert.Throws<InputException>(() => AcceleratorTime.FromChipHours(bad)).Parameter);
        Assert.Equal("usdPerFlop", Assert.Throws<InputException>(() => MoneyPerFlop.FromUsdPerFlop(bad)).Parameter);
        Assert.Equal("queries", Assert.Throws<InputException>(() => QueryCount.FromCount(bad)).Parameter);
    }

    [Fact]
    public void DividingByNothing_IsRefused_NotInfinity()
    {
        Assert.Equal("queries", Assert.Throws<InputException>(() => Money.FromUsd(1) / QueryCount.FromCount(0)).Parameter);
        Assert.Equal("work", Assert.Throws<InputException>(() => Money.FromUsd(1) / FlopCount.FromFlop(0)).Parameter);
        Assert.Equal("chips", Assert.Throws<InputException>(() => AcceleratorTime.FromChipHours(1) / 0.0).Parameter);
        Assert.Equal("wallTime", Assert.Throws<InputException>(() => AcceleratorTime.FromChipHours(1) / Duration.FromDays(0)).Parameter);
        Assert.Equal("rate", Assert.Throws<InputException>(() => MoneyPerFlop.Of(MoneyRate.FromUsdPerHour(1), FlopRate.FromFlopPerSecond(0))).Parameter);
    }

    [Fact]
    public void Scenario_ReadsTypedQuantities_AndNamesTheFieldOfABadOne()
    {
        ArticleScenario s = ArticleScenario.Default;
        // The article: 175B parameters at 21.3% MFU; $100B of search revenue; 2.1 trillion searches a year.
        Assert.Equal(175e9, s.Inference.Parameters.Count);
        Assert.Equal(0.213, s.Inference.Mfu.Fraction);
        Assert.Equal(100e9, s.Search.SearchRevenue.Usd);
        Assert.Equal(2.1e12, s.Search.AnnualSearchesStated.Count);
        Assert.Equal(0.09, s.InHouse.Electricity.UsdPerKilowattHour);

        string json = System.Text.Json.JsonSerializer.Serialize(s, ArticleJson.Default.ArticleScenario).Replace("\"parameters\":175000000000", "\"parameters\":-175e9", StringComparison.Ordinal);
        var e = Assert.Throws<InputException>(() => ArticleScenario.Parse(json, "my-scenario.json"));
        Assert.Equal("my-scenario.json", e.Parameter);
        Assert.Contains("$.inference.parameters", e.Actual, StringComparison.Ordinal);
    }
}

using System.Numerics;
using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Quantities;

/// <summary>Every quantity: its order, its units, its operators, how it reads, and what it refuses (by name).</summary>
public class QuantityArithmeticTests
{
    private static void Ordered<T>(T small, T large)
        where T : IComparable<T>, IComparisonOperators<T, T, bool>
    {
        T twin = small; // an equal value: no quantity is below or above itself
        Assert.True(small < large);
        Assert.False(large < small);
        Assert.False(small < twin);
        Assert.True(large > small);
        Assert.False(small > large);
        Assert.False(small > twin);
        Assert.True(small <= large);
        Assert.True(small <= twin);
        Assert.False(large <= small);
        Assert.True(large >= small);
        Assert.True(small >= twin);
        Assert.False(small >= large);
        Assert.True(small.CompareTo(large) < 0);
        Assert.True(large.CompareTo(small) > 0);
        Assert.Equal(0, small.CompareTo(twin));
    }

    [Fact]
    public void EveryQuantity_IsOrderedByItsMagnitude()
    {
        Ordered(ParameterCount.FromCount(1), ParameterCount.FromCount(2));
        Ordered(TokenCount.FromCount(1), TokenCount.FromCount(2));
        Ordered(WordCount.FromCount(1), WordCount.FromCount(2));
        Ordered(QueryCount.FromCount(1), QueryCount.FromCount(2));
        Ordered(Duration.FromSeconds(1), Duration.FromSeconds(2));
        Ordered(FlopCount.FromFlop(1), FlopCount.FromFlop(2));
        Ordered(FlopRate.FromFlopPerSecond(1), FlopRate.FromFlopPerSecond(2));
        Ordered(Money.FromUsd(-1), Money.FromUsd(2));
        Ordered(MoneyRate.FromUsdPerHour(1), MoneyRate.FromUsdPerHour(2));
        Ordered(MoneyPerToken.FromUsdPerToken(1), MoneyPerToken.FromUsdPerToken(2));
        Ordered(MoneyPerQuery.FromUsdPerQuery(1), MoneyPerQuery.FromUsdPerQuery(2));
        Ordered(MoneyPerFlop.FromUsdPerFlop(1), MoneyPerFlop.FromUsdPerFlop(2));
        Ordered(ByteSize.FromBytes(1), ByteSize.FromBytes(2));
        Ordered(Power.FromWatts(1), Power.FromWatts(2));
        Ordered(Energy.FromJoules(1), Energy.FromJoules(2));
        Ordered(ElectricityPrice.FromUsdPerKilowattHour(1), ElectricityPrice.FromUsdPerKilowattHour(2));
        Ordered(Ratio.FromFraction(-1), Ratio.FromFraction(2));
        Ordered(AcceleratorTime.FromChipHours(1), AcceleratorTime.FromChipHours(2));
    }

    [Fact]
    public void Units_Convert()
    {
        Assert.Equal(175, ParameterCount.FromBillions(175).Billions, 12);
        Assert.Equal(175e9, ParameterCount.FromBillions(175).Count);
        Assert.Equal(1000, TokenCount.FromWords(WordCount.FromCount(750), 750).Count, 12); // 750 words at 750 words per 1000 tokens
        Assert.Equal(2, Duration.FromHours(48).Days, 12);
        Assert.Equal(7200, Duration.FromHours(2).Seconds);
        Assert.Equal(86_400, Duration.FromDays(1).Seconds);
        Assert.Equal(365.25 * 86_400, Duration.FromYears(1).Seconds);
        Assert.Equal(1, Duration.FromDays(365.25).Years, 12);
        Assert.Equal(24, Duration.FromDays(1).Hours);
        Assert.Equal(312, FlopRate.FromTeraflopPerSecond(312).TeraflopPerSecond, 12);
        Assert.Equal(312e12, FlopRate.FromTeraflopPerSecond(312).FlopPerSecond);
        Assert.Equal(1, MoneyRate.FromUsdPerHour(3600).UsdPerSecond, 12);
        Assert.Equal(0.02, MoneyPerToken.FromUsdPer1kTokens(0.02).UsdPer1kTokens, 15);
        Assert.Equal(20, MoneyPerToken.FromUsdPer1kTokens(0.02).UsdPer1MTokens, 12);
        Assert.Equal(2e-6, MoneyPerToken.FromUsdPer1MTokens(2).UsdPerToken, 1e-20);
        Assert.Equal(2e-5, MoneyPerToken.FromUsdPer1kTokens(0.02).UsdPerToken, 1e-20);
        Assert.Equal(3.5, ByteSize.FromTerabytes(3.5).Terabytes, 12);
        Assert.Equal(80e9, ByteSize.FromGigabytes(80).Bytes);
        Assert.Equal(80, ByteSize.FromGigabytes(80).Gigabytes, 12);
        Assert.Equal(0.7, Power.FromWatts(700).Kilowatts, 12);
        Assert.Equal(700, Power.FromKilowatts(0.7).Watts, 9);
        Assert.Equal(3.6e6, Energy.FromKilowattHours(1).Joules);
        Assert.Equal(1287, Energy.FromMegawattHours(1287).MegawattHours, 9);
        Assert.Equal(1287e3, Energy.FromMegawattHours(1287).KilowattHours, 6);
        Assert.Equal(21.3, Ratio.FromFraction(0.213).Percent, 12);
        Assert.Equal(0.213, Ratio.FromPercent(21.3).Fraction, 15);
        Assert.Equal(0.7, Ratio.FromFraction(0.3).Complement.Fraction, 15);
        Assert.Equal(1, Ratio.Utilization(1).Fraction);
    }

    [Fact]
    public void Operators_FollowTheirUnits()
    {
        // work / rate = time; work / time = rate; rate × time = work
        Assert.Equal(10, (FlopCount.FromFlop(1e15) / FlopRate.FromFlopPerSecond(1e14)).Seconds, 12);
        Assert.Equal(1e14, (FlopCount.FromFlop(1e15) / Duration.FromSeconds(10)).FlopPerSecond, 1);
        Assert.Equal(1e15, (FlopRate.FromFlopPerSecond(1e14) * Duration.FromSeconds(10)).Flop, 1);
        Assert.Equal(5e13, (FlopRate.FromFlopPerSecond(1e14) * Ratio.FromFraction(0.5)).FlopPerSecond, 1);
        Assert.Equal(2e14, (FlopRate.FromFlopPerSecond(1e14) * 2).FlopPerSecond, 1);
        Assert.Equal(4, FlopRate.FromFlopPerSecond(4) / FlopRate.FromFlopPerSecond(1));
        Assert.Equal(3, (FlopCount.FromFlop(1) + FlopCount.FromFlop(2)).Flop);
        Assert.Equal(6, (FlopCount.FromFlop(3) * 2).Flop);
        Assert.Equal(1.5, FlopCount.FromFlop(3) / FlopCount.FromFlop(2));
        // money
        Assert.Equal(3, (Money.FromUsd(1) + Money.FromUsd(2)).Usd);
        Assert.Equal(-1, (Money.FromUsd(1) - Money.FromUsd(2)).Usd);
        Assert.Equal(6, (Money.FromUsd(3) * 2).Usd);
        Assert.Equal(1.5, (Money.FromUsd(3) * Ratio.FromFraction(0.5)).Usd);
        Assert.Equal(1.5, (Money.FromUsd(3) / 2).Usd);
        Assert.Equal(0.75, (Money.FromUsd(3) / Money.FromUsd(4)).Fraction);
        Assert.Equal(0.5, (Money.FromUsd(1000) / TokenCount.FromCount(2000)).UsdPerToken);
        Assert.Equal(1.5, (Money.FromUsd(3) / Duration.FromHours(2)).UsdPerHour, 12);
        Assert.Equal(6, (MoneyRate.FromUsdPerHour(3) * Duration.FromHours(2)).Usd, 12);
        Assert.Equal(6, (MoneyRate.FromUsdPerHour(3) * 2).UsdPerHour);
        Assert.Equal(1.5, (MoneyRate.FromUsdPerHour(3) / 2).UsdPerHour);
        Assert.Equal(6, (MoneyPerToken.FromUsdPerToken(3) * TokenCount.FromCount(2)).Usd);
        Assert.Equal(6, (MoneyPerToken.FromUsdPerToken(3) * 2).UsdPerToken);
        Assert.Equal(1.5, (MoneyPerToken.FromUsdPerToken(3) / MoneyPerToken.FromUsdPerToken(2)).Fraction);
        Assert.Equal(6, (MoneyPerQuery.FromUsdPerQuery(3) * 2).UsdPerQuery);
        Assert.Equal(1.5, (MoneyPerQuery.FromUsdPerQuery(3) / MoneyPerQuery.FromUsdPerQuery(2)).Fraction);
        // counts, sizes, energy, time, ratios
        Assert.Equal(3, (TokenCount.FromCount(1) + TokenCount.FromCount(2)).Count);
        Assert.Equal(6, (TokenCount.FromCount(3) * 2).Count);
        Assert.Equal(1.5, TokenCount.FromCount(3) / TokenCount.FromCount(2));
        Assert.Equal(3, (WordCount.FromCount(1) + WordCount.FromCount(2)).Count);
        Assert.Equal(6, (WordCount.FromCount(3) * 2).Count);
        Assert.Equal(1.5, QueryCount.FromCount(3) / QueryCount.FromCount(2));
        Assert.Equal(1.5, ParameterCount.FromCount(3) / ParameterCount.FromCount(2));
        Assert.Equal(3, (ByteSize.FromBytes(1) + ByteSize.FromBytes(2)).Bytes);
        Assert.Equal(6, (ByteSize.FromBytes(3) * 2).Bytes);
        Assert.Equal(1.5, ByteSize.FromBytes(3) / ByteSize.FromBytes(2));
        Assert.Equal(7200, (Power.FromWatts(2) * Duration.FromHours(1)).Joules);
        Assert.Equal(6, (Power.FromWatts(3) * 2).Watts);
        Assert.Equal(6, (Energy.FromJoules(3) * 2).Joules);
        Assert.Equal(1.5, (Energy.FromJoules(3) / 2).Joules);
        Assert.Equal(0.18, (Energy.FromKilowattHours(2) * ElectricityPrice.FromUsdPerKilowattHour(0.09)).Usd, 15);
        Assert.Equal(3, (Duration.FromSeconds(1) + Duration.FromSeconds(2)).Seconds);
        Assert.Equal(6, (Duration.FromSeconds(3) * 2).Seconds);
        Assert.Equal(1.5, (Duration.FromSeconds(3) / 2).Seconds);
        Assert.Equal(1.5, Duration.FromSeconds(3) / Duration.FromSeconds(2));
        Assert.Equal(0.15, (Ratio.FromFraction(0.3) * Ratio.FromFraction(0.5)).Fraction, 15);
        Assert.Equal(0.6, (Ratio.FromFraction(0.3) / Ratio.FromFraction(0.5)).Fraction, 15);
    }

    [Theory]
    [InlineData("175e9 parameters", 175e9)]
    [InlineData("1000 parameters", 1000)]
    public void ParameterCount_Reads(string text, double n) => Assert.Equal(text, ParameterCount.FromCount(n).ToString());

    [Fact]
    public void EveryQuantity_ReadsWithItsUnit()
    {
        Assert.Equal("300e9 tokens", TokenCount.FromCount(300e9).ToString());
        Assert.Equal("2050 words", WordCount.FromCount(2050).ToString());
        Assert.Equal("2.1e12 queries", QueryCount.FromCount(2.1e12).ToString());
        Assert.Equal("14.8 days", Duration.FromDays(14.8).ToString());
        Assert.Equal("2 h", Duration.FromHours(2).ToString());
        Assert.Equal("30 s", Duration.FromSeconds(30).ToString());
        Assert.Equal("3.15e21 FLOP", FlopCount.FromFlop(3.15e21).ToString());
        Assert.Equal("312e12 FLOP/s", FlopRate.FromTeraflopPerSecond(312).ToString());
        Assert.Equal("$1,398,072", Money.FromUsd(1_398_072).ToString());
        Assert.Equal("$19.22/h", MoneyRate.FromUsdPerHour(19.22).ToString());
        Assert.Equal("$0.003515/1K tokens", MoneyPerToken.FromUsdPer1kTokens(0.003515).ToString());
        Assert.Equal("$0.06557/query", MoneyPerQuery.FromUsdPerQuery(0.06557).ToString());
        Assert.Equal("$3.6e-18/FLOP", MoneyPerFlop.FromUsdPerFlop(3.6e-18).ToString());
        Assert.Equal("3.5 TB", ByteSize.FromTerabytes(3.5).ToString());
        Assert.Equal("6.8 GB", ByteSize.FromGigabytes(6.8).ToString());
        Assert.Equal("512 B", ByteSize.FromBytes(512).ToString());
        Assert.Equal("700 W", Power.FromWatts(700).ToString());
        Assert.Equal("1287 MWh", Energy.FromMegawattHours(1287).ToString());
        Assert.Equal("500 kWh", Energy.FromKilowattHours(500).ToString());
        Assert.Equal("$0.09/kWh", ElectricityPrice.FromUsdPerKilowattHour(0.09).ToString());
        Assert.Equal("21.3%", Ratio.FromFraction(0.213).ToString());
        Assert.Equal("835.6e3 chip-hours", AcceleratorTime.FromChipHours(835_584).ToString());
    }

    public static TheoryData<string, Action> Refused() => new()
    {
        { "parameters", () => ParameterCount.FromCount(-1) },
        { "parameters", () => ParameterCount.FromBillions(double.NaN) },
        { "tokens", () => TokenCount.FromCount(-1) },
        { "wordsPer1000Tokens", () => TokenCount.FromWords(WordCount.FromCount(1), 0) },
        { "factor", () => _ = TokenCount.FromCount(1) * -1 },
        { "words", () => WordCount.FromCount(-1) },
        { "factor", () => _ = WordCount.FromCount(1) * -1 },
        { "factor", () => _ = QueryCount.FromCount(1) * -1 },
        { "seconds", () => Duration.FromSeconds(-1) },
        { "hours", () => Duration.FromHours(-1) },
        { "days", () => Duration.FromDays(-1) },
        { "years", () => Duration.FromYears(-1) },
        { "factor", () => _ = Duration.FromSeconds(1) * -1 },
        { "divisor", () => _ = Duration.FromSeconds(1) / 0 },
        { "flop", () => FlopCount.FromFlop(-1) },
        { "factor", () => _ = FlopCount.FromFlop(1) * -1 },
        { "rate", () => _ = FlopCount.FromFlop(1) / FlopRate.FromFlopPerSecond(0) },
        { "time", () => _ = FlopCount.FromFlop(1) / Duration.FromSeconds(0) },
        { "flopPerSecond", () => FlopRate.FromFlopPerSecond(-1) },
        { "teraflopPerSecond", () => FlopRate.FromTeraflopPerSecond(-1) },
        { "factor", () => _ = FlopRate.FromFlopPerSecond(1) * -1 },
        { "usd", () => Money.FromUsd(double.PositiveInfinity) },
        { "factor", () => _ = Money.FromUsd(1) * double.NaN },
        { "divisor", () => _ = Money.FromUsd(1) / 0 },
        { "ratio", () => _ = Money.FromUsd(1) / Money.FromUsd(0) },
        { "tokens", () => _ = Money.FromUsd(1) / TokenCount.FromCount(0) },
        { "time", () => _ = Money.FromUsd(1) / Duration.FromSeconds(0) },
        { "usdPerHour", () => MoneyRate.FromUsdPerHour(-1) },
        { "factor", () => _ = MoneyRate.FromUsdPerHour(1) * -1 },
        { "divisor", () => _ = MoneyRate.FromUsdPerHour(1) / 0 },
        { "usdPerToken", () => MoneyPerToken.FromUsdPerToken(-1) },
        { "usdPer1kTokens", () => MoneyPerToken.FromUsdPer1kTokens(-1) },
        { "usdPer1MTokens", () => MoneyPerToken.FromUsdPer1MTokens(-1) },
        { "factor", () => _ = MoneyPerToken.FromUsdPerToken(1) * -1 },
        { "ratio", () => _ = MoneyPerToken.FromUsdPerToken(1) / MoneyPerToken.FromUsdPerToken(0) },
        { "usdPerQuery", () => MoneyPerQuery.FromUsdPerQuery(-1) },
        { "factor", () => _ = MoneyPerQuery.FromUsdPerQuery(1) * -1 },
        { "ratio", () => _ = MoneyPerQuery.FromUsdPerQuery(1) / MoneyPerQuery.FromUsdPerQuery(0) },
        { "factor", () => _ = MoneyPerFlop.FromUsdPerFlop(1) * -1 },
        { "bytes", () => ByteSize.FromBytes(-1) },
        { "gigabytes", () => ByteSize.FromGigabytes(-1) },
        { "gibibytes", () => ByteSize.FromGibibytes(-1) },
        { "terabytes", () => ByteSize.FromTerabytes(-1) },
        { "factor", () => _ = ByteSize.FromBytes(1) * -1 },
        { "watts", () => Power.FromWatts(-1) },
        { "kilowatts", () => Power.FromKilowatts(-1) },
        { "factor", () => _ = Power.FromWatts(1) * -1 },
        { "joules", () => Energy.FromJoules(-1) },
        { "kilowattHours", () => Energy.FromKilowattHours(-1) },
        { "megawattHours", () => Energy.FromMegawattHours(-1) },
        { "factor", () => _ = Energy.FromJoules(1) * -1 },
        { "divisor", () => _ = Energy.FromJoules(1) / 0 },
        { "usdPerKilowattHour", () => ElectricityPrice.FromUsdPerKilowattHour(-1) },
        { "fraction", () => Ratio.FromFraction(double.NaN) },
        { "percent", () => Ratio.FromPercent(double.NaN) },
        { "mfu", () => Ratio.Utilization(1.01) },
        { "ratio", () => _ = Ratio.FromFraction(1) / Ratio.FromFraction(0) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void WhatNoQuantityIs_IsRefused_ByName(string parameter, Action act) =>
        Assert.Equal(parameter, Assert.Throws<InputException>(act).Parameter);
}

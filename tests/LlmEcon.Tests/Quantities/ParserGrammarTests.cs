using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Quantities;

/// <summary>The one grammar of typed quantities: every form each reader takes, and what each refuses with which rule.</summary>
public class ParserGrammarTests
{
    [Theory]
    [InlineData("2.5", 2.5)]
    [InlineData(" -1e-3 ", -1e-3)]
    [InlineData("+4", 4)]
    [InlineData("1,000", 1000)]
    [InlineData("12,345,678.5", 12_345_678.5)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("- 3", -3)]
    public void Number(string text, double v) => Assert.Equal(v, QuantityParser.Number(text));

    [Theory]
    [InlineData("30.84M", 30.84e6)]
    [InlineData("16k", 16e3)]
    [InlineData("2.1T queries", 2.1e12)]
    [InlineData("1.5g", 1.5e9)]
    [InlineData("2P", 2e15)]
    [InlineData("30,840,000 chip-hours", 30.84e6)]
    public void Count(string text, double v) => Assert.Equal(v, QuantityParser.Count(text, "n", "30.84M", "queries", "chip-hours"), v * 1e-15);

    [Theory]
    [InlineData("16384", 16384)]
    [InlineData("16K", 16000)]
    [InlineData("1e3", 1000)]
    [InlineData("-2", -2)]
    public void WholeNumber(string text, long v) => Assert.Equal(v, QuantityParser.WholeNumber(text));

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e16")]
    [InlineData("$3")]
    [InlineData("3 apples")]
    public void WholeNumber_Refuses(string text) =>
        Assert.Equal("a whole number such as 16384, 16K or 1e3", Assert.Throws<InputException>(() => QuantityParser.WholeNumber(text)).Rule);

    [Fact]
    public void EveryReader_ReadsItsForms()
    {
        Assert.Equal(1.5e9, QuantityParser.ParameterCount("1.5 B params").Count);
        Assert.Equal(7e9, QuantityParser.ParameterCount("7b parameters").Count);
        Assert.Equal(1.4e12, QuantityParser.TokenCount("1.4T tokens").Count);
        Assert.Equal(400, QuantityParser.WordCount("400 words").Count);
        Assert.Equal(3.14e23, QuantityParser.FlopCount("314 ZFLOPs").Flop, 1e9);
        Assert.Equal(1e24, QuantityParser.FlopCount("1 yflop").Flop, 1e9);
        Assert.Equal(5e18, QuantityParser.FlopCount("5E FLOP").Flop, 1e3);
        Assert.Equal(989.4e12, QuantityParser.FlopRate("989.4 TFLOPS").FlopPerSecond, 1);
        Assert.Equal(2e15, QuantityParser.FlopRate("2 pflop/s").FlopPerSecond, 1);
        Assert.Equal(3.5e12, QuantityParser.ByteSize("3.5TB").Bytes);
        Assert.Equal(1.5e15, QuantityParser.ByteSize("1.5 PB").Bytes);
        Assert.Equal(2048, QuantityParser.ByteSize("2KiB").Bytes);
        Assert.Equal(3 * 1048576.0, QuantityParser.ByteSize("3 MiB").Bytes);
        Assert.Equal(1099511627776, QuantityParser.ByteSize("1tib").Bytes);
        Assert.Equal(1125899906842624, QuantityParser.ByteSize("1PiB").Bytes);
        Assert.Equal(4e3, QuantityParser.ByteSize("4kb").Bytes);
        Assert.Equal(5e6, QuantityParser.ByteSize("5MB").Bytes);
        Assert.Equal(1.4e6, QuantityParser.Money("$1.4M").Usd);
        Assert.Equal(82, QuantityParser.Money("82 USD").Usd);
        Assert.Equal(-5, QuantityParser.Money("-$5").Usd);
        Assert.Equal(-5, QuantityParser.Money("$-5").Usd);
        Assert.Equal(1e7, QuantityParser.Money("$10,000,000").Usd);
        Assert.Equal(2e3, QuantityParser.Money("2k usd").Usd);
        Assert.Equal(19.22, QuantityParser.MoneyRate("$19.22/h").UsdPerHour);
        Assert.Equal(19.22, QuantityParser.MoneyRate("19.22 USD/hr").UsdPerHour);
        Assert.Equal(2.5, QuantityParser.MoneyRate("$2.50 per hour").UsdPerHour);
        Assert.Equal(3, QuantityParser.MoneyRate("3/hour").UsdPerHour);
        Assert.Equal(0.02, QuantityParser.MoneyPer1kTokens("$0.02").UsdPer1kTokens, 15);
        Assert.Equal(0.02, QuantityParser.MoneyPer1kTokens("$0.02/1K").UsdPer1kTokens, 15);
        Assert.Equal(0.02, QuantityParser.MoneyPer1kTokens("$0.02/1000 tokens").UsdPer1kTokens, 15);
        Assert.Equal(2e-6, QuantityParser.MoneyPer1kTokens("$2/1M").UsdPerToken, 1e-20);
        Assert.Equal(2e-6, QuantityParser.MoneyPer1kTokens("$2/1Mtokens").UsdPerToken, 1e-20);
        Assert.Equal(0.213, QuantityParser.Ratio("21.3%").Fraction, 15);
        Assert.Equal(0.213, QuantityParser.Ratio("0.213").Fraction);
        Assert.True(QuantityParser.IsPercent("21.3% "));
        Assert.False(QuantityParser.IsPercent("0.213"));
        Assert.False(QuantityParser.IsPercent(null));
        Assert.Equal(700, QuantityParser.Power("700W").Watts);
        Assert.Equal(700, QuantityParser.Power("0.7kW").Watts, 9);
        Assert.Equal(700, QuantityParser.Power("0.7 KW").Watts, 9);
        Assert.Equal(1.2e6, QuantityParser.Power("1.2MW").Watts);
        Assert.Equal(2e9, QuantityParser.Power("2 GW").Watts);
        Assert.Equal(1287, QuantityParser.Energy("1287MWh").MegawattHours, 9);
        Assert.Equal(1287, QuantityParser.Energy("1.287 GWh").MegawattHours, 9);
        Assert.Equal(500, QuantityParser.Energy("500kWh").KilowattHours, 9);
        Assert.Equal(3.6e6, QuantityParser.Energy("3.6e6J").Joules);
        Assert.Equal(3.6e6, QuantityParser.Energy("3.6MJ").Joules);
        Assert.Equal(1, QuantityParser.Energy("1TWh").MegawattHours / 1e6, 9);
        Assert.Equal(0.09, QuantityParser.ElectricityPrice("$0.09/kWh").UsdPerKilowattHour);
        Assert.Equal(0.09, QuantityParser.ElectricityPrice("0.09 per kWh").UsdPerKilowattHour);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("2 sec", 2)]
    [InlineData("30min", 1800)]
    [InlineData("2 minutes", 120)]
    [InlineData("36h", 36 * 3600)]
    [InlineData("1 hr", 3600)]
    [InlineData("14.8d", 14.8 * 86400)]
    [InlineData("2 days", 2 * 86400)]
    [InlineData("4w", 4 * 7 * 86400)]
    [InlineData("1 week", 7 * 86400)]
    [InlineData("1y", 365.25 * 86400)]
    [InlineData("2 Years", 2 * 365.25 * 86400)]
    [InlineData("50ms", 0.05)]
    [InlineData("25us", 25e-6)]
    [InlineData("25µs", 25e-6)]
    public void Duration(string text, double seconds) => Assert.Equal(seconds, QuantityParser.Duration(text).Seconds, seconds * 1e-12);

    [Fact]
    public void Duration_ABareNumber_IsReadInTheFlagsUnit()
    {
        Assert.Equal(54, QuantityParser.Duration("54", "--days", "days").Days, 12);
        Assert.Equal(3, QuantityParser.Duration("3", "--years", "y").Years, 12);
        Assert.Equal(0, QuantityParser.Duration("0").Seconds); // zero needs no unit
        InputException e = Assert.Throws<InputException>(() => QuantityParser.Duration("54"));
        Assert.Equal("a duration such as 14.8d, 36h, 4w or 4y", e.Rule);
        Assert.Equal("a duration such as 14.8 (days), 14.8d, 36h, 4w or 4y", Assert.Throws<InputException>(() => QuantityParser.Duration("54 fortnights", "--days", "days")).Rule);
        Assert.Equal("a duration such as 14.8d, 36h, 4w or 4y", Assert.Throws<InputException>(() => QuantityParser.Duration("$5")).Rule);
        Assert.Equal("a duration such as 14.8d, 36h, 4w or 4y", Assert.Throws<InputException>(() => QuantityParser.Duration("$5d")).Rule); // money is not time
        Assert.Equal("a token count such as 300B, 1.4T or 1000", Assert.Throws<InputException>(() => QuantityParser.TokenCount("x")).Rule);
        Assert.Equal("a word count such as 400, 12,345 or 100K", Assert.Throws<InputException>(() => QuantityParser.WordCount("x")).Rule);
        // a price's error shows what was typed, its per-unit suffix too
        Assert.Contains("$x/1M", Assert.Throws<InputException>(() => QuantityParser.MoneyPer1kTokens("$x/1M")).Actual, StringComparison.Ordinal);
        Assert.Contains("1.2.3/1K", Assert.Throws<InputException>(() => QuantityParser.MoneyPer1kTokens("$1.2.3/1K")).Actual, StringComparison.Ordinal);
        // whole numbers stop below 9e15, where doubles stop counting every integer
        Assert.Equal(8_000_000_000_000_000, QuantityParser.WholeNumber("8e15"));
        Assert.Throws<InputException>(() => QuantityParser.WholeNumber("9e15"));
    }

    public static TheoryData<Action, string, string, string?> Refused() => new()
    {
        // reader, rule, actual, hint
        { () => QuantityParser.Number(""), "a number such as 2.5, 1e-3 or 1,000", "an empty value", null },
        { () => QuantityParser.Number("3 apples"), "a number such as 2.5, 1e-3 or 1,000", "'3 apples'", null },
        { () => QuantityParser.Number("$3"), "a number such as 2.5, 1e-3 or 1,000", "'$3'", null },
        { () => QuantityParser.Number("+-3"), "a number such as 2.5, 1e-3 or 1,000", "'+-3'", null },
        { () => QuantityParser.Number("1e999"), "a number such as 2.5, 1e-3 or 1,000 (finite)", "'1e999'", null },
        { () => QuantityParser.Number("2,5"), "a number such as 2.5, 1e-3 or 1,000", "'2,5'", "use '.' as the decimal point; ',' only separates thousands (1,000)" },
        { () => QuantityParser.Number("١٢"), "a number such as 2.5, 1e-3 or 1,000", "'١٢'", "type the digits 0-9" },
        { () => QuantityParser.Count("3 apples", "n", "2.1T", "queries"), "a count such as 2.1T, 16K or 1e3", "'3 apples'", null },
        { () => QuantityParser.Count("$3", "n"), "a count such as 30.84M, 16K or 1e3", "'$3'", null },
        { () => QuantityParser.Count("1e300T", "n"), "a count such as 30.84M, 16K or 1e3 (finite)", "'1e300T'", null },
        { () => QuantityParser.FlopCount("3 FLOP/s"), "an amount of work such as 3.14e23, 3.14e23 FLOP or 314ZFLOP", "'3 FLOP/s'", null },
        { () => QuantityParser.FlopCount("$3"), "an amount of work such as 3.14e23, 3.14e23 FLOP or 314ZFLOP", "'$3'", null },
        { () => QuantityParser.FlopRate("3 W"), "a throughput such as 312T, 312TFLOP/s or 3.12e14 (FLOP/s)", "'3 W'", null },
        { () => QuantityParser.ByteSize("80"), "a size such as 80GB (10^9 bytes), 80GiB (2^30 bytes) or 6.8e9B", "'80'", null },
        { () => QuantityParser.ByteSize("$80GB"), "a size such as 80GB (10^9 bytes), 80GiB (2^30 bytes) or 6.8e9B", "'$80GB'", null },
        { () => QuantityParser.Money("5 EUR"), "an amount such as $19.22, $1.4M or $10,000,000", "'5 EUR'", null },
        { () => QuantityParser.MoneyRate("$5/day"), "a price per hour such as $19.22/h or 19.22", "'$5/day'", null },
        { () => QuantityParser.MoneyPer1kTokens("$5/1B"), "a price per 1000 tokens such as $0.02 or $0.02/1K (or $20/1M for per million)", "'$5/1B'", null },
        { () => QuantityParser.Ratio("21.3 pct"), "a ratio such as 21.3% or 0.213", "'21.3 pct'", null },
        { () => QuantityParser.Ratio("$0.2"), "a ratio such as 21.3% or 0.213", "'$0.2'", null },
        { () => QuantityParser.Power("700"), "a power such as 700W or 0.7kW", "'700'", null },
        { () => QuantityParser.Power("700mW"), "a power such as 700W or 0.7kW", "'700mW'", null },
        { () => QuantityParser.Power("$700W"), "a power such as 700W or 0.7kW", "'$700W'", null },
        { () => QuantityParser.Energy("5 kW"), "an energy such as 1287MWh, 500kWh or 3.6e6J", "'5 kW'", null },
        { () => QuantityParser.Energy("$5J"), "an energy such as 1287MWh, 500kWh or 3.6e6J", "'$5J'", null },
        { () => QuantityParser.ElectricityPrice("$0.09/MWh"), "an electricity price such as $0.09/kWh", "'$0.09/MWh'", null },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void EachReader_RefusesWhatItCannotRead(Action read, string rule, string actual, string? hint)
    {
        InputException e = Assert.Throws<InputException>(read);
        Assert.Equal((rule, actual, hint), (e.Rule, e.Actual, e.Hint));
    }

    [Fact]
    public void Readers_NameTheirParameter()
    {
        Assert.Equal("--params", Assert.Throws<InputException>(() => QuantityParser.ParameterCount("-1", "--params")).Parameter);
        Assert.Equal("parameters", Assert.Throws<InputException>(() => QuantityParser.ParameterCount("x")).Parameter);
        Assert.Equal("tokens", Assert.Throws<InputException>(() => QuantityParser.TokenCount("x")).Parameter);
        Assert.Equal("words", Assert.Throws<InputException>(() => QuantityParser.WordCount("x")).Parameter);
        Assert.Equal("flops", Assert.Throws<InputException>(() => QuantityParser.FlopCount("x")).Parameter);
        Assert.Equal("peakFlops", Assert.Throws<InputException>(() => QuantityParser.FlopRate("x")).Parameter);
        Assert.Equal("bytes", Assert.Throws<InputException>(() => QuantityParser.ByteSize("x")).Parameter);
        Assert.Equal("usd", Assert.Throws<InputException>(() => QuantityParser.Money("x")).Parameter);
        Assert.Equal("pricePerHour", Assert.Throws<InputException>(() => QuantityParser.MoneyRate("-1")).Parameter);
        Assert.Equal("pricePer1kTokens", Assert.Throws<InputException>(() => QuantityParser.MoneyPer1kTokens("x")).Parameter);
        Assert.Equal("ratio", Assert.Throws<InputException>(() => QuantityParser.Ratio("x")).Parameter);
        Assert.Equal("power", Assert.Throws<InputException>(() => QuantityParser.Power("x")).Parameter);
        Assert.Equal("energy", Assert.Throws<InputException>(() => QuantityParser.Energy("x")).Parameter);
        Assert.Equal("electricityPrice", Assert.Throws<InputException>(() => QuantityParser.ElectricityPrice("x")).Parameter);
        Assert.Equal("duration", Assert.Throws<InputException>(() => QuantityParser.Duration("x")).Parameter);
        Assert.Equal("value", Assert.Throws<InputException>(() => QuantityParser.Number("x")).Parameter);
        Assert.Equal("count", Assert.Throws<InputException>(() => QuantityParser.WholeNumber("x")).Parameter);
        Assert.Throws<ArgumentNullException>(() => QuantityParser.MoneyPer1kTokens(null!));
        Assert.Throws<ArgumentNullException>(() => QuantityParser.MoneyRate(null!));
    }
}

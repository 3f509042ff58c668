using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Quantities;

public class QuantityTests
{
    [Theory]
    [InlineData("175B", 175e9)]
    [InlineData("1.4T", 1.4e12)]
    [InlineData("340M", 340e6)]
    [InlineData("70e9", 70e9)]
    [InlineData(" 1.5 B params", 1.5e9)]
    public void ParameterCount_ParsesWhatPeopleType(string text, double expected) =>
        Assert.Equal(expected, QuantityParser.ParameterCount(text).Count, expected * 1e-12);

    [Theory]
    [InlineData("3.14e23", 3.14e23)]
    [InlineData("3.14e23 FLOP", 3.14e23)]
    [InlineData("314ZFLOP", 3.14e23)]
    public void FlopCount_Parses(string text, double expected) => Assert.Equal(expected, QuantityParser.FlopCount(text).Flop, expected * 1e-12);

    [Theory]
    [InlineData("312T", 312e12)]
    [InlineData("312 TFLOP/s", 312e12)]
    [InlineData("312TFLOPS", 312e12)]
    [InlineData("3.12e14", 3.12e14)]
    public void FlopRate_Parses(string text, double expected) => Assert.Equal(expected, QuantityParser.FlopRate(text).FlopPerSecond, expected * 1e-12);

    [Fact]
    public void Bytes_SayTheirBase()
    {
        Assert.Equal(80e9, QuantityParser.ByteSize("80GB").Bytes);
        Assert.Equal(80 * 1073741824.0, QuantityParser.ByteSize("80GiB").Bytes);
        Assert.Equal(32, ByteSize.FromGibibytes(32).Gibibytes, 12);
        Assert.Equal(34.359738368, ByteSize.FromGibibytes(32).Gigabytes, 9);
    }

    [Fact]
    public void MoneyRatioPowerEnergy_Parse()
    {
        Assert.Equal(19.22, QuantityParser.Money("$19.22").Usd);
        Assert.Equal(1.4e6, QuantityParser.Money("$1.4M").Usd, 6);
        Assert.Equal(19.22, QuantityParser.MoneyRate("$19.22/h").UsdPerHour);
        Assert.Equal(0.213, QuantityParser.Ratio("21.3%").Fraction, 12);
        Assert.Equal(0.213, QuantityParser.Ratio("0.213").Fraction, 12);
        Assert.Equal(700, QuantityParser.Power("700W").Watts);
        Assert.Equal(1287, QuantityParser.Energy("1287MWh").MegawattHours, 9);
        Assert.Equal(0.09, QuantityParser.ElectricityPrice("$0.09/kWh").UsdPerKilowattHour);
        Assert.Equal(14.8, QuantityParser.Duration("14.8d").Days, 12);
    }

    [Fact]
    public void PricePerToken_PerThousandByDefault_PerMillionWhenSaid()
    {
        Assert.Equal(0.02, QuantityParser.MoneyPer1kTokens("$0.02").UsdPer1kTokens, 12);
        Assert.Equal(0.02, QuantityParser.MoneyPer1kTokens("$20/1M").UsdPer1kTokens, 12);
        Assert.Equal(0.02, QuantityParser.MoneyPer1kTokens("$0.02/1K tokens").UsdPer1kTokens, 12);
    }

    [Fact]
    public void BadCount_OneSentence()
    {
        var e = Assert.Throws<InputException>(() => QuantityParser.ParameterCount("17x5", "--params"));
        Assert.Equal("--params must be a parameter count such as 175B, 340M or 70e9; got '17x5'.", e.Message);
    }

    [Fact]
    public void DecimalComma_IsAnErrorWithAHint()
    {
        var e = Assert.Throws<InputException>(() => QuantityParser.Money("19,22", "--machine-price-per-hour"));
        Assert.Equal("--machine-price-per-hour must be an amount such as $19.22, $1.4M or $10,000,000; got '19,22'. "
                     + "Use '.' as the decimal point; ',' only separates thousands (1,000).", e.Message);
    }

    // One grammar (issue 8 §4): the forms people and the tool itself write, each with the value it means.
    [Theory]
    [InlineData("30.84M", 30.84e6)]          // Meta's published chip-hours for Llama 3.1 405B
    [InlineData("30,840,000", 30.84e6)]      // the same, with thousands separators
    [InlineData("16K", 16e3)]
    [InlineData("16k", 16e3)]
    [InlineData("1e3", 1e3)]
    [InlineData("2.1T queries", 2.1e12)]
    [InlineData("+5", 5)]
    [InlineData(".5", 0.5)]
    public void Count_AcceptsEveryForm(string text, double expected) =>
        Assert.Equal(expected, QuantityParser.Count(text, "--chip-hours", "30.84M", "queries"), expected * 1e-12);

    [Theory]
    [InlineData("175B", 175e9)]
    [InlineData("175b", 175e9)]
    [InlineData("175G", 175e9)]
    [InlineData("175,000,000,000", 175e9)]
    [InlineData("1.75e11", 175e9)]
    [InlineData("405 B parameters", 405e9)]
    public void ParameterCount_EitherCaseAndSeparators(string text, double expected) =>
        Assert.Equal(expected, QuantityParser.ParameterCount(text).Count, expected * 1e-12);

    [Theory]
    [InlineData("16384", 16384)]
    [InlineData("16K", 16000)]
    [InlineData("1e3", 1000)]
    [InlineData("10,000", 10000)]
    [InlineData("2147483647", 2147483647)]
    public void WholeNumber_AcceptsTheCountGrammar(string text, long expected) => Assert.Equal(expected, QuantityParser.WholeNumber(text, "--chips"));

    [Fact]
    public void WholeNumber_RefusesAFraction()
    {
        var e = Assert.Throws<InputException>(() => QuantityParser.WholeNumber("1.5", "--chips"));
        Assert.Equal("--chips must be a whole number such as 16384, 16K or 1e3; got '1.5'.", e.Message);
    }

    [Theory]
    [InlineData("$10,000,000", 1e7)] // as the tool itself prints a budget
    [InlineData("$10M", 1e7)]
    [InlineData("$10m", 1e7)]
    [InlineData("10000000 USD", 1e7)]
    [InlineData("$1,398,072", 1398072)]
    public void Money_AcceptsSeparatorsAndScales(string text, double expected) => Assert.Equal(expected, QuantityParser.Money(text).Usd, 6);

    [Theory]
    [InlineData("54d", 54)]
    [InlineData("54", 54)]
    [InlineData("54 days", 54)]
    [InlineData("2w", 14)]
    [InlineData("36h", 1.5)]
    public void Duration_BareNumberTakesTheFlagsUnit(string text, double days) =>
        Assert.Equal(days, QuantityParser.Duration(text, "--days", "days").Days, 12);

    [Fact]
    public void Duration_BareNumberWithoutAUnit_IsRefused() =>
        Assert.Throws<InputException>(() => QuantityParser.Duration("54", "--run-time"));

    [Theory]
    [InlineData("80gb", 80e9)]
    [InlineData("80 GB", 80e9)]
    [InlineData("1TiB", 1099511627776)]
    public void Bytes_PrefixInEitherCase(string text, double bytes) => Assert.Equal(bytes, QuantityParser.ByteSize(text).Bytes);

    [Theory]
    [InlineData("1,5", "Use '.' as the decimal point; ',' only separates thousands (1,000).")]
    [InlineData("0,213", "Use '.' as the decimal point; ',' only separates thousands (1,000).")]
    [InlineData("12,34,567", "Use '.' as the decimal point; ',' only separates thousands (1,000).")]
    [InlineData("١٧٥B", "Type the digits 0-9.")]
    [InlineData("１７５", "Type the digits 0-9.")]
    public void Count_RefusesDecimalCommasAndNonAsciiDigits_WithAHint(string text, string hint)
    {
        var e = Assert.Throws<InputException>(() => QuantityParser.Count(text, "--chip-hours"));
        Assert.Equal($"--chip-hours must be a count such as 30.84M, 16K or 1e3; got '{text}'. {hint}", e.Message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("∞")]
    [InlineData("1e400")]
    [InlineData("175BB")]
    [InlineData("")]
    [InlineData("$")]
    [InlineData("--5")]
    [InlineData("-+5")]
    public void Count_RefusesWhatIsNotANumber(string text) =>
        Assert.StartsWith("--params must be", Assert.Throws<InputException>(() => QuantityParser.ParameterCount(text, "--params")).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(4.9406564584124654E-324, "4.941e-324")] // the smallest double: 10^-324 alone underflows
    [InlineData(1.5e-310, "150e-312")]
    [InlineData(175e9, "175e9")]
    [InlineData(0.003515, "0.003515")]
    public void Compact_FormatsEveryFiniteDouble(double value, string shown) => Assert.Equal(shown, NumberFormat.Compact(value));

    [Fact]
    public void Ratio_RemembersWhetherItWasAPercentage()
    {
        Assert.True(QuantityParser.IsPercent("100.1%"));
        Assert.False(QuantityParser.IsPercent("1.7"));
        Assert.Equal(1.001, QuantityParser.Ratio("100.1%").Fraction, 12);
    }

    [Fact]
    public void Utilization_AboveOne_Rejected()
    {
        var e = Assert.Throws<InputException>(() => Ratio.Utilization(1.7));
        Assert.Equal("mfu must be in (0, 1]; got 1.7. A fraction is expected: did you mean 1.7% = 0.017?", e.Message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "∞")]
    [InlineData(-1.0, "-1")]
    public void Counts_RejectNaNInfinityAndNegatives(double bad, string shown)
    {
        var e = Assert.Throws<InputException>(() => ParameterCount.FromCount(bad));
        Assert.Equal($"parameters must be a finite number ≥ 0; got {shown}.", e.Message);
    }

    [Fact]
    public void DimensionalOperators()
    {
        Duration t = FlopCount.FromFlop(3.15e23) / FlopRate.FromFlopPerSecond(1e18);
        Assert.Equal(315000, t.Seconds, 6);
        Assert.Equal(2 * 3.6e6, (Power.FromKilowatts(2) * Duration.FromHours(1)).Joules, 6);
        Assert.Equal(19.22 * 2, (MoneyRate.FromUsdPerHour(19.22) * Duration.FromHours(2)).Usd, 12);
        Assert.Equal(20, (MoneyPerToken.FromUsdPer1kTokens(0.02) * TokenCount.FromCount(1e6)).Usd, 12);
    }

    [Fact]
    public void ToString_IsInvariantEvenUnderACommaCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("$0.003515", Money.FromUsd(0.0035153).ToString());
            Assert.Equal("$1,398,072", Money.FromUsd(1398072.4).ToString());
            Assert.Equal("312e12 FLOP/s", FlopRate.FromTeraflopPerSecond(312).ToString());
            Assert.Equal(0.213, QuantityParser.Ratio("0.213").Fraction, 12);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Property]
    public void ParameterCount_RoundTripsThroughText(PositiveInt k)
    {
        double n = k.Get * 1e6;
        string text = n.ToString("R", CultureInfo.InvariantCulture);
        Assert.Equal(n, QuantityParser.ParameterCount(text).Count);
        Assert.Equal(n / 1e9, QuantityParser.ParameterCount(text).Billions, 9);
    }

    [Property]
    public void Bytes_GigabyteGibibyte_RoundTrip(PositiveInt k)
    {
        double g = k.Get;
        Assert.Equal(g, ByteSize.FromGibibytes(ByteSize.FromGigabytes(g).Gibibytes).Gigabytes, 9);
    }

    [Property]
    public void Energy_KilowattHourRoundTrip(PositiveInt k) =>
        Assert.Equal(k.Get, Energy.FromKilowattHours(Energy.FromMegawattHours(k.Get / 1000.0).KilowattHours).KilowattHours, 9);
}

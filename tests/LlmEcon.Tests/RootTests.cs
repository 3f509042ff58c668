using Xunit;

namespace LlmEcon.Tests;

/// <summary>The library's shared pieces: the guard's rules and sentences, number formats, suggestions and file reading.</summary>
public class RootTests
{
    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "∞")]
    [InlineData(double.NegativeInfinity, "-∞")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5, "-2.5")]
    public void Show_WritesNumbersOneWay(double v, string text) => Assert.Equal(text, Guard.Show(v));

    [Fact]
    public void Guard_RulesAndTheirBoundaries()
    {
        Assert.Equal(0, Guard.NonNegative(0, "x"));
        Assert.Equal("a finite number ≥ 0", Assert.Throws<InputException>(() => Guard.NonNegative(-1e-300, "x")).Rule);
        Assert.Equal(1e-300, Guard.Positive(1e-300, "x"));
        Assert.Equal("a finite number > 0", Assert.Throws<InputException>(() => Guard.Positive(0, "x")).Rule);
        Assert.Equal("a finite number > 0", Assert.Throws<InputException>(() => Guard.Positive(double.PositiveInfinity, "x")).Rule);
        Assert.Equal("a finite number", Assert.Throws<InputException>(() => Guard.Finite(double.NaN, "x")).Rule);
        Assert.Equal(-5, Guard.Finite(-5, "x"));
        Assert.Equal(1, Guard.PositiveCount(1, "n"));
        InputException count = Assert.Throws<InputException>(() => Guard.PositiveCount(0, "n"));
        Assert.Equal(("n", "a whole number ≥ 1", "0"), (count.Parameter, count.Rule, count.Actual));
        // closed and open ends
        Assert.Equal(0, Guard.InRange(0, "x", 0, 1, false, false));
        Assert.Equal(1, Guard.InRange(1, "x", 0, 1, false, false));
        Assert.Equal("in (0, 1]", Assert.Throws<InputException>(() => Guard.InRange(0, "x", 0, 1, true, false)).Rule);
        Assert.Equal("in [0, 1)", Assert.Throws<InputException>(() => Guard.InRange(1, "x", 0, 1, false, true)).Rule);
        Assert.Equal("in [0, 1]", Assert.Throws<InputException>(() => Guard.InRange(double.NaN, "x", 0, 1, false, false)).Rule);
        Assert.Equal("h", Assert.Throws<InputException>(() => Guard.InRange(2, "x", 0, 1, false, false, "h")).Hint);
        Assert.Equal(1, Guard.Utilization(1, "mfu"));
        Assert.Equal(0, Guard.FractionBelowOne(0, "cache"));
        // a percentage given for a fraction: 1 < value ≤ 100 gets the hint, beyond does not
        Assert.Equal("a fraction is expected: did you mean 46.2% = 0.462?", Assert.Throws<InputException>(() => Guard.Utilization(46.2, "mfu")).Hint);
        Assert.Equal("a fraction is expected: did you mean 100% = 1?", Assert.Throws<InputException>(() => Guard.FractionBelowOne(100, "m")).Hint);
        Assert.Null(Assert.Throws<InputException>(() => Guard.Utilization(101, "mfu")).Hint);
        Assert.Null(Assert.Throws<InputException>(() => Guard.Utilization(-1, "mfu")).Hint);
        Assert.Null(Assert.Throws<InputException>(() => Guard.FractionBelowOne(1, "m")).Hint);
    }

    [Fact]
    public void AnInputError_IsOneSentence()
    {
        var e = new InputException("mfu", "in (0, 1]", "1.7", "a fraction is expected");
        Assert.Equal("mfu must be in (0, 1]; got 1.7. A fraction is expected.", e.Message);
        Assert.Equal("mfu", e.ParamName);
        Assert.Equal("x must be y; got z.", new InputException("x", "y", "z").Message);
        Assert.Equal("Did you mean 'a'?", InputException.Sentence("did you mean 'a'?"));
        Assert.Equal("Done.", InputException.Sentence("Done."));
        Assert.Equal("", InputException.Sentence(""));
        InputException renamed = e.Renamed("--mfu");
        Assert.Equal(("--mfu", "in (0, 1]", "1.7", "a fraction is expected"), (renamed.Parameter, renamed.Rule, renamed.Actual, renamed.Hint));
        Assert.Equal(("value", "valid", "nothing"), (new InputException().Parameter, new InputException().Rule, new InputException().Actual));
        Assert.Equal("m", new InputException("m").Actual);
        var inner = new InvalidOperationException();
        var wrapped = new InputException("m", inner);
        Assert.Equal(("value", "valid", "m"), (wrapped.Parameter, wrapped.Rule, wrapped.Actual));
        Assert.Same(inner, wrapped.InnerException);
    }

    [Theory]
    [InlineData(175e9, "175e9")]
    [InlineData(312e12, "312e12")]
    [InlineData(99_999, "100000")]
    [InlineData(100_000, "100e3")]
    [InlineData(999_950, "1e6")]   // the mantissa rounds to 1000: carried into the next power
    [InlineData(0.003515, "0.003515")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00009, "90e-6")]
    [InlineData(-2.5e-18, "-2.5e-18")]
    [InlineData(0, "0")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(4.94e-324, "4.941e-324")] // below 10^-300 scaled in two steps
    public void Compact_FourSignificantDigits_EngineeringFrom100k(double v, string text) => Assert.Equal(text, NumberFormat.Compact(v));

    [Theory]
    [InlineData(43.75, "43.75")]
    [InlineData(16_384, "16,384")]
    [InlineData(999_999, "999,999")]
    [InlineData(30.84e6, "30.84M")]
    [InlineData(999.95e6, "1B")]
    [InlineData(405e9, "405B")]
    [InlineData(15.6e12, "15.6T")]
    [InlineData(3.15e21, "3.15e21")]
    [InlineData(-2e6, "-2M")]
    [InlineData(double.PositiveInfinity, "∞")]
    public void Count_AsPeopleWriteIt(double v, string text) => Assert.Equal(text, NumberFormat.Count(v));

    [Fact]
    public void Money_PercentAndIntegers()
    {
        Assert.Equal("$1,398,072", NumberFormat.Usd(1_398_071.6));
        Assert.Equal("$999.9", NumberFormat.Usd(999.9));
        Assert.Equal("-$1,000", NumberFormat.Usd(-1000));
        Assert.Equal("-$0.5", NumberFormat.Usd(-0.5));
        Assert.Equal("21.3%", NumberFormat.Percent(0.213));
        Assert.Equal("17.21%", NumberFormat.Percent(0.1721125, 2));
        Assert.Equal("60%", NumberFormat.Percent(0.6));
        Assert.Equal("16,384", NumberFormat.Integer(16_384));
        Assert.Equal("NaN", NumberFormat.Integer(double.NaN));
        Assert.Equal(2.5, NumberFormat.RoundSignificant(2.45, 2)); // half away from zero
        Assert.Equal(12_300, NumberFormat.RoundSignificant(12_345, 3));
        Assert.Equal(0, NumberFormat.RoundSignificant(0, 3));
        Assert.True(double.IsNaN(NumberFormat.RoundSignificant(double.NaN, 3)));
    }

    [Fact]
    public void Suggestions_AreNearestFirst()
    {
        string[] ids = ["h100-sxm", "a100-40gb", "a100-80gb", "v100-sxm2", "tpu-v4"];
        Assert.Equal(["h100-sxm"], Suggest.Nearest("h10O", ids));
        Assert.Equal(["a100-40gb", "a100-80gb"], Suggest.Nearest("a100", ids));
        Assert.Empty(Suggest.Nearest("", ids));
        Assert.Empty(Suggest.Nearest("zzzzzzzz", ids));
        Assert.Equal(["tpu-v4"], Suggest.Nearest("TPU", ids));
        Assert.Equal(["a100-40gb"], Suggest.Nearest("a100", ids, max: 1));
        Assert.Equal("did you mean 'h100-sxm'?", Suggest.Hint("h100", ids));
        Assert.Equal("did you mean 'a100-40gb' or 'a100-80gb'?", Suggest.Hint("a100", ids));
        Assert.Equal("did you mean 'aa', 'ab' or 'ac'?", Suggest.Hint("a", ["aa", "ab", "ac", "ad"]));
        Assert.Equal("available: a, b", Suggest.Hint("zzzzzz", ["b", "a"]));
        Assert.Equal("none of the 9 is close", Suggest.Hint("zzzzzz", ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"]));
        Assert.Equal(3, Suggest.Distance("kitten", "sitting"));
        Assert.Equal(0, Suggest.Distance("", ""));
        Assert.Equal(4, Suggest.Distance("", "abcd"));
        Assert.Throws<ArgumentNullException>(() => Suggest.Nearest(null!, ids));
        Assert.Throws<ArgumentNullException>(() => Suggest.Nearest("a", null!));
        Assert.Throws<ArgumentNullException>(() => Suggest.Hint("a", null!));
    }

    [Fact]
    public void InputFile_ReadsAFile_AndNamesEveryReasonItCannot()
    {
        string dir = Directory.CreateTempSubdirectory("llmecon-").FullName;
        try
        {
            string file = Path.Combine(dir, "c.json"), link = Path.Combine(dir, "l.json"), dangling = Path.Combine(dir, "d.json");
            File.WriteAllText(file, "{}");
            File.CreateSymbolicLink(link, file);
            File.CreateSymbolicLink(dangling, Path.Combine(dir, "gone.json"));
            Assert.Equal("{}", InputFile.ReadAllText(file, "--catalog", "JSON file", 100));
            Assert.Equal("{}", InputFile.ReadAllText(link, "--catalog", "JSON file", 100));
            InputException Fails(string path, long max = 100) => Assert.Throws<InputException>(() => InputFile.ReadAllText(path, "--catalog", "JSON file", max));
            Assert.Equal(("--catalog", "an existing JSON file", "an empty path"), (Fails("").Parameter, Fails("").Rule, Fails("").Actual));
            Assert.Equal($"'{dir}' (a directory)", Fails(dir).Actual);
            Assert.Equal($"'{dangling}' (no such file)", Fails(dangling).Actual);
            Assert.Equal($"'{Path.Combine(dir, "x")}' (no such file)", Fails(Path.Combine(dir, "x")).Actual);
            File.WriteAllBytes(file, new byte[3 << 20]);
            InputException big = Fails(file, 2 << 20);
            Assert.Equal(("a JSON file of at most 2 MiB", $"'{file}' (3 MiB)"), (big.Rule, big.Actual));
            Assert.Equal(("a JSON file of at most 2 MiB", $"'{link}' (3 MiB)"), (Fails(link, 2 << 20).Rule, Fails(link, 2 << 20).Actual));
            Assert.Equal(3 << 20, InputFile.ReadAllText(file, "f", "file", 3 << 20).Length);
            Assert.Throws<ArgumentNullException>(() => InputFile.ReadAllText(null!, "f", "file", 1));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Formats_ChangeAtTheirBoundaries()
    {
        // a count is exact with separators from 1,000 and scaled from a million; money has no sign at zero; engineering notation
        Assert.Equal(("999", "1,000", "999,999", "1M"), (NumberFormat.Count(999), NumberFormat.Count(1000), NumberFormat.Count(999_999), NumberFormat.Count(1e6)));
        Assert.Equal(("$0", "-$5"), (NumberFormat.Usd(0), NumberFormat.Usd(-5)));
        Assert.Equal("1.5e21", NumberFormat.Compact(1.5e21));
        Assert.Equal("16,384", NumberFormat.Integer(16384));
    }
}

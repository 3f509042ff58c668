using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Quantities;

/// <summary>Whole-number sweeps as typed.</summary>
public class SweepTests
{
    [Theory]
    [InlineData("64", new long[] { 64 })]
    [InlineData("1,8,64", new long[] { 1, 8, 64 })]
    [InlineData("1..1024:x2", new long[] { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024 })]
    [InlineData("1..1000:x10", new long[] { 1, 10, 100, 1000 })]
    [InlineData("8..64:+8", new long[] { 8, 16, 24, 32, 40, 48, 56, 64 })]
    [InlineData("8..30:8", new long[] { 8, 16, 24 })]
    [InlineData("3..5", new long[] { 3, 4, 5 })]
    public void Integers_ReadEveryForm(string text, long[] expected) => Assert.Equal(expected, Sweep.Integers(text, "--batch", 1, 1_000_000));

    [Fact]
    public void Integers_RefuseWhatIsOutOfRange_OrTooLong()
    {
        Assert.Equal("--batch must be whole numbers in [1, 100]; got 0 in '0,5'.", Assert.Throws<InputException>(() => Sweep.Integers("0,5", "--batch", 1, 100)).Message);
        Assert.Equal("--batch must be at most 10,000 values; got '1..20000' (more).", Assert.Throws<InputException>(() => Sweep.Integers("1..20000", "--batch", 1, 1_000_000)).Message);
        Assert.Equal("--batch must be whole numbers in [2, 1000000]; got 1 in '1..8:x1'.", Assert.Throws<InputException>(() => Sweep.Integers("1..8:x1", "--batch", 1, 100)).Message);
    }
}

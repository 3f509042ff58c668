using LlmEcon.Scenarios;
using Xunit;

namespace LlmEcon.Tests.Scenarios;

/// <summary>Goal seek against closed forms.</summary>
public class GoalSeekTests
{
    [Fact]
    public void ALinearModel_IsSolvedExactly()
    {
        // y = 3x + 1 = 10 at x = 3
        GoalSeekResult r = GoalSeek.Solve(x => 3 * x + 1, 10, 0, 100, "x", "y");
        Assert.Equal(3, r.Input, 9);
        Assert.Equal(10, r.Output, 9);
    }

    [Fact]
    public void AWideRange_IsSampledInLogSpace_AndFindsADecreasingRoot()
    {
        // cost = 1e6 / MFU... here y = 2e5 / x over [1e-6, 1]: y = 1e6 at x = 0.2
        GoalSeekResult r = GoalSeek.Solve(x => 2e5 / x, 1e6, 1e-6, 1, "mfu", "cost");
        Assert.Equal(0.2, r.Input, 9);
    }

    [Fact]
    public void RefusedInputs_AreSkipped()
    {
        // refused below 5; y = x² = 49 at x = 7
        GoalSeekResult r = GoalSeek.Solve(x => x < 5 ? throw Guard.Fail("x", "≥ 5", Guard.Show(x)) : x * x, 49, 0, 10, "x", "y");
        Assert.Equal(7, r.Input, 8);
    }

    [Fact]
    public void NoSolution_SaysWhatTheOutputRangesOver()
    {
        var e = Assert.Throws<InputException>(() => GoalSeek.Solve(x => 2 * x, 50, 0, 10, "--x", "y"));
        Assert.Equal("--x must be a value in [0, 10] at which y = 50; got none. Over that range y goes from 0 to 20.", e.Message);
    }
}

using Xunit;

namespace LlmEcon.Tests;

/// <summary>
/// The one tolerance rule of the worked examples: a value agrees with a printed figure when it rounds to it,
/// i.e. |value − printed| ≤ half the print's last digit. Whole-dollar training costs use ±$1 (SPEC.md §4).
/// </summary>
internal static class Printed
{
    public static void Equal(double printed, double resolution, double actual)
    {
        double gap = Math.Abs(actual - printed);
        Assert.True(gap <= resolution / 2 * (1 + 1e-9),
            $"expected {printed} (printed to {resolution}), got {actual} (gap {gap})");
    }
}

using System.Runtime.Intrinsics;
using LlmEcon.Scenarios;
using Xunit;

namespace LlmEcon.Tests.Scenarios;

/// <summary>The four-lane generator: its series for ln, sin and cos against the runtime's, and its draws' moments against closed forms.</summary>
public class RngTests
{
    [Fact]
    public void TheLogSeries_AgreesWithMathLog_ToFiveUlps()
    {
        // every input Box–Muller gives it, (0, 1] in steps of 2^-52, sampled: from 2^-52 through the whole [√½, √2) fold to 1
        var rng = new Rng(1, 1);
        double worst = 0;
        for (int i = 0; i < 100_000; i++)
        {
            double x = i switch { 0 => Math.Pow(2, -52), 1 => 1, 2 => Math.Sqrt(0.5), 3 => Math.Sqrt(2) / 2 * (1 + 1e-15), _ => 1 - rng.NextDouble() };
            double got = RngLanes.Log(Vector256.Create(x)).ToScalar(), want = Math.Log(x);
            worst = Math.Max(worst, Math.Abs(got - want) / Math.Max(Math.Abs(want), 1e-300));
        }

        // five ulps of a double (2^-52 ≈ 2.2e-16): e·ln 2 + ln m cancels in part below √½, where the rounding of ln 2 and of s shows;
        // far below anything a draw can notice — what the series buys is the same bits on every machine
        Assert.True(worst < 5 * 2.2e-16, $"worst relative error {worst}");
    }

    [Fact]
    public void TheSineAndCosineSeries_AgreeWithMathSinCos_InEveryQuarterTurn()
    {
        // q in [0, 4) quarter turns: angle (π/2)·q; the error allowed is absolute, as the sine near 0 and π is ≈ 0
        var rng = new Rng(2, 1);
        double worst = 0;
        for (int i = 0; i < 100_000; i++)
        {
            double q = i < 8 ? i / 2.0 : 4 * rng.NextDouble();
            var (sin, cos) = RngLanes.SinCosQuarterTurns(Vector256.Create(q));
            double angle = Math.PI / 2 * q;
            worst = Math.Max(worst, Math.Max(Math.Abs(sin.ToScalar() - Math.Sin(angle)), Math.Abs(cos.ToScalar() - Math.Cos(angle))));
        }

        Assert.True(worst < 1e-15, $"worst absolute error {worst}");
    }

    [Fact]
    public void TheLanes_DrawUniformsInTheUnitInterval_WithTheUniformsMoments()
    {
        // 4M uniforms: mean 1/2 (SE √(1/12/n) = 1.44e-4), variance 1/12 (SE √((1/80 − 1/144)/n) = 3.7e-5); all in [0, 1)
        var lanes = new RngLanes(7, 0);
        const int n = 4_000_000;
        double s1 = 0, s2 = 0, min = 1, max = 0;
        for (int i = 0; i < n; i += 4)
        {
            Vector256<double> u = lanes.NextDouble();
            for (int l = 0; l < 4; l++)
            {
                double x = u.GetElement(l);
                (s1, s2, min, max) = (s1 + x, s2 + x * x, Math.Min(min, x), Math.Max(max, x));
            }
        }

        double mean = s1 / n, variance = s2 / n - mean * mean;
        Assert.InRange(mean, 0.5 - 5 * 1.44e-4, 0.5 + 5 * 1.44e-4);
        Assert.InRange(variance, 1.0 / 12 - 5 * 3.7e-5, 1.0 / 12 + 5 * 3.7e-5);
        Assert.True(min >= 0 && max < 1);
    }

    [Fact]
    public void TheBoxMullerDraws_HaveTheStandardNormalsMoments_AndTails()
    {
        // 4M draws: mean 0 (SE 1/√n = 5e-4), variance 1 (SE √(2/n) = 7.1e-4), skewness 0 (SE √(6/n) = 1.2e-3), kurtosis 3 (SE √(24/n)
        // = 2.4e-3); P(|z| > 1.96) = 0.05 (SE √(0.05 × 0.95/n) = 1.1e-4); each lane and both halves of a pair alike
        var lanes = new RngLanes(11, 3);
        const int n = 4_000_000;
        double s1 = 0, s2 = 0, s3 = 0, s4 = 0;
        long beyond = 0;
        for (int i = 0; i < n; i += 8)
        {
            var (a, b) = lanes.NextNormals();
            for (int l = 0; l < 8; l++)
            {
                double z = l < 4 ? a.GetElement(l) : b.GetElement(l - 4);
                (s1, s2, s3, s4) = (s1 + z, s2 + z * z, s3 + z * z * z, s4 + z * z * z * z);
                beyond += Math.Abs(z) > 1.959963984540054 ? 1 : 0;
            }
        }

        Assert.InRange(s1 / n, -5 * 5e-4, 5 * 5e-4);
        Assert.InRange(s2 / n, 1 - 5 * 7.1e-4, 1 + 5 * 7.1e-4);
        Assert.InRange(s3 / n, -5 * 1.2e-3, 5 * 1.2e-3);
        Assert.InRange(s4 / n, 3 - 5 * 2.4e-3, 3 + 5 * 2.4e-3);
        Assert.InRange((double)beyond / n, 0.05 - 5 * 1.1e-4, 0.05 + 5 * 1.1e-4);
    }

    [Fact]
    public void ALanesStream_IsFixedBySeedAndStream()
    {
        var (a, b, c) = (new RngLanes(5, 9), new RngLanes(5, 9), new RngLanes(5, 10));
        Vector256<ulong> x = a.NextBits(), y = b.NextBits(), z = c.NextBits();
        Assert.Equal(x, y);
        Assert.NotEqual(x, z);
        // the four lanes are four streams, not one value repeated
        Assert.Equal(4, new[] { x[0], x[1], x[2], x[3] }.Distinct().Count());
    }
}

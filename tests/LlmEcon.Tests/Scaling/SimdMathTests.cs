using System.Runtime.Intrinsics;
using LlmEcon.Scaling.Fitting;
using Xunit;

namespace LlmEcon.Tests.Scaling;

/// <summary>The fitting kernel's vector exp and log against <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/>.</summary>
public class SimdMathTests
{
    private const double Ulp2 = 4.5e-16; // two units in the last place, relative

    [Fact]
    public void Exp_MatchesMathExp_AcrossTheRange()
    {
        var random = new Random(1);
        for (int i = 0; i < 20000; i++)
        {
            double x = -700 + 1405 * random.NextDouble();
            double expected = Math.Exp(x), actual = SimdMath.Exp(Vector256.Create(x))[0];
            Assert.True(Math.Abs(actual / expected - 1) <= Ulp2, $"exp({x:R}) = {actual:R}, Math.Exp = {expected:R}");
        }
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, Math.E)]
    public void Exp_AtPoints(double x, double expected) =>
        Assert.Equal(expected, SimdMath.Exp(Vector256.Create(x))[0], expected * 1e-15);

    [Fact]
    public void Exp_BelowTheRange_ClampsToExpMinus708()
    {
        double expected = Math.Exp(-708);
        Assert.Equal(expected, SimdMath.Exp(Vector256.Create(-1000.0))[0], expected * 1e-15);
    }

    [Fact]
    public void Log_MatchesMathLog_AcrossTheRange()
    {
        var random = new Random(2);
        for (int i = 0; i < 20000; i++)
        {
            double x = Math.Exp(-700 + 1400 * random.NextDouble());
            double expected = Math.Log(x), actual = SimdMath.Log(Vector256.Create(x))[0];
            Assert.True(Math.Abs(actual - expected) <= Ulp2 * Math.Max(1, Math.Abs(expected)), $"log({x:R}) = {actual:R}, Math.Log = {expected:R}");
        }

        foreach (double x in new[] { 1.0, 2.0, 0.5, Math.Sqrt(2), 1.4142135623730951 * (1 + 1e-15), 3.5 })
        {
            Assert.True(Math.Abs(SimdMath.Log(Vector256.Create(x))[0] - Math.Log(x)) <= 2.3e-16, x.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Objective_ScalarPath_AgreesWithTheVectorPath()
    {
        // The fallback for machines without 256-bit vectors (arm64, a baseline native build) computes the same objective and
        // gradient from Math.Exp/Math.Log: equal to 1e-12 relative at a point near Besiroglu et al.'s optimum and at a grid start.
        ScalingDataset data = ScalingCsv.ReadFile(ScalingFitTests.DataPath()).DropHighestLoss(5);
        var objective = new HuberLogObjective(data.Rows, 1e-3);
        foreach (double[] x in new[] { new[] { 6.18, 7.64, 0.6, 0.348, 0.366 }, new[] { 5.0, 10.0, -0.5, 0.5, 1.0 } })
        {
            double[] gv = new double[5], gs = new double[5];
            double fv = objective.Evaluate(x, gv), fs = objective.EvaluateScalar(x, gs);
            Assert.Equal(1, fs / fv, 1e-12);
            for (int k = 0; k < 5; k++)
            {
                Assert.True(Math.Abs(gs[k] - gv[k]) <= 1e-12 * Math.Max(1, Math.Abs(gv[k])), $"gradient[{k}]: {gs[k]:R} vs {gv[k]:R}");
            }
        }
    }
}

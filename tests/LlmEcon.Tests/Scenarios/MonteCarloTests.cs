using LlmEcon.Scenarios;
using MathNet.Numerics.Distributions;
using Xunit;

namespace LlmEcon.Tests.Scenarios;

/// <summary>Seeded Monte Carlo against closed forms: means and variances within a few standard errors, exact percentiles, determinism.</summary>
public class MonteCarloTests
{
    /// <summary>A model written as a function of its inputs (refusing where it returns NaN).</summary>
    private sealed class Fn(string[] inputs, string[] outputs, Func<double[], double[]> f) : IModel
    {
        public IReadOnlyList<string> Inputs => inputs;

        public IReadOnlyList<string> Outputs => outputs;

        public bool Evaluate(ReadOnlySpan<double> x, Span<double> y)
        {
            double[] r = f(x.ToArray());
            r.CopyTo(y);
            return r.All(double.IsFinite);
        }
    }

    private static Distribution D(string text, double low = double.MinValue, double high = double.MaxValue) =>
        Distribution.Parse(text, "x", double.Parse, low, high);

    [Fact]
    public void AUniformInput_ThroughALinearModel_HasTheClosedFormMeanAndVariance()
    {
        // y = 3x + 2, x ~ U(20, 40): E[y] = 3 × 30 + 2 = 92; Var[y] = 9 × (40 − 20)² / 12 = 300
        var model = new Fn(["x"], ["y"], x => [3 * x[0] + 2]);
        MonteCarloResult r = MonteCarlo.Run(model, [D("uniform(20,40)")], new MonteCarloOptions(1_000_000, 1));
        OutputSummary y = r.Outputs[0];
        double se = Math.Sqrt(300.0 / 1_000_000); // standard error of the mean: 0.0173
        Assert.InRange(y.Mean, 92 - 4 * se, 92 + 4 * se);
        // the variance's standard error for a uniform: Var × √((κ − 1)/n), κ = 9/5 → 300 × √(0.8/1e6) = 0.268
        Assert.InRange(y.StandardDeviation * y.StandardDeviation, 300 - 5 * 0.268, 300 + 5 * 0.268);
        // percentiles of U(20, 40) through y: 3 × (20 + 20p) + 2 → p5 = 3 × 21 + 2 = 65, p50 92, p95 = 3 × 39 + 2 = 119
        // (a quantile's standard error here: 60 × √(p(1 − p)/n) ≤ 0.03)
        Assert.InRange(y.P5, 64.85, 65.15);
        Assert.InRange(y.P50, 91.85, 92.15);
        Assert.InRange(y.P95, 118.85, 119.15);
        Assert.Equal(0, r.Refused);
        Assert.Equal(1_000_000, y.Histogram.Sum());
    }

    [Theory]
    [InlineData("uniform(20,40)")]
    [InlineData("triangular(60,75,85)")]
    [InlineData("normal(1000,200)")]
    [InlineData("lognormal(2.5,0.5)")]
    [InlineData("pert(1,2,6)")]
    [InlineData("choice(5,10,20)")]
    public void EachShape_SamplesItsClosedFormMeanAndVariance(string text)
    {
        Distribution d = D(text);
        var model = new Fn(["x"], ["x"], x => [x[0]]);
        OutputSummary s = MonteCarlo.Run(model, [d], new MonteCarloOptions(1_000_000, 7)).Outputs[0];
        double se = Math.Sqrt(d.Variance / 1_000_000);
        Assert.InRange(s.Mean, d.Mean - 5 * se, d.Mean + 5 * se);
        Assert.InRange(s.StandardDeviation * s.StandardDeviation / d.Variance, 0.99, 1.01);
    }

    [Fact]
    public void TheClosedForms_AgreeWithMathNet()
    {
        // MathNet.Numerics' own distributions: an independent statement of the same means and variances
        Assert.Equal(new Triangular(60, 85, 75).Mean, D("triangular(60,75,85)").Mean, 12);
        Assert.Equal(new Triangular(60, 85, 75).Variance, D("triangular(60,75,85)").Variance, 10);
        Assert.Equal(new ContinuousUniform(20, 40).Variance, D("uniform(20,40)").Variance, 12);
        // PERT(1, 2, 6) is 1 + 5 × Beta(1 + 4 × 1/5, 1 + 4 × 4/5) = 1 + 5 × Beta(1.8, 4.2)
        var beta = new Beta(1.8, 4.2);
        Assert.Equal(1 + 5 * beta.Mean, D("pert(1,2,6)").Mean, 12);
        Assert.Equal(25 * beta.Variance, D("pert(1,2,6)").Variance, 12);
        // lognormal(2.5, 0.5) as the value's mean and sd: MathNet's LogNormal.WithMeanVariance
        var log = LogNormal.WithMeanVariance(2.5, 0.25);
        Assert.Equal(log.Mean, D("lognormal(2.5,0.5)").Mean, 12);
        Assert.Equal(log.Variance, D("lognormal(2.5,0.5)").Variance, 10);
    }

    [Theory]
    [InlineData(4.0, 1)] // the windows around the pilot's percentiles hold the ranks: one pass
    [InlineData(-1.0, 2)] // no windows: passes narrow each rank by histograms until few values are left, then select it
    public void Percentiles_AreExactOrderStatistics_WhenTheSamplesAreNotKept(double window, int passes)
    {
        // 2.5M samples × 2 columns (output and input) exceed the 4M kept whole. The reference draws the same streams (chunk c of
        // MonteCarlo.ChunkSize samples from stream c × 2^16 + input of the seed, Distribution.Fill) and interpolates numpy's way, at rank (n − 1)p.
        const long N = 2_500_000;
        Distribution d = D("normal(1000,200)");
        var model = new Fn(["x"], ["y"], x => [x[0] * x[0]]);
        MonteCarloResult r = MonteCarlo.Run(model, [d], new MonteCarloOptions(N, 3) { WindowStandardErrors = window });
        Assert.True(passes == 1 ? r.Passes == 1 : r.Passes >= 2);
        var all = new double[N];
        for (long c = 0; c * MonteCarlo.ChunkSize < N; c++)
        {
            long start = c * MonteCarlo.ChunkSize;
            Span<double> chunk = all.AsSpan((int)start, (int)Math.Min(MonteCarlo.ChunkSize, N - start));
            d.Fill(3, (ulong)c << 16, chunk); // input 0 of chunk c
            foreach (ref double x in chunk)
            {
                x *= x;
            }
        }

        Array.Sort(all);
        double Percentile(double p)
        {
            double at = (N - 1) * p;
            long lo = (long)Math.Floor(at);
            return all[lo] + (at - lo) * (all[lo + 1] - all[lo]);
        }

        Assert.Equal(Percentile(0.05), r.Outputs[0].P5);
        Assert.Equal(Percentile(0.50), r.Outputs[0].P50);
        Assert.Equal(Percentile(0.95), r.Outputs[0].P95);
        Assert.Equal(all[0], r.Outputs[0].Min);
        Assert.Equal(all[^1], r.Outputs[0].Max);

        // the histogram: 20 equal bins from its low edge to its high edge (values beyond an edge in the end bin), each count the sorted
        // values between its edges; a value within 1e-9 of the range from an inner edge may fall either side of it (rounding)
        OutputSummary y = r.Outputs[0];
        double width = (y.HistogramHigh - y.HistogramLow) / MonteCarlo.HistogramBins;
        for (int b = 0; b < MonteCarlo.HistogramBins; b++)
        {
            double from = b == 0 ? double.NegativeInfinity : y.HistogramLow + b * width;
            double to = b == MonteCarlo.HistogramBins - 1 ? double.PositiveInfinity : y.HistogramLow + (b + 1) * width;
            long count = all.LongCount(x => x >= from && x < to);
            long nearEdge = all.LongCount(x => Math.Abs(x - from) < 1e-9 * width * 20 || Math.Abs(x - to) < 1e-9 * width * 20);
            Assert.InRange(y.Histogram[b], count - nearEdge, count + nearEdge);
        }

        Assert.Equal(N, y.Histogram.Sum());
    }

    [Fact]
    public void TheSameSeed_GivesTheSameNumbers_OnOneThreadOrTwo()
    {
        var model = new Fn(["a", "b"], ["y"], x => [x[0] * x[1]]);
        Distribution[] inputs = [D("uniform(0.2,0.4)"), D("choice(5,10,20)")];
        MonteCarloResult one = MonteCarlo.Run(model, inputs, new MonteCarloOptions(300_000, 42, Threads: 1));
        MonteCarloResult two = MonteCarlo.Run(model, inputs, new MonteCarloOptions(300_000, 42, Threads: 2));
        MonteCarloResult other = MonteCarlo.Run(model, inputs, new MonteCarloOptions(300_000, 43, Threads: 2));
        OutputSummary a = one.Outputs[0], b = two.Outputs[0];
        Assert.Equal((a.Mean, a.StandardDeviation, a.P5, a.P50, a.P95), (b.Mean, b.StandardDeviation, b.P5, b.P50, b.P95));
        Assert.Equal(a.Histogram, b.Histogram);
        Assert.NotEqual(a.Mean, other.Outputs[0].Mean);
    }

    [Fact]
    public void RefusedSamples_AreCounted_AndLeftOut()
    {
        // refused when x > 30 on U(20, 40): half the samples; the rest are U(20, 30), mean 25
        var model = new Fn(["x"], ["y"], x => [x[0] > 30 ? double.NaN : x[0]]);
        MonteCarloResult r = MonteCarlo.Run(model, [D("uniform(20,40)")], new MonteCarloOptions(200_000, 1));
        Assert.InRange(r.Refused, 99_000, 101_000);
        Assert.InRange(r.Outputs[0].Mean, 24.95, 25.05);
    }

    [Fact]
    public void ADrawOutsideTheInputsRange_IsDrawnAgain()
    {
        // normal(0.3, 0.2) truncated to [0, 1): no sample below 0
        Distribution d = Distribution.Parse("normal(0.3,0.2)", "--cache-hit-rate", double.Parse, 0, 1, highOpen: true);
        var model = new Fn(["x"], ["x"], x => [x[0]]);
        OutputSummary s = MonteCarlo.Run(model, [d], new MonteCarloOptions(100_000, 1)).Outputs[0];
        Assert.True(s.Min >= 0);
        Assert.True(s.Max < 1);
    }

    [Theory]
    [InlineData("uniform(40,20)", "x must be uniform(a,b) with a below b; got 'uniform(40,20)'.")]
    [InlineData("triangular(1,5,3)", "x must be triangular(lo,mode,hi) with lo ≤ mode ≤ hi and lo below hi; got 'triangular(1,5,3)'.")]
    [InlineData("normal(1,0)", "x must be normal(mean,sd) with sd above 0; got 'normal(1,0)'.")]
    [InlineData("normal(1)", "x must be normal(mean,sd) with 2 values; got 'normal(1)'.")]
    [InlineData("choice()", "x must be choice(v1,v2,…) with one or more values; got 'choice()'.")]
    [InlineData("unifrom(1,2)", "x must be a distribution uniform(a,b), triangular(lo,mode,hi), normal(mean,sd), lognormal(mean,sd), pert(lo,mode,hi) or choice(v1,v2,…); got 'unifrom(1,2)'. Did you mean 'uniform'?")]
    [InlineData("uniform(0.5,1.5)", "x must be a distribution inside its range [0, 1]; got 'uniform(0.5,1.5)' (1.5 is outside).")]
    public void ABadDistribution_IsOneSentence(string text, string message)
    {
        var e = Assert.Throws<InputException>(() => Distribution.Parse(text, "x", double.Parse, 0, 1));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void TheTornado_RanksInputsBySwing()
    {
        // y = 2a + 5b: a over [0, 10] swings y by 20; b over [1, 2] by 5; z = a − b
        var model = new Fn(["a", "b"], ["y", "z"], x => [2 * x[0] + 5 * x[1], x[0] - x[1]]);
        IReadOnlyList<TornadoBar> bars = Tornado.Run(model, [new SwungInput("a", 5, 0, 10), new SwungInput("b", 1.5, 1, 2)]);
        Assert.Equal(["a", "b", "a", "b"], bars.Select(b => b.Input));
        Assert.Equal(["y", "y", "z", "z"], bars.Select(b => b.Output));
        Assert.Equal(20, bars[0].Swing, 12);
        Assert.Equal(5, bars[1].Swing, 12);
        Assert.Equal(17.5, bars[0].Base, 12); // 2 × 5 + 5 × 1.5
        Assert.Equal((7.5, 27.5), (bars[0].AtLow, bars[0].AtHigh));
    }
}

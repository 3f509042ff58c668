using System.Text.Json;

namespace LlmEcon.Cli.Tests;

/// <summary>Monte Carlo and the tornado from the command line: the issue's example, closed forms, the kernel beside the command.</summary>
public class MonteCarloCliTests
{
    private static JsonElement Output(JsonDocument doc, string name) =>
        doc.RootElement.GetProperty("monteCarlo").EnumerateArray().Single(o => o.GetProperty("output").GetString() == name);

    [Fact]
    public void TheIssuesExample_RunsAsWritten_AndMatchesTheClosedFormMean()
    {
        var (code, output, _) = Cli.Run("search", "--architecture", "two-stage", "--cache-hit-rate", "uniform(20%,40%)",
            "--gross-margin", "triangular(60%,75%,85%)", "--result-words", "normal(1000,200)", "--links", "choice(5,10,20)",
            "--samples", "10M", "--seed", "1", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        JsonElement cost = Output(doc, "costPerQueryUsd");
        // eqs. 2–3 with independent inputs: E[cost] = E[revenue] × E[1 − h] × E[1 − m], revenue = (50 + (W + 400) × K) × (1000/750) × $0.02/1000
        // E[(W + 400) K] = 1400 × 35/3 = 16,333.33; E[revenue] = 16,383.33 × 2.6667e-5 = 0.4368889; E[1 − h] = 0.7; E[1 − m] = 1 − 2.2/3
        double expected = (50 + 1400 * 35.0 / 3) * (1000.0 / 750) * (0.02 / 1000) * 0.7 * (1 - 2.2 / 3); // 0.0815526
        double se = cost.GetProperty("sd").GetDouble() / Math.Sqrt(1e7);
        Assert.InRange(cost.GetProperty("mean").GetDouble(), expected - 5 * se, expected + 5 * se);
        Assert.True(cost.GetProperty("p5").GetDouble() < cost.GetProperty("p50").GetDouble());
        Assert.True(cost.GetProperty("p50").GetDouble() < cost.GetProperty("p95").GetDouble());
        Assert.Equal(10_000_000L, cost.GetProperty("histogram").EnumerateArray().Sum(c => c.GetInt64()));
        Assert.Contains("the formula kernel", doc.RootElement.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);

        // the cache hit rate as sampled, U(20%, 40%): its histogram's edges in JSON too, around every draw, its counts all 10M draws
        JsonElement h = doc.RootElement.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("input").GetString() == "--cache-hit-rate");
        Assert.True(h.GetProperty("histogramLow").GetDouble() <= 0.2 && h.GetProperty("histogramHigh").GetDouble() >= 0.4);
        Assert.Equal(10_000_000L, h.GetProperty("histogram").EnumerateArray().Sum(c => c.GetInt64()));
    }

    [Fact]
    public void AUniformPrice_ThroughEq7_HasTheClosedFormMeanAndVariance()
    {
        // eq. 7 is linear in the price: cost/1K = 2 × 175e9 × 1000 / (8 × 312e12 × 0.213) / 3600 × price = c × price, c = 1.8287e-4 h;
        // price ~ U($10, $30): E = c × 20, Var = c² × 20² / 12
        double c = 2 * 175e9 * 1000 / (8 * 312e12 * 0.213) / 3600;
        var (code, output, _) = Cli.Run("inference", "--params", "175B", "--peak-flops", "312T", "--chips-per-machine", "8", "--mfu", "21.3%",
            "--machine-price-per-hour", "uniform($10,$30)", "--samples", "1M", "--seed", "7", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        JsonElement cost = Output(doc, "costPer1kTokensUsd");
        double sd = c * 20 / Math.Sqrt(12);
        Assert.InRange(cost.GetProperty("mean").GetDouble(), c * 20 - 5 * sd / 1000, c * 20 + 5 * sd / 1000);
        Assert.InRange(cost.GetProperty("sd").GetDouble() / sd, 0.995, 1.005);
        // percentiles of the uniform through the line: c × (10 + 20p)
        Assert.InRange(cost.GetProperty("p5").GetDouble() / (c * 11), 0.998, 1.002);
        Assert.InRange(cost.GetProperty("p95").GetDouble() / (c * 29), 0.998, 1.002);
        Assert.Contains("the formula kernel", doc.RootElement.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search --architecture both", "--cache-hit-rate uniform(0%,90%)|--gross-margin uniform(10%,80%)|--links choice(1,5,30)|--response-words normal(400,100)|--price-per-1k-tokens uniform($0.001,$0.05)|--words-per-1k-tokens uniform(500,900)|--in-house-divisor uniform(1,3)")]
    [InlineData("train --offer gcp-tpu-v4-1yr", "--mfu uniform(10%,90%)|--params uniform(1B,1T)|--tokens lognormal(1T,300B)|--price-per-chip-hour uniform($1,$4)")]
    [InlineData("inference --params 70B --chip h100-sxm --chips-per-machine 8", "--mfu uniform(10%,90%)|--price-per-chip-hour uniform($1,$4)|--peak-flops uniform(100T,2P)")]
    public void TheKernel_AndTheCommandRunPerEvaluation_GiveTheSameNumbers(string fixedWords, string uncertain)
    {
        // 200 points drawn from the distributions: every output of the formula kernel equals the command's own JSON to 1e-12
        Commands.LlmEconCommand command = LlmEconApp.Commands.Single(c => fixedWords.StartsWith(c.Path + " ", StringComparison.Ordinal));
        string[] parts = fixedWords[(command.Path.Length + 1)..].Split(' ');
        Uncertain[] inputs = [.. uncertain.Split('|').Select(u => u.Split(' ')).Select(u =>
            Uncertain.Parse(u[0], (Options.INumericOpt)command.Options.Single(o => o.Name == u[0]), u[1]))];
        var generic = new CommandModel(command, [.. parts], [.. inputs.Select(i => new Varied(i.Flag, i.Numeric))]);
        double[] at = [.. inputs.Select(i => i.Distribution.Base)];
        IReadOnlyDictionary<string, double> baseOutputs = generic.Start(at);
        Options.Args a = LlmEconApp.Bind(command, [.. generic.Words(at)]);
        Scenarios.IModel kernel = command.Kernel(a, Commands.LlmEconCommand.CatalogOf(a), [.. inputs.Select(i => i.Flag)], baseOutputs)!;
        Assert.NotNull(kernel);
        Assert.Equal(generic.Outputs, kernel.Outputs);
        var rng = new Scenarios.Rng(5, 0);
        for (int p = 0; p < 200; p++)
        {
            double[] x = [.. inputs.Select(i => i.Distribution.Sample(ref rng))];
            double[] y1 = new double[generic.Outputs.Count], y2 = new double[generic.Outputs.Count];
            Assert.Equal(generic.Evaluate(x, y1), kernel.Evaluate(x, y2));
            for (int j = 0; j < y1.Length; j++)
            {
                Assert.True(Math.Abs(y1[j] - y2[j]) <= 1e-12 * Math.Abs(y1[j]), $"{generic.Outputs[j]}: command {y1[j]}, kernel {y2[j]} at {string.Join(", ", x)}");
            }
        }

        // a block of 203 samples (not a whole number of 4-lane groups), sample 6's first input (a fraction) 1e300: the kernel's block
        // refuses exactly the samples the command refuses and gives every other sample's outputs as the command does
        const int n = 203;
        int outputs = generic.Outputs.Count;
        var block = new double[(outputs + inputs.Length) * n];
        var points = new double[n][];
        for (int i = 0; i < n; i++)
        {
            points[i] = [.. inputs.Select(u => u.Distribution.Sample(ref rng))];
            if (i == 6)
            {
                points[i][0] = 1e300;
            }

            for (int k = 0; k < inputs.Length; k++)
            {
                block[((outputs + k) * n) + i] = points[i][k];
            }
        }

        var refused = new bool[n];
        kernel.EvaluateBlock(block, n, n, refused);
        Assert.True(refused[6]);
        for (int i = 0; i < n; i++)
        {
            double[] y = new double[outputs];
            Assert.Equal(!generic.Evaluate(points[i], y), refused[i]);
            for (int j = 0; j < outputs && !refused[i]; j++)
            {
                double b = block[(j * n) + i];
                Assert.True(Math.Abs(y[j] - b) <= 1e-12 * Math.Abs(y[j]), $"sample {i}, {generic.Outputs[j]}: command {y[j]}, kernel's block {b}");
            }
        }
    }

    [Fact]
    public void ACommandRunPerSample_GivesTheSameOutput_WhateverTheThreads()
    {
        // serve has no formula kernel: each sample is a whole run of the command, the samples of a chunk spread over the cores;
        // two runs (different interleavings of the same samples) print the same bytes
        string[] run = ["serve", "--model", "llama-3-8b", "--chip", "h100-sxm", "--batch", "8", "--input-tokens", "1000",
            "--output-tokens", "uniform(100,1000)", "--price-per-chip-hour", "uniform($2,$4)", "--samples", "3000", "--seed", "4", "--format", "json"];
        var (code, first, _) = Cli.Run(run);
        var (_, second, _) = Cli.Run(run);
        Assert.Equal(0, code);
        Assert.Contains("\"tpotSeconds\"", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public void TheSameSeed_GivesTheSameOutput()
    {
        string[] run = ["search", "--cache-hit-rate", "pert(10%,30%,60%)", "--links", "lognormal(10,3)", "--samples", "50000", "--seed", "9", "--format", "json"];
        var (_, first, _) = Cli.Run(run);
        var (_, second, _) = Cli.Run(run);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(new[] { "train", "--params", "175B", "--tokens", "300B", "--peak-flops", "312T", "--price-per-chip-hour", "$2", "--mfu", "uniform(50%,150%)" },
        "Error: --mfu must be a fraction in [1e-6, 1] (0.0001% to 100%); got 1.5 ('150%').\n")]
    [InlineData(new[] { "search", "--samples", "1000" },
        "Error: --samples must be given with an input as a distribution (e.g. --mfu 'uniform(20%,40%)'); got --samples 1000.\n")]
    [InlineData(new[] { "search", "--links", "choise(5,10)" },
        "Error: --links must be a distribution uniform(a,b), triangular(lo,mode,hi), normal(mean,sd), lognormal(mean,sd), pert(lo,mode,hi) or choice(v1,v2,…); got 'choise(5,10)'. Did you mean 'choice'?\n")]
    public void BadUncertainty_IsOneSentence(string[] args, string error)
    {
        var (code, output, stderr) = Cli.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal(error, stderr);
    }

    [Fact]
    public void TheTornado_RanksMfuAboveTheLinearInputs()
    {
        // eq. 8: cost ∝ N × D × price / (peak × MFU). ±20%: N, D and the price each swing the cost by 0.4 × base; the MFU and the
        // peak by base × (1/0.8 − 1/1.2) = 0.41667 × base: they rank first
        var (code, output, _) = Cli.Run("train", "--params", "175B", "--tokens", "300B", "--peak-flops", "312T", "--price-per-chip-hour", "$2",
            "--mfu", "40%", "--swing", "20%", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        JsonElement[] cost = [.. doc.RootElement.GetProperty("tornado").EnumerateArray().Where(b => b.GetProperty("output").GetString() == "costUsd")];
        Assert.Equal(["--mfu", "--peak-flops"], cost[..2].Select(c => c.GetProperty("input").GetString()).Order());
        double b = cost[0].GetProperty("base").GetDouble();
        // base: 6 × 175e9 × 300e9 / (312e12 × 0.4) / 3600 × $2
        Assert.Equal(6 * 175e9 * 300e9 / (312e12 * 0.4) / 3600 * 2, b, 6);
        Assert.All(cost[..2], c => Assert.Equal(b * (1 / 0.8 - 1 / 1.2), c.GetProperty("swing").GetDouble(), 6));
        Assert.All(cost[2..], c => Assert.Equal(0.4 * b, c.GetProperty("swing").GetDouble(), 6));
    }

    [Fact]
    public void TheTornado_OverDistributions_SwingsEachOverItsRange()
    {
        // two-stage search: cost ∝ (1 − h); h over uniform(20%,40%) swings the cost from 0.8/0.7 to 0.6/0.7 of base (h at 30%)
        var (code, output, _) = Cli.Run("search", "--architecture", "two-stage", "--cache-hit-rate", "uniform(20%,40%)", "--links", "choice(5,10,20)",
            "--tornado", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        JsonElement hit = doc.RootElement.GetProperty("tornado").EnumerateArray()
            .Single(b => b.GetProperty("output").GetString() == "costPerQueryUsd" && b.GetProperty("input").GetString() == "--cache-hit-rate");
        double b0 = hit.GetProperty("base").GetDouble();
        Assert.Equal(b0 * 0.8 / 0.7, hit.GetProperty("atLow").GetDouble(), 10);
        Assert.Equal(b0 * 0.6 / 0.7, hit.GetProperty("atHigh").GetDouble(), 10);
    }
}

/// <summary>The charts of a Monte Carlo and a tornado: PNG and SVG of the first output asked for.</summary>
public sealed class UncertaintyChartTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("llmecon-uncertainty-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheMonteCarlosHistogram_AndTheTornado_AreImages()
    {
        string mc = Path.Combine(_dir, "mc.png"), tornado = Path.Combine(_dir, "tornado.png");
        Cli.Ok("search", "--architecture", "two-stage", "--cache-hit-rate", "uniform(20%,40%)", "--samples", "20000", "--seed", "1",
            "--outputs", "costPerQueryUsd", "--format", "png", "--out", mc);
        Cli.Ok("train", "--params", "175B", "--tokens", "300B", "--peak-flops", "312T", "--price-per-chip-hour", "$2", "--mfu", "40%",
            "--swing", "20%", "--outputs", "costUsd", "--format", "png", "--out", tornado);
        foreach (string file in new[] { mc, tornado })
        {
            using SkiaSharp.SKBitmap bitmap = SkiaSharp.SKBitmap.Decode(File.ReadAllBytes(file));
            Assert.Equal((800, 520), (bitmap.Width, bitmap.Height));
            Assert.True(bitmap.Pixels.Distinct().Count() > 10, "an image of fewer than 10 colours");
        }

        string svg = Cli.Ok("train", "--params", "175B", "--tokens", "300B", "--peak-flops", "312T", "--price-per-chip-hour", "$2", "--mfu", "40%",
            "--swing", "20%", "--outputs", "costUsd", "--format", "svg");
        Assert.Contains("Tornado: costUsd", svg, StringComparison.Ordinal);
        Assert.Contains("--mfu", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOutputTheCommandDoesNotHave_IsOneSentence()
    {
        var (code, _, error) = Cli.Run("train", "--params", "175B", "--tokens", "300B", "--peak-flops", "312T", "--price-per-chip-hour", "$2",
            "--mfu", "40%", "--swing", "20%", "--outputs", "costUSD");
        Assert.Equal(2, code);
        Assert.StartsWith("Error: --outputs must be outputs of llmecon train; got 'costUSD'. Did you mean 'costUsd'?", error, StringComparison.Ordinal);
    }
}

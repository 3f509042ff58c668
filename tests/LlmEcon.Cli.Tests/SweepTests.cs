using System.Globalization;
using System.Text.Json;

namespace LlmEcon.Cli.Tests;

/// <summary>Sweeps and grids: a numeric option given A..B:STEP runs the command at every value.</summary>
public class SweepCliTests
{
    [Fact]
    public void MfuSweep_GivesTheArticlesCost_ScaledByTheMfu()
    {
        // Sun 2023 §4: GPT-3 on TPU v4 at 46.2% MFU costs $1,398,071.63 (printed $1,398,072); cost ∝ 1 / MFU
        var (code, output, _) = Cli.Run("train", "--model", "gpt-3", "--offer", "gcp-tpu-v4-1yr", "--mfu", "20%..60%:10%");
        Assert.Equal(0, code);
        string[] lines = output.TrimEnd('\n').Split('\n');
        string[] header = lines[0].Split(',');
        int mfu = Array.IndexOf(header, "--mfu"), cost = Array.IndexOf(header, "costUsd");
        Assert.Equal(5 + 1, lines.Length);
        foreach (string line in lines[1..])
        {
            string[] cells = line.Split(',');
            double m = double.Parse(cells[mfu], CultureInfo.InvariantCulture);
            Assert.Equal(1_398_071.6253443528 * 0.462 / m, double.Parse(cells[cost], CultureInfo.InvariantCulture), 3);
        }

        Assert.Equal(["0.2", "0.3", "0.4", "0.5", "0.6"], lines[1..].Select(l => l.Split(',')[mfu]));
    }

    [Fact]
    public void TwoRanges_MakeAGrid_AsJsonLines()
    {
        // 0%, 30%, 60%, 90% × 5, 10, 20 links × both architectures: 4 × 3 × 2 = 24 lines
        var (code, output, _) = Cli.Run("search", "--cache-hit-rate", "0%..90%:30%", "--links", "5..20:x2", "--format", "json");
        Assert.Equal(0, code);
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(24, lines.Length);
        foreach (string line in lines)
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            Assert.True(doc.RootElement.TryGetProperty("--links", out _));
            Assert.True(doc.RootElement.TryGetProperty("costPerQueryUsd", out _));
        }
    }

    [Fact]
    public void Log10_IsThePowersOfTen()
    {
        var (code, output, _) = Cli.Run("inference", "--params", "1B..1T:log10", "--offer", "aws-p4d-1yr", "--mfu", "21.3%");
        Assert.Equal(0, code);
        Assert.Equal(["1000000000", "10000000000", "100000000000", "1000000000000"], output.TrimEnd('\n').Split('\n')[1..].Select(l => l.Split(',')[0]));
    }

    [Theory]
    [InlineData("inference --params 1B..1T --offer aws-p4d-1yr --mfu 21.3%", "Error: --params must be a range A..B:STEP, A..B:xFACTOR or A..B:log10 in the option's units (20%..60%:5%, 1B..1T:log10); got '1B..1T'. A range needs its step after ':'.")]
    [InlineData("inference --params 1T..1B:log10 --offer aws-p4d-1yr --mfu 21.3%", "Error: --params must be a range from the smaller end to the larger; got '1T..1B:log10'.")]
    [InlineData("train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 20%..60%:10% --out x.csv", "Error: --out must be left out of a sweep (it streams to standard output); got --out x.csv.")]
    [InlineData("inference --params 1..1e15:1 --offer aws-p4d-1yr --mfu 21.3%", "Error: --params must be a range of at most 1,000,000 points; got '1..1e15:1'.")]
    public void BadSweep_IsOneSentence(string commandLine, string expected)
    {
        var (code, output, error) = Cli.Run(commandLine.Split(' '));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal(expected + "\n", error);
    }
}

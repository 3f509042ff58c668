using System.Globalization;
using System.Text.Json;

namespace LlmEcon.Cli.Tests;

/// <summary>--solve INPUT --target OUTPUT=VALUE on the tool's commands, against the commands' own closed forms.</summary>
public class GoalSeekCliTests
{
    private static double Json(string key, params string[] args) =>
        JsonDocument.Parse(Cli.Ok([.. args, "--format", "json"])).RootElement.EnumerateObject().First().Value is var v && v.ValueKind == JsonValueKind.Array
            ? v[0].GetProperty(key).GetDouble() : v.GetProperty(key).GetDouble();

    [Fact]
    public void CacheHitRate_AtWhichTwoStageSearchCostsItsRevenue()
    {
        // eq. 3: cost = revenue_api × (1 − h) × (1 − margin), so cost(h) = cost(0) × (1 − h): h = 1 − 0.0476 / cost(0)
        double atZero = Json("costPerQueryUsd", "search", "--architecture", "two-stage", "--cache-hit-rate", "0");
        double expected = 1 - 0.0476 / atZero;
        var (code, output, error) = Cli.Run("search", "--architecture", "two-stage", "--solve", "cache-hit-rate", "--target", "costPerQueryUsd=0.0476", "--format", "json");
        Assert.Equal(0, code);
        JsonElement row = JsonDocument.Parse(output).RootElement.GetProperty("search")[0];
        Assert.Equal(0.0476, row.GetProperty("costPerQueryUsd").GetDouble(), 9);
        double solved = double.Parse(error.Split("--cache-hit-rate ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.Equal(expected, solved, 9);
        Assert.StartsWith("Solved: --cache-hit-rate ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Mfu_AtWhichGpt3OnH100CostsOneMillion()
    {
        // eq. 8: cost ∝ 1 / MFU, so MFU = cost(MFU 100%) / $1M
        double atFull = Json("costUsd", "train", "--model", "gpt-3", "--chip", "h100-sxm", "--price-per-chip-hour", "$2.50", "--mfu", "1");
        var (code, output, _) = Cli.Run("train", "--model", "gpt-3", "--chip", "h100-sxm", "--price-per-chip-hour", "$2.50", "--solve", "mfu", "--target", "costUsd=1e6", "--format", "json");
        Assert.Equal(0, code);
        JsonElement training = JsonDocument.Parse(output).RootElement.GetProperty("training");
        Assert.Equal(atFull / 1e6, training.GetProperty("mfu").GetDouble(), 9);
        Assert.Equal(1e6, training.GetProperty("costUsd").GetDouble(), 3);
    }

    [Theory]
    [InlineData("search --solve links --target costPerQuery=1", "Error: --target must be a numeric key of llmecon search's JSON output; got 'costPerQuery'. Did you mean 'costPerQueryUsd'?")]
    [InlineData("search --solve links --target costPerQueryUsd=1", "Error: --target must be a key the output has once; got 'costPerQueryUsd', 2 times. Narrow the output (an option such as --architecture, or --table).")]
    [InlineData("search --architecture two-stage --solve link --target costPerQueryUsd=1", "Error: --solve must be a numeric option of llmecon search; got 'link'. Did you mean 'links'?")]
    [InlineData("search --architecture two-stage --solve links --target costPerQueryUsd=abc", "Error: --target must be KEY=VALUE with a finite number (e.g. costUsd=1e6); got 'costPerQueryUsd=abc'.")]
    [InlineData("search --architecture two-stage --solve links", "Error: --target must be given with --solve (KEY=VALUE: an output and the value it must reach); got nothing. E.g. --target costUsd=1000000.")]
    [InlineData("train --model gpt-3 --chip h100-sxm --price-per-chip-hour $2.50 --solve mfu --target costUsd=1", "Error: --mfu must be a value in [1E-06, 1] at which costUsd = 1; got none. Over that range costUsd goes from 221100 to 221100000000.")]
    // the last: GPT-3 at 100% MFU on H100 costs 6 × 175e9 × 300e9 / 989.4e12 FLOP/s / 3600 s/h × $2.50 = $221,093 (221,100 at four
    // digits), at the lowest MFU 1e-6 a million times that: no MFU gives $1
    public void BadGoalSeek_IsOneSentence(string commandLine, string expected)
    {
        var (code, output, error) = Cli.Run(commandLine.Split(' '));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal(expected + "\n", error);
    }
}

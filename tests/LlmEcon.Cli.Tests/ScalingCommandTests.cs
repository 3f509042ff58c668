using LlmEcon.Catalog;
using LlmEcon.Scaling;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LlmEcon.Cli.Tests;

/// <summary>scaling fit and scaling plan from the command line.</summary>
public class ScalingCommandTests
{
    private static string Figure4([CallerFilePath] string caller = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", "data", "chinchilla-figure4.csv"));

    private static JsonElement Json(params string[] args) => JsonDocument.Parse(Cli.Ok([.. args, "--format", "json"])).RootElement.Clone();

    [Fact]
    public void Fit_Figure4_IsBesiroglusLaw_AndBeatsTheArticleOnItsOwnRuns()
    {
        // Besiroglu et al. (2024), table 1: E 1.82 (0.03), α 0.3478 (0.02), β 0.3658 (0.02) on these 240 runs.
        JsonElement root = Json("scaling", "fit", Figure4(), "--drop-highest", "5");
        JsonElement fit = root.GetProperty("fit");
        Assert.InRange(fit.GetProperty("e").GetDouble(), 1.79, 1.85);
        Assert.InRange(fit.GetProperty("alpha").GetDouble(), 0.3278, 0.3678);
        Assert.InRange(fit.GetProperty("beta").GetDouble(), 0.3458, 0.3858);
        Assert.Equal(240, fit.GetProperty("rows").GetDouble());
        Assert.Equal(4500, fit.GetProperty("starts").GetDouble());
        // At Chinchilla's budget the fitted law allocates about 20 tokens per parameter (Chinchilla: 70B on 1.4T), the article's
        // rounded law over 90: the bias Besiroglu et al. attribute to the rounding.
        JsonElement optimal = root.GetProperty("optimal");
        Assert.InRange(optimal[0].GetProperty("tokensPerParameter").GetDouble(), 10, 30);
        Assert.True(optimal[1].GetProperty("tokensPerParameter").GetDouble() > 80);
    }

    [Fact]
    public void Fit_Bootstrap_ReportsIntervals_AndProgressOnStderr()
    {
        var (code, output, error) = Cli.Run("scaling", "fit", Figure4(), "--drop-highest", "5", "--bootstrap", "100", "--seed", "3", "--format", "json");
        Assert.Equal(0, code);
        string[] lines = [.. error.TrimEnd('\n').Split('\n').Where(l => l.StartsWith("bootstrap:", StringComparison.Ordinal))];
        Assert.Equal(Enumerable.Range(1, 10).Select(k => $"bootstrap: {10 * k}/100 resamples"), lines); // in order, a tenth at a time
        Assert.Equal("", Cli.WithoutProgress(error));
        JsonElement b = JsonDocument.Parse(output).RootElement.GetProperty("bootstrap");
        Assert.Equal(["E", "A", "B", "alpha", "beta", "parameterExponent", "tokensPerParameter at 576e21 FLOP"],
            b.EnumerateArray().Select(r => r.GetProperty("quantity").GetString()));
        Assert.All(b.EnumerateArray(), r => Assert.True(r.GetProperty("low").GetDouble() <= r.GetProperty("estimate").GetDouble()
                                                        && r.GetProperty("estimate").GetDouble() <= r.GetProperty("high").GetDouble()));
        // Same seed, same intervals.
        var (_, again, _) = Cli.Run("scaling", "fit", Figure4(), "--drop-highest", "5", "--bootstrap", "100", "--seed", "3", "--format", "json");
        Assert.Equal(output, again);
    }

    [Fact]
    public void Fit_SaveLaw_WritesACatalogThatThePlanUses()
    {
        string path = Path.Combine(Path.GetTempPath(), $"llmecon-law-{Guid.NewGuid():N}.json");
        try
        {
            Cli.Ok("scaling", "fit", Figure4(), "--drop-highest", "5", "--save-law", path, "--law-id", "mine");
            JsonElement plan = Json("scaling", "plan", "--flops", "5.76e23", "--catalog", path, "--law", "mine", "--law", "besiroglu-2024").GetProperty("plans");
            Assert.Equal("mine", plan[0].GetProperty("law").GetString());
            // The refit and Besiroglu et al.'s published law agree on the compute-optimal size to within 5%.
            double mine = plan[0].GetProperty("parameters").GetDouble(), theirs = plan[1].GetProperty("parameters").GetDouble();
            Assert.InRange(mine / theirs, 0.95, 1.05);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fit_GridWithANegativeLow_IsRead()
    {
        // e from -2 to 1 by 0.5: 7 values; with the default 5 α × 5 β × 6 a × 6 b that is 5 × 5 × 7 × 6 × 6 = 6,300 starts.
        JsonElement fit = Json("scaling", "fit", Figure4(), "--drop-highest", "5", "--grid-e", "-2:1:0.5").GetProperty("fit");
        Assert.Equal(6300, fit.GetProperty("starts").GetDouble());
    }

    [Fact]
    public void Plan_Budget_SpendsIt()
    {
        // $10M at $2.03 per TPU v4 chip-hour, 275e12 FLOP/s × 46.2%: C = 1e7 / 2.03 × 275e12 × 0.462 × 3600.
        JsonElement p = Json("scaling", "plan", "--budget", "$10M", "--offer", "gcp-tpu-v4-1yr", "--mfu", "46.2%").GetProperty("plans")[0];
        double c = 1e7 / 2.03 * 275e12 * 0.462 * 3600;
        Assert.Equal(1, p.GetProperty("flops").GetDouble() / c, 1e-9);
        Assert.Equal(1e7, p.GetProperty("trainingCostUsd").GetDouble(), 1e-3);
        Assert.Equal(1, 6 * p.GetProperty("parameters").GetDouble() * p.GetProperty("tokens").GetDouble() / c, 1e-9);
    }

    [Fact]
    public void Plan_TargetLoss_ReachesIt_UnderEachLaw()
    {
        JsonElement plans = Json("scaling", "plan", "--target-loss", "2.0", "--law", "chinchilla-article,besiroglu-2024").GetProperty("plans");
        Assert.Equal(2, plans.GetArrayLength());
        // L(N, D) = E + A/N^α + B/D^β of each law, at the N and D the plan printed, is the target (computed here, not echoed)
        Assert.All(plans.EnumerateArray(), p =>
        {
            ScalingLaw law = LlmCatalog.BuiltIn.ScalingLaw(p.GetProperty("law").GetString()!);
            double n = p.GetProperty("parameters").GetDouble(), d = p.GetProperty("tokens").GetDouble();
            Assert.Equal(2.0, law.E + law.A / Math.Pow(n, law.Alpha) + law.B / Math.Pow(d, law.Beta), 1e-9);
        });
    }

    [Fact]
    public void Plan_TargetLoss_OnAnOffer_IsPriced()
    {
        // AWS p4d: $19.22 / 8 = $2.4025 per A100-hour at 312e12 FLOP/s × 40% MFU; cost = 6ND × $2.4025 / (312e12 × 0.4 × 3600).
        JsonElement p = Json("scaling", "plan", "--target-loss", "2.0", "--offer", "aws-p4d-1yr", "--mfu", "40%").GetProperty("plans")[0];
        double flops = 6 * p.GetProperty("parameters").GetDouble() * p.GetProperty("tokens").GetDouble();
        Assert.Equal(flops * 2.4025 / (312e12 * 0.4 * 3600), p.GetProperty("trainingCostUsd").GetDouble(), 1e-6);
    }

    [Fact]
    public void Plan_Lifetime_CostsLessThanTrainingOnly()
    {
        JsonElement p = Json("scaling", "plan", "--target-loss", "2.0", "--lifetime-tokens", "10T", "--chip", "h100-sxm",
            "--price-per-chip-hour", "$2.50", "--mfu", "40%").GetProperty("plans")[0];
        Assert.True(p.GetProperty("totalCostUsd").GetDouble() < p.GetProperty("computeOptimalTotalCostUsd").GetDouble());
        Assert.True(p.GetProperty("parameters").GetDouble() < p.GetProperty("computeOptimalParameters").GetDouble());
    }

    [Theory]
    [InlineData("scaling plan --law chinchilla-article", "Error: scaling plan needs one of --flops, --budget or --target-loss.")]
    [InlineData("scaling plan --flops 1e24 --target-loss 2", "Error: --flops, --budget and --target-loss conflict: give one of them.")]
    [InlineData("scaling plan --budget $1M", "Error: --offer, --chip or --peak-flops must be given with --budget (dollars need a machine and --mfu); got none of them.")]
    [InlineData("scaling plan --flops 1e24 --lifetime-tokens 1T", "Error: --lifetime-tokens needs --target-loss: the lifetime plan keeps the loss fixed and trades training for serving.")]
    [InlineData("scaling plan --target-loss 1.5", "Error: --target-loss must be above law 'chinchilla-article''s irreducible loss E = 1.69; got 1.5. No model size or data reaches the irreducible loss.")]
    [InlineData("scaling plan --flops 1e24 --law chinchila-article", "Error: --law must be an id in the catalog; got 'chinchila-article'. Did you mean 'chinchilla-article'?")]
    [InlineData("scaling fit /no/such.csv", "Error: FILE must be an existing CSV file; got '/no/such.csv' (no such file).")]
    [InlineData("scaling fit FIGURE4 --loss-column los", "Error: --loss-column must be a column of chinchilla-figure4.csv; got 'los'. Did you mean 'loss'?")]
    [InlineData("scaling fit FIGURE4 --drop-highest 300", "Error: --drop-highest must be a whole number in [0, 239] (the fit needs 6 of the 245 runs); got 300.")]
    [InlineData("scaling fit FIGURE4 --grid-alpha 2:0:0.5", "Error: --grid-alpha must be 'low:high:step' (low ≤ high, step > 0, at most 10,001 values) or a comma list of numbers, each in [0, 10]; got '2:0:0.5'.")]
    [InlineData("scaling fit FIGURE4 --grid-e 1000", "Error: --grid-e must be 'low:high:step' (low ≤ high, step > 0, at most 10,001 values) or a comma list of numbers, each in [-100, 100]; got '1000'.")]
    [InlineData("scaling fit FIGURE4 --grid-alpha 0:10:0.001 --grid-beta 0:10:0.001", "Error: --grid-alpha × --grid-beta × --grid-e × --grid-a × --grid-b must be at most 1,000,000 starting points together (the default grid has 4,500); got 18,003,600,180. Use coarser steps.")] // 10,001² α-β pairs × 5 e × 6 a × 6 b
    [InlineData("scaling fit FIGURE4 --delta 0", "Error: --delta must be a number in [1e-9, 1]; got 0.")]
    public void BadInput_Exits2(string commandLine, string expected)
    {
        var (code, output, error) = Cli.Run([.. commandLine.Split(' ').Select(a => a == "FIGURE4" ? Figure4() : a)]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal(expected + "\n", error);
    }

    [Fact]
    public void Fit_BadCell_IsLocatedByLineAndColumn()
    {
        string path = Path.Combine(Path.GetTempPath(), $"runs-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "params,tokens,loss\n1e8,2e9,3.1\n2e8,4e9,2.9\n4e8,8e9,x\n");
        try
        {
            var (code, _, error) = Cli.Run("scaling", "fit", path);
            Assert.Equal(2, code);
            Assert.Equal($"Error: {Path.GetFileName(path)} line 4, column 'loss', must be a number such as 2.5, 1e-3 or 1,000; got 'x'.\n", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    // L* − E = 1e-7: the parameter term must fall to p = 1e-7 × 0.28/0.62 = 4.516e-8, so N = (406.4 / 4.516e-8)^(1/0.34) ≈ 1.9e29 > 1e15.
    [InlineData("1.6900001", "A target further above E = 1.69 is reachable.")]
    public void Plan_TargetLossNoModelCanMeet_IsRefused(string target, string hint)
    {
        var (code, output, error) = Cli.Run("scaling", "plan", "--target-loss", target);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("Error: --target-loss must be reachable under law 'chinchilla-article' by a model of 1 to 1e15 parameters trained on 1 to 1e18 tokens; got ",
            error, StringComparison.Ordinal);
        Assert.EndsWith(hint + "\n", error, StringComparison.Ordinal);
    }
}

using LlmEcon.Catalog;
using LlmEcon.Quantities;
using LlmEcon.Scaling;
using LlmEcon.Scaling.Fitting;
using Xunit;

namespace LlmEcon.Tests.Scaling;

/// <summary>Planning with a law: target loss (closed form), its duality with the compute-optimal frontier, lifetime cost, bootstrap.</summary>
public class ScalingPlanTests
{
    private static readonly ScalingLaw Law = LlmCatalog.BuiltIn.ScalingLaw("chinchilla-article");

    private static double Loss(double n, double d) => Law.E + Law.A / Math.Pow(n, Law.Alpha) + Law.B / Math.Pow(d, Law.Beta);

    [Theory]
    [InlineData(2.0)]
    [InlineData(1.937)]
    [InlineData(2.5)]
    public void TargetLoss_ReachesTheLoss_AtTheLeastCompute(double target)
    {
        TargetLossPlan p = ScalingPlan.ForTargetLoss(Law, target);
        double n = p.Parameters.Count, d = p.Tokens.Count;
        Assert.Equal(target, Loss(n, d), 1e-12);
        // Any other N on the constraint needs more compute: D(N) from L(N, D) = L*.
        foreach (double f in new[] { 0.8, 1.25 })
        {
            double n2 = n * f, d2 = Math.Pow(Law.B / (target - Law.E - Law.A / Math.Pow(n2, Law.Alpha)), 1 / Law.Beta);
            Assert.True(6 * n2 * d2 > p.Flops.Flop);
        }
    }

    [Fact]
    public void TargetLoss_IsTheComputeOptimalModelOfItsBudget_FoundByBruteForce()
    {
        // Duality, checked against an oracle that shares no code with the library: at the budget C the plan needs, scan N over
        // ln N in steps of 1e-4 (D = C / 6N) and take the N of least loss. It must be the plan's N, and its loss the target.
        TargetLossPlan p = ScalingPlan.ForTargetLoss(Law, 2.0);
        double c = p.Flops.Flop, bestN = 0, bestLoss = double.PositiveInfinity;
        for (double lnN = Math.Log(1e8); lnN < Math.Log(1e13); lnN += 1e-4)
        {
            double n = Math.Exp(lnN), l = Loss(n, c / (6 * n));
            if (l < bestLoss)
            {
                (bestN, bestLoss) = (n, l);
            }
        }

        Assert.Equal(1, bestN / p.Parameters.Count, 2e-4);
        Assert.Equal(2.0, bestLoss, 1e-9);
        // and the library's own compute-optimal model of that budget is the same one
        ComputeOptimal o = ChinchillaLoss.Optimal(Law, p.Flops);
        Assert.Equal(1, bestN / o.Parameters.Count, 2e-4);
    }

    [Fact]
    public void TargetLoss_AtOrBelowE_IsAnError()
    {
        var e = Assert.Throws<InputException>(() => ScalingPlan.ForTargetLoss(Law, 1.69));
        Assert.Equal("targetLoss must be above law 'chinchilla-article''s irreducible loss E = 1.69; got 1.69. No model size or data reaches the irreducible loss.", e.Message);
    }

    [Fact]
    public void Lifetime_WithNoServing_IsTheComputeOptimalModel()
    {
        LifetimePlan p = ScalingPlan.ForLifetime(Law, 2.0, TokenCount.FromCount(0), MoneyPerFlop.FromUsdPerFlop(1e-18), MoneyPerFlop.FromUsdPerFlop(1e-18));
        Assert.Equal(1, p.Parameters.Count / p.ComputeOptimal.Parameters.Count, 1e-6);
    }

    [Fact]
    public void Lifetime_WithHeavyServing_TrainsASmallerModelLonger_ForLess()
    {
        // Serving 10^13 tokens: each parameter costs 2 FLOP per token served, so the optimum moves to a smaller N and a larger D.
        LifetimePlan p = ScalingPlan.ForLifetime(Law, 2.0, TokenCount.FromCount(1e13), MoneyPerFlop.FromUsdPerFlop(1e-18), MoneyPerFlop.FromUsdPerFlop(1e-18));
        Assert.True(p.Parameters.Count < p.ComputeOptimal.Parameters.Count);
        Assert.True(p.Tokens.Count > p.ComputeOptimal.Tokens.Count);
        Assert.True(p.TotalCost.Usd < p.ComputeOptimalTotalCost.Usd);
        Assert.Equal(2.0, Loss(p.Parameters.Count, p.Tokens.Count), 1e-9);
        Assert.Equal(p.TrainingCost.Usd + p.InferenceCost.Usd, p.TotalCost.Usd, 1e-6);
    }

    [Fact]
    public void Lifetime_FindsTheCheapestModel_OfAnIndependentScan()
    {
        // Oracle sharing no code with the library (eq. 23): on the curve L(N, D) = 2.0, D(N) = (B / (L* − E − A/N^α))^(1/β); the total
        // 6·N·D(N)·c_t + 2·N·T·c_s, scanned over 200,000 log-spaced N from just above N_min = (A/(L* − E))^(1/α) to 1e14.
        double ct = 1e-18, cs = 3e-18, tokens = 1e13, target = 2.0;
        double Total(double n) => 6 * n * Math.Pow(Law.B / (target - Law.E - Law.A / Math.Pow(n, Law.Alpha)), 1 / Law.Beta) * ct + 2 * n * tokens * cs;
        double lo = Math.Log(Math.Pow(Law.A / (target - Law.E), 1 / Law.Alpha)) + 1e-9, hi = Math.Log(1e14);
        double bestN = 0, best = double.PositiveInfinity;
        for (int i = 0; i <= 200_000; i++)
        {
            double n = Math.Exp(lo + (hi - lo) * i / 200_000), c = Total(n);
            if (c < best)
            {
                (best, bestN) = (c, n);
            }
        }

        LifetimePlan p = ScalingPlan.ForLifetime(Law, target, TokenCount.FromCount(tokens), MoneyPerFlop.FromUsdPerFlop(ct), MoneyPerFlop.FromUsdPerFlop(cs));
        Assert.True(p.TotalCost.Usd <= best * (1 + 1e-9), $"plan ${p.TotalCost.Usd} above the scan's ${best}");
        Assert.Equal(bestN, p.Parameters.Count, bestN * 2e-3); // the scan's step in N is (hi − lo) / 200,000 ≈ 1.3e-4 in ln N
        Assert.Equal(Total(p.Parameters.Count), p.TotalCost.Usd, best * 1e-9);
    }

    [Fact]
    public void FlopsFor_ABudget_IsBudgetOverCostPerFlop()
    {
        // $2.03 per TPU v4 chip-hour at 275e12 FLOP/s × 46.2% MFU: $2.03 / (275e12 × 0.462 × 3600) per FLOP.
        double costPerFlop = 2.03 / (275e12 * 0.462 * 3600);
        Assert.Equal(1e6 / costPerFlop, ScalingPlan.FlopsFor(Money.FromUsd(1e6), MoneyPerFlop.FromUsdPerFlop(costPerFlop)).Flop, 1);
    }

    [Fact]
    public void Bootstrap_IsReproducible_AndBracketsTheEstimate()
    {
        var data = ScalingDataset.Of(ScalingFitTests.Synthetic(Law, 0.01, 11));
        ScalingFitResult fit = ScalingFit.Fit(data);
        BootstrapResult a = ScalingBootstrap.Run(data, fit, new BootstrapOptions(200, 5));
        BootstrapResult b = ScalingBootstrap.Run(data, fit, new BootstrapOptions(200, 5, MaxDegreeOfParallelism: 1));
        Assert.Equal(a.Intervals, b.Intervals);
        Assert.All(a.Intervals, i => Assert.True(i.Low <= i.Estimate && i.Estimate <= i.High && i.StandardError > 0, i.ToString()));
        // The true α lies in its 95% interval (it does for this seed; a 95% interval misses 1 time in 20 in general).
        Assert.InRange(Law.Alpha, a["alpha"].Low, a["alpha"].High);
    }

    [Fact]
    public void Bootstrap_OfNoiseFreeRuns_HasNoSpread()
    {
        var data = ScalingDataset.Of(ScalingFitTests.Synthetic(Law, 0, 1));
        BootstrapResult b = ScalingBootstrap.Run(data, ScalingFit.Fit(data), new BootstrapOptions(50, 1));
        Assert.True(b["beta"].StandardError < 1e-6, b["beta"].ToString());
    }

    [Fact]
    public void TokensPerParameter_MatchesTheComputeOptimalModel()
    {
        ComputeOptimal o = ChinchillaLoss.Optimal(Law, FlopCount.FromFlop(5.76e23));
        Assert.Equal(o.TokensPerParameter, ScalingBootstrap.TokensPerParameter(Law.A, Law.B, Law.Alpha, Law.Beta, 5.76e23), 1e-9);
    }
}

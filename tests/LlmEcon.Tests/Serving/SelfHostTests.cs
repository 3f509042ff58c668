using LlmEcon.Catalog;
using LlmEcon.Quantities;
using LlmEcon.Serving;
using Xunit;

namespace LlmEcon.Tests.Serving;

/// <summary>API or self-host (eqs. 39–41), by hand.</summary>
public class SelfHostTests
{
    private static readonly LlmCatalog C = LlmCatalog.BuiltIn;

    private static IReadOnlyList<ServingCandidate> OnP5(string model) =>
        ServingSearch.Cheapest(ServedModel.Of(C.Model(model)), [(C.Offer("aws-p5-on-demand"), C.Accelerator("h100-sxm"))], [1, 2, 4, 8], ServingSearch.DefaultBatches,
            [Precision.Fp8], 1000, 250, Duration.FromSeconds(0.05), null);

    [Fact]
    public void ApiBill_Gpt4o_3BTokens_80PercentInput_HalfCached_Is10500Usd()
    {
        // openai-gpt-4o-2024-08: $2.50 input, $1.25 cached input, $10 output per 1M tokens (OpenAI pricing, 2024-08).
        // 2.4B input: 1.2B × $2.50/1M + 1.2B × $1.25/1M = $3,000 + $1,500; 0.6B output × $10/1M = $6,000; total $10,500.
        SelfHostResult r = SelfHost.Compare(new SelfHostVolume(3e9, 0.8, 0.5, 3, 1000), C.ApiPrice("openai-gpt-4o-2024-08"), []);
        Assert.Equal(10_500, r.ApiMonthlyUsd, 6);
        Assert.Null(r.Best);
        Sound.Derivations(r.Steps);
    }

    [Fact]
    public void Copies_Cost_Load_AndBreakEven_FollowEqs40And41()
    {
        var volume = new SelfHostVolume(30e9, 0.8, 0, 3, 1000);
        IReadOnlyList<ServingCandidate> candidates = OnP5("llama-3.1-70b");
        SelfHostResult r = SelfHost.Compare(volume, C.ApiPrice("openai-gpt-4o-2024-08"), candidates);
        // API: 24B × $2.50/1M + 6B × $10/1M = $60,000 + $60,000
        Assert.Equal(120_000, r.ApiMonthlyUsd, 6);
        double seconds = 730.5 * 3600, apiPerToken = 120_000 / 30e9;
        foreach (SelfHostOption o in r.Options)
        {
            ServingCandidate c = o.Candidate;
            double peak = 3 * 6e9 / seconds, perChipHour = C.Offer("aws-p5-on-demand").PricePerChipHour.UsdPerHour;
            long copies = (long)Math.Ceiling(peak / c.Point.TokensPerSecond);
            double copyMonth = c.Setup.Chips * perChipHour * 730.5;
            Assert.Equal(copies, o.Copies);
            Assert.Equal(copies * copyMonth, o.MonthlyUsd, 6);
            Assert.Equal(6e9 / seconds / (copies * c.Point.TokensPerSecond), o.Utilization, 12);
            // one copy carries X × seconds / k output tokens a month, X × seconds / k / (1 − s) tokens in all
            double capacity = c.Point.TokensPerSecond * seconds / 3 / 0.2;
            if (copyMonth / capacity < apiPerToken)
            {
                Assert.Equal(copyMonth / apiPerToken, o.BreakEvenTokensPerMonth!.Value, 3);
            }
            else
            {
                Assert.Null(o.BreakEvenTokensPerMonth);
            }
        }

        Assert.True(r.Options.Zip(r.Options.Skip(1)).All(p => p.First.MonthlyUsd <= p.Second.MonthlyUsd));
        Sound.Derivations(r.Steps);
    }

    [Fact]
    public void ACheapApi_IsNeverBeaten()
    {
        // at $0.000001 per 1M tokens, no copy's month divided by its capacity is below the API's price per token
        ApiPrice cheap = C.ApiPrice("openai-gpt-4o-2024-08") with { Price = Money.FromUsd(1e-6), OutputPrice = Money.FromUsd(1e-6), CachedInputPrice = null };
        SelfHostResult r = SelfHost.Compare(new SelfHostVolume(30e9, 0.8, 0, 3, 1000), cheap, OnP5("llama-3.1-8b"));
        Assert.NotNull(r.Best);
        Assert.Null(r.BreakEvenTokensPerMonth);
    }

    [Fact]
    public void BadVolume_IsOneSentence()
    {
        Assert.Equal("inputShare must be in (0, 1); got 1.",
            Assert.Throws<InputException>(() => new SelfHostVolume(3e9, 1, 0, 3, 1000).Validated()).Message);
        Assert.Equal("peakToAverage must be in [1, 1000]; got 0.5.",
            Assert.Throws<InputException>(() => new SelfHostVolume(3e9, 0.8, 0, 0.5, 1000).Validated()).Message);
    }
}

/// <summary>An owned chip's price per hour (eq. 16 per hour).</summary>
public class InHousePerHourTests
{
    [Fact]
    public void H100_At30000Usd_Over4Years_700W_Pue1point1_9CentsPerKwh_Is92CentsAnHour()
    {
        // $30,000 / (4 × 365.25 × 24 = 35,064 h) = $0.85558/h; 0.7 kW × 1.1 × $0.09/kWh = $0.0693/h; total $0.92488/h
        var (rate, how) = LlmEcon.Hardware.InHouseCost.PerChipHour(Money.FromUsd(30_000), Duration.FromYears(4), Power.FromWatts(700), 1.1,
            ElectricityPrice.FromUsdPerKilowattHour(0.09));
        Assert.Equal(30_000 / 35_064.0 + 0.7 * 1.1 * 0.09, rate.UsdPerHour, 12);
        Sound.Derivation(how);
    }
}

using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Serving;

/// <summary>A monthly token volume and its shape: what the API bills and what self-hosting must carry.</summary>
/// <param name="TokensPerMonth">V: input plus output tokens a month.</param>
/// <param name="InputShare">s: the share of V that is input, in (0, 1).</param>
/// <param name="CacheHitRate">h: the share of input tokens the API reads from its prompt cache, in [0, 1).</param>
/// <param name="PeakToAverage">k: peak load over average load (≥ 1); self-hosting is sized for the peak.</param>
/// <param name="InputTokensPerRequest">I: input tokens per request; output per request is I × (1 − s) / s.</param>
public sealed record SelfHostVolume(double TokensPerMonth, double InputShare, double CacheHitRate, double PeakToAverage, int InputTokensPerRequest)
{
    /// <summary>Hours in an average month: 365.25 × 24 / 12 = 730.5.</summary>
    public const double HoursPerMonth = 730.5;

    /// <summary>O: output tokens per request, I × (1 − s) / s rounded, at least 1.</summary>
    public int OutputTokensPerRequest => (int)Math.Max(1, Math.Round(InputTokensPerRequest * (1 - InputShare) / InputShare));

    /// <summary>Checks every field; the first bad one is named in one sentence.</summary>
    public SelfHostVolume Validated()
    {
        Guard.InRange(TokensPerMonth, "volume", 1, 1e18, false, false);
        Guard.InRange(InputShare, "inputShare", 0, 1, true, true);
        Guard.FractionBelowOne(CacheHitRate, "cacheHit");
        Guard.InRange(PeakToAverage, "peakToAverage", 1, 1000, false, false);
        Guard.InRange(InputTokensPerRequest, "inputTokens", 1, 10_000_000, false, false);
        return this;
    }
}

/// <summary>Self-hosting on one kind of configuration: copies for the peak, their monthly cost, the load they run at.</summary>
/// <param name="Candidate">The configuration (offer, chips, precision, batch) and its numbers.</param>
/// <param name="Copies">Copies of the model needed to carry the peak output rate.</param>
/// <param name="MonthlyUsd">Copies × chips × price per chip-hour × 730.5 h.</param>
/// <param name="Utilization">Average output rate over the copies' capacity.</param>
/// <param name="BreakEvenTokensPerMonth">The volume from which this configuration costs less than the API, or null when it never does at these prices.</param>
public sealed record SelfHostOption(ServingCandidate Candidate, long Copies, double MonthlyUsd, double Utilization, double? BreakEvenTokensPerMonth);

/// <summary>The API's monthly bill against the cheapest self-hosting that carries the peak (eqs. 39–41).</summary>
/// <param name="Volume">The volume.</param>
/// <param name="Api">The API price.</param>
/// <param name="ApiMonthlyUsd">What the API bills a month (eq. 39).</param>
/// <param name="Options">Self-hosting configurations meeting the latency target, cheapest this month first.</param>
/// <param name="Steps">The API's bill, the chosen configuration's monthly cost and its break-even, derived.</param>
public sealed record SelfHostResult(SelfHostVolume Volume, ApiPrice Api, double ApiMonthlyUsd, IReadOnlyList<SelfHostOption> Options, IReadOnlyList<Derivation> Steps)
{
    /// <summary>The cheapest self-hosting this month, or null when no configuration meets the target.</summary>
    public SelfHostOption? Best => Options.Count > 0 ? Options[0] : null;

    /// <summary>The lowest volume from which some configuration beats the API, or null when none ever does.</summary>
    public double? BreakEvenTokensPerMonth => Options.Select(o => o.BreakEvenTokensPerMonth).Where(v => v is not null).Min();
}

/// <summary>API or self-host (the article's question, at today's prices): eqs. 39–41.</summary>
public static class SelfHost
{
    /// <summary>
    /// Eq. 39 the API bill: V·s·((1 − h)·p_in + h·p_cached) + V·(1 − s)·p_out (with no published cached price, cached tokens pay
    /// the input price). Eq. 40 self-hosting: copies = ⌈k × average output tokens/s / output tokens/s per copy⌉, cost = copies × p
    /// × c × 730.5 h, the copies always on (sized for the peak, paid for the month). Eq. 41 break-even: one copy's month over the
    /// API's price per token of the volume, when that volume fits in one copy's capacity at the peak (else, per copy, self-hosting
    /// costs more than the API at any volume). Self-hosting is counted without prefix caching (a conservative side).
    /// </summary>
    public static SelfHostResult Compare(SelfHostVolume volume, ApiPrice api, IReadOnlyList<ServingCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(candidates);
        volume.Validated();
        Sourced<MoneyPerToken> pin = api.InputPerToken, pout = api.OutputPerToken;
        Sourced<MoneyPerToken> pcached = api.CachedInputPerToken ?? pin;
        Input v = Expr.In("V", "tokens a month", volume.TokensPerMonth, Compact(volume.TokensPerMonth) + " tokens");
        Input s = Expr.In("s", "input share", volume.InputShare, Percent(volume.InputShare, 2));
        Input h = Expr.In("h", "API cache hit rate", volume.CacheHitRate, Percent(volume.CacheHitRate, 2));
        Expr one = Expr.Const(1);
        Expr apiCost = v * s * ((one - h) * Price("p_in", "USD per input token", pin) + h * Price("p_cached", "USD per cached input token", pcached))
                       + v * (one - s) * Price("p_out", "USD per output token", pout);
        var steps = new List<Derivation> { Derivation.Of($"{api.Id} monthly bill (USD)", "(39) V·s·((1 − h)·p_in + h·p_cached) + V·(1 − s)·p_out", apiCost, Usd) };
        double apiPerToken = apiCost.Value / volume.TokensPerMonth;

        double seconds = SelfHostVolume.HoursPerMonth * 3600;
        double peakOutputRate = volume.TokensPerMonth * (1 - volume.InputShare) / seconds * volume.PeakToAverage;
        var options = new List<SelfHostOption>();
        foreach (ServingCandidate c in candidates)
        {
            double perCopy = c.Point.TokensPerSecond;
            long copies = (long)Math.Ceiling(peakOutputRate / perCopy - 1e-9);
            copies = Math.Max(1, copies);
            double copyMonth = c.Setup.Chips * c.Setup.PricePerChipHour!.Value.Value.UsdPerHour * SelfHostVolume.HoursPerMonth;
            double capacity = perCopy * seconds / volume.PeakToAverage / (1 - volume.InputShare); // tokens a month one copy carries at the peak
            double? breakEven = copyMonth / capacity < apiPerToken ? copyMonth / apiPerToken : null;
            options.Add(new SelfHostOption(c, copies, copies * copyMonth, volume.TokensPerMonth * (1 - volume.InputShare) / seconds / (copies * perCopy), breakEven));
        }

        options.Sort((a, b) => a.MonthlyUsd.CompareTo(b.MonthlyUsd));
        if (options.Count > 0)
        {
            SelfHostOption best = options[0];
            ServingCandidate c = best.Candidate;
            Expr x = Expr.In("X", "output tokens/s per copy", c.Point.TokensPerSecond, Compact(c.Point.TokensPerSecond) + " tokens/s");
            Expr copies = Expr.Ceiling(Expr.In("k", "peak over average", volume.PeakToAverage, Compact(volume.PeakToAverage) + "×") * v * (one - s)
                / Expr.Const(seconds, "2,629,800 s/month") / x);
            Expr monthly = copies * Expr.In("p", "chips per copy", c.Setup.Chips, Integer(c.Setup.Chips) + " chips")
                * Symbols.PricePerHour(c.Setup.PricePerChipHour!.Value, "c", "USD per chip-hour") * Expr.Const(SelfHostVolume.HoursPerMonth, "730.5 h");
            steps.Add(Derivation.Of($"self-hosting on {c.Offer.Id} (USD a month)", "(40) ⌈k·V·(1 − s) / 2,629,800 s / X⌉ × p × c × 730.5 h", monthly, Usd));
            if (best.BreakEvenTokensPerMonth is not null)
            {
                Expr breakEven = Expr.In("p", "chips per copy", c.Setup.Chips, Integer(c.Setup.Chips) + " chips")
                    * Symbols.PricePerHour(c.Setup.PricePerChipHour!.Value, "c", "USD per chip-hour") * Expr.Const(SelfHostVolume.HoursPerMonth, "730.5 h")
                    / Expr.In("a", "API USD per token of the volume (eq. 39 / V)", apiPerToken, Compact(apiPerToken) + " USD/token");
                steps.Add(Derivation.Of($"break-even volume on {c.Offer.Id} (tokens a month)", "(41) one copy's month / the API's price per token", breakEven,
                    t => Compact(t) + " tokens"));
            }
        }

        return new SelfHostResult(volume, api, apiCost.Value, options, steps);
    }

    private static Input Price(string symbol, string meaning, Sourced<MoneyPerToken> p) =>
        Expr.In(symbol, meaning, p.Value.UsdPerToken, "$" + Compact(p.Value.UsdPerToken) + "/token", p.From);
}

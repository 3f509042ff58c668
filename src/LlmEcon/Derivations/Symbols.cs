using System.Globalization;
using LlmEcon.Quantities;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Derivations;

/// <summary>
/// The inputs that many equations share, each with its symbol, meaning and how it is shown when substituted, so that N is
/// <c>N = 175e9 params</c> in every derivation of the library.
/// </summary>
public static class Symbols
{
    /// <summary>N, parameters: <c>175e9 params</c>.</summary>
    public static Input Parameters(Sourced<ParameterCount> n, string symbol = "N") =>
        Expr.In(symbol, "parameters", n.Value.Count, Compact(n.Value.Count) + " params", n.From);

    /// <summary>D (or another symbol), a token count: <c>300e9 tokens</c>.</summary>
    public static Input Tokens(Sourced<TokenCount> d, string symbol = "D", string meaning = "training tokens") =>
        Expr.In(symbol, meaning, d.Value.Count, Compact(d.Value.Count) + " tokens", d.From);

    /// <summary>k, FLOP per parameter per token (eq. 1): <c>2 FLOP/param/token</c>.</summary>
    public static Input FlopPerParameterPerToken(double k) =>
        Expr.In("k", "FLOP per parameter per token (eq. 1)", k, Compact(k) + " FLOP/param/token");

    /// <summary>Chips per machine: <c>8</c>.</summary>
    public static Input ChipsPerMachine(Sourced<int> chips) =>
        Expr.In("chips", "chips per machine", chips.Value, chips.Value.ToString(CultureInfo.InvariantCulture), chips.From);

    /// <summary>Accelerator-hours: <c>3.552e6 chip-h</c>.</summary>
    public static Input ChipHours(double chipHours) => Expr.In("chip-hours", "accelerator-hours", chipHours, Compact(chipHours) + " chip-h");

    /// <summary>The peak per chip: <c>312e12 FLOP/s</c>.</summary>
    public static Input Peak(Sourced<FlopRate> peak) =>
        Expr.In("peak", "FLOP/s per chip", peak.Value.FlopPerSecond, Compact(peak.Value.FlopPerSecond) + " FLOP/s", peak.From);

    /// <summary>Model FLOPs utilization: <c>21.3%</c>.</summary>
    public static Input Mfu(Sourced<Ratio> mfu, string symbol = "MFU") =>
        Expr.In(symbol, "model FLOPs utilization", mfu.Value.Fraction, Percent(mfu.Value.Fraction, 2), mfu.From);

    /// <summary>A price per hour: <c>$19.22/h</c>, per machine or per chip as <paramref name="meaning"/> says.</summary>
    public static Input PricePerHour(Sourced<MoneyRate> price, string symbol = "price", string meaning = "USD per machine-hour") =>
        Expr.In(symbol, meaning, price.Value.UsdPerHour, Usd(price.Value.UsdPerHour) + "/h", price.From);

    /// <summary>Seconds per hour: <c>3600 s/h</c>.</summary>
    public static Expr SecondsPerHour { get; } = Expr.Const(Duration.SecondsPerHour, "3600 s/h");
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmEcon.Quantities;

/// <summary>
/// Parses what people type: <c>175B</c>, <c>1.4T</c>, <c>3.14e23</c>, <c>312T</c> (FLOP/s), <c>80GB</c>,
/// <c>80GiB</c>, <c>$19.22</c>, <c>21.3%</c>, <c>0.213</c>, <c>700W</c>, <c>1287MWh</c>. Invariant culture only:
/// a decimal comma is an error, never a silent factor of 1000. Every failure is an <see cref="InputException"/>
/// naming the parameter, the accepted forms and the text.
/// </summary>
public static partial class QuantityParser
{
    [GeneratedRegex(@"^\s*(?<usd>\$)?\s*(?<num>[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(?<unit>[A-Za-z%$/ ]*?[A-Za-z%])?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    private static readonly Dictionary<string, double> CountPrefixes = new(StringComparer.Ordinal)
    {
        [""] = 1, ["k"] = 1e3, ["K"] = 1e3, ["M"] = 1e6, ["B"] = 1e9, ["G"] = 1e9, ["T"] = 1e12, ["P"] = 1e15,
    };

    private static readonly Dictionary<string, double> SiPrefixes = new(StringComparer.Ordinal)
    {
        [""] = 1, ["k"] = 1e3, ["K"] = 1e3, ["M"] = 1e6, ["G"] = 1e9, ["T"] = 1e12, ["P"] = 1e15, ["E"] = 1e18, ["Z"] = 1e21, ["Y"] = 1e24,
    };

    /// <summary>A parameter count: <c>175B</c>, <c>70e9</c>, <c>340M</c>, <c>1.5 B params</c>.</summary>
    public static ParameterCount ParameterCount(string text, string parameter = "parameters") =>
        Quantities.ParameterCount.FromCount(Count(text, parameter, "a parameter count such as 175B, 340M or 70e9", "params", "parameters"), parameter);

    /// <summary>A token count: <c>300B</c>, <c>1.4T</c>, <c>1000</c>.</summary>
    public static TokenCount TokenCount(string text, string parameter = "tokens") =>
        Quantities.TokenCount.FromCount(Count(text, parameter, "a token count such as 300B, 1.4T or 1000", "tokens"), parameter);

    /// <summary>A word count: <c>400</c>, <c>100k</c>.</summary>
    public static WordCount WordCount(string text, string parameter = "words") =>
        Quantities.WordCount.FromCount(Count(text, parameter, "a word count such as 400 or 100k", "words"), parameter);

    /// <summary>An amount of work: <c>3.14e23</c>, <c>3.14e23 FLOP</c>, <c>314 ZFLOP</c>.</summary>
    public static FlopCount FlopCount(string text, string parameter = "flops")
    {
        const string forms = "an amount of work such as 3.14e23, 3.14e23 FLOP or 314ZFLOP";
        var (value, unit, usd) = Split(text, parameter, forms);
        if (usd || !TrySi(unit, ["FLOP", "FLOPs", ""], out double k))
        {
            throw Reject(parameter, forms, text);
        }

        return Quantities.FlopCount.FromFlop(value * k, parameter);
    }

    /// <summary>A throughput: <c>312T</c> and <c>312 TFLOP/s</c> (per second), <c>3.12e14</c>.</summary>
    public static FlopRate FlopRate(string text, string parameter = "peakFlops")
    {
        const string forms = "a throughput such as 312T, 312TFLOP/s or 3.12e14 (FLOP/s)";
        var (value, unit, usd) = Split(text, parameter, forms);
        if (usd || !TrySi(unit, ["FLOP/s", "FLOPS", "flop/s", ""], out double k))
        {
            throw Reject(parameter, forms, text);
        }

        return Quantities.FlopRate.FromFlopPerSecond(value * k, parameter);
    }

    /// <summary>A size with its base: <c>80GB</c> (10^9), <c>80GiB</c> (2^30), <c>3.5TB</c>, <c>6.8e9B</c>.</summary>
    public static ByteSize ByteSize(string text, string parameter = "bytes")
    {
        const string forms = "a size such as 80GB (10^9 bytes), 80GiB (2^30 bytes) or 6.8e9B";
        var (value, unit, usd) = Split(text, parameter, forms);
        double? bytesPer = unit switch
        {
            "B" => 1, "kB" or "KB" => 1e3, "MB" => 1e6, "GB" => 1e9, "TB" => 1e12, "PB" => 1e15,
            "KiB" => 1024, "MiB" => 1048576, "GiB" => 1073741824, "TiB" => 1099511627776, "PiB" => 1125899906842624,
            _ => null,
        };
        if (usd || bytesPer is null)
        {
            throw Reject(parameter, forms, text);
        }

        return Quantities.ByteSize.FromBytes(value * bytesPer.Value, parameter);
    }

    /// <summary>Money: <c>$19.22</c>, <c>19.22</c>, <c>$1.4M</c>, <c>82 USD</c>.</summary>
    public static Money Money(string text, string parameter = "usd") =>
        Quantities.Money.FromUsd(Usd(text, parameter, "an amount such as $19.22, $1.4M or 82 USD"), parameter);

    /// <summary>A price per hour: <c>$19.22/h</c>, <c>$19.22</c>, <c>19.22 USD/h</c>.</summary>
    public static MoneyRate MoneyRate(string text, string parameter = "pricePerHour")
    {
        const string forms = "a price per hour such as $19.22/h or 19.22";
        string body = StripSuffix(text, ["/h", "/hr", "/hour", "per hour"]);
        return Quantities.MoneyRate.FromUsdPerHour(Usd(body, parameter, forms), parameter);
    }

    /// <summary>A price per 1000 tokens: <c>$0.02</c>, <c>$0.02/1K</c>; or per million, said so: <c>$20/1M</c>.</summary>
    public static MoneyPerToken MoneyPer1kTokens(string text, string parameter = "pricePer1kTokens")
    {
        const string forms = "a price per 1000 tokens such as $0.02 or $0.02/1K (or $20/1M for per million)";
        string t = text.Trim();
        foreach (string tokens in new[] { " tokens", "tokens", "" })
        {
            foreach (var (suffix, per) in new[] { ("/1M", 1e6), ("/1m", 1e6), ("/1K", 1e3), ("/1k", 1e3), ("/1000", 1e3) })
            {
                if (t.EndsWith(suffix + tokens, StringComparison.Ordinal) && (tokens.Length > 0 || suffix.Length > 0))
                {
                    double usd = Usd(t[..^(suffix.Length + tokens.Length)], parameter, forms);
                    return Quantities.MoneyPerToken.FromUsdPerToken(usd / per, parameter);
                }
            }
        }

        return Quantities.MoneyPerToken.FromUsdPer1kTokens(Usd(t, parameter, forms), parameter);
    }

    /// <summary>A ratio: <c>21.3%</c> or the fraction <c>0.213</c>.</summary>
    public static Ratio Ratio(string text, string parameter = "ratio")
    {
        const string forms = "a ratio such as 21.3% or 0.213";
        var (value, unit, usd) = Split(text, parameter, forms);
        return usd ? throw Reject(parameter, forms, text)
            : unit switch
            {
                "%" => Quantities.Ratio.FromPercent(value, parameter),
                "" => Quantities.Ratio.FromFraction(value, parameter),
                _ => throw Reject(parameter, forms, text),
            };
    }

    /// <summary>A power: <c>700W</c>, <c>0.7kW</c>, <c>1.2MW</c>.</summary>
    public static Power Power(string text, string parameter = "power")
    {
        const string forms = "a power such as 700W or 0.7kW";
        var (value, unit, usd) = Split(text, parameter, forms);
        if (usd || !unit.EndsWith('W') || !SiPrefixes.TryGetValue(unit[..^1], out double k))
        {
            throw Reject(parameter, forms, text);
        }

        return Quantities.Power.FromWatts(value * k, parameter);
    }

    /// <summary>An energy: <c>1287MWh</c>, <c>1.287GWh</c>, <c>500kWh</c>, <c>3.6e6J</c>.</summary>
    public static Energy Energy(string text, string parameter = "energy")
    {
        const string forms = "an energy such as 1287MWh, 500kWh or 3.6e6J";
        var (value, unit, usd) = Split(text, parameter, forms);
        if (!usd && unit.EndsWith("Wh", StringComparison.Ordinal) && SiPrefixes.TryGetValue(unit[..^2], out double kWh))
        {
            return Quantities.Energy.FromJoules(value * kWh * 3600, parameter);
        }

        if (!usd && unit.EndsWith('J') && SiPrefixes.TryGetValue(unit[..^1], out double kJ))
        {
            return Quantities.Energy.FromJoules(value * kJ, parameter);
        }

        throw Reject(parameter, forms, text);
    }

    /// <summary>An electricity price: <c>$0.09/kWh</c> or <c>0.09</c> (USD per kWh).</summary>
    public static ElectricityPrice ElectricityPrice(string text, string parameter = "electricityPrice")
    {
        const string forms = "an electricity price such as $0.09/kWh";
        string body = StripSuffix(text, ["/kWh", "per kWh"]);
        return Quantities.ElectricityPrice.FromUsdPerKilowattHour(Usd(body, parameter, forms), parameter);
    }

    /// <summary>A duration: <c>14.8d</c>, <c>14.8 days</c>, <c>36h</c>, <c>90s</c>, <c>4y</c>.</summary>
    public static Duration Duration(string text, string parameter = "duration")
    {
        const string forms = "a duration such as 14.8d, 36h, 90s or 4y";
        var (value, unit, usd) = Split(text, parameter, forms);
        return usd ? throw Reject(parameter, forms, text)
            : unit switch
            {
                "s" or "sec" or "seconds" => Quantities.Duration.FromSeconds(value, parameter),
                "h" or "hours" or "hour" => Quantities.Duration.FromHours(value, parameter),
                "d" or "days" or "day" => Quantities.Duration.FromDays(value, parameter),
                "y" or "years" or "year" => Quantities.Duration.FromYears(value, parameter),
                _ => throw Reject(parameter, forms, text),
            };
    }

    /// <summary>An amount in USD (<c>$19.22</c>, <c>$1.4M</c>, <c>82 USD</c>); a failure names <paramref name="forms"/>.</summary>
    private static double Usd(string text, string parameter, string forms)
    {
        var (value, unit, _) = Split(text, parameter, forms);
        string prefix = unit.EndsWith("USD", StringComparison.Ordinal) ? unit[..^3].TrimEnd() : unit;
        return CountPrefixes.TryGetValue(prefix, out double k) ? value * k : throw Reject(parameter, forms, text);
    }

    private static double Count(string text, string parameter, string forms, params string[] nouns)
    {
        var (value, unit, usd) = Split(text, parameter, forms);
        string prefix = unit;
        foreach (string noun in nouns)
        {
            if (prefix.EndsWith(noun, StringComparison.Ordinal))
            {
                prefix = prefix[..^noun.Length].TrimEnd();
                break;
            }
        }

        if (usd || !CountPrefixes.TryGetValue(prefix, out double k))
        {
            throw Reject(parameter, forms, text);
        }

        return value * k;
    }

    private static bool TrySi(string unit, string[] units, out double multiplier)
    {
        foreach (string u in units.OrderByDescending(u => u.Length))
        {
            if (unit.EndsWith(u, StringComparison.Ordinal) && SiPrefixes.TryGetValue(unit[..^u.Length].TrimEnd(), out multiplier))
            {
                return true;
            }
        }

        multiplier = 0;
        return false;
    }

    private static string StripSuffix(string text, string[] suffixes)
    {
        string t = text.Trim();
        foreach (string s in suffixes)
        {
            if (t.EndsWith(s, StringComparison.OrdinalIgnoreCase))
            {
                return t[..^s.Length];
            }
        }

        return t;
    }

    private static (double Value, string Unit, bool Usd) Split(string? text, string parameter, string forms)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Guard.Fail(parameter, forms, "an empty value");
        }

        Match m = Shape().Match(text);
        if (!m.Success || !double.TryParse(m.Groups["num"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw Reject(parameter, forms, text);
        }

        return (value, m.Groups["unit"].Value.Trim(), m.Groups["usd"].Success);
    }

    private static InputException Reject(string parameter, string forms, string text)
    {
        string? hint = text.Contains(',', StringComparison.Ordinal)
            ? "use a decimal point, not a comma (the invariant culture)"
            : null;
        return Guard.Fail(parameter, forms, $"'{text}'", hint);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmEcon.Quantities;

/// <summary>
/// The one grammar for every number a user types, on the command line, in a CSV cell or in a file:
/// <list type="bullet">
/// <item>a number: plain (<c>175000000000</c>), decimal (<c>14.8</c>), scientific (<c>3.14e23</c>) or with thousands separators
/// (<c>30,840,000</c>, <c>$10,000,000</c>: groups of exactly three digits);</item>
/// <item>a scale suffix for counts and money, in either case: <c>K</c> 10^3, <c>M</c> 10^6, <c>B</c> or <c>G</c> 10^9, <c>T</c> 10^12,
/// <c>P</c> 10^15 (<c>175B</c>, <c>175b</c>, <c>16K</c>, <c>30.84M</c>, <c>$1.4m</c>);</item>
/// <item><c>%</c> where a fraction is meant (<c>21.3%</c> = 0.213), <c>$</c> (or <c>USD</c>) for money, and the unit where the
/// quantity has one: <c>312T</c> or <c>312 TFLOP/s</c>, <c>80GB</c> (10^9) or <c>80GiB</c> (2^30), <c>700W</c>, <c>1287MWh</c>,
/// <c>$0.09/kWh</c>, <c>14.8d</c>, <c>36h</c>, <c>4w</c>, <c>4y</c>.</item>
/// </list>
/// Digits are ASCII only and the decimal point is always <c>.</c>: <c>1,5</c> and <c>0,213</c> are errors with a hint, never a
/// silent factor of 1000 (<c>1,500</c> is fifteen hundred). NaN, infinity and numbers that overflow are refused. Every failure
/// is an <see cref="InputException"/> naming the parameter, the accepted forms and the text.
/// </summary>
public static partial class QuantityParser
{
    // sign, '$', sign, the number (digits with optional thousands groups, or a leading '.'), exponent, and the rest (the unit).
    [GeneratedRegex(@"^\s*(?<s1>[+-])?\s*(?<usd>\$)?\s*(?<s2>[+-])?(?<num>(?:[1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?|\.[0-9]+)(?<exp>[eE][+-]?[0-9]+)?\s*(?<unit>.*?)\s*$",
        RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Shape();

    /// <summary>Scale suffixes of counts and money, matched in either case.</summary>
    private static readonly Dictionary<string, double> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = 1, ["K"] = 1e3, ["M"] = 1e6, ["B"] = 1e9, ["G"] = 1e9, ["T"] = 1e12, ["P"] = 1e15,
    };

    /// <summary>SI prefixes of FLOP and FLOP/s, matched in either case (nobody counts milli-FLOP).</summary>
    private static readonly Dictionary<string, double> FlopPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = 1, ["K"] = 1e3, ["M"] = 1e6, ["B"] = 1e9, ["G"] = 1e9, ["T"] = 1e12, ["P"] = 1e15, ["E"] = 1e18, ["Z"] = 1e21, ["Y"] = 1e24,
    };

    /// <summary>SI prefixes of watts and watt-hours: case matters between m (milli, refused) and M (mega), so only these.</summary>
    private static readonly Dictionary<string, double> PowerPrefixes = new(StringComparer.Ordinal)
    {
        [""] = 1, ["k"] = 1e3, ["K"] = 1e3, ["M"] = 1e6, ["G"] = 1e9, ["T"] = 1e12,
    };

    /// <summary>A plain number: <c>2.0</c>, <c>1e-3</c>, <c>1,000</c>. No suffix, no unit.</summary>
    public static double Number(string text, string parameter = "value")
    {
        const string forms = "a number such as 2.5, 1e-3 or 1,000";
        var (value, unit, usd) = Split(text, parameter, forms);
        return usd || unit.Length > 0 ? throw Reject(parameter, forms, text) : value;
    }

    /// <summary>
    /// A count with an optional scale suffix and noun: <c>30.84M</c>, <c>16K</c>, <c>2.1T queries</c>, <c>1e3</c>, <c>30,840,000</c>.
    /// <paramref name="example"/> is shown in errors (e.g. <c>30.84M</c>); <paramref name="nouns"/> may follow the number.
    /// </summary>
    public static double Count(string text, string parameter = "count", string example = "30.84M", params string[] nouns)
    {
        string forms = $"a count such as {example}, 16K or 1e3";
        var (value, unit, usd) = Split(text, parameter, forms);
        return usd || !TryScale(unit, nouns, out double k) ? throw Reject(parameter, forms, text) : Finite(value * k, parameter, forms, text);
    }

    /// <summary>A whole number, with the count grammar: <c>16384</c>, <c>16K</c>, <c>1e3</c>, <c>10,000</c>; <c>1.5</c> is refused.</summary>
    public static long WholeNumber(string text, string parameter = "count")
    {
        const string forms = "a whole number such as 16384, 16K or 1e3";
        var (value, unit, usd) = Split(text, parameter, forms);
        if (usd || !TryScale(unit, [], out double k))
        {
            throw Reject(parameter, forms, text);
        }

        double v = value * k;
        return double.IsFinite(v) && Math.Abs(v) < 9e15 && v == Math.Floor(v) ? (long)v : throw Reject(parameter, forms, text);
    }

    /// <summary>A parameter count: <c>175B</c>, <c>175b</c>, <c>70e9</c>, <c>340M</c>, <c>1.5 B params</c>.</summary>
    public static ParameterCount ParameterCount(string text, string parameter = "parameters") =>
        Quantities.ParameterCount.FromCount(Scaled(text, parameter, "a parameter count such as 175B, 340M or 70e9", "params", "parameters"), parameter);

    /// <summary>A token count: <c>300B</c>, <c>1.4T</c>, <c>15.6t tokens</c>, <c>1000</c>.</summary>
    public static TokenCount TokenCount(string text, string parameter = "tokens") =>
        Quantities.TokenCount.FromCount(Scaled(text, parameter, "a token count such as 300B, 1.4T or 1000", "tokens"), parameter);

    /// <summary>A word count: <c>400</c>, <c>100k</c>, <c>12,345</c>.</summary>
    public static WordCount WordCount(string text, string parameter = "words") =>
        Quantities.WordCount.FromCount(Scaled(text, parameter, "a word count such as 400, 12,345 or 100K", "words"), parameter);

    /// <summary>An amount of work: <c>3.14e23</c>, <c>3.14e23 FLOP</c>, <c>314 ZFLOP</c>, <c>1e24 FLOPs</c>.</summary>
    public static FlopCount FlopCount(string text, string parameter = "flops") => Quantities.FlopCount.FromFlop(
        Flops(text, parameter, "an amount of work such as 3.14e23, 3.14e23 FLOP or 314ZFLOP", ["FLOPs", "FLOP", ""]), parameter);

    /// <summary>A throughput: <c>312T</c> and <c>312 TFLOP/s</c> (per second), <c>3.12e14</c>.</summary>
    public static FlopRate FlopRate(string text, string parameter = "peakFlops") => Quantities.FlopRate.FromFlopPerSecond(
        Flops(text, parameter, "a throughput such as 312T, 312TFLOP/s or 3.12e14 (FLOP/s)", ["FLOP/s", "FLOPS", ""]), parameter);

    /// <summary>A number of FLOP (or FLOP/s) with an SI prefix (K … Y, either case) and one of <paramref name="units"/>.</summary>
    private static double Flops(string text, string parameter, string forms, string[] units)
    {
        var (value, unit, usd) = Split(text, parameter, forms);
        if (usd || !TryPrefixed(unit, units, FlopPrefixes, StringComparison.OrdinalIgnoreCase, out double k))
        {
            throw Reject(parameter, forms, text);
        }

        return Finite(value * k, parameter, forms, text);
    }

    /// <summary>A size with its base: <c>80GB</c> (10^9), <c>80GiB</c> (2^30), <c>3.5TB</c>, <c>6.8e9B</c>; the prefix in either case.</summary>
    public static ByteSize ByteSize(string text, string parameter = "bytes")
    {
        const string forms = "a size such as 80GB (10^9 bytes), 80GiB (2^30 bytes) or 6.8e9B";
        var (value, unit, usd) = Split(text, parameter, forms);
        double? bytesPer = unit.ToUpperInvariant() switch
        {
            "B" => 1, "KB" => 1e3, "MB" => 1e6, "GB" => 1e9, "TB" => 1e12, "PB" => 1e15,
            "KIB" => 1024, "MIB" => 1048576, "GIB" => 1073741824, "TIB" => 1099511627776, "PIB" => 1125899906842624,
            _ => null,
        };
        if (usd || bytesPer is null)
        {
            throw Reject(parameter, forms, text);
        }

        return Quantities.ByteSize.FromBytes(Finite(value * bytesPer.Value, parameter, forms, text), parameter);
    }

    /// <summary>Money: <c>$19.22</c>, <c>19.22</c>, <c>$1.4M</c>, <c>$10,000,000</c>, <c>82 USD</c>.</summary>
    public static Money Money(string text, string parameter = "usd") =>
        Quantities.Money.FromUsd(Usd(text, parameter, "an amount such as $19.22, $1.4M or $10,000,000"), parameter);

    /// <summary>A price per hour: <c>$19.22/h</c>, <c>$19.22</c>, <c>19.22 USD/h</c>.</summary>
    public static MoneyRate MoneyRate(string text, string parameter = "pricePerHour")
    {
        const string forms = "a price per hour such as $19.22/h or 19.22";
        string body = StripSuffix(text, ["/h", "/hr", "/hour", "per hour"]);
        return Quantities.MoneyRate.FromUsdPerHour(Usd(body, parameter, forms, text), parameter);
    }

    /// <summary>A price per 1000 tokens: <c>$0.02</c>, <c>$0.02/1K</c>; or per million, said so: <c>$20/1M</c>.</summary>
    public static MoneyPerToken MoneyPer1kTokens(string text, string parameter = "pricePer1kTokens")
    {
        const string forms = "a price per 1000 tokens such as $0.02 or $0.02/1K (or $20/1M for per million)";
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        foreach (string tokens in new[] { " tokens", "tokens", "" })
        {
            foreach (var (suffix, per) in new[] { ("/1M", 1e6), ("/1K", 1e3), ("/1000", 1e3) })
            {
                if (t.EndsWith(suffix + tokens, StringComparison.OrdinalIgnoreCase))
                {
                    double usd = Usd(t[..^(suffix.Length + tokens.Length)], parameter, forms, text);
                    return Quantities.MoneyPerToken.FromUsdPerToken(usd / per, parameter);
                }
            }
        }

        return Quantities.MoneyPerToken.FromUsdPer1kTokens(Usd(t, parameter, forms, text), parameter);
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

    /// <summary>True when <paramref name="text"/> states a percentage (<c>21.3%</c>) rather than a fraction.</summary>
    public static bool IsPercent(string? text) => text is not null && text.TrimEnd().EndsWith('%');

    /// <summary>A power: <c>700W</c>, <c>0.7kW</c>, <c>1.2MW</c>.</summary>
    public static Power Power(string text, string parameter = "power")
    {
        const string forms = "a power such as 700W or 0.7kW";
        var (value, unit, usd) = Split(text, parameter, forms);
        if (usd || unit.Length == 0 || char.ToUpperInvariant(unit[^1]) != 'W' || !PowerPrefixes.TryGetValue(unit[..^1], out double k))
        {
            throw Reject(parameter, forms, text);
        }

        return Quantities.Power.FromWatts(Finite(value * k, parameter, forms, text), parameter);
    }

    /// <summary>An energy: <c>1287MWh</c>, <c>1.287GWh</c>, <c>500kWh</c>, <c>3.6e6J</c>.</summary>
    public static Energy Energy(string text, string parameter = "energy")
    {
        const string forms = "an energy such as 1287MWh, 500kWh or 3.6e6J";
        var (value, unit, usd) = Split(text, parameter, forms);
        if (!usd && unit.EndsWith("Wh", StringComparison.OrdinalIgnoreCase) && PowerPrefixes.TryGetValue(unit[..^2], out double kWh))
        {
            return Quantities.Energy.FromJoules(Finite(value * kWh * 3600, parameter, forms, text), parameter);
        }

        if (!usd && unit.EndsWith('J') && PowerPrefixes.TryGetValue(unit[..^1], out double kJ))
        {
            return Quantities.Energy.FromJoules(Finite(value * kJ, parameter, forms, text), parameter);
        }

        throw Reject(parameter, forms, text);
    }

    /// <summary>An electricity price: <c>$0.09/kWh</c> or <c>0.09</c> (USD per kWh).</summary>
    public static ElectricityPrice ElectricityPrice(string text, string parameter = "electricityPrice")
    {
        const string forms = "an electricity price such as $0.09/kWh";
        string body = StripSuffix(text, ["/kWh", "per kWh"]);
        return Quantities.ElectricityPrice.FromUsdPerKilowattHour(Usd(body, parameter, forms, text), parameter);
    }

    /// <summary>
    /// A duration: <c>14.8d</c>, <c>14.8 days</c>, <c>36h</c>, <c>90s</c>, <c>30min</c>, <c>4w</c>, <c>4y</c>. A bare number is read in
    /// <paramref name="bareUnit"/> when one is given (a flag named <c>--days</c> takes <c>54</c> and <c>54d</c> alike), else refused.
    /// </summary>
    public static Duration Duration(string text, string parameter = "duration", string? bareUnit = null)
    {
        string forms = bareUnit is null ? "a duration such as 14.8d, 36h, 4w or 4y" : $"a duration such as 14.8 ({bareUnit}), 14.8d, 36h, 4w or 4y";
        var (value, unit, usd) = Split(text, parameter, forms);
        if (usd)
        {
            throw Reject(parameter, forms, text);
        }

        double v = Finite(value, parameter, forms, text);
        if (v == 0 && unit.Length == 0)
        {
            return Quantities.Duration.FromSeconds(0, parameter); // zero is zero in any unit
        }

        return (unit.Length == 0 ? bareUnit : unit)?.ToLowerInvariant() switch
        {
            "us" or "µs" => Quantities.Duration.FromSeconds(v / 1e6, parameter),
            "ms" => Quantities.Duration.FromSeconds(v / 1e3, parameter),
            "s" or "sec" or "secs" or "second" or "seconds" => Quantities.Duration.FromSeconds(v, parameter),
            "min" or "mins" or "minute" or "minutes" => Quantities.Duration.FromSeconds(v * 60, parameter),
            "h" or "hr" or "hrs" or "hour" or "hours" => Quantities.Duration.FromHours(v, parameter),
            "d" or "day" or "days" => Quantities.Duration.FromDays(v, parameter),
            "w" or "wk" or "week" or "weeks" => Quantities.Duration.FromDays(v * 7, parameter),
            "y" or "yr" or "year" or "years" => Quantities.Duration.FromYears(v, parameter),
            _ => throw Reject(parameter, forms, text),
        };
    }

    /// <summary>An amount in USD (<c>$19.22</c>, <c>$1.4M</c>, <c>82 USD</c>); a failure names <paramref name="forms"/> and the text as typed.</summary>
    private static double Usd(string text, string parameter, string forms, string? typed = null)
    {
        var (value, unit, _) = Split(text, parameter, forms, typed);
        string prefix = unit.EndsWith("USD", StringComparison.OrdinalIgnoreCase) ? unit[..^3].TrimEnd() : unit;
        return Scales.TryGetValue(prefix, out double k) ? Finite(value * k, parameter, forms, typed ?? text) : throw Reject(parameter, forms, typed ?? text);
    }

    private static double Scaled(string text, string parameter, string forms, params string[] nouns)
    {
        var (value, unit, usd) = Split(text, parameter, forms);
        return usd || !TryScale(unit, nouns, out double k) ? throw Reject(parameter, forms, text) : Finite(value * k, parameter, forms, text);
    }

    /// <summary>A scale suffix (K, M, B/G, T, P in either case), optionally followed by one of <paramref name="nouns"/>.</summary>
    private static bool TryScale(string unit, string[] nouns, out double k)
    {
        string prefix = unit;
        foreach (string noun in nouns)
        {
            if (prefix.EndsWith(noun, StringComparison.OrdinalIgnoreCase))
            {
                prefix = prefix[..^noun.Length].TrimEnd();
                break;
            }
        }

        return Scales.TryGetValue(prefix, out k);
    }

    private static bool TryPrefixed(string unit, string[] units, Dictionary<string, double> prefixes, StringComparison comparison, out double multiplier)
    {
        foreach (string u in units.OrderByDescending(u => u.Length))
        {
            if (unit.EndsWith(u, comparison) && prefixes.TryGetValue(unit[..^u.Length].TrimEnd(), out multiplier))
            {
                return true;
            }
        }

        multiplier = 0;
        return false;
    }

    private static string StripSuffix(string text, string[] suffixes)
    {
        ArgumentNullException.ThrowIfNull(text);
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

    /// <summary>Splits text into its value, its unit (what follows the number) and whether it had a '$'.</summary>
    private static (double Value, string Unit, bool Usd) Split(string? text, string parameter, string forms, string? typed = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Guard.Fail(parameter, forms, "an empty value");
        }

        Match m = Shape().Match(text);
        if (!m.Success || (m.Groups["s1"].Success && m.Groups["s2"].Success))
        {
            throw Reject(parameter, forms, typed ?? text);
        }

        string digits = m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal) + m.Groups["exp"].Value;
        double value = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (m.Groups["s1"].Value == "-" || m.Groups["s2"].Value == "-")
        {
            value = -value;
        }

        return (Finite(value, parameter, forms, typed ?? text), m.Groups["unit"].Value.Trim(), m.Groups["usd"].Success);
    }

    private static double Finite(double value, string parameter, string forms, string text) =>
        double.IsFinite(value) ? value : throw Guard.Fail(parameter, forms + " (finite)", $"'{text}'");

    private static InputException Reject(string parameter, string forms, string text)
    {
        string? hint = DecimalComma().IsMatch(text)
            ? "use '.' as the decimal point; ',' only separates thousands (1,000)"
            : text.Any(c => char.IsDigit(c) && c is not (>= '0' and <= '9'))
                ? "type the digits 0-9"
                : null;
        return Guard.Fail(parameter, forms, $"'{text}'", hint);
    }

    /// <summary>A comma that is not a thousands separator: not followed by exactly three digits, or after a leading 0.</summary>
    [GeneratedRegex(@"(^|[^0-9])0,[0-9]|,([0-9]{1,2}|[0-9]{4,})([^0-9]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalComma();
}

using System.Globalization;

namespace LlmEcon;

/// <summary>
/// Number formatting for derivations and read-outs, always in the invariant culture.
/// Values are held as <see cref="double"/> (estimates span 10^0…10^26) and rounded only here.
/// </summary>
public static class NumberFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// <paramref name="significant"/> significant digits, trailing zeros dropped; engineering notation
    /// (exponent a multiple of 3, e.g. <c>175e9</c>, <c>312e12</c>) from 10^5 up and below 10^-4.
    /// </summary>
    public static string Compact(double value, int significant = 4)
    {
        if (!double.IsFinite(value))
        {
            return Guard.Show(value);
        }

        if (value == 0)
        {
            return "0";
        }

        double abs = Math.Abs(value);
        if (abs >= 1e5 || abs < 1e-4)
        {
            int exp = (int)Math.Floor(Math.Log10(abs));
            int eng = (int)Math.Floor(exp / 3.0) * 3;
            // Scaled in two steps below 10^-300: 10^-324 alone underflows to 0 (and the mantissa to ∞).
            double mantissa = RoundSignificant(eng < -300 ? value * 1e300 / Math.Pow(10, eng + 300) : value / Math.Pow(10, eng), significant);
            if (Math.Abs(mantissa) >= 1000)
            {
                mantissa /= 1000;
                eng += 3;
            }

            return mantissa.ToString("0.##########", Inv) + "e" + eng.ToString(Inv);
        }

        return RoundSignificant(value, significant).ToString("0.##########", Inv);
    }

    /// <summary>
    /// A count as people write it: below 1000 to 4 significant digits (<c>43.75</c>), then whole with thousands separators up to a
    /// million (<c>16,384</c>, <c>688,705</c>), then 4 significant digits with a scale: M, B, T (<c>30.84M</c>, <c>405B</c>,
    /// <c>15.6T</c>); from 10^15 in engineering notation (<c>3.15e21</c>).
    /// </summary>
    public static string Count(double value)
    {
        if (!double.IsFinite(value))
        {
            return Guard.Show(value);
        }

        double abs = Math.Abs(value);
        if (abs < 1000)
        {
            return Compact(value, 4);
        }

        if (abs < 1e6)
        {
            return value.ToString("#,0", Inv);
        }

        foreach (var (scale, suffix) in new[] { (1e6, "M"), (1e9, "B"), (1e12, "T") })
        {
            double mantissa = RoundSignificant(value / scale, 4);
            if (Math.Abs(mantissa) < 1000)
            {
                return mantissa.ToString("0.###", Inv) + suffix;
            }
        }

        return Compact(value, 4);
    }

    /// <summary>A whole number exactly, with thousands separators: <c>16,384</c> (never rounded to 16380).</summary>
    public static string Integer(double value) => double.IsFinite(value) ? value.ToString("#,0", Inv) : Guard.Show(value);

    /// <summary>Rounds to <paramref name="significant"/> significant digits.</summary>
    public static double RoundSignificant(double value, int significant)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        int digits = significant - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (digits >= 0)
        {
            return Math.Round(value, Math.Min(digits, 15), MidpointRounding.AwayFromZero);
        }

        double scale = Math.Pow(10, -digits);
        return Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale;
    }

    /// <summary>US dollars: whole dollars with thousands separators from $1,000 up, else 4 significant digits.</summary>
    public static string Usd(double usd)
    {
        string sign = usd < 0 ? "-" : "";
        double abs = Math.Abs(usd);
        return abs >= 1000
            ? sign + "$" + abs.ToString("#,0", Inv)
            : sign + "$" + Compact(abs, 4);
    }

    /// <summary>A fraction as a percentage with up to <paramref name="decimals"/> decimals, e.g. <c>21.3%</c>.</summary>
    public static string Percent(double fraction, int decimals = 1) =>
        Math.Round(fraction * 100, decimals, MidpointRounding.AwayFromZero).ToString("0." + new string('#', decimals), Inv) + "%";
}

using System.Globalization;

namespace LlmEcon.Quantities;

/// <summary>
/// Whole numbers to sweep, as typed: one number (<c>64</c>), a list (<c>1,8,64</c>), a range with a factor (<c>1..1024:x2</c>: 1, 2,
/// 4 … 1024) or a step (<c>8..64:+8</c> or <c>8..64:8</c>: 8, 16 … 64). A range ends at its last value within the bound.
/// </summary>
public static class Sweep
{
    /// <summary>At most this many values in one sweep.</summary>
    public const int MaxValues = 10_000;

    /// <summary>The values of <paramref name="text"/>, each in [<paramref name="low"/>, <paramref name="high"/>], in the order typed; an error names <paramref name="parameter"/>.</summary>
    public static IReadOnlyList<long> Integers(string text, string parameter, long low, long high)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Forms = "a whole number, a list (1,8,64) or a range (1..1024:x2, 8..64:+8)";
        string t = text.Trim();
        var values = new List<long>();
        int dots = t.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            foreach (string part in t.Split(','))
            {
                values.Add(Whole(part, parameter, Forms, text, low, high));
            }
        }
        else
        {
            int colon = t.IndexOf(':', dots);
            long from = Whole(t[..dots], parameter, Forms, text, low, high);
            long to = Whole(colon < 0 ? t[(dots + 2)..] : t[(dots + 2)..colon], parameter, Forms, text, low, high);
            string step = colon < 0 ? "+1" : t[(colon + 1)..].Trim();
            if (to < from)
            {
                throw Guard.Fail(parameter, "a range from a smaller to a larger number", $"'{text}'");
            }

            if (step.StartsWith('x'))
            {
                long factor = Whole(step[1..], parameter, Forms, text, 2, 1_000_000);
                for (long v = from; v <= to && values.Count <= MaxValues; v = v > long.MaxValue / factor ? long.MaxValue : v * factor)
                {
                    values.Add(v);
                }
            }
            else
            {
                long add = Whole(step.TrimStart('+'), parameter, Forms, text, 1, long.MaxValue);
                for (long v = from; v <= to && values.Count <= MaxValues; v += add)
                {
                    values.Add(v);
                }
            }
        }

        return values.Count > MaxValues
            ? throw Guard.Fail(parameter, $"at most {MaxValues.ToString("#,0", CultureInfo.InvariantCulture)} values", $"'{text}' (more)")
            : values;
    }

    private static long Whole(string part, string parameter, string forms, string text, long low, long high)
    {
        string p = part.Trim();
        if (!long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out long v))
        {
            throw Guard.Fail(parameter, forms, $"'{text}'");
        }

        return v >= low && v <= high ? v
            : throw Guard.Fail(parameter, $"whole numbers in [{low.ToString(CultureInfo.InvariantCulture)}, {high.ToString(CultureInfo.InvariantCulture)}]", $"{p} in '{text}'");
    }
}

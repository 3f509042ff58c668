using System.Globalization;

namespace LlmEcon.Cli.Commands;

/// <summary>Turns flag text into library values, every error naming the flag.</summary>
internal static class Flags
{
    /// <summary>One of <paramref name="options"/> by its name (<paramref name="name"/>, default lower-case), case-insensitive; the first when not given.</summary>
    public static T Choice<T>(string? text, string flag, IReadOnlyList<T> options, Func<T, string>? name = null) where T : notnull
    {
        name ??= o => o.ToString()!.ToLowerInvariant();
        if (text is null)
        {
            return options[0];
        }

        foreach (T o in options)
        {
            if (string.Equals(name(o), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return o;
            }
        }

        var names = options.Select(name).ToList();
        throw Guard.Fail(flag, "one of " + string.Join(", ", names), $"'{text}'", Suggest.Nearest(text, names).Count > 0 ? Suggest.Hint(text, names) : null);
    }

    /// <summary>Fails unless a required flag was given.</summary>
    public static string Required(string? text, string flag, string what) =>
        text ?? throw Guard.Fail(flag, $"given ({what})", "nothing");

    /// <summary>A whole number ≥ 1.</summary>
    public static int Count(string text, string flag)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n))
        {
            throw Guard.Fail(flag, "a whole number ≥ 1", $"'{text}'");
        }

        return Guard.PositiveCount(n, flag);
    }

    /// <summary>A plain number (e.g. a divisor or a count of words), finite and ≥ 0.</summary>
    public static double Number(string text, string flag)
    {
        string t = text.Trim();
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            string? hint = t.Contains(',', StringComparison.Ordinal) ? "use '.' as the decimal point" : null;
            throw Guard.Fail(flag, "a number", $"'{text}'", hint);
        }

        return Guard.NonNegative(v, flag);
    }

    /// <summary>Runs a catalog lookup, naming <paramref name="flag"/> instead of the catalog section in its error.</summary>
    public static T Lookup<T>(Func<T> find, string flag)
    {
        ArgumentNullException.ThrowIfNull(find);
        try
        {
            return find();
        }
        catch (InputException e) when (e.Rule.StartsWith("an id in the catalog", StringComparison.Ordinal))
        {
            throw new InputException(flag, e.Rule, e.Actual, e.Hint);
        }
    }
}

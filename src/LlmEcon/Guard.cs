using System.Globalization;

namespace LlmEcon;

/// <summary>
/// The one place that checks inputs. Every failure is one sentence of the same shape:
/// <c>{parameter} must be {rule}; got {value}.</c> (plus a hint where one helps).
/// </summary>
public static class Guard
{
    /// <summary>Formats a number the way every message of this library does (invariant culture, round-trip).</summary>
    public static string Show(double value) => double.IsPositiveInfinity(value) ? "∞"
        : double.IsNegativeInfinity(value) ? "-∞"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Throws unless <paramref name="value"/> is a finite number.</summary>
    public static double Finite(double value, string parameter) =>
        double.IsFinite(value) ? value : throw Fail(parameter, "a finite number", Show(value));

    /// <summary>Throws unless <paramref name="value"/> is finite and ≥ 0.</summary>
    public static double NonNegative(double value, string parameter) =>
        double.IsFinite(value) && value >= 0 ? value : throw Fail(parameter, "a finite number ≥ 0", Show(value));

    /// <summary>Throws unless <paramref name="value"/> is finite and &gt; 0.</summary>
    public static double Positive(double value, string parameter) =>
        double.IsFinite(value) && value > 0 ? value : throw Fail(parameter, "a finite number > 0", Show(value));

    /// <summary>Throws unless <paramref name="value"/> is a whole number ≥ 1.</summary>
    public static int PositiveCount(int value, string parameter) =>
        value >= 1 ? value : throw Fail(parameter, "a whole number ≥ 1", value.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Throws unless <paramref name="value"/> lies in the interval <c>(low, high]</c> or <c>[low, high]</c>
    /// as <paramref name="lowOpen"/> and <paramref name="highOpen"/> say.
    /// </summary>
    public static double InRange(double value, string parameter, double low, double high, bool lowOpen, bool highOpen, string? hint = null)
    {
        bool ok = double.IsFinite(value)
            && (lowOpen ? value > low : value >= low)
            && (highOpen ? value < high : value <= high);
        if (ok)
        {
            return value;
        }

        string rule = string.Create(CultureInfo.InvariantCulture,
            $"in {(lowOpen ? "(" : "[")}{Show(low)}, {Show(high)}{(highOpen ? ")" : "]")}");
        throw Fail(parameter, rule, Show(value), hint);
    }

    /// <summary>A utilization (e.g. model FLOPs utilization): a fraction in (0, 1].</summary>
    public static double Utilization(double fraction, string parameter) =>
        InRange(fraction, parameter, 0, 1, lowOpen: true, highOpen: false, PercentHint(fraction));

    /// <summary>A rate that removes part of a whole (cache hit rate, gross margin, reduction): a fraction in [0, 1).</summary>
    public static double FractionBelowOne(double fraction, string parameter) =>
        InRange(fraction, parameter, 0, 1, lowOpen: false, highOpen: true, PercentHint(fraction));

    /// <summary>Builds the exception for a failed rule; the message is exactly one sentence.</summary>
    public static InputException Fail(string parameter, string rule, string actual, string? hint = null) =>
        new(parameter, rule, actual, hint);

    private static string? PercentHint(double fraction) =>
        double.IsFinite(fraction) && fraction > 1 && fraction <= 100
            ? string.Create(CultureInfo.InvariantCulture, $"a fraction is expected: did you mean {Show(fraction)}% = {Show(fraction / 100)}?")
            : null;
}

/// <summary>
/// Bad input, in one sentence: the parameter, the rule it breaks and the value it got,
/// e.g. <c>mfu must be in (0, 1]; got 1.7.</c>
/// </summary>
public sealed class InputException : ArgumentException
{
    /// <summary>Creates the exception from its parts.</summary>
    public InputException(string parameter, string rule, string actual, string? hint = null)
        : base(Compose(parameter, rule, actual, hint), parameter)
    {
        Parameter = parameter;
        Rule = rule;
        Actual = actual;
        Hint = hint;
    }

    /// <summary>The parameter (or field) that was wrong.</summary>
    public string Parameter { get; }

    /// <summary>The rule it broke, e.g. <c>in (0, 1]</c>.</summary>
    public string Rule { get; }

    /// <summary>The value it got, as text.</summary>
    public string Actual { get; }

    /// <summary>A suggestion (did-you-mean, the legal options), or null.</summary>
    public string? Hint { get; }

    /// <summary>The same error naming <paramref name="parameter"/> instead: a shell renames a library parameter to the option its user typed.</summary>
    public InputException Renamed(string parameter) => new(parameter, Rule, Actual, Hint);

    /// <summary>The sentence, without the "(Parameter …)" suffix <see cref="ArgumentException"/> would add.</summary>
    public override string Message => Compose(Parameter, Rule, Actual, Hint);

    private static string Compose(string parameter, string rule, string actual, string? hint) =>
        $"{parameter} must be {rule}; got {actual}." + (hint is null ? "" : $" {Sentence(hint)}");

    /// <summary>A hint as a sentence: capitalised, ending in '.' or '?'.</summary>
    public static string Sentence(string s) =>
        s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..] + (s.EndsWith('.') || s.EndsWith('?') ? "" : ".");

    /// <summary>Not supported: use the constructor with parts.</summary>
    public InputException() : this("value", "valid", "nothing") { }

    /// <summary>Not supported: use the constructor with parts.</summary>
    public InputException(string message) : this("value", "valid", message) { }

    /// <summary>Not supported: use the constructor with parts.</summary>
    public InputException(string message, Exception innerException) : base(message, innerException)
    {
        Parameter = "value";
        Rule = "valid";
        Actual = message;
    }
}

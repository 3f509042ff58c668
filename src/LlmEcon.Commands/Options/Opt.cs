using System.Globalization;
using LlmEcon.Quantities;

namespace LlmEcon.Cli.Options;

/// <summary>
/// One option of the command line, defined once (see <see cref="O"/>): its name, the value it takes, what it means, an example in
/// the one grammar of numbers, and the one rule its value must keep. Help, parsing and every error read from this definition.
/// </summary>
internal abstract class Opt(string name, string? valueName, string help, string? example)
{
    /// <summary>The long name, e.g. <c>--mfu</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The value's name in help, e.g. <c>FRACTION</c>; null for a switch such as <c>--explain</c>.</summary>
    public string? ValueName { get; } = valueName;

    /// <summary>What the option means (one or two sentences).</summary>
    public string Help { get; } = help;

    /// <summary>An example value in the one grammar, e.g. <c>21.3%</c>; shown in help, shell-quoted where it needs it.</summary>
    public string? Example { get; } = example;

    /// <summary>True when the option may be given more than once (each use adds a value).</summary>
    public virtual bool Repeatable => false;

    /// <summary>The rule its value keeps, as help shows it (e.g. <c>a fraction in [1e-6, 1]</c>); empty when only the grammar applies.</summary>
    public virtual string Rule => "";

    /// <summary>Checks <paramref name="text"/> against the option's grammar and rule; throws an <see cref="InputException"/> naming the option.</summary>
    public abstract void Check(string text);
}

/// <summary>A switch: present or not (<c>--explain</c>).</summary>
internal sealed class SwitchOpt(string name, string help) : Opt(name, null, help, null)
{
    /// <inheritdoc/>
    public override void Check(string text) { }
}

/// <summary>A text value: an id, a file, a column name. <paramref name="check"/> may refuse it.</summary>
internal sealed class TextOpt(string name, string valueName, string help, string? example, bool repeatable = false, Action<string, string>? check = null)
    : Opt(name, valueName, help, example)
{
    /// <inheritdoc/>
    public override bool Repeatable { get; } = repeatable;

    /// <inheritdoc/>
    public override void Check(string text)
    {
        if (text.Length == 0)
        {
            throw Guard.Fail(Name, $"a {ValueName!.ToLowerInvariant()}", "an empty value");
        }

        check?.Invoke(Name, text);
    }
}

/// <summary>One of a fixed list of words, case-insensitive (<c>--format json</c>).</summary>
internal sealed class ChoiceOpt(string name, string valueName, string help, IReadOnlyList<string> choices) : Opt(name, valueName, help, choices[0])
{
    /// <summary>The words it accepts; the first is the default unless the command says otherwise.</summary>
    public IReadOnlyList<string> Choices { get; } = choices;

    /// <inheritdoc/>
    public override string Rule => "one of " + string.Join(", ", Choices);

    /// <inheritdoc/>
    public override void Check(string text) => Pick(text, Choices);

    /// <summary>The choice <paramref name="text"/> names among <paramref name="allowed"/>, or an error with the nearest.</summary>
    public string Pick(string text, IReadOnlyList<string> allowed)
    {
        foreach (string c in allowed)
        {
            if (string.Equals(c, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return c;
            }
        }

        IReadOnlyList<string> near = Suggest.Nearest(text, allowed);
        throw Guard.Fail(Name, "one of " + string.Join(", ", allowed), $"'{text}'", near.Count > 0 ? Suggest.Hint(text, allowed) : null);
    }
}

/// <summary>
/// A number in a unit, read by the library's one grammar (<see cref="QuantityParser"/>) and then held to a closed or open range:
/// one option, one rule, one message (<c>--mfu must be a fraction in [1e-6, 1]; got 4e-324.</c>).
/// </summary>
/// <typeparam name="T">The value's type: a quantity, a double or a whole number.</typeparam>
internal sealed class ValueOpt<T>(string name, string valueName, string help, string example, Func<string, string, T> read, Func<T, double> magnitude, Range range)
    : Opt(name, valueName, help, example), INumericOpt where T : struct
{
    /// <inheritdoc/>
    public double Magnitude(string text) => magnitude(Read(text));

    /// <summary>The range the value must lie in.</summary>
    public Range Range { get; } = range;

    /// <inheritdoc/>
    public override string Rule => Range.Text;

    /// <inheritdoc/>
    public override void Check(string text) => Read(text);

    /// <summary>
    /// The value of <paramref name="text"/>, or an error naming the option. Every range here is of values ≥ 0, so a negative number
    /// is read without its sign and refused by the range's rule (one rule, whatever the value).
    /// </summary>
    public T Read(string text)
    {
        string t = text.TrimStart();
        bool negative = t.StartsWith('-');
        T value = read(negative ? t[1..] : text, Name);
        double m = negative ? -magnitude(value) : magnitude(value);
        if (negative || !Range.Contains(m))
        {
            throw Guard.Fail(Name, Range.Text, Range.Show(m, text), Range.HintFor(m, text));
        }

        return value;
    }
}

/// <summary>An option whose value is a number in a range (the ones --solve can solve).</summary>
internal interface INumericOpt
{
    /// <summary>The range the value must lie in.</summary>
    Range Range { get; }

    /// <summary>The number <paramref name="text"/> stands for, in the range's unit; an error naming the option when it is not one.</summary>
    double Magnitude(string text);
}

/// <summary>
/// The range of a value, in the unit the option shows (<c>[1, 1e15]</c> parameters, <c>[1e-6, 1]</c> for a fraction), with the
/// words help and errors use.
/// </summary>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
/// <param name="LowOpen">True when the lower bound is excluded.</param>
/// <param name="HighOpen">True when the upper bound is excluded.</param>
/// <param name="What">What the value is, e.g. <c>a fraction</c>, <c>a whole number</c>, <c>an amount in USD</c>.</param>
/// <param name="Percent">True for a fraction: a plain number above 1 gets a "did you mean N%?" hint (never one typed with %).</param>
internal sealed record Range(double Low, double High, bool LowOpen, bool HighOpen, string What, bool Percent = false)
{
    /// <summary>Every option's values are ≥ 0 (see <see cref="ValueOpt{T}.Read"/>).</summary>
    public double Low { get; } = Low >= 0 ? Low : throw new ArgumentOutOfRangeException(nameof(Low), "Ranges start at 0 or above.");

    /// <summary>The rule, e.g. <c>a fraction in [1e-6, 1] (0.0001% to 100%)</c>.</summary>
    public string Text
    {
        get
        {
            string interval = (LowOpen ? "(" : "[") + Number(Low) + ", " + Number(High) + (HighOpen ? ")" : "]");
            string percent = Percent ? $" ({Pct(Low)} to {Pct(High)})" : "";
            return $"{What} in {interval}{percent}";
        }
    }

    /// <summary>True when <paramref name="v"/> lies in the range.</summary>
    public bool Contains(double v) => double.IsFinite(v) && (LowOpen ? v > Low : v >= Low) && (HighOpen ? v < High : v <= High);

    /// <summary>The value as an error shows it: the number read (the text too, when they differ).</summary>
    public string Show(double v, string text)
    {
        string n = Guard.Show(v);
        return string.Equals(n, text.Trim(), StringComparison.Ordinal) ? n : $"{n} ('{text.Trim()}')";
    }

    /// <summary>"Did you mean 1.7%?" for a fraction typed as a percentage without the sign.</summary>
    public string? HintFor(double v, string text) =>
        Percent && double.IsFinite(v) && v > High && v <= 100 && !QuantityParser.IsPercent(text)
            ? string.Create(CultureInfo.InvariantCulture, $"a fraction is expected: did you mean {Guard.Show(v)}% = {Guard.Show(v / 100)}?")
            : null;

    /// <summary>A bound as people write it: 1e15, 2147483647, 0.5, 1e-6.</summary>
    private static string Number(double v)
    {
        double exponent = Math.Log10(Math.Abs(v));
        return v != 0 && Math.Abs(exponent) >= 4 && exponent == Math.Round(exponent)
            ? (v < 0 ? "-" : "") + "1e" + ((int)exponent).ToString(CultureInfo.InvariantCulture)
            : Guard.Show(v);
    }

    private static string Pct(double v) => ((decimal)v * 100).ToString("0.##########", CultureInfo.InvariantCulture) + "%";
}

using System.Text;

namespace LlmEcon.Derivations;

/// <summary>Where a number came from: a catalog entry's field, with that entry's source and date.</summary>
/// <param name="EntryId">The catalog entry's id, e.g. <c>a100-40gb</c>.</param>
/// <param name="Field">The field, e.g. <c>peaks[fp16,dense].flopPerSecond</c>.</param>
/// <param name="Source">The entry's source (paper, datasheet, price list).</param>
/// <param name="Date">The entry's published or retrieved date.</param>
public sealed record Provenance(string EntryId, string Field, string Source, string Date)
{
    /// <summary>e.g. <c>a100-40gb.usdPerHour — source (2023-01)</c>.</summary>
    public override string ToString() => $"{EntryId}.{Field} — {Source} ({Date})";
}

/// <summary>
/// A value together with where it came from: a catalog entry, or (with no provenance) the caller.
/// Converts implicitly from the bare value, so user-given inputs need no ceremony.
/// </summary>
/// <typeparam name="T">The quantity type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="From">Its catalog provenance, or null when the caller gave it.</param>
public readonly record struct Sourced<T>(T Value, Provenance? From = null)
{
    /// <summary>A value the caller gave, with no catalog provenance.</summary>
    public static implicit operator Sourced<T>(T value) => new(value);

    /// <summary>Same as the implicit conversion, for languages without it.</summary>
    public static Sourced<T> FromValue(T value) => new(value);

    /// <summary>The source as a short phrase: the catalog entry, or "given".</summary>
    public string Origin => From is null ? "given" : From.ToString();
}

/// <summary>One input of a derivation: its symbol, meaning, value as printed and where it came from.</summary>
/// <param name="Symbol">The symbol used in the formula, e.g. <c>N</c>.</param>
/// <param name="Meaning">What it is, with its unit, e.g. <c>parameters</c>.</param>
/// <param name="Value">The value as substituted, e.g. <c>175e9</c>.</param>
/// <param name="From">The catalog provenance, or null when the caller gave it.</param>
public sealed record Term(string Symbol, string Meaning, string Value, Provenance? From = null)
{
    /// <summary>Builds a term from a sourced value and its formatted text.</summary>
    public static Term Of<T>(string symbol, string meaning, Sourced<T> value, string text) => new(symbol, meaning, text, value.From);
}

/// <summary>
/// How a number was computed: the formula, the formula with the numbers substituted (in the article's order),
/// the result, the equation it implements, and every input with its source. What <c>--explain</c> prints.
/// </summary>
/// <param name="Quantity">What was computed, with its unit, e.g. <c>inference cost per 1000 tokens (USD)</c>.</param>
/// <param name="Equation">The equation's number in docs/formulas.md and its source, e.g. <c>(3) Sun 2023 §3</c>.</param>
/// <param name="Formula">The formula in symbols.</param>
/// <param name="Substituted">The formula with numbers and units substituted.</param>
/// <param name="Result">The result with its unit.</param>
/// <param name="Inputs">Every input with its source.</param>
public sealed record Derivation(string Quantity, string Equation, string Formula, string Substituted, string Result, IReadOnlyList<Term> Inputs)
{
    /// <summary>
    /// The value the expression computed, which <see cref="Substituted"/> evaluates to (up to the rounding of the shown inputs); null for
    /// a procedure (a fit, a search) that no one line states.
    /// </summary>
    public double? Value { get; init; }

    /// <summary>
    /// The derivation of <paramref name="expression"/>: its formula, its substituted line, its inputs and its value, all read from the
    /// one expression that computed the number; <paramref name="result"/> formats the value with its unit.
    /// </summary>
    public static Derivation Of(string quantity, string equation, Expr expression, Func<double, string> result)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(result);
        return new Derivation(quantity, equation, expression.Formula, expression.Substituted, result(expression.Value),
            [.. expression.Inputs.Select(i => i.ToTerm())]) { Value = expression.Value };
    }

    /// <summary>A procedure's account (a fit by L-BFGS, a golden-section search): what was done, not one line to evaluate.</summary>
    public static Derivation Procedure(string quantity, string equation, string method, string applied, string result, IReadOnlyList<Term> inputs) =>
        new(quantity, equation, method, applied, result, inputs);

    /// <summary>The substituted formula and result on one line, e.g. <c>… × $19.22/h / 3600 s/h = $0.003515</c>.</summary>
    public string OneLine => $"{Substituted} = {Result}";

    /// <summary>A multi-line account: quantity, equation, formula, substitution, and inputs with sources.</summary>
    public string Explain()
    {
        var sb = new StringBuilder();
        sb.Append(Quantity).Append(" — eq. ").Append(Equation).Append('\n');
        sb.Append("  ").Append(Formula).Append('\n');
        sb.Append("  = ").Append(Substituted).Append('\n');
        sb.Append("  = ").Append(Result).Append('\n');
        foreach (Term t in Inputs)
        {
            sb.Append("    ").Append(t.Symbol).Append(" = ").Append(t.Value).Append(" (").Append(t.Meaning).Append(")")
              .Append(t.From is null ? "" : "  ← " + t.From).Append('\n');
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => OneLine;
}

using System.Globalization;
using System.Text;

namespace LlmEcon.Derivations;

/// <summary>
/// An equation as an expression over named, sourced inputs and shown constants. Its value, its formula in symbols, the same
/// formula with the numbers substituted, and its inputs with their sources are all read from this one tree, so what a derivation
/// prints cannot drift from what it computes (<see cref="Derivation.Of"/>).
/// <code>
/// Expr cost = n * k * Expr.Const(1000, "1000 tokens") / (chips * peak * mfu) * price / Expr.Const(3600, "3600 s/h");
/// </code>
/// Rendering: binary operators stand between spaces (<c> × </c>, <c> / </c>, <c> + </c>, <c> − </c>); a number's unit follows it
/// after one space and holds no space (<c>175e9 params</c>, <c>$19.22/h</c>), so the substituted line can be read back and evaluated.
/// </summary>
public abstract class Expr : ITerm<Expr>
{
    /// <summary>The expression's value.</summary>
    public abstract double Value { get; }

    /// <summary>How tightly it binds when written: 1 sum, 2 product, 3 power, 4 an atom or a function.</summary>
    internal abstract int Precedence { get; }

    /// <summary>Writes the expression: in symbols, or with each input's shown value substituted.</summary>
    internal abstract void Write(StringBuilder sb, bool substituted);

    /// <summary>Adds this expression's inputs to <paramref name="inputs"/> (each symbol once, first use first).</summary>
    internal abstract void Collect(List<Input> inputs);

    /// <summary>The formula in symbols, e.g. <c>N × k × 1000 tokens / (chips × peak × MFU)</c>.</summary>
    public string Formula => Render(false);

    /// <summary>The formula with the numbers substituted, e.g. <c>175e9 params × 2 FLOP/param/token × …</c>.</summary>
    public string Substituted => Render(true);

    /// <summary>Every input, each symbol once, in the order the formula first uses it.</summary>
    public IReadOnlyList<Input> Inputs
    {
        get
        {
            var list = new List<Input>();
            Collect(list);
            return list;
        }
    }

    private string Render(bool substituted)
    {
        var sb = new StringBuilder();
        Write(sb, substituted);
        return sb.ToString();
    }

    /// <summary>A named input: its symbol in the formula, what it is, its value, how it is shown when substituted, and its source.</summary>
    public static Input In(string symbol, string meaning, double value, string shown, Provenance? from = null) => new(symbol, meaning, value, shown, from);

    /// <summary>A named input from a sourced value.</summary>
    public static Input In<T>(string symbol, string meaning, Sourced<T> value, Func<T, double> number, string shown) =>
        new(symbol, meaning, number(value.Value), shown, value.From);

    /// <summary>A constant shown the same in the formula and the substitution, e.g. <c>3600 s/h</c> or <c>1</c>.</summary>
    public static Expr Const(double value, string text) => new Constant(value, text);

    /// <summary>A whole-number constant shown as itself: <c>1</c>, <c>6</c>.</summary>
    public static Expr Const(double value) => new Constant(value, Guard.Show(value));

    /// <summary>a + b.</summary>
    public static Expr operator +(Expr a, Expr b) => new Binary('+', a, b);

    /// <summary>a − b.</summary>
    public static Expr operator -(Expr a, Expr b) => new Binary('−', a, b);

    /// <summary>a × b.</summary>
    public static Expr operator *(Expr a, Expr b) => new Binary('×', a, b);

    /// <summary>a / b.</summary>
    public static Expr operator /(Expr a, Expr b) => new Binary('/', a, b);

    /// <summary>Named alternates for languages without operators.</summary>
    public static Expr Add(Expr a, Expr b) => a + b;

    /// <summary>a − b.</summary>
    public static Expr Subtract(Expr a, Expr b) => a - b;

    /// <summary>a × b.</summary>
    public static Expr Multiply(Expr a, Expr b) => a * b;

    /// <summary>a / b.</summary>
    public static Expr Divide(Expr a, Expr b) => a / b;

    /// <summary>b^e, written <c>b^e</c> (the exponent in parentheses unless it is an atom).</summary>
    public static Expr Pow(Expr b, Expr e) => new Binary('^', b, e);

    /// <summary>e^x, written <c>exp(x)</c>.</summary>
    public static Expr Exp(Expr x) => new Call("exp", x, Math.Exp);

    /// <summary>ln x, written <c>ln(x)</c>.</summary>
    public static Expr Ln(Expr x) => new Call("ln", x, Math.Log);

    /// <summary>The smallest whole number ≥ x, written <c>⌈x⌉</c>, forgiving float noise of 1e-9 relative (3.5e12 / 7e10 is 50, not 51).</summary>
    public static Expr Ceiling(Expr x) => new Call("ceil", x, CeilingOf);

    /// <summary>⌈x⌉ as <see cref="Ceiling"/> and <see cref="SubstitutedLine"/> compute it.</summary>
    internal static double CeilingOf(double x) => Math.Ceiling(x - 1e-9 * Math.Abs(x));

    /// <summary>The larger of a and b, written <c>max(a, b)</c>.</summary>
    public static Expr Max(Expr a, Expr b) => new Call2("max", a, b, Math.Max);

    /// <summary>The smaller of a and b, written <c>min(a, b)</c>.</summary>
    public static Expr Min(Expr a, Expr b) => new Call2("min", a, b, Math.Min);

    /// <inheritdoc/>
    static bool ITerm<Expr>.Traced => true;

    /// <inheritdoc/>
    static Expr ITerm<Expr>.Named(string symbol, string meaning, double value, Func<double, string> shown, Provenance? from) =>
        new Input(symbol, meaning, value, shown(value), from);

    /// <inheritdoc/>
    static Expr ITerm<Expr>.Const(double value, string text) => new Constant(value, text);

    /// <inheritdoc/>
    static Expr ITerm<Expr>.Power(Expr b, Expr e) => Pow(b, e);

    /// <summary>A constant or an input.</summary>
    private sealed class Constant(double value, string text) : Expr
    {
        public override double Value { get; } = value;

        internal override int Precedence => 4;

        internal override void Write(StringBuilder sb, bool substituted) => sb.Append(text);

        internal override void Collect(List<Input> inputs) { }
    }

    private sealed class Binary(char op, Expr left, Expr right) : Expr
    {
        public override double Value { get; } = op switch
        {
            '+' => left.Value + right.Value,
            '−' => left.Value - right.Value,
            '×' => left.Value * right.Value,
            '/' => left.Value / right.Value,
            _ => Math.Pow(left.Value, right.Value),
        };

        internal override int Precedence => op switch { '+' or '−' => 1, '×' or '/' => 2, _ => 3 };

        internal override void Write(StringBuilder sb, bool substituted)
        {
            // The left side is wrapped when it binds less tightly; the right also when it binds as tightly and the operator
            // does not associate (a − (b − c), a / (b × c)); a power wraps any base that is not an atom, and any exponent.
            bool wrapLeft = op == '^' ? left.Precedence < 4 || (substituted && left is Input) : left.Precedence < Precedence;
            bool wrapRight = op == '^' ? right.Precedence < 4 : right.Precedence < Precedence || (right.Precedence == Precedence && op is '−' or '/');
            Wrapped(sb, left, wrapLeft, substituted);
            sb.Append(op == '^' ? "^" : $" {op} ");
            Wrapped(sb, right, wrapRight, substituted);
        }

        internal override void Collect(List<Input> inputs)
        {
            left.Collect(inputs);
            right.Collect(inputs);
        }

        private static void Wrapped(StringBuilder sb, Expr e, bool wrap, bool substituted)
        {
            if (wrap)
            {
                sb.Append('(');
            }

            e.Write(sb, substituted);
            if (wrap)
            {
                sb.Append(')');
            }
        }
    }

    private sealed class Call(string name, Expr argument, Func<double, double> f) : Expr
    {
        public override double Value { get; } = f(argument.Value);

        internal override int Precedence => 4;

        internal override void Write(StringBuilder sb, bool substituted)
        {
            if (name == "ceil")
            {
                sb.Append('⌈');
                argument.Write(sb, substituted);
                sb.Append('⌉');
                return;
            }

            sb.Append(name).Append('(');
            argument.Write(sb, substituted);
            sb.Append(')');
        }

        internal override void Collect(List<Input> inputs) => argument.Collect(inputs);
    }

    private sealed class Call2(string name, Expr first, Expr second, Func<double, double, double> f) : Expr
    {
        public override double Value { get; } = f(first.Value, second.Value);

        internal override int Precedence => 4;

        internal override void Write(StringBuilder sb, bool substituted)
        {
            sb.Append(name).Append('(');
            first.Write(sb, substituted);
            sb.Append(", ");
            second.Write(sb, substituted);
            sb.Append(')');
        }

        internal override void Collect(List<Input> inputs)
        {
            first.Collect(inputs);
            second.Collect(inputs);
        }
    }
}

/// <summary>
/// A named input of an equation: its symbol (<c>N</c>), what it is (<c>parameters</c>), its value, its value as substituted
/// (<c>175e9 params</c>: the number, then one space and a unit without spaces) and, from the catalog, its source.
/// </summary>
public sealed class Input : Expr
{
    internal Input(string symbol, string meaning, double value, string shown, Provenance? from)
    {
        Symbol = symbol;
        Meaning = meaning;
        Value = Guard.Finite(value, symbol);
        Shown = shown;
        From = from;
    }

    /// <summary>The symbol in the formula.</summary>
    public string Symbol { get; }

    /// <summary>What it is, with its unit.</summary>
    public string Meaning { get; }

    /// <inheritdoc/>
    public override double Value { get; }

    /// <summary>The value as the substituted line shows it.</summary>
    public string Shown { get; }

    /// <summary>The catalog entry it came from, or null when given.</summary>
    public Provenance? From { get; }

    internal override int Precedence => 4;

    internal override void Write(StringBuilder sb, bool substituted) => sb.Append(substituted ? Shown : Symbol);

    internal override void Collect(List<Input> inputs)
    {
        if (!inputs.Any(i => i.Symbol == Symbol))
        {
            inputs.Add(this);
        }
    }

    /// <summary>The input as a derivation lists it.</summary>
    public Term ToTerm() => new(Symbol, Meaning, Shown, From);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Symbol} = {Shown}");
}

using System.Globalization;

namespace LlmEcon.Derivations;

/// <summary>
/// Reads a derivation's substituted line back and evaluates it, so that a test (or a reader) can check that what is printed computes
/// what is claimed. The line is what <see cref="Expr"/> writes: numbers (<c>175e9</c>, <c>$19.22</c>, <c>1,287</c>, <c>21.3%</c>,
/// <c>175B</c>) each with an optional unit (after one space, or attached: <c>$19.22/h</c>), the operators + − × / between spaces, ^,
/// parentheses, <c>⌈x⌉</c>, <c>exp(x)</c>, <c>ln(x)</c>, <c>max(a, b)</c> and <c>min(a, b)</c>.
/// </summary>
public static class SubstitutedLine
{
    /// <summary>The value of <paramref name="line"/>; a line it cannot read is an <see cref="InputException"/> saying where.</summary>
    public static double Evaluate(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var reader = new Reader(line);
        double v = reader.Sum();
        reader.SkipSpaces();
        return reader.AtEnd ? v : throw reader.Error("the end of the line");
    }

    private sealed class Reader(string s)
    {
        private int _i;

        public bool AtEnd => _i >= s.Length;

        public void SkipSpaces()
        {
            while (_i < s.Length && s[_i] == ' ')
            {
                _i++;
            }
        }

        public InputException Error(string expected) =>
            Guard.Fail("substituted line", $"{expected} at character {_i + 1}", $"'{s}'");

        private bool Operator(string op)
        {
            string spaced = " " + op + " ";
            if (string.CompareOrdinal(s, _i, spaced, 0, spaced.Length) == 0)
            {
                _i += spaced.Length;
                return true;
            }

            return false;
        }

        public double Sum()
        {
            double v = Product();
            while (true)
            {
                if (Operator("+"))
                {
                    v += Product();
                }
                else if (Operator("−") || Operator("-"))
                {
                    v -= Product();
                }
                else
                {
                    return v;
                }
            }
        }

        private double Product()
        {
            double v = Power();
            while (true)
            {
                if (Operator("×") || Operator("*"))
                {
                    v *= Power();
                }
                else if (Operator("/"))
                {
                    v /= Power();
                }
                else
                {
                    return v;
                }
            }
        }

        private double Power()
        {
            double b = Unary();
            if (_i < s.Length && s[_i] == '^')
            {
                _i++;
                return Math.Pow(b, Power());
            }

            return b;
        }

        private double Unary()
        {
            if (_i < s.Length && (s[_i] == '-' || s[_i] == '−'))
            {
                _i++;
                return -Unary();
            }

            return Atom();
        }

        private double Atom()
        {
            if (_i >= s.Length)
            {
                throw Error("a number or '('");
            }

            char c = s[_i];
            if (c == '(')
            {
                _i++;
                double v = Sum();
                Expect(')');
                return v;
            }

            if (c == '⌈')
            {
                _i++;
                double v = Sum();
                Expect('⌉');
                return Expr.CeilingOf(v);
            }

            foreach (var (name, g) in new (string, Func<double, double, double>)[] { ("max(", Math.Max), ("min(", Math.Min) })
            {
                if (string.CompareOrdinal(s, _i, name, 0, name.Length) == 0)
                {
                    _i += name.Length;
                    double a = Sum();
                    Expect(',');
                    SkipSpaces();
                    double b = Sum();
                    Expect(')');
                    return g(a, b);
                }
            }

            foreach (var (name, f) in new (string, Func<double, double>)[] { ("exp(", Math.Exp), ("ln(", Math.Log) })
            {
                if (string.CompareOrdinal(s, _i, name, 0, name.Length) == 0)
                {
                    _i += name.Length;
                    double v = Sum();
                    Expect(')');
                    return f(v);
                }
            }

            return Number();
        }

        private void Expect(char c)
        {
            if (_i >= s.Length || s[_i] != c)
            {
                throw Error($"'{c}'");
            }

            _i++;
        }

        private double Number()
        {
            int start = _i;
            if (s[_i] == '$')
            {
                _i++;
            }

            int digits = _i;
            while (_i < s.Length && (char.IsAsciiDigit(s[_i]) || s[_i] == '.' || GroupSeparator() || ExponentMark() || ExponentSign(digits)))
            {
                _i++;
            }

            if (_i == digits)
            {
                _i = start;
                throw Error("a number");
            }

            double v = double.Parse(s.AsSpan(digits, _i - digits).ToString().Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);
            if (_i < s.Length)
            {
                switch (s[_i])
                {
                    case 'K': v *= 1e3; _i++; break;
                    case 'M': v *= 1e6; _i++; break;
                    case 'B': v *= 1e9; _i++; break;
                    case 'T': v *= 1e12; _i++; break;
                    case '%': v /= 100; _i++; break;
                }
            }

            SkipUnit();
            return v;
        }

        /// <summary>A comma between groups of three digits (<c>1,287</c>): followed by three digits.</summary>
        private bool GroupSeparator() => s[_i] == ',' && _i + 3 < s.Length && !s.AsSpan(_i + 1, 3).ContainsAnyExceptInRange('0', '9');

        /// <summary>The e of an exponent (<c>3.15e23</c>, <c>1e-5</c>): followed by a digit or a sign.</summary>
        private bool ExponentMark() => s[_i] is 'e' or 'E' && _i + 1 < s.Length && (char.IsAsciiDigit(s[_i + 1]) || s[_i + 1] is '-' or '+');

        /// <summary>The sign of an exponent: right after its e, within the number that began at <paramref name="digits"/>.</summary>
        private bool ExponentSign(int digits) => s[_i] is '-' or '+' && _i > digits && s[_i - 1] is 'e' or 'E';

        /// <summary>
        /// A unit attached to the number (<c>/h</c>, <c>×</c>: it starts with a letter, '/' or '×') or after one space (<c> params</c>: a letter
        /// or '/'), up to a space, ')', ',', '^' or '⌉'.
        /// </summary>
        private void SkipUnit()
        {
            bool attached = _i < s.Length && (char.IsLetter(s[_i]) || s[_i] is '/' or '×');
            bool spaced = !attached && _i + 1 < s.Length && s[_i] == ' ' && (char.IsLetter(s[_i + 1]) || s[_i + 1] == '/')
                          && !(s[_i + 1] == '/' && _i + 2 < s.Length && s[_i + 2] == ' ');
            if (!attached && !spaced)
            {
                return;
            }

            if (spaced)
            {
                _i++;
            }

            while (_i < s.Length && s[_i] != ' ' && s[_i] != ')' && s[_i] != ',' && s[_i] != '^' && s[_i] != '⌉')
            {
                _i++;
            }
        }
    }
}

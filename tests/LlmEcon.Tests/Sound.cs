using System.Text.RegularExpressions;
using LlmEcon.Derivations;
using Xunit;

namespace LlmEcon.Tests;

/// <summary>
/// What every derivation promises a reader: it names its quantity, cites its equation by number, states a formula, substitutes
/// numbers that evaluate to its value, and lists every input with a meaning. Inputs print to 4 significant digits, so a substituted
/// line evaluates to its value within 1e-3 (relative).
/// </summary>
internal static partial class Sound
{
    [GeneratedRegex(@"^\(\d+[a-z]?\) \S")]
    private static partial Regex Citation();

    public static void Derivation(Derivation d)
    {
        Assert.False(string.IsNullOrWhiteSpace(d.Quantity), "a derivation without a quantity");
        Assert.Matches(Citation(), d.Equation);
        Assert.False(string.IsNullOrWhiteSpace(d.Formula), d.Quantity + ": no formula");
        Assert.False(string.IsNullOrWhiteSpace(d.Result), d.Quantity + ": no result");
        Assert.NotEmpty(d.Inputs);
        foreach (Term t in d.Inputs)
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Symbol), d.Quantity + ": an input without a symbol");
            Assert.False(string.IsNullOrWhiteSpace(t.Meaning), $"{d.Quantity}: input {t.Symbol} has no meaning");
            Assert.False(string.IsNullOrWhiteSpace(t.Value), $"{d.Quantity}: input {t.Symbol} has no value");
        }

        if (d.Value is { } v)
        {
            double evaluated = SubstitutedLine.Evaluate(d.Substituted);
            Assert.True(Math.Abs(evaluated - v) <= 1e-3 * Math.Abs(v) + 1e-300, $"{d.Quantity}: '{d.Substituted}' is {evaluated}, not {v}");
            foreach (Term t in d.Inputs)
            {
                Assert.Contains(t.Symbol, d.Formula, StringComparison.Ordinal);
            }
        }
    }

    public static void Derivations(IEnumerable<Derivation> all)
    {
        foreach (Derivation d in all)
        {
            Derivation(d);
        }
    }
}

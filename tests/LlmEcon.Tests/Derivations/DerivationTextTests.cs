using LlmEcon.Derivations;
using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Derivations;

/// <summary>How a derivation reads (its explanation, its sources), and every form of number a substituted line can hold.</summary>
public class DerivationTextTests
{
    private static readonly Provenance Palm = new("palm", "mfu", "Chowdhery et al. 2022, PaLM, table 3", "2022-04");

    [Fact]
    public void Explain_ListsQuantityEquationFormulaSubstitutionAndSourcedInputs()
    {
        Expr e = Expr.In("C", "training FLOP", 6e23, "6e23 FLOP") / (Expr.In("MFU", "utilization", 0.462, "46.2%", Palm) * Expr.Const(2, "2"));
        Derivation d = Derivation.Of("example", "(9) test", e, v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            "example — eq. (9) test\n" +
            "  C / (MFU × 2)\n" +
            "  = 6e23 FLOP / (46.2% × 2)\n" +
            "  = " + (6e23 / 0.924).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "\n" +
            "    C = 6e23 FLOP (training FLOP)\n" +
            "    MFU = 46.2% (utilization)  ← palm.mfu — Chowdhery et al. 2022, PaLM, table 3 (2022-04)\n",
            d.Explain());
        Assert.Equal($"{d.Substituted} = {d.Result}", d.OneLine);
        Assert.Equal(d.OneLine, d.ToString());
        Assert.Equal(6e23 / 0.924, d.Value!.Value, 1e9);
    }

    [Fact]
    public void AProcedure_StatesItsMethod_AndHasNoValue()
    {
        Derivation p = Derivation.Procedure("fit", "(21) Hoffmann", "min Σ Huber", "on 245 runs", "E = 1.82", [new Term("data", "runs", "fig4.csv")]);
        Assert.Null(p.Value);
        Assert.Equal(("min Σ Huber", "on 245 runs", "E = 1.82"), (p.Formula, p.Substituted, p.Result));
    }

    [Fact]
    public void ASourcedValue_SaysWhereItCameFrom_AGivenOneSaysGiven()
    {
        Assert.Equal("palm.mfu — Chowdhery et al. 2022, PaLM, table 3 (2022-04)", Palm.ToString());
        Assert.Equal("palm.mfu — Chowdhery et al. 2022, PaLM, table 3 (2022-04)", new Sourced<double>(0.462, Palm).Origin);
        Assert.Equal("given", Sourced<double>.FromValue(0.462).Origin);
        Assert.Equal("given", ((Sourced<double>)0.462).Origin);
        Term t = Term.Of("MFU", "utilization", new Sourced<double>(0.462, Palm), "46.2%");
        Assert.Equal(("MFU", "utilization", "46.2%", Palm), (t.Symbol, t.Meaning, t.Value, t.From));
    }

    [Fact]
    public void NamedOperators_AreTheOperators()
    {
        Expr a = Expr.In("a", "a", 6, "6"), b = Expr.In("b", "b", 3, "3");
        Assert.Equal((9, 3, 18, 2), (Expr.Add(a, b).Value, Expr.Subtract(a, b).Value, Expr.Multiply(a, b).Value, Expr.Divide(a, b).Value));
        Assert.Equal("exp(a) + ln(b)", (Expr.Exp(a) + Expr.Ln(b)).Formula);
        Assert.Equal(Math.Exp(6) + Math.Log(3), SubstitutedLine.Evaluate((Expr.Exp(a) + Expr.Ln(b)).Substituted), 1e-9);
        Assert.Equal("a + b + a", (a + (b + a)).Formula); // + associates: no parentheses
        Assert.Equal("a × b × a", (a * (b * a)).Formula);
        Assert.Equal("a^(b^a)", Expr.Pow(a, Expr.Pow(b, a)).Formula);
        Assert.Equal("a − (b + a)", (a - (b + a)).Formula);
        Assert.Throws<ArgumentNullException>(() => Derivation.Of("q", "(1) e", null!, v => ""));
        Assert.Throws<ArgumentNullException>(() => Derivation.Of("q", "(1) e", a, null!));
    }

    [Theory]
    [InlineData(43.75, 44)]
    [InlineData(3, 3)]           // a whole number stays
    [InlineData(44.00000001, 44)] // 44 × (1 + 2.3e-10): float noise below 1e-9 relative is forgiven (3.5e12 / 7e10)
    [InlineData(44.0001, 45)]
    [InlineData(0, 0)]
    public void Ceiling_ForgivesFloatNoiseOnly(double x, double ceiling)
    {
        Assert.Equal(ceiling, Expr.Ceiling(Expr.Const(x)).Value);
        Assert.Equal(ceiling, SubstitutedLine.Evaluate("⌈" + x.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "⌉"));
    }

    [Theory]
    [InlineData("1,398,072", 1398072)]
    [InlineData("3.15e23", 3.15e23)]
    [InlineData("1e-5 × 2", 2e-5)]
    [InlineData("2E+3", 2000)]
    [InlineData("-3 + 5", 2)]
    [InlineData("2 − 3", -1)]
    [InlineData("2 - 3", -1)]
    [InlineData("2 * 3", 6)]
    [InlineData("2 × 3", 6)]
    [InlineData("6 / 4", 1.5)]
    [InlineData("2^3^2", 512)]
    [InlineData("(2 + 3) × 4", 20)]
    [InlineData("-(2 + 3)", -5)]
    [InlineData("21.3% × 2", 0.426)]
    [InlineData("50% of", 0.5)]
    [InlineData("$19.22/h × 2", 38.44)]
    [InlineData("30 chip-h / 3 h", 10)]
    [InlineData("100 GFLOP/s/$ × 2", 200)]
    [InlineData("3 / 4", 0.75)]
    [InlineData("3 /4", 3)]
    [InlineData("(8 chips)", 8)]
    [InlineData("2 W^2", 4)]
    [InlineData("⌈7 chips⌉", 7)]
    [InlineData("2.3× × 2", 4.6)]
    public void SubstitutedLine_ReadsEveryFormOfNumber(string line, double value) =>
        Assert.Equal(value, SubstitutedLine.Evaluate(line), Math.Abs(value) * 1e-14);

    [Fact]
    public void SubstitutedLine_ReadsScales_AndNumbersThatEndTheLine()
    {
        // each scale on its own, so that no term hides another (a fact, not theory rows: one row per mutant-killing case)
        Assert.Equal(1500, SubstitutedLine.Evaluate("1.5K"));
        Assert.Equal(2e6, SubstitutedLine.Evaluate("2M"));
        Assert.Equal(3e9, SubstitutedLine.Evaluate("3B"));
        Assert.Equal(4e12, SubstitutedLine.Evaluate("4T"));
        Assert.Equal(1500 + 2e6 + 3e9 + 4e12, SubstitutedLine.Evaluate("1.5K + 2M + 3B + 4T"));
        // an e, a space or a spaced '/' as the line's last character is not an exponent or a unit still to come
        Assert.Equal(5, SubstitutedLine.Evaluate("5e"));
        Assert.Equal(2, SubstitutedLine.Evaluate("2 "));
        Assert.Equal(3, SubstitutedLine.Evaluate("3 /"));
        Assert.Equal(3e-5, SubstitutedLine.Evaluate("3e-5 s"), 1e-20);
    }

    [Fact]
    public void Symbols_ShowTheirUnits()
    {
        Assert.Equal("300e9 tokens", Symbols.Tokens(TokenCount.FromCount(300e9)).Shown);
        Assert.Equal(("D", "training tokens"), (Symbols.Tokens(TokenCount.FromCount(300e9)).Symbol, Symbols.Tokens(TokenCount.FromCount(300e9)).Meaning));
        Assert.Equal("175e9 params", Symbols.Parameters(ParameterCount.FromCount(175e9)).Shown);
        Assert.Equal("2 FLOP/param/token", Symbols.FlopPerParameterPerToken(2).Shown);
    }

    [Theory]
    [InlineData("", "a number or '(' at character 1")]
    [InlineData("abc", "a number at character 1")]
    [InlineData("$", "a number at character 1")]
    [InlineData("1,28", "the end of the line at character 2")]
    [InlineData("1,2x3", "the end of the line at character 2")]
    [InlineData("⌈2", "'⌉' at character 3")]
    [InlineData("exp(2", "')' at character 6")]
    [InlineData("2 +", "the end of the line at character 3")]
    public void SubstitutedLine_SaysWhereItStopped(string line, string rule) =>
        Assert.Equal(rule, Assert.Throws<InputException>(() => SubstitutedLine.Evaluate(line)).Rule);

    [Fact]
    public void SubstitutedLine_RefusesNull() => Assert.Throws<ArgumentNullException>(() => SubstitutedLine.Evaluate(null!));
}

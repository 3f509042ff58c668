using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LlmEcon.Derivations;
using Xunit;

namespace LlmEcon.Tests.Derivations;

/// <summary>An equation written once (issue 9): its value, formula, substituted line and inputs all come from one expression.</summary>
public class ExprTests
{
    private static Input N => Expr.In("N", "parameters", 175e9, "175e9 params");
    private static Input P => Expr.In("price", "USD per machine-hour", 19.22, "$19.22/h");
    private static Input Mfu => Expr.In("MFU", "model FLOPs utilization", 0.213, "0.213");

    [Fact]
    public void Eq7_RendersAsTheArticleWritesIt_AndEvaluatesToItsValue()
    {
        // SPEC.md §3 deep dive: 175e9 × 2 × 1000 / (8 × 312e12 × 0.213) × $19.22 / 3600 = $0.003515.
        Expr chips = Expr.In("chips", "chips per machine", 8, "8"), peak = Expr.In("peak", "FLOP/s per chip", 312e12, "312e12 FLOP/s");
        Expr cost = N * Expr.Const(2, "2 FLOP/param/token") * Expr.Const(1000, "1000 tokens") / (chips * peak * Mfu) * P / Expr.Const(3600, "3600 s/h");
        Assert.Equal("N × 2 FLOP/param/token × 1000 tokens / (chips × peak × MFU) × price / 3600 s/h", cost.Formula);
        Assert.Equal("175e9 params × 2 FLOP/param/token × 1000 tokens / (8 × 312e12 FLOP/s × 0.213) × $19.22/h / 3600 s/h", cost.Substituted);
        Assert.Equal(0.003515, cost.Value, 0.0000005);
        Assert.Equal(cost.Value, SubstitutedLine.Evaluate(cost.Substituted), 1e-15);
        Assert.Equal(["N", "chips", "peak", "MFU", "price"], cost.Inputs.Select(i => i.Symbol));
    }

    [Fact]
    public void Parentheses_FollowPrecedenceAndAssociativity()
    {
        Expr a = Expr.In("a", "", 8, "8"), b = Expr.In("b", "", 4, "4"), c = Expr.In("c", "", 2, "2");
        Assert.Equal("a − (b − c)", (a - (b - c)).Formula);
        Assert.Equal("a − b − c", (a - b - c).Formula);
        Assert.Equal("a / (b × c)", (a / (b * c)).Formula);
        Assert.Equal("a / b × c", (a / b * c).Formula);
        Assert.Equal("(a + b) × c", ((a + b) * c).Formula);
        Assert.Equal("a^(b − c)", Expr.Pow(a, b - c).Formula);
        Assert.Equal("(a × b)^c", Expr.Pow(a * b, c).Formula);
        Assert.Equal("⌈a / c⌉", Expr.Ceiling(a / c).Formula);
        Assert.Equal(8 - (4 - 2), SubstitutedLine.Evaluate((a - (b - c)).Substituted));
        Assert.Equal(Math.Pow(8, 2), SubstitutedLine.Evaluate(Expr.Pow(a, b - c).Substituted));
    }

    [Fact]
    public void APowerOfAnInputWithAUnit_WrapsTheBase()
    {
        Expr loss = Expr.Const(406.4) / Expr.Pow(N, Expr.In("α", "exponent", 0.34, "0.34"));
        Assert.Equal("406.4 / N^α", loss.Formula);
        Assert.Equal("406.4 / (175e9 params)^0.34", loss.Substituted);
        Assert.Equal(loss.Value, SubstitutedLine.Evaluate(loss.Substituted), 1e-15);
    }

    [Theory]
    [InlineData("$1,398,072 / 300e9 tokens × 1000 tokens", 1398072 / 300e9 * 1000)]
    [InlineData("1 − 21.3% / 46.2%", 1 - 0.213 / 0.462)]
    [InlineData("1,287 MWh × $0.09/kWh × 1000 kWh/MWh", 1287 * 0.09 * 1000)]
    [InlineData("175B params × 6", 175e9 * 6)]
    [InlineData("exp(0) + ln(1) + ⌈43.75 chips⌉", 1 + 0 + 44)]
    [InlineData("−2 × −3", 6)]
    public void SubstitutedLine_ReadsWhatDerivationsPrint(string line, double value) =>
        Assert.Equal(value, SubstitutedLine.Evaluate(line), Math.Abs(value) * 1e-14);

    [Theory]
    [InlineData("1 + ", "substituted line must be a number or '(' at character 5; got '1 + '.")]
    [InlineData("(1 + 2", "substituted line must be ')' at character 7; got '(1 + 2'.")]
    [InlineData("1 2", "substituted line must be the end of the line at character 3; got '1 2'.")]
    public void SubstitutedLine_SaysWhereItCannotRead(string line, string message) =>
        Assert.Equal(message, Assert.Throws<InputException>(() => SubstitutedLine.Evaluate(line)).Message);

    /// <summary>Random expressions of positive inputs shown exactly: the substituted line always evaluates to the value.</summary>
    [Property(MaxTest = 300)]
    public Property AnyExpression_SubstitutedLineEvaluatesToItsValue() =>
        Prop.ForAll(Gen.Sized(Tree).ToArbitrary(), e =>
        {
            double evaluated = SubstitutedLine.Evaluate(e.Substituted);
            return (e.Value == evaluated || Math.Abs(evaluated - e.Value) <= 1e-9 * Math.Abs(e.Value) || (double.IsNaN(e.Value) && double.IsNaN(evaluated)))
                .Label($"{e.Substituted} = {e.Value:R}, read back {evaluated:R}");
        });

    private static Gen<Expr> Tree(int size)
    {
        Gen<Expr> leaf = Gen.Choose(1, 5000).Select(k =>
        {
            double v = k / 7.0;
            return (Expr)Expr.In("x" + k.ToString(CultureInfo.InvariantCulture), "", v, v.ToString("R", CultureInfo.InvariantCulture) + " u/v");
        });
        if (size <= 1)
        {
            return leaf;
        }

        Gen<Expr> sub = Gen.Sized(s => Tree(s / 2)).Resize(size / 2);
        return Gen.OneOf(leaf,
            sub.Zip(sub).Select(t => t.Item1 + t.Item2),
            sub.Zip(sub).Select(t => t.Item1 - t.Item2),
            sub.Zip(sub).Select(t => t.Item1 * t.Item2),
            sub.Zip(sub).Select(t => t.Item1 / t.Item2),
            sub.Select(x => Expr.Pow(x, Expr.Const(0.5))));
    }
}

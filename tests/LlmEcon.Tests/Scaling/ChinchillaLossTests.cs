using FsCheck;
using FsCheck.Xunit;
using LlmEcon.Catalog;
using LlmEcon.Quantities;
using LlmEcon.Scaling;
using Xunit;

namespace LlmEcon.Tests.Scaling;

/// <summary>Sun 2023 §5 (SPEC.md §5, Chinchilla scaling law); Hoffmann et al. 2022 eqs. 2 and 4.</summary>
public class ChinchillaLossTests
{
    private static readonly ScalingLaw Law = LlmCatalog.BuiltIn.ScalingLaw("chinchilla-article");

    // SPEC.md §5: each term printed to 2 decimals, with its 4-decimal value; the loss to 2 decimals.
    [Theory]
    [InlineData(1e12, 300e9, 0.0338, 0.2511, 1.97)]
    [InlineData(70e9, 1.4e12, 0.0835, 0.1632, 1.94)]
    public void Loss_ArticleCases_MatchPrintedTerms(double n, double d, double parameterTerm, double dataTerm, double loss)
    {
        var r = ChinchillaLoss.Evaluate(Law, ParameterCount.FromCount(n), TokenCount.FromCount(d));
        Printed.Equal(parameterTerm, 0.0001, r.ParameterTerm);
        Printed.Equal(Math.Round(parameterTerm, 2), 0.01, r.ParameterTerm);
        Printed.Equal(dataTerm, 0.0001, r.DataTerm);
        Printed.Equal(Math.Round(dataTerm, 2), 0.01, r.DataTerm);
        Printed.Equal(loss, 0.01, r.Loss);
    }

    [Fact]
    public void Optimal_SatisfiesBudget_AndBeatsNeighbours()
    {
        // Gopher's budget: 6 × 280e9 × 300e9 = 5.04e23 FLOP
        var c = FlopCount.FromFlop(6 * 280e9 * 300e9);
        var opt = ChinchillaLoss.Optimal(Law, c);
        Assert.Equal(c.Flop, 6 * opt.Parameters.Count * opt.Tokens.Count, c.Flop * 1e-9);
        foreach (double k in new[] { 0.8, 1.25 })
        {
            double n = opt.Parameters.Count * k;
            double other = ChinchillaLoss.Evaluate(Law, ParameterCount.FromCount(n), TokenCount.FromCount(c.Flop / (6 * n))).Loss;
            Assert.True(other > opt.Loss);
        }
    }

    [Fact]
    public void Optimal_ExponentIsBetaOverAlphaPlusBeta()
    {
        // Hoffmann eq. 4: N_opt ∝ C^(β/(α+β)) = C^(0.28/0.62)
        var a = ChinchillaLoss.Optimal(Law, FlopCount.FromFlop(1e21));
        var b = ChinchillaLoss.Optimal(Law, FlopCount.FromFlop(1e23));
        Assert.Equal(0.28 / 0.62, Math.Log10(b.Parameters.Count / a.Parameters.Count) / 2, 10);
    }

    [Property]
    public void Loss_IsEquation13_AndDecreasesInNAndD(PositiveInt a, PositiveInt b)
    {
        double n = 1e6 * a.Get, d = 1e6 * b.Get;
        double l = ChinchillaLoss.Evaluate(Law, ParameterCount.FromCount(n), TokenCount.FromCount(d)).Loss;
        // eq. 13 restated: E + A/N^α + B/D^β
        Assert.Equal(Law.E + Law.A / Math.Pow(n, Law.Alpha) + Law.B / Math.Pow(d, Law.Beta), l, 1e-12);
        Assert.True(ChinchillaLoss.Evaluate(Law, ParameterCount.FromCount(n * 2), TokenCount.FromCount(d)).Loss < l);
        Assert.True(ChinchillaLoss.Evaluate(Law, ParameterCount.FromCount(n), TokenCount.FromCount(d * 2)).Loss < l);
    }
}

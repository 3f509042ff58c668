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

    [Fact]
    public void Loss_1TParamsOn300BTokens_Is1_97()
    {
        var r = ChinchillaLoss.Evaluate(Law, ParameterCount.FromCount(1e12), TokenCount.FromCount(300e9));
        Printed.Equal(0.03, 0.01, r.ParameterTerm);
        Printed.Equal(0.0338, 0.0001, r.ParameterTerm);
        Printed.Equal(0.25, 0.01, r.DataTerm);
        Printed.Equal(0.2511, 0.0001, r.DataTerm);
        Printed.Equal(1.97, 0.01, r.Loss);
    }

    [Fact]
    public void Loss_Chinchilla70BOn1_4T_Is1_94()
    {
        var r = ChinchillaLoss.Evaluate(Law, ParameterCount.FromCount(70e9), TokenCount.FromCount(1.4e12));
        Printed.Equal(0.08, 0.01, r.ParameterTerm);
        Printed.Equal(0.0835, 0.0001, r.ParameterTerm);
        Printed.Equal(0.16, 0.01, r.DataTerm);
        Printed.Equal(0.1632, 0.0001, r.DataTerm);
        Printed.Equal(1.94, 0.01, r.Loss);
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
    public void Loss_DecreasesInNAndD(PositiveInt a, PositiveInt b)
    {
        double n = 1e6 * a.Get, d = 1e6 * b.Get;
        double l = ChinchillaLoss.Evaluate(Law, ParameterCount.FromCount(n), TokenCount.FromCount(d)).Loss;
        Assert.True(ChinchillaLoss.Evaluate(Law, ParameterCount.FromCount(n * 2), TokenCount.FromCount(d)).Loss < l);
        Assert.True(ChinchillaLoss.Evaluate(Law, ParameterCount.FromCount(n), TokenCount.FromCount(d * 2)).Loss < l);
    }
}

using LlmEcon.Derivations;
using LlmEcon.Quantities;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Scaling;

/// <summary>The loss L(N, D) and its two terms.</summary>
/// <param name="Law">The law used.</param>
/// <param name="Parameters">N.</param>
/// <param name="Tokens">D.</param>
/// <param name="ParameterTerm">A / N^α.</param>
/// <param name="DataTerm">B / D^β.</param>
/// <param name="Loss">E + A / N^α + B / D^β.</param>
/// <param name="Derivation">Eq. 13 substituted.</param>
public sealed record LossResult(ScalingLaw Law, ParameterCount Parameters, TokenCount Tokens, double ParameterTerm, double DataTerm, double Loss, Derivation Derivation);

/// <summary>Compute-optimal allocation of a FLOP budget (eq. 14).</summary>
/// <param name="Law">The law used.</param>
/// <param name="Budget">C, training FLOP.</param>
/// <param name="Parameters">N_opt.</param>
/// <param name="Tokens">D_opt.</param>
/// <param name="TokensPerParameter">D_opt / N_opt.</param>
/// <param name="Loss">L(N_opt, D_opt).</param>
/// <param name="Derivation">Eq. 14 substituted.</param>
public sealed record ComputeOptimal(ScalingLaw Law, FlopCount Budget, ParameterCount Parameters, TokenCount Tokens, double TokensPerParameter, double Loss, Derivation Derivation);

/// <summary>The Chinchilla parametric loss (eq. 13) and its compute-optimal frontier (eq. 14), Hoffmann et al. 2022.</summary>
public static class ChinchillaLoss
{
    /// <summary>L(N, D) = E + A / N^α + B / D^β (Hoffmann et al. 2022, eq. 2; the article's constants by default).</summary>
    public static LossResult Evaluate(ScalingLaw law, ParameterCount n, TokenCount d)
    {
        ArgumentNullException.ThrowIfNull(law);
        Guard.Positive(n.Count, "parameters");
        Guard.Positive(d.Count, "tokens");
        double p = law.A / Math.Pow(n.Count, law.Alpha);
        double q = law.B / Math.Pow(d.Count, law.Beta);
        double loss = law.E + p + q;
        var derivation = new Derivation("loss L(N, D) (nats/token)", $"(13) Hoffmann et al. 2022 eq. 2; law '{law.Id}'",
            "E + A / N^α + B / D^β",
            $"{Compact(law.E)} + {Compact(law.A)} / {Compact(n.Count)}^{Compact(law.Alpha)} + {Compact(law.B)} / {Compact(d.Count)}^{Compact(law.Beta)} = {Compact(law.E)} + {Compact(p)} + {Compact(q)}",
            Compact(loss),
            [new Term("law", law.Name, law.Id, new Provenance(law.Id, "e,a,b,alpha,beta", law.Source, law.Date))]);
        return new LossResult(law, n, d, p, q, loss, derivation);
    }

    /// <summary>The compute-optimal exponent of N: N_opt ∝ C^a, a = β / (α + β) (Hoffmann et al. 2022, eq. 4).</summary>
    public static double ParameterExponent(double alpha, double beta) => beta / (alpha + beta);

    /// <summary>The compute-optimal exponent of N under <paramref name="law"/>: a = β / (α + β).</summary>
    public static double ParameterExponent(ScalingLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return ParameterExponent(law.Alpha, law.Beta);
    }

    /// <summary>
    /// Minimises L subject to C = 6ND (Hoffmann et al. 2022, eq. 4): N_opt = G (C/6)^a, D_opt = G^−1 (C/6)^b,
    /// a = β/(α+β), b = α/(α+β), G = (αA / (βB))^(1/(α+β)).
    /// </summary>
    public static ComputeOptimal Optimal(ScalingLaw law, FlopCount budget)
    {
        ArgumentNullException.ThrowIfNull(law);
        double c = Guard.Positive(budget.Flop, "flops");
        double s = law.Alpha + law.Beta;
        var (n, d, g) = Allocation(law.A, law.B, law.Alpha, law.Beta, c);
        double loss = Evaluate(law, ParameterCount.FromCount(n), TokenCount.FromCount(d)).Loss;
        var derivation = new Derivation("compute-optimal N and D", $"(14) Hoffmann et al. 2022 eq. 4; law '{law.Id}'",
            "N_opt = G (C/6)^(β/(α+β)), D_opt = (C/6)^(α/(α+β)) / G, G = (αA/(βB))^(1/(α+β))",
            $"G = ({Compact(law.Alpha)} × {Compact(law.A)} / ({Compact(law.Beta)} × {Compact(law.B)}))^(1/{Compact(s)}) = {Compact(g)}; C/6 = {Compact(c / 6)}",
            $"N_opt = {Compact(n)} parameters, D_opt = {Compact(d)} tokens, D/N = {Compact(d / n)}, L = {Compact(loss)}",
            [new Term("C", "training FLOP budget", Compact(c)), new Term("law", law.Name, law.Id, new Provenance(law.Id, "e,a,b,alpha,beta", law.Source, law.Date))]);
        return new ComputeOptimal(law, budget, ParameterCount.FromCount(n), TokenCount.FromCount(d), d / n, loss, derivation);
    }

    /// <summary>Eq. 14 in numbers only (the bootstrap calls it per resample): N_opt, D_opt and G for budget <paramref name="flops"/>.</summary>
    internal static (double N, double D, double G) Allocation(double a, double b, double alpha, double beta, double flops)
    {
        double s = alpha + beta;
        double g = Math.Pow(alpha * a / (beta * b), 1 / s);
        return (g * Math.Pow(flops / 6, beta / s), Math.Pow(flops / 6, alpha / s) / g, g);
    }
}

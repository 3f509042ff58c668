using LlmEcon.Catalog;
using LlmEcon.Costs;
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
/// <param name="Derivation">Eq. 13: the loss.</param>
public sealed record LossResult(ScalingLaw Law, ParameterCount Parameters, TokenCount Tokens, double ParameterTerm, double DataTerm, double Loss, Derivation Derivation)
{
    /// <summary>Each term's derivation, then the loss's.</summary>
    public IReadOnlyList<Derivation> Steps { get; init; } = [Derivation];

    /// <summary>A/N^α.</summary>
    public Derivation ParameterTermDerivation => Steps[0];

    /// <summary>B/D^β.</summary>
    public Derivation DataTermDerivation => Steps[Math.Min(1, Steps.Count - 1)];
}

/// <summary>Compute-optimal allocation of a FLOP budget (eq. 14).</summary>
/// <param name="Law">The law used.</param>
/// <param name="Budget">C, training FLOP.</param>
/// <param name="Parameters">N_opt.</param>
/// <param name="Tokens">D_opt.</param>
/// <param name="TokensPerParameter">D_opt / N_opt.</param>
/// <param name="Loss">L(N_opt, D_opt).</param>
/// <param name="Derivation">Eq. 14: N_opt.</param>
public sealed record ComputeOptimal(ScalingLaw Law, FlopCount Budget, ParameterCount Parameters, TokenCount Tokens, double TokensPerParameter, double Loss, Derivation Derivation)
{
    /// <summary>N_opt, D_opt and the loss, each with its derivation.</summary>
    public IReadOnlyList<Derivation> Steps { get; init; } = [Derivation];
}

/// <summary>The Chinchilla parametric loss (eq. 13) and its compute-optimal frontier (eq. 14), Hoffmann et al. 2022.</summary>
public static class ChinchillaLoss
{
    /// <summary>L(N, D) = E + A / N^α + B / D^β (Hoffmann et al. 2022, eq. 2; the article's constants by default).</summary>
    public static LossResult Evaluate(ScalingLaw law, Sourced<ParameterCount> n, Sourced<TokenCount> d)
    {
        ArgumentNullException.ThrowIfNull(law);
        Guard.Positive(n.Value.Count, "parameters");
        Guard.Positive(d.Value.Count, "tokens");
        Expr p = law.AIn / Expr.Pow(Symbols.Parameters(n), law.AlphaIn), q = law.BIn / Expr.Pow(Symbols.Tokens(d), law.BetaIn);
        Expr loss = law.EIn + p + q;
        string eq = $"(13) Hoffmann et al. 2022 eq. 2; law '{law.Id}'";
        Derivation[] steps =
        [
            Derivation.Of("parameter term A/N^α (nats/token)", eq, p, v => Compact(v)),
            Derivation.Of("data term B/D^β (nats/token)", eq, q, v => Compact(v)),
            Derivation.Of("loss L(N, D) (nats/token)", eq, loss, v => Compact(v)),
        ];
        return new LossResult(law, n.Value, d.Value, p.Value, q.Value, loss.Value, steps[2]) { Steps = steps };
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
        Guard.Positive(budget.Flop, "flops");
        var (nExpr, dExpr) = AllocationOf(law, Expr.In("C", "training FLOP budget", budget.Flop, Compact(budget.Flop) + " FLOP"));
        LossResult loss = Evaluate(law, ParameterCount.FromCount(nExpr.Value), TokenCount.FromCount(dExpr.Value));
        string eq = $"(14) Hoffmann et al. 2022 eq. 4; law '{law.Id}'";
        Derivation[] steps =
        [
            Derivation.Of("compute-optimal parameters N_opt", eq, nExpr, v => Compact(v) + " params"),
            Derivation.Of("compute-optimal tokens D_opt", eq, dExpr, v => Compact(v) + " tokens"),
            loss.Derivation,
        ];
        return new ComputeOptimal(law, budget, ParameterCount.FromCount(nExpr.Value), TokenCount.FromCount(dExpr.Value), dExpr.Value / nExpr.Value, loss.Loss, steps[0])
        {
            Steps = steps,
        };
    }

    /// <summary>
    /// Eq. 14 as expressions: N_opt = G·(C/k)^(β/(α+β)), G = (αA/(βB))^(1/(α+β)), and D_opt = C / (k·N_opt), k = 6 (eq. 1).
    /// </summary>
    internal static (Expr N, Expr D) AllocationOf(ScalingLaw law, Expr budget)
    {
        Input k = Symbols.FlopPerParameterPerToken(FlopsPerToken.Training(ModelArchitecture.DecoderOnly));
        Expr s = law.AlphaIn + law.BetaIn;
        Expr g = Expr.Pow(law.AlphaIn * law.AIn / (law.BetaIn * law.BIn), Expr.Const(1) / s);
        Expr n = g * Expr.Pow(budget / k, law.BetaIn / s);
        Expr d = budget / (k * Expr.In("N_opt", "compute-optimal parameters", n.Value, Compact(n.Value) + " params"));
        return (n, d);
    }

    /// <summary>Eq. 14 in numbers (the bootstrap calls it per resample): N_opt and D_opt for budget <paramref name="flops"/>.</summary>
    internal static (double N, double D) Allocation(double a, double b, double alpha, double beta, double flops)
    {
        var (n, d) = AllocationOf(new ScalingLaw("resample", "resample", 0, a, b, alpha, beta, "", ""), Expr.Const(flops, "C"));
        return (n.Value, d.Value);
    }
}

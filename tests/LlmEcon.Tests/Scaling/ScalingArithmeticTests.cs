using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using LlmEcon.Scaling;
using LlmEcon.Scaling.Fitting;
using Xunit;

namespace LlmEcon.Tests.Scaling;

/// <summary>Eqs. 13–14 and 21–23 term by term; the fit's objective, optimiser, grid and statistics against arithmetic shown here.</summary>
public class ScalingArithmeticTests
{
    [Fact]
    public void EveryPlanDerivation_IsSound_AndNamesItsInputs()
    {
        // the article's law (catalog chinchilla-article); a target of 2.0 nats over 10T served tokens at $1e-18 and $2e-18 per FLOP
        ScalingLaw law = LlmCatalog.BuiltIn.ScalingLaw("chinchilla-article");
        ComputeOptimal optimal = ChinchillaLoss.Optimal(law, FlopCount.FromFlop(5.76e23));
        TargetLossPlan target = ScalingPlan.ForTargetLoss(law, 2.0);
        LifetimePlan lifetime = ScalingPlan.ForLifetime(law, 2.0, TokenCount.FromCount(10e12), MoneyPerFlop.FromUsdPerFlop(1e-18), MoneyPerFlop.FromUsdPerFlop(2e-18));
        Derivation budget = ScalingPlan.FlopsForOf(Money.FromUsd(1e6), MoneyPerFlop.FromUsdPerFlop(1e-18));
        Sound.Derivations([.. optimal.Steps, .. target.Steps, .. lifetime.Steps, budget]);
        Assert.Equal(1e24, budget.Value!.Value, 1e9); // $1M / $1e-18 per FLOP
        Assert.Equal(["C"], optimal.Steps[0].Inputs.Where(t => t.Symbol == "C").Select(t => t.Symbol));
        Assert.Contains(lifetime.Steps.SelectMany(d => d.Inputs), t => t.Symbol == "T" && t.Meaning == "tokens served over the model's life");
        Assert.Contains(lifetime.Steps.SelectMany(d => d.Inputs), t => t.Symbol == "c_serve" && t.Meaning == "serving cost per FLOP (USD)");
    }

    // Hoffmann et al. 2022, eq. 10: E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28
    private static ScalingLaw Hoffmann => new("h", "Hoffmann", 1.69, 406.4, 410.7, 0.34, 0.28, "Hoffmann et al. 2022, eq. 10", "2022-03");

    private static double Loss(double n, double d) => 1.69 + 406.4 / Math.Pow(n, 0.34) + 410.7 / Math.Pow(d, 0.28);

    [Fact]
    public void Loss_TermByTerm()
    {
        LossResult r = ChinchillaLoss.Evaluate(Hoffmann, ParameterCount.FromBillions(70), TokenCount.FromCount(1.4e12));
        Assert.Equal(406.4 / Math.Pow(70e9, 0.34), r.ParameterTerm, 12);
        Assert.Equal(410.7 / Math.Pow(1.4e12, 0.28), r.DataTerm, 12);
        Assert.Equal(Loss(70e9, 1.4e12), r.Loss, 12);
        Assert.Equal(["parameter term A/N^α (nats/token)", "data term B/D^β (nats/token)", "loss L(N, D) (nats/token)"], r.Steps.Select(d => d.Quantity));
        Assert.Equal((r.Steps[0], r.Steps[1], r.Steps[2]), (r.ParameterTermDerivation, r.DataTermDerivation, r.Derivation));
        Assert.All(r.Steps, d => Assert.Equal("(13) Hoffmann et al. 2022 eq. 2; law 'h'", d.Equation));
        Sound.Derivations(r.Steps);
        // every constant of the law is an input with the law as its source
        Assert.Equal(["E", "A", "B", "α", "β"], new[] { Hoffmann.EIn, Hoffmann.AIn, Hoffmann.BIn, Hoffmann.AlphaIn, Hoffmann.BetaIn }.Select(i => i.Symbol));
        Assert.Equal(["e", "a", "b", "alpha", "beta"], new[] { Hoffmann.EIn, Hoffmann.AIn, Hoffmann.BIn, Hoffmann.AlphaIn, Hoffmann.BetaIn }.Select(i => i.From!.Field));
        Assert.Equal([1.69, 406.4, 410.7, 0.34, 0.28], new[] { Hoffmann.EIn, Hoffmann.AIn, Hoffmann.BIn, Hoffmann.AlphaIn, Hoffmann.BetaIn }.Select(i => i.Value));
    }

    [Fact]
    public void Optimal_IsHoffmannsEquation4()
    {
        // eq. 4: G = (αA / (βB))^(1/(α+β)); N_opt = G (C/6)^(β/(α+β)); D_opt = G⁻¹ (C/6)^(α/(α+β)); at C = 5.76e23 (Chinchilla's budget)
        double c = 5.76e23, s = 0.34 + 0.28, g = Math.Pow(0.34 * 406.4 / (0.28 * 410.7), 1 / s);
        double n = g * Math.Pow(c / 6, 0.28 / s), d = Math.Pow(c / 6, 0.34 / s) / g;
        ComputeOptimal o = ChinchillaLoss.Optimal(Hoffmann, FlopCount.FromFlop(c));
        Assert.Equal(1, o.Parameters.Count / n, 12);
        Assert.Equal(1, o.Tokens.Count / d, 12);
        Assert.Equal(d / n, o.TokensPerParameter, 9);
        Assert.Equal(Loss(n, d), o.Loss, 12);
        Assert.Equal(c, o.Budget.Flop);
        Assert.Equal(["compute-optimal parameters N_opt", "compute-optimal tokens D_opt", "loss L(N, D) (nats/token)"], o.Steps.Select(x => x.Quantity));
        Assert.Same(o.Steps[0], o.Derivation);
        Sound.Derivations(o.Steps);
        Assert.Equal(0.28 / 0.62, ChinchillaLoss.ParameterExponent(Hoffmann), 15);
        Assert.Equal(0.28 / 0.62, ChinchillaLoss.ParameterExponent(0.34, 0.28), 15);
        Assert.Equal(d / n, ScalingBootstrap.TokensPerParameter(406.4, 410.7, 0.34, 0.28, c), 9);
    }

    [Fact]
    public void TargetLoss_IsEquation22()
    {
        // with r = L* − E: A/N^α = r·β/(α+β) and B/D^β = r·α/(α+β)
        double r = 2.0 - 1.69, n = Math.Pow(406.4 / (r * 0.28 / 0.62), 1 / 0.34), d = Math.Pow(410.7 / (r * 0.34 / 0.62), 1 / 0.28);
        TargetLossPlan p = ScalingPlan.ForTargetLoss(Hoffmann, 2.0);
        Assert.Equal(1, p.Parameters.Count / n, 12);
        Assert.Equal(1, p.Tokens.Count / d, 12);
        Assert.Equal(1, p.Flops.Flop / (6 * n * d), 12);
        Assert.Equal(d / n, p.TokensPerParameter, 9);
        Assert.Equal(2.0, p.TargetLoss);
        Assert.Equal(["parameters N of the cheapest model reaching L*", "training tokens D of the cheapest model reaching L*", "training FLOP C = k·N·D"],
            p.Steps.Select(x => x.Quantity));
        Sound.Derivations(p.Steps);
    }

    [Fact]
    public void Lifetime_AddsUpItsParts()
    {
        // training 6ND × c_train + serving 2NT × c_serve, at $1e-18 and $2e-18 per FLOP, T = 1e13 tokens
        LifetimePlan p = ScalingPlan.ForLifetime(Hoffmann, 2.0, TokenCount.FromCount(1e13), MoneyPerFlop.FromUsdPerFlop(1e-18), MoneyPerFlop.FromUsdPerFlop(2e-18));
        double n = p.Parameters.Count, d = p.Tokens.Count;
        Assert.Equal(6 * n * d, p.TrainingFlops.Flop, 6 * n * d * 1e-12);
        Assert.Equal(2 * n * 1e13, p.InferenceFlops.Flop, 2 * n * 1e13 * 1e-12);
        Assert.Equal(6 * n * d * 1e-18, p.TrainingCost.Usd, 1e-6);
        Assert.Equal(2 * n * 1e13 * 2e-18, p.InferenceCost.Usd, 1e-6);
        Assert.Equal(p.TrainingCost.Usd + p.InferenceCost.Usd, p.TotalCost.Usd, 1e-6);
        Assert.Equal(2.0, Loss(n, d), 1e-9);
        Assert.Equal(1e13, p.LifetimeTokens.Count);
        TargetLossPlan o = p.ComputeOptimal;
        Assert.Equal(6 * o.Parameters.Count * o.Tokens.Count * 1e-18 + 2 * o.Parameters.Count * 1e13 * 2e-18, p.ComputeOptimalTotalCost.Usd, 1e-3);
        Assert.True(p.TotalCost < p.ComputeOptimalTotalCost);
        Assert.Equal(["training + lifetime serving cost at the cheapest N (USD)", "training + lifetime serving cost of the training-only optimum (USD)"],
            p.Steps.Select(x => x.Quantity));
        Sound.Derivations(p.Steps);
        // the optimum is a minimum: 1% more or fewer parameters on the constraint costs more
        foreach (double f in new[] { 0.99, 1.01 })
        {
            double n2 = n * f, d2 = Math.Pow(410.7 / (2.0 - 1.69 - 406.4 / Math.Pow(n2, 0.34)), 1 / 0.28);
            Assert.True(6 * n2 * d2 * 1e-18 + 2 * n2 * 1e13 * 2e-18 > p.TotalCost.Usd);
        }
    }

    [Fact]
    public void ABudget_BuysBudgetOverCostPerFlop()
    {
        Derivation d = ScalingPlan.FlopsForOf(Money.FromUsd(1e6), MoneyPerFlop.FromUsdPerFlop(2e-18));
        Assert.Equal(5e23, d.Value!.Value, 1e9);
        Assert.Equal(("training FLOP the budget buys", "(10) budget / cost per FLOP"), (d.Quantity, d.Equation));
        Sound.Derivation(d);
    }

    public static TheoryData<string, Action> Bad() => new()
    {
        { "parameters", () => ChinchillaLoss.Evaluate(Hoffmann, ParameterCount.FromCount(0), TokenCount.FromCount(1)) },
        { "tokens", () => ChinchillaLoss.Evaluate(Hoffmann, ParameterCount.FromCount(1), TokenCount.FromCount(0)) },
        { "flops", () => ChinchillaLoss.Optimal(Hoffmann, FlopCount.FromFlop(0)) },
        { "targetLoss", () => ScalingPlan.ForTargetLoss(Hoffmann, double.NaN) },
        { "targetLoss", () => ScalingPlan.ForTargetLoss(Hoffmann, 1.6) },
        { "trainingCostPerFlop", () => ScalingPlan.ForLifetime(Hoffmann, 2, TokenCount.FromCount(1), MoneyPerFlop.FromUsdPerFlop(0), MoneyPerFlop.FromUsdPerFlop(1)) },
        { "inferenceCostPerFlop", () => ScalingPlan.ForLifetime(Hoffmann, 2, TokenCount.FromCount(1), MoneyPerFlop.FromUsdPerFlop(1), MoneyPerFlop.FromUsdPerFlop(0)) },
        { "budget", () => ScalingPlan.FlopsForOf(Money.FromUsd(0), MoneyPerFlop.FromUsdPerFlop(1)) },
        { "costPerFlop", () => ScalingPlan.FlopsForOf(Money.FromUsd(1), MoneyPerFlop.FromUsdPerFlop(0)) },
        { "rows[1].parameters", () => ScalingDataset.Of([new(10, 10, 3), new(0.5, 10, 3)]) },
        { "rows[0].tokens", () => ScalingDataset.Of([new(10, 0, 3)]) },
        { "rows[0].loss", () => ScalingDataset.Of([new(10, 10, 0)]) },
        { "dropHighest", () => ScalingDataset.Of(Rows(7)).DropHighestLoss(2) },
        { "dropHighest", () => ScalingDataset.Of(Rows(7)).DropHighestLoss(-1) },
        { "grid low", () => FitGrid.Steps(double.NaN, 1, 1) },
        { "grid step", () => FitGrid.Steps(0, 1, 0) },
        { "grid high", () => FitGrid.Steps(1, 0, 1) },
        { "grid high", () => FitGrid.Steps(0, 10_001, 1) },
        { "delta", () => ScalingFit.Fit(ScalingDataset.Of(Rows(7)), new FitOptions(Delta: 0)) },
        { "delta", () => ScalingFit.Fit(ScalingDataset.Of(Rows(7)), new FitOptions(Delta: 1.5)) },
        { "rows", () => ScalingFit.Fit(ScalingDataset.Of(Rows(5))) },
        { "given", () => ScalingFit.Fit(ScalingDataset.Of(Rows(7).Select(o => o with { Tokens = 1e9 + o.Parameters % 2 }))) },
    };

    private static List<ScalingObservation> Rows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ScalingObservation(1e8 * (i + 1), 2e9 * (i % 3 + 1), Loss(1e8 * (i + 1), 2e9 * (i % 3 + 1))))];

    [Theory]
    [MemberData(nameof(Bad))]
    public void ABadInput_IsNamed(string parameter, Action act) => Assert.Equal(parameter, Assert.Throws<InputException>(act).Parameter);

    [Fact]
    public void Nulls_AreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => ChinchillaLoss.Evaluate(null!, ParameterCount.FromCount(1), TokenCount.FromCount(1)));
        Assert.Throws<ArgumentNullException>(() => ChinchillaLoss.Optimal(null!, FlopCount.FromFlop(1)));
        Assert.Throws<ArgumentNullException>(() => ChinchillaLoss.ParameterExponent(null!));
        Assert.Throws<ArgumentNullException>(() => ScalingPlan.ForTargetLoss(null!, 2));
        Assert.Throws<ArgumentNullException>(() => ScalingDataset.Of(null!));
        Assert.Throws<ArgumentNullException>(() => ScalingFit.Fit(null!));
        Assert.Throws<ArgumentNullException>(() => ScalingFit.LawOf(null!, "x", "s", "d"));
        Assert.Throws<ArgumentNullException>(() => ResidualStatistics.Of(null!, 1));
    }

    [Fact]
    public void Grid_StepsAndStarts()
    {
        Assert.Equal([0, 0.5, 1, 1.5, 2], FitGrid.Steps(0, 2, 0.5));
        Assert.Equal([0.1, 0.2, 0.3], FitGrid.Steps(0.1, 0.3, 0.1)); // 0.1 + 2 × 0.1 rounds to 0.3, not 0.30000000000000004
        Assert.Equal([1], FitGrid.Steps(1, 1, 1));
        var grid = new FitGrid([1, 2], [3, 4, 5], [6], [7, 8], [9, 10, 11]);
        Assert.Equal(2 * 3 * 1 * 2 * 3, grid.Count);
        // starts are (a, b, e, α, β); b varies fastest, then a, e, β, α
        Assert.Equal([7, 9, 6, 1, 3], grid.Start(0));
        Assert.Equal([7, 10, 6, 1, 3], grid.Start(1));
        Assert.Equal([8, 9, 6, 1, 3], grid.Start(3));
        Assert.Equal([7, 9, 6, 1, 4], grid.Start(6));
        Assert.Equal([8, 11, 6, 2, 5], grid.Start(grid.Count - 1));
        Assert.Equal(FitGrid.Chinchilla, new FitOptions().StartGrid);
        Assert.Equal(grid, new FitOptions(Grid: grid).StartGrid);
    }

    [Fact]
    public void ResidualStatistics_ByHand()
    {
        // residuals −0.1, 0.2, 0.0005, −0.0004: mean 0.025025, rms √((0.01 + 0.04 + 2.5e-7 + 1.6e-7)/4), max 0.2, median (0.0005 + 0.1)/2
        ResidualStatistics s = ResidualStatistics.Of([-0.1, 0.2, 0.0005, -0.0004], 0.001);
        Assert.Equal(4, s.Count);
        Assert.Equal(0.025025, s.Mean, 15);
        Assert.Equal(Math.Sqrt((0.01 + 0.04 + 2.5e-7 + 1.6e-7) / 4), s.RootMeanSquare, 15);
        Assert.Equal(0.2, s.MaxAbsolute);
        Assert.Equal((0.0005 + 0.1) / 2, s.MedianAbsolute, 15);
        Assert.Equal(2, s.WithinDelta);
        Assert.Equal(0.0005, ResidualStatistics.Of([-0.1, 0.0005, 0.0001], 0.001).MedianAbsolute); // odd count: the middle one
        Assert.Equal(2, ResidualStatistics.Of([-0.001, 0.001, 0.0011], 0.001).WithinDelta);       // |r| = δ is within
    }

    [Fact]
    public void LawVector_IsLogsAndExponents()
    {
        var v = LawVector.Of([Math.Log(406.4), Math.Log(410.7), Math.Log(1.69), 0.34, 0.28]);
        Assert.Equal((406.4, 410.7, 1.69), (Math.Round(v.A, 9), Math.Round(v.B, 9), Math.Round(v.E, 12)));
        Assert.Equal([v.LnA, v.LnB, v.LnE, 0.34, 0.28], v.ToArray());
        Assert.Equal([v.LnA, v.LnB, v.LnE, 0.34, 0.28], Enumerable.Range(0, 5).Select(i => v[i]));
        Assert.Throws<ArgumentOutOfRangeException>(() => v[5]);
        ScalingLaw law = ScalingFit.LawOf(v.ToArray(), "fit", "my runs", "2026-11");
        Assert.Equal(("fit", "my runs", "my runs", "2026-11"), (law.Id, law.Name, law.Source, law.Date));
        Assert.Equal((406.4, 0.34, 0.28), (Math.Round(law.A, 9), law.Alpha, law.Beta));
        Assert.Equal(5, LawVector.Names.Count);
    }

    [Fact]
    public void Objective_IsTheHuberLossOfLogResiduals_WithItsGradient()
    {
        // Three runs and a point x = (a, b, e, α, β); r_i = LSE(a − α ln N, b − β ln D, e) − ln L; Huber_δ(r) = r²/2 if |r| ≤ δ, else
        // δ(|r| − δ/2) (Hoffmann et al. 2022, appendix D.2).
        ScalingObservation[] rows = [new(1e8, 2e9, 3.5), new(4e8, 8e9, 2.9), new(1.6e9, 3.2e10, 2.6)];
        double[] x = [Math.Log(400), Math.Log(400), Math.Log(1.7), 0.33, 0.29];
        const double delta = 0.05;
        double Huber(double r) => Math.Abs(r) <= delta ? r * r / 2 : delta * (Math.Abs(r) - delta / 2);
        double Residual(double[] p, ScalingObservation o)
        {
            double u = p[0] - p[3] * Math.Log(o.Parameters), w = p[1] - p[4] * Math.Log(o.Tokens), m = Math.Max(u, Math.Max(w, p[2]));
            return m + Math.Log(Math.Exp(u - m) + Math.Exp(w - m) + Math.Exp(p[2] - m)) - Math.Log(o.Loss);
        }

        double Total(double[] p) => rows.Sum(o => Huber(Residual(p, o)));
        var objective = new HuberLogObjective(rows, delta);
        var gradient = new double[5];
        Assert.Equal(Total(x), objective.Evaluate(x, gradient), 1e-12);
        var scalarGradient = new double[5];
        Assert.Equal(Total(x), objective.EvaluateScalar(x, scalarGradient), 1e-12);
        for (int k = 0; k < 5; k++)
        {
            double[] up = [.. x], down = [.. x];
            up[k] += 1e-6;
            down[k] -= 1e-6;
            double numeric = (Total(up) - Total(down)) / 2e-6;
            Assert.Equal(numeric, gradient[k], 1e-6);
            Assert.Equal(numeric, scalarGradient[k], 1e-6);
        }

        Assert.Equal(rows.Select(o => Residual(x, o)), objective.Residuals(x), new Near(1e-12));
        Assert.Equal(Residual(x, rows[0]) + Math.Log(3.5), HuberLogObjective.LogPredict(x, Math.Log(1e8), Math.Log(2e9)), 1e-12);
        Assert.Equal((3, delta), (objective.Count, objective.Delta));
        // a weight counts a run twice (the bootstrap's resampling)
        objective.Weights[0] = 2;
        Assert.Equal(Total(x) + Huber(Residual(x, rows[0])), objective.Evaluate(x, gradient), 1e-12);
    }

    [Fact]
    public void Lbfgs_FindsTheMinimumOfRosenbrock()
    {
        // f(x, y) = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1)
        double[] x = [-1.2, 1];
        LbfgsResult r = new Lbfgs(2).Minimize(new Rosenbrock(), x);
        Assert.True(r.Converged);
        Assert.Equal(1, x[0], 6);
        Assert.Equal(1, x[1], 6);
        Assert.Equal(0, r.Value, 10);
        Assert.True(r.Evaluations >= r.Iterations);
        double[] early = [-1.2, 1];
        LbfgsResult stopped = new Lbfgs(2) { MaxIterations = 3 }.Minimize(new Rosenbrock(), early);
        Assert.False(stopped.Converged);
        Assert.Equal(3, stopped.Iterations);
    }

    [Fact]
    public void Bootstrap_RefusesTooFewResamplesAndNoBudget()
    {
        var data = ScalingDataset.Of(ScalingFitTests.Synthetic(Hoffmann, 0.01, 3));
        ScalingFitResult fit = ScalingFit.Fit(data, new FitOptions(Grid: new FitGrid([0.5], [0.5], [0.5], [5], [5])));
        Assert.Equal("bootstrap", Assert.Throws<InputException>(() => ScalingBootstrap.Run(data, fit, new BootstrapOptions(Resamples: 1))).Parameter);
        Assert.Equal("budgetFlops", Assert.Throws<InputException>(() => ScalingBootstrap.Run(data, fit, new BootstrapOptions(Resamples: 2, BudgetFlops: 0))).Parameter);
        Assert.Throws<ArgumentNullException>(() => ScalingBootstrap.Run(null!, fit));
        Assert.Throws<ArgumentNullException>(() => ScalingBootstrap.Run(data, null!));
        BootstrapResult b = ScalingBootstrap.Run(data, fit, new BootstrapOptions(Resamples: 20, Seed: 7));
        Assert.Equal(ScalingBootstrap.Names, b.Intervals.Select(i => i.Name));
        Assert.All(b.Intervals, i => Assert.True(i.Low <= i.High && i.StandardError >= 0, i.Name));
        Assert.Equal(fit.Law.E, b["E"].Estimate, 12);
        Assert.Equal(fit.ParameterExponent, b["parameterExponent"].Estimate, 12);
        Assert.True(b.Evaluations > 0);
        // the same seed draws the same resamples
        Assert.Equal(b.Intervals, ScalingBootstrap.Run(data, fit, new BootstrapOptions(Resamples: 20, Seed: 7)).Intervals);
        Assert.NotEqual(b.Intervals, ScalingBootstrap.Run(data, fit, new BootstrapOptions(Resamples: 20, Seed: 8)).Intervals);
    }

    [Fact]
    public void Fit_ReportsItsStartsAndEvaluations()
    {
        var grid = new FitGrid([0.3, 0.4], [0.3], [0.5], [5, 6], [5]);
        ScalingFitResult fit = ScalingFit.Fit(ScalingDataset.Of(ScalingFitTests.Synthetic(Hoffmann, 0, 1)), new FitOptions(Grid: grid), "mine", "2026-11-28");
        Assert.Equal(4, fit.Starts);
        Assert.InRange(fit.ConvergedStarts, 1, 4);
        Assert.True(fit.Evaluations >= 4);
        Assert.Equal(48, fit.Rows);
        Assert.Equal(FitOptions.DefaultDelta, fit.Delta);
        Assert.Equal(("mine", "2026-11-28"), (fit.Law.Id, fit.Law.Date));
        Assert.Contains(fit.BestStart[3], grid.Alpha); // the best start is a point of the grid: (a, b, e, α, β)
        Assert.Contains(fit.BestStart[0], grid.A);
        Assert.Equal(5, fit.LogParameters.Count);
        Assert.Equal(1.69, fit.Law.E, 6);
        // twice the starts take twice the estimated time
        Assert.Equal(2 * ScalingFit.EstimatedSeconds(100, 50), ScalingFit.EstimatedSeconds(200, 50), 12);
    }

    private sealed class Rosenbrock : IGradientObjective
    {
        public double Evaluate(ReadOnlySpan<double> x, Span<double> g)
        {
            double a = 1 - x[0], b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        }
    }

    private sealed class Near(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}

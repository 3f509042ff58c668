using System.Globalization;

namespace LlmEcon.Scaling.Fitting;

/// <summary>The starting points of the fit: every combination of the five lists (α, β, e = ln E, a = ln A, b = ln B).</summary>
/// <param name="Alpha">Starting α values.</param>
/// <param name="Beta">Starting β values.</param>
/// <param name="E">Starting e = ln E values.</param>
/// <param name="A">Starting a = ln A values.</param>
/// <param name="B">Starting b = ln B values.</param>
public sealed record FitGrid(IReadOnlyList<double> Alpha, IReadOnlyList<double> Beta, IReadOnlyList<double> E, IReadOnlyList<double> A, IReadOnlyList<double> B)
{
    /// <summary>
    /// Hoffmann et al. (2022), appendix D.2: α, β ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}: 4,500 starts.
    /// </summary>
    public static FitGrid Chinchilla { get; } = new(Steps(0, 2, 0.5), Steps(0, 2, 0.5), Steps(-1, 1, 0.5), Steps(0, 25, 5), Steps(0, 25, 5));

    /// <summary>Number of starting points.</summary>
    public long Count => (long)Alpha.Count * Beta.Count * E.Count * A.Count * B.Count;

    /// <summary>The i-th start as (a, b, e, α, β).</summary>
    public double[] Start(long i)
    {
        int ib = (int)(i % B.Count); i /= B.Count;
        int ia = (int)(i % A.Count); i /= A.Count;
        int ie = (int)(i % E.Count); i /= E.Count;
        int iBeta = (int)(i % Beta.Count); i /= Beta.Count;
        return new LawVector(A[ia], B[ib], E[ie], Alpha[(int)i], Beta[iBeta]).ToArray();
    }

    /// <summary>low, low + step, …, high (inclusive).</summary>
    public static IReadOnlyList<double> Steps(double low, double high, double step)
    {
        Guard.Finite(low, "grid low");
        Guard.Positive(step, "grid step");
        Guard.InRange(high, "grid high", low, low + 1e4 * step, false, false);
        int n = (int)Math.Floor((high - low) / step + 1e-9) + 1;
        return Enumerable.Range(0, n).Select(k => Math.Round(low + k * step, 12)).ToList();
    }
}

/// <summary>How to fit.</summary>
/// <param name="Delta">Huber δ on log residuals (1e-3, as Hoffmann et al.).</param>
/// <param name="Grid">Starting points (Hoffmann et al.'s by default).</param>
/// <param name="MaxDegreeOfParallelism">Threads (default: every core).</param>
public sealed record FitOptions(double Delta = FitOptions.DefaultDelta, FitGrid? Grid = null, int MaxDegreeOfParallelism = -1)
{
    /// <summary>Huber δ of Hoffmann et al. (2022), appendix D.2: 10⁻³.</summary>
    public const double DefaultDelta = 1e-3;

    /// <summary>The grid, defaulted.</summary>
    public FitGrid StartGrid => Grid ?? FitGrid.Chinchilla;
}

/// <summary>Summary of the log residuals ln L̂ − ln L of a fit.</summary>
/// <param name="Count">Rows.</param>
/// <param name="Mean">Mean log residual.</param>
/// <param name="RootMeanSquare">RMS log residual.</param>
/// <param name="MaxAbsolute">Largest |log residual|.</param>
/// <param name="MedianAbsolute">Median |log residual|.</param>
/// <param name="WithinDelta">Rows with |residual| ≤ δ (the quadratic part of the Huber loss).</param>
public sealed record ResidualStatistics(int Count, double Mean, double RootMeanSquare, double MaxAbsolute, double MedianAbsolute, int WithinDelta)
{
    /// <summary>Statistics of <paramref name="residuals"/>.</summary>
    public static ResidualStatistics Of(IReadOnlyList<double> residuals, double delta)
    {
        ArgumentNullException.ThrowIfNull(residuals);
        var abs = residuals.Select(Math.Abs).Order().ToList();
        int n = abs.Count;
        double median = n % 2 == 1 ? abs[n / 2] : (abs[n / 2 - 1] + abs[n / 2]) / 2;
        return new ResidualStatistics(n, residuals.Average(), Math.Sqrt(residuals.Average(r => r * r)), abs[^1], median, abs.Count(a => a <= delta));
    }
}

/// <summary>A fitted law and how the fit went.</summary>
/// <param name="Law">The law: E = e^e, A = e^a, B = e^b, α, β.</param>
/// <param name="LogParameters">(a, b, e, α, β) as optimised.</param>
/// <param name="Objective">Σ Huber_δ(log residual) at the optimum.</param>
/// <param name="Residuals">Log residuals' statistics.</param>
/// <param name="Starts">Starting points tried.</param>
/// <param name="ConvergedStarts">Starts whose L-BFGS run met a stopping test.</param>
/// <param name="Evaluations">Objective evaluations over all starts.</param>
/// <param name="BestStart">The start that reached the optimum, as (a, b, e, α, β).</param>
/// <param name="Rows">Rows fitted.</param>
/// <param name="Delta">Huber δ.</param>
public sealed record ScalingFitResult(
    ScalingLaw Law, IReadOnlyList<double> LogParameters, double Objective, ResidualStatistics Residuals, int Starts, int ConvergedStarts,
    long Evaluations, IReadOnlyList<double> BestStart, int Rows, double Delta)
{
    /// <summary>What the caller should know about the fit: each fitted parameter the starting grid did not bracket.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The compute-optimal exponent of N: N_opt ∝ C^a, a = β / (α + β) (Hoffmann et al. 2022, eq. 4).</summary>
    public double ParameterExponent => ChinchillaLoss.ParameterExponent(Law);
}

/// <summary>
/// Fits L(N, D) = E + A / N^α + B / D^β to training runs the way Hoffmann et al. (2022, appendix D.2) did: minimise the Huber loss
/// (δ = 10⁻³) between log observed and log predicted loss, the prediction written as LSE(a − α ln N, b − β ln D, e), by L-BFGS
/// from every point of a grid, keeping the best. Starts run in parallel; the result does not depend on the thread count.
/// </summary>
public static class ScalingFit
{
    /// <summary>Grid phase: each start's L-BFGS stops after this many iterations …</summary>
    public const int GridIterations = 30;

    /// <summary>… or when an iteration lowers the objective by less than this, relative.</summary>
    public const double GridTolerance = 1e-6;

    /// <summary>Polish phase: this many best end points of the grid phase are run on to a relative tolerance of 1e-16.</summary>
    public const int PolishCount = 16;

    internal static Lbfgs Polisher() => new(HuberLogObjective.Dimension) { MaxIterations = 20000, RelativeTolerance = 1e-16, GradientTolerance = 1e-15 };

    /// <summary>Fewest rows a fit accepts: the law has five parameters.</summary>
    public const int MinimumRows = 6;

    /// <summary>Fits a law to <paramref name="data"/>; <paramref name="progress"/> gets the number of starts done, in increasing order.</summary>
    public static ScalingFitResult Fit(ScalingDataset data, FitOptions? options = null, string lawId = "fitted", string? date = null, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new FitOptions();
        Guard.InRange(options.Delta, "delta", 0, 1, true, false);
        if (data.Rows.Count < MinimumRows)
        {
            throw Guard.Fail("rows", $"at least {MinimumRows} (the law has 5 parameters)", data.Rows.Count.ToString(CultureInfo.InvariantCulture));
        }

        RequireVariation(data, o => o.Parameters, "parameter counts N", "A and α");
        RequireVariation(data, o => o.Tokens, "token counts D", "B and β");
        FitGrid grid = options.StartGrid;
        if (grid.Count > MaximumStarts)
        {
            throw Guard.Fail("grid", string.Create(CultureInfo.InvariantCulture, $"at most {MaximumStarts:#,0} starting points (the default has 4,500)"),
                string.Create(CultureInfo.InvariantCulture, $"{grid.Count:#,0}, about {EstimatedSeconds(grid.Count, data.Rows.Count) / 3600:0.#} hours of fitting"),
                "use a coarser step");
        }

        var objective = new HuberLogObjective(data.Rows, options.Delta);
        int starts = (int)grid.Count;
        var values = new double[starts];
        var ends = new double[starts][];
        var converged = new bool[starts];
        var evaluations = new long[starts];
        long done = 0;
        var gate = new Lock();
        Parallel.For(0, starts, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => new Lbfgs(HuberLogObjective.Dimension) { RelativeTolerance = GridTolerance, GradientTolerance = 1e-12, MaxIterations = GridIterations },
            (i, _, lbfgs) =>
            {
                double[] x = grid.Start(i);
                LbfgsResult r = lbfgs.Minimize(objective, x);
                values[i] = r.Value;
                ends[i] = x;
                converged[i] = r.Converged;
                evaluations[i] = r.Evaluations;
                if (progress is not null)
                {
                    lock (gate)
                    {
                        progress.Report(++done);
                    }
                }

                return lbfgs;
            },
            _ => { });

        // Polish: the best few end points (lowest objective; ties to the earliest start, so the result is the same on any number of
        // threads) are run on to tight tolerances; the lowest polished objective wins.
        int[] order = [.. Enumerable.Range(0, starts).Where(i => double.IsFinite(values[i])).OrderBy(i => values[i]).ThenBy(i => i).Take(PolishCount)];
        if (order.Length == 0)
        {
            throw Guard.Fail("grid", "starting points from which the objective is finite", string.Create(CultureInfo.InvariantCulture, $"none of the {starts:#,0}"));
        }

        var polished = new double[order.Length];
        Parallel.For(0, order.Length, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => Polisher(),
            (k, _, lbfgs) =>
            {
                LbfgsResult r = lbfgs.Minimize(objective, ends[order[k]]);
                polished[k] = r.Value;
                evaluations[order[k]] += r.Evaluations;
                converged[order[k]] = r.Converged;
                return lbfgs;
            },
            _ => { });
        int bestK = 0;
        for (int k = 1; k < order.Length; k++)
        {
            if (polished[k] < polished[bestK])
            {
                bestK = k;
            }
        }

        int best = order[bestK];
        values[best] = polished[bestK];

        return Result(data, objective, ends[best], values[best], starts, converged.Count(c => c), evaluations.Sum(), grid.Start(best), lawId, date)
            with { Warnings = EdgeWarnings(ends[best], grid) };
    }

    /// <summary>A warning for each fitted parameter the starting grid did not bracket: a start beyond it might fit better.</summary>
    private static IReadOnlyList<string> EdgeWarnings(double[] x, FitGrid grid)
    {
        var warnings = new List<string>();
        var fitted = LawVector.Of(x);
        IReadOnlyList<double>[] lists = [grid.A, grid.B, grid.E, grid.Alpha, grid.Beta];
        foreach (var (name, value, list) in LawVector.Names.Select((n, i) => (n, fitted[i], lists[i])))
        {
            double low = list.Min(), high = list.Max(), slack = Math.Max(1e-6, (high - low) * 1e-3);
            if (list.Count > 1 && (value < low + slack || value > high - slack))
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"the fitted {name} = {NumberFormat.Compact(value)} is at or beyond the edge of the starting grid's range [{Guard.Show(low)}, {Guard.Show(high)}]; a wider grid may find a better fit."));
            }
        }

        return warnings;
    }

    /// <summary>The most starting points a fit accepts: 1,000,000 (the default grid has 4,500).</summary>
    public const long MaximumStarts = 1_000_000;

    /// <summary>
    /// A rough wall time of a fit on this machine's cores, seconds: about 26 objective evaluations per start (117,166 for the 4,500 of
    /// the Figure 4 fit) at about 9 ns per run per evaluation (docs/performance.md), spread over the cores.
    /// </summary>
    public static double EstimatedSeconds(long starts, int rows) => starts * 26.0 * rows * 9e-9 / Environment.ProcessorCount;

    private static void RequireVariation(ScalingDataset data, Func<ScalingObservation, double> value, string what, string terms)
    {
        int distinct = data.Rows.Select(value).Distinct().Count();
        if (distinct < 3)
        {
            throw Guard.Fail(data.Origin, $"runs at 3 or more different {what} (the data cannot identify {terms} otherwise)",
                distinct == 1 ? $"one value, {Guard.Show(value(data.Rows[0]))}, in all {data.Rows.Count} runs" : $"{distinct} values in {data.Rows.Count} runs");
        }
    }

    /// <summary>Refits from one start (the bootstrap's warm start), with row weights already set on <paramref name="objective"/>.</summary>
    internal static (double[] X, double Value) Refine(HuberLogObjective objective, IReadOnlyList<double> start, Lbfgs lbfgs)
    {
        double[] x = [.. start];
        LbfgsResult r = lbfgs.Minimize(objective, x);
        return (x, r.Value);
    }

    private static ScalingFitResult Result(ScalingDataset data, HuberLogObjective objective, double[] x, double value, int starts, int converged,
        long evaluations, double[] start, string lawId, string? date)
    {
        ScalingLaw law = LawOf(x, lawId, $"Fitted to {data.Origin} ({data.Rows.Count} runs; Huber δ = {Guard.Show(objective.Delta)} on log loss, L-BFGS from {starts} starts)",
            date ?? "fitted");
        return new ScalingFitResult(law, x, value, ResidualStatistics.Of(objective.Residuals(x), objective.Delta), starts, converged, evaluations, start,
            data.Rows.Count, objective.Delta);
    }

    /// <summary>The law of optimised parameters (a, b, e, α, β).</summary>
    public static ScalingLaw LawOf(IReadOnlyList<double> x, string id, string source, string date)
    {
        ArgumentNullException.ThrowIfNull(x);
        return LawVector.Of([.. x]).ToLaw(id, source, date);
    }
}

using System.Globalization;
using MathNet.Numerics.Statistics;

namespace LlmEcon.Scaling.Fitting;

/// <summary>How to bootstrap a fit.</summary>
/// <param name="Resamples">R: resamples of the rows, with replacement.</param>
/// <param name="Seed">Seed of the resampling (the same seed, the same intervals).</param>
/// <param name="BudgetFlops">The FLOP budget at which to report tokens per parameter (default 5.76e23, Chinchilla's).</param>
/// <param name="MaxDegreeOfParallelism">Threads (default: every core).</param>
public sealed record BootstrapOptions(int Resamples = 1000, int Seed = BootstrapOptions.DefaultSeed, double BudgetFlops = BootstrapOptions.ChinchillaBudget, int MaxDegreeOfParallelism = -1)
{
    /// <summary>The default seed of the resampling.</summary>
    public const int DefaultSeed = 42;

    /// <summary>Chinchilla's training budget, 5.76e23 FLOP (Hoffmann et al. 2022): where tokens per parameter is reported by default.</summary>
    public const double ChinchillaBudget = 5.76e23;
}

/// <summary>One quantity's bootstrap: the full-data estimate, the standard error and the 95% percentile interval.</summary>
/// <param name="Name">E, A, B, alpha, beta, or a derived quantity.</param>
/// <param name="Estimate">From the fit to all rows.</param>
/// <param name="StandardError">Sample standard deviation over the resamples.</param>
/// <param name="Low">2.5th percentile over the resamples.</param>
/// <param name="High">97.5th percentile over the resamples.</param>
public sealed record BootstrapInterval(string Name, double Estimate, double StandardError, double Low, double High);

/// <summary>A bootstrap of a fit.</summary>
/// <param name="Options">How it was run.</param>
/// <param name="Intervals">E, A, B, α, β, the exponent a = β/(α+β), and tokens per parameter at the budget.</param>
/// <param name="Evaluations">Objective evaluations over all resamples.</param>
public sealed record BootstrapResult(BootstrapOptions Options, IReadOnlyList<BootstrapInterval> Intervals, long Evaluations)
{
    /// <summary>The interval named <paramref name="name"/>.</summary>
    public BootstrapInterval this[string name] => Intervals.First(i => i.Name == name);
}

/// <summary>
/// The nonparametric bootstrap of a scaling-law fit (Efron 1979): R resamples of the rows with replacement, each refitted by
/// L-BFGS from the full-data optimum (a warm start, as Besiroglu et al. 2024 do), giving each parameter's standard error and
/// 95% percentile interval, and those of the compute-optimal exponent and of tokens per parameter at a budget.
/// </summary>
public static class ScalingBootstrap
{
    /// <summary>Names of the intervals, in order.</summary>
    public static readonly IReadOnlyList<string> Names = ["E", "A", "B", "alpha", "beta", "parameterExponent", "tokensPerParameter"];

    /// <summary>Runs the bootstrap of <paramref name="fit"/> on <paramref name="data"/>; <paramref name="progress"/> gets the count done, in increasing order.</summary>
    public static BootstrapResult Run(ScalingDataset data, ScalingFitResult fit, BootstrapOptions? options = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        options ??= new BootstrapOptions();
        Guard.InRange(options.Resamples, "bootstrap", 2, 1e6, false, false);
        Guard.Positive(options.BudgetFlops, "budgetFlops");
        int r = options.Resamples, n = data.Rows.Count;
        var samples = new double[r][];
        var evaluations = new long[r];
        int done = 0;
        var gate = new Lock();
        Parallel.For(0, r, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => (Objective: new HuberLogObjective(data.Rows, fit.Delta), Lbfgs: ScalingFit.Polisher(), Counts: new int[n]),
            (k, _, state) =>
            {
                // Each resample has its own generator, seeded from (seed, k): the draws do not depend on the thread that runs them.
                var random = new Random(unchecked(options.Seed * 1_000_003 + k));
                Array.Clear(state.Counts);
                for (int j = 0; j < n; j++)
                {
                    state.Counts[random.Next(n)]++;
                }

                Span<double> w = state.Objective.Weights;
                for (int j = 0; j < n; j++)
                {
                    w[j] = state.Counts[j];
                }

                double[] x = [.. fit.LogParameters];
                LbfgsResult result = state.Lbfgs.Minimize(state.Objective, x);
                samples[k] = x;
                evaluations[k] = result.Evaluations;
                if (progress is not null)
                {
                    // Count and report under one lock: the reports arrive in increasing order whatever thread finishes first.
                    lock (gate)
                    {
                        progress.Report(++done);
                    }
                }

                return state;
            },
            _ => { });

        double budget = options.BudgetFlops;
        double[] Quantities(IReadOnlyList<double> x)
        {
            var v = LawVector.Of([.. x]);
            return [v.E, v.A, v.B, v.Alpha, v.Beta, ChinchillaLoss.ParameterExponent(v.Alpha, v.Beta), TokensPerParameter(v.A, v.B, v.Alpha, v.Beta, budget)];
        }

        double[] estimate = Quantities(fit.LogParameters);
        double[][] values = [.. samples.Select(Quantities)];
        var intervals = Names.Select((name, q) =>
        {
            double[] column = [.. values.Select(v => v[q]).Where(double.IsFinite)];
            if (column.Length < 2)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Bootstrap of {name}: fewer than 2 finite resamples."));
            }

            return new BootstrapInterval(name, estimate[q], column.StandardDeviation(),
                column.QuantileCustom(0.025, QuantileDefinition.R7), column.QuantileCustom(0.975, QuantileDefinition.R7));
        }).ToList();
        return new BootstrapResult(options, intervals, evaluations.Sum());
    }

    /// <summary>D_opt / N_opt at budget C (Hoffmann et al. 2022, eq. 4, as <see cref="ChinchillaLoss.Optimal"/>).</summary>
    public static double TokensPerParameter(double a, double b, double alpha, double beta, double flops)
    {
        var (n, d) = ChinchillaLoss.Allocation(a, b, alpha, beta, flops);
        return d / n;
    }
}

using BenchmarkDotNet.Attributes;
using LlmEcon.Scaling.Fitting;

namespace LlmEcon.Benchmarks;

/// <summary>
/// The scaling-law fit on the 240 retained runs of the Figure 4 data (issue targets: the full default grid under 0.5 s and a
/// 1000-resample bootstrap under 10 s on 2 cores, whole process; these measure the library calls, the whole process is in
/// docs/performance.md).
/// </summary>
[MemoryDiagnoser]
public class FitBenchmarks
{
    private ScalingDataset _data = null!;
    private ScalingFitResult _fit = null!;
    private HuberLogObjective _objective = null!;
    private readonly double[] _x = [6.17, 7.67, 0.597, 0.347, 0.367];
    private readonly double[] _gradient = new double[5];

    /// <summary>Reads the data and fits once (for the bootstrap's warm start).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = ScalingCsv.ReadFile(Path.Combine(AppContext.BaseDirectory, "chinchilla-figure4.csv")).DropHighestLoss(5);
        _fit = ScalingFit.Fit(_data);
        _objective = new HuberLogObjective(_data.Rows, 1e-3);
    }

    /// <summary>One objective and gradient evaluation over 240 rows.</summary>
    [Benchmark]
    public double ObjectiveAndGradient() => _objective.Evaluate(_x, _gradient);

    /// <summary>The full default grid: 4,500 L-BFGS starts, then the polish, on every core.</summary>
    [Benchmark]
    public ScalingFitResult FullGrid() => ScalingFit.Fit(_data);

    /// <summary>The same on one core.</summary>
    [Benchmark]
    public ScalingFitResult FullGridOneCore() => ScalingFit.Fit(_data, new FitOptions(MaxDegreeOfParallelism: 1));

    /// <summary>1,000 bootstrap resamples, each refitted from the full-data optimum.</summary>
    [Benchmark]
    public BootstrapResult Bootstrap1000() => ScalingBootstrap.Run(_data, _fit, new BootstrapOptions(1000, 42));

    /// <summary>Reading and validating the CSV.</summary>
    [Benchmark]
    public ScalingDataset ReadCsv() => ScalingCsv.ReadFile(Path.Combine(AppContext.BaseDirectory, "chinchilla-figure4.csv"));
}

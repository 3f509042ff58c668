using BenchmarkDotNet.Attributes;
using LlmEcon.Cli;
using LlmEcon.Cli.Commands;
using LlmEcon.Scenarios;

namespace LlmEcon.Benchmarks;

/// <summary>
/// Issue 13's speed: the train and inference formula kernels evaluated over a sweep (1,000,000 points per call: evaluations per second
/// per core = 1e6 / the mean), and the search Monte Carlo of the example on 1,000,000 samples.
/// </summary>
[MemoryDiagnoser]
public class ScenarioBenchmarks
{
    private const int Points = 1_000_000;
    private IModel _train = null!, _inference = null!, _search = null!;
    private Distribution[] _searchInputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        _train = Kernel("train", ["--params", "175B", "--tokens", "300B", "--offer", "gcp-tpu-v4-1yr", "--mfu", "40%"], ["--mfu"]);
        _inference = Kernel("inference", ["--params", "175B", "--offer", "aws-p4d-1yr", "--mfu", "21.3%"], ["--mfu"]);
        _search = Kernel("search", ["--architecture", "two-stage"], ["--cache-hit-rate", "--gross-margin", "--result-words", "--links"]);
        _searchInputs =
        [
            Distribution.Parse("uniform(0.2,0.4)", "--cache-hit-rate", double.Parse, 0, 1, highOpen: true),
            Distribution.Parse("triangular(0.6,0.75,0.85)", "--gross-margin", double.Parse, 0, 1, highOpen: true),
            Distribution.Parse("normal(1000,200)", "--result-words", double.Parse, 0, 1e7),
            Distribution.Parse("choice(5,10,20)", "--links", double.Parse, 1, 1000),
        ];
    }

    private static IModel Kernel(string path, string[] words, string[] flags)
    {
        LlmEconCommand command = LlmEconApp.Commands.Single(c => c.Path == path);
        var output = new StringWriter { NewLine = "\n" };
        command.Execute(LlmEconApp.Bind(command, [.. words, "--format", "json"]), new Io(output, TextWriter.Null, 120));
        var at = CommandModel.Numbers(output.ToString());
        Cli.Options.Args a = LlmEconApp.Bind(command, words);
        return command.Kernel(a, LlmEconCommand.CatalogOf(a), flags, at) ?? throw new InvalidOperationException(path + " has no kernel");
    }

    private static double Sweep(IModel model, int output)
    {
        double[] x = new double[1], y = new double[model.Outputs.Count];
        double sum = 0;
        for (int i = 0; i < Points; i++)
        {
            x[0] = 0.1 + (i * 0.8 / Points);
            model.Evaluate(x, y);
            sum += y[output];
        }

        return sum;
    }

    /// <summary>Eq. 8 at 1,000,000 MFUs: cost, chip-hours, cost per 1K tokens at each.</summary>
    [Benchmark]
    public double TrainSweepMillion() => Sweep(_train, 7);

    /// <summary>Eq. 7 at 1,000,000 MFUs.</summary>
    [Benchmark]
    public double InferenceSweepMillion() => Sweep(_inference, 7);

    /// <summary>The search Monte Carlo, 1,000,000 samples, one thread.</summary>
    [Benchmark]
    public double SearchMonteCarloMillionOneThread() => MonteCarlo.Run(_search, _searchInputs, new MonteCarloOptions(Points, 1, Threads: 1)).Outputs[4].Mean;
}

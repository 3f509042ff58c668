using BenchmarkDotNet.Attributes;
using LlmEcon.Catalog;
using LlmEcon.Serving;

namespace LlmEcon.Benchmarks;

/// <summary>The serving roofline (eqs. 31–38): one configuration fast, with derivations, and a frontier.</summary>
[MemoryDiagnoser]
public class ServingBenchmarks
{
    private readonly ServingSetup _dense = ServingSetups.ForModel(LlmCatalog.BuiltIn.Model("llama-3.1-70b"), LlmCatalog.BuiltIn.Accelerator("h100-sxm"), 4,
        Precision.Fp8, null, null, 64, 1000, 500, Quantities.MoneyRate.FromUsdPerHour(2.5));

    private readonly ServingSetup _moe = ServingSetups.ForModel(LlmCatalog.BuiltIn.Model("deepseek-v3"), LlmCatalog.BuiltIn.Accelerator("h200-sxm"), 8,
        Precision.Fp8, null, null, 64, 1000, 500, Quantities.MoneyRate.FromUsdPerHour(3.5));

    /// <summary>One dense configuration, numbers only (the target: under 5 µs).</summary>
    [Benchmark]
    public ServingPoint EvaluateDense() => ServingModel.Evaluate(_dense);

    /// <summary>One mixture-of-experts configuration, numbers only.</summary>
    [Benchmark]
    public ServingPoint EvaluateMoe() => ServingModel.Evaluate(_moe);

    /// <summary>The same dense configuration with every step's derivation (what --explain prints).</summary>
    [Benchmark]
    public ServingResult ExplainDense() => ServingModel.Explain(_dense);

    /// <summary>Every batch 1..4096 (4,096 configurations) of the dense setup.</summary>
    [Benchmark]
    public double Frontier4096()
    {
        double best = double.MaxValue;
        for (int b = 1; b <= 4096; b++)
        {
            ServingPoint p = ServingModel.Evaluate(_dense with { Batch = b });
            if (p.Fits && p.CostPerMillionOutputUsd < best)
            {
                best = p.CostPerMillionOutputUsd;
            }
        }

        return best;
    }
}

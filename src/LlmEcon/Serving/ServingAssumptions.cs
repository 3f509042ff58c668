using LlmEcon.Derivations;

namespace LlmEcon.Serving;

/// <summary>
/// What the roofline (eqs. 31–37) does not derive from the hardware and the model: how much of the peak FLOP/s and of the memory
/// bandwidth kernels reach, the latency of one all-reduce, a fixed cost per step, how much of a chip's memory a server may fill,
/// and how unevenly a mixture of experts routes. Each default is chosen once, with its reason and source in <see cref="Sources"/>;
/// every one can be overridden, and an overridden value is shown as given.
/// </summary>
/// <param name="ComputeEfficiency">η_c: the share of the dense peak that the matrix multiplies reach, in (0, 1].</param>
/// <param name="MemoryEfficiency">η_m: the share of the memory bandwidth that streaming the weights and the KV cache reaches, in (0, 1].</param>
/// <param name="AllReduceLatencySeconds">α: the fixed latency of one tensor-parallel all-reduce, seconds (≥ 0).</param>
/// <param name="StepOverheadSeconds">o: a fixed cost per forward step (launches, scheduling, sampling), seconds (≥ 0).</param>
/// <param name="UsableMemoryFraction">u: the share of a chip's memory a server may fill with weights, KV cache and activations, in (0, 1].</param>
/// <param name="MoeImbalance">ι: how many more experts' weights than uniform routing a step reads (≥ 1; 1 is uniform).</param>
public sealed record ServingAssumptions(
    double ComputeEfficiency, double MemoryEfficiency, double AllReduceLatencySeconds, double StepOverheadSeconds, double UsableMemoryFraction,
    double MoeImbalance)
{
    /// <summary>The defaults: η_c 70%, η_m 85%, α 25 µs, o 0.1 ms, u 90%, ι 1 (reasons in <see cref="Sources"/>).</summary>
    public static ServingAssumptions Default { get; } = new(0.70, 0.85, 25e-6, 1e-4, 0.90, 1.0);

    /// <summary>Where each default comes from, by the field's name as <see cref="Provenance.Field"/> gives it.</summary>
    public static IReadOnlyDictionary<string, (string Source, string Date)> Sources { get; } = new Dictionary<string, (string, string)>
    {
        ["computeEfficiency"] = ("judgement: large BF16/FP8 GEMMs on A100/H100 reach 60–80% of the dense peak; 70% is the middle (Narayanan et al. 2021, §5.1: 52% end to end for whole training steps, GEMMs higher)", "2021-04"),
        ["memoryEfficiency"] = ("measured: gpt-fast's A100-80GB reaches ~1,700 of 2,039 GB/s (83%, pytorch-labs/gpt-fast README); a coalesced weight load on H100 SXM reaches 2.8 of 3.35 TB/s (84%, mikamirai.com 'GPU Memory Bandwidth', 2026-03-28)", "2026-03"),
        ["allReduceLatencySeconds"] = ("NCCL's own latency model for a small all-reduce over 8 × H100 (NVLink): 25.2 µs (NVIDIA/nccl issue #1453 log, 2024); 2 × H100 with NVLS and CUDA graphs measured ~6 µs (NVIDIA/nccl issue #1259)", "2024-09"),
        ["stepOverheadSeconds"] = ("judgement: launch and scheduling gaps left under CUDA graphs, a tenth of a millisecond per step; not a measurement", "2026-11"),
        ["usableMemoryFraction"] = ("vLLM's default gpu_memory_utilization 0.9; TensorRT-LLM's KV-cache free-memory fraction 0.90–0.95 in its performance tables", "2025-02"),
        ["moeImbalance"] = ("uniform routing (the issue's E·(1 − (1 − k/E)^B)); raise it to model hot experts", "2026-11"),
    };

    /// <summary>Checks every field; the first bad one is named in one sentence.</summary>
    public ServingAssumptions Validated()
    {
        Guard.Utilization(ComputeEfficiency, "computeEfficiency");
        Guard.Utilization(MemoryEfficiency, "memoryEfficiency");
        Guard.NonNegative(AllReduceLatencySeconds, "allReduceLatency");
        Guard.NonNegative(StepOverheadSeconds, "stepOverhead");
        Guard.Utilization(UsableMemoryFraction, "usableMemoryFraction");
        if (!double.IsFinite(MoeImbalance) || MoeImbalance < 1)
        {
            throw Guard.Fail("moeImbalance", "a finite number ≥ 1 (1 is uniform routing)", Guard.Show(MoeImbalance));
        }

        return this;
    }

    /// <summary>The provenance of a field: the default's source when the value is the default, null (given) when overridden.</summary>
    internal Provenance? From(string field, double value, double defaultValue) =>
        value == defaultValue && Sources.TryGetValue(field, out var s) ? new Provenance("serving-defaults", field, s.Source, s.Date) : null;
}

using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Memory;

/// <summary>Memory needed and the chips to hold it (eqs. 18–19).</summary>
/// <param name="Bytes">Total bytes.</param>
/// <param name="ChipMemory">Memory per chip, when a chip was given.</param>
/// <param name="MinimumChips">⌈bytes / chip memory⌉, when a chip was given.</param>
/// <param name="ExactChips">bytes / chip memory before rounding up.</param>
/// <param name="Derivation">The equation substituted.</param>
public sealed record MemoryResult(ByteSize Bytes, ByteSize? ChipMemory, long? MinimumChips, double? ExactChips, Derivation Derivation)
{
    /// <summary>The bytes, then (with a chip) the chips to hold them, each with its derivation.</summary>
    public IReadOnlyList<Derivation> Steps { get; init; } = [Derivation];

    /// <summary>The minimum chips' derivation (the bytes' when no chip was given).</summary>
    public Derivation ChipsDerivation => Steps[^1];
}

/// <summary>Training state and inference weights in memory.</summary>
public static class MemoryModel
{
    /// <summary>
    /// Bytes per parameter of mixed-precision Adam training state: weights, gradients and optimizer states
    /// (the article's 20, from its note 27 on Megatron-Turing NLG).
    /// </summary>
    public const double DefaultTrainingBytesPerParameter = 20;

    /// <summary>training memory = bytes per parameter × N; minimum chips = ⌈memory / memory per chip⌉ (eq. 18).</summary>
    public static MemoryResult Training(Sourced<ParameterCount> n, double bytesPerParameter = DefaultTrainingBytesPerParameter, Sourced<ByteSize>? chipMemory = null)
    {
        Guard.Positive(bytesPerParameter, "bytesPerParameter");
        return Hold(n, bytesPerParameter, chipMemory, "training state in memory", "(18) Sun 2023 §5, note 27");
    }

    /// <summary>Bytes per weight at a precision: 4 (FP32), 2 (FP16/BF16), 1 (FP8/INT8), 8 (FP64).</summary>
    public static double BytesPerWeight(Precision precision) => precision switch
    {
        Precision.Fp64 => 8,
        Precision.Fp32 or Precision.Tf32 => 4,
        Precision.Fp16 or Precision.Bf16 => 2,
        _ => 1,
    };

    /// <summary>inference weight memory = N × bytes per weight at the precision (eq. 19); KV cache is not included.</summary>
    public static MemoryResult InferenceWeights(Sourced<ParameterCount> n, Precision precision, Sourced<ByteSize>? chipMemory = null) =>
        Hold(n, BytesPerWeight(precision), chipMemory, $"inference weights at {CatalogNames.Of(precision)}", "(19) N × bytes per weight");

    private static MemoryResult Hold(Sourced<ParameterCount> n, double bytesPerParameter, Sourced<ByteSize>? chipMemory, string what, string equation)
    {
        Expr bytes = Expr.In("b", "bytes per parameter", bytesPerParameter, Compact(bytesPerParameter) + " B/param") * Symbols.Parameters(n);
        var steps = new List<Derivation> { Derivation.Of(what + " (bytes)", equation, bytes, v => ByteSize.FromBytes(v).ToString()) };
        long? min = null;
        double? exact = null;
        if (chipMemory is { } cm)
        {
            Guard.Positive(cm.Value.Bytes, "chipMemory");
            Expr perChip = Expr.In("M", "memory per chip (bytes)", cm.Value.Bytes, Compact(cm.Value.Bytes) + " B", cm.From);
            Expr chips = Expr.Ceiling(Expr.In("bytes", what, bytes.Value, Compact(bytes.Value) + " B") / perChip);
            exact = bytes.Value / cm.Value.Bytes;
            min = (long)chips.Value;
            steps.Add(Derivation.Of("chips to hold it", "(18) ⌈bytes / memory per chip⌉", chips, v => Compact(v) + " chips"));
        }

        return new MemoryResult(ByteSize.FromBytes(bytes.Value), chipMemory?.Value, min, exact, steps[0]) { Steps = steps };
    }
}

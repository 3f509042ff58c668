using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Models;
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

/// <summary>What the backward pass keeps of the forward pass, and what it computes again (Korthikanti et al. 2022).</summary>
public enum Recompute
{
    /// <summary>Every activation is stored: s·b·d·(34 + 5·h·s/d) bytes per layer.</summary>
    None,
    /// <summary>The attention scores and their softmax are recomputed: 34·s·b·d bytes per layer.</summary>
    Selective,
    /// <summary>Only each layer's input is stored and the layer run again: 2·s·b·d bytes per layer.</summary>
    Full,
}

/// <summary>Training state per chip under ZeRO (eq. 29).</summary>
/// <param name="Stage">ZeRO stage 0–3.</param>
/// <param name="DataParallel">Data-parallel ranks N_d the state is partitioned over.</param>
/// <param name="State">Bytes of weights, gradients and optimizer state each chip holds.</param>
/// <param name="Activations">Bytes of one micro-batch's activations, when they were asked for.</param>
/// <param name="PerChip">Bytes each chip holds: the state, plus the activations when asked for.</param>
/// <param name="ChipMemory">Memory per chip, when a chip was given.</param>
/// <param name="ShareOfChip">Per-chip bytes over memory per chip (above 1: it does not fit), when a chip was given.</param>
/// <param name="Steps">The state (eq. 29), the activations (eq. 30) and their sum, as computed.</param>
public sealed record ShardedMemory(int Stage, int DataParallel, ByteSize State, ByteSize? Activations, ByteSize PerChip, ByteSize? ChipMemory, double? ShareOfChip,
    IReadOnlyList<Derivation> Steps)
{
    /// <summary>The state's derivation (eq. 29).</summary>
    public Derivation Derivation => Steps[0];
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

    /// <summary>
    /// Training state per chip under ZeRO (eq. 29; Rajbhandari et al. 2020, §5 and figure 1): mixed-precision Adam holds 2 bytes of
    /// weights, 2 of gradients and K = 12 of optimizer state (FP32 master weights, momentum, variance) per parameter; stage 1
    /// partitions the optimizer state over the N_d data-parallel ranks, stage 2 the gradients too, stage 3 the weights too (stage
    /// 0: nothing). With a chip: the share of its memory the state takes (activations not included).
    /// </summary>
    /// <param name="n">Parameters Ψ.</param>
    /// <param name="stage">ZeRO stage 0–3.</param>
    /// <param name="dataParallel">Data-parallel ranks N_d.</param>
    /// <param name="chipMemory">Memory per chip, for the share of it the total takes; null for none.</param>
    /// <param name="activations">A micro-batch's activations (<see cref="Activations"/>) to hold beside the state, or null.</param>
    public static ShardedMemory TrainingSharded(Sourced<ParameterCount> n, int stage, int dataParallel, Sourced<ByteSize>? chipMemory = null,
        Derivation? activations = null)
    {
        Guard.InRange(stage, "zeroStage", 0, 3, false, false);
        Guard.PositiveCount(dataParallel, "dataParallel");
        Expr w = Expr.Const(2, "2 B/param"), g = Expr.Const(2, "2 B/param"), k = Expr.Const(12, "12 B/param");
        Expr nd = Expr.In("N_d", "data-parallel ranks", dataParallel, NumberFormat.Integer(dataParallel) + " ranks");
        Expr perParameter = stage switch
        {
            0 => w + g + k,
            1 => w + g + k / nd,
            2 => w + (g + k) / nd,
            _ => (w + g + k) / nd,
        };
        Expr perChip = perParameter * Symbols.Parameters(n);
        var steps = new List<Derivation>
        {
            Derivation.Of($"training state per chip, ZeRO stage {stage} (bytes)", "(29) Rajbhandari et al. 2020: (2 + 2 + 12) B/param, partitioned by stage",
                perChip, v => ByteSize.FromBytes(v).ToString()),
        };
        double state = perChip.Value, total = state;
        if (activations?.Value is { } act)
        {
            Expr sum = Expr.In("state", "training state per chip (bytes)", state, Compact(state) + " B")
                       + Expr.In("activations", "activations of a micro-batch (bytes)", act, Compact(act) + " B");
            steps.Add(activations);
            steps.Add(Derivation.Of("memory per chip needed (bytes)", "(29) state + activations (eq. 30)", sum, v => ByteSize.FromBytes(v).ToString()));
            total = sum.Value;
        }

        double? share = null;
        if (chipMemory is { } cm)
        {
            Guard.Positive(cm.Value.Bytes, "chipMemory");
            share = total / cm.Value.Bytes;
        }

        return new ShardedMemory(stage, dataParallel, ByteSize.FromBytes(state), activations?.Value is { } a ? ByteSize.FromBytes(a) : null,
            ByteSize.FromBytes(total), chipMemory?.Value, share, steps);
    }

    /// <summary>
    /// Activation memory of one micro-batch (eq. 30; Korthikanti et al. 2022, §4, 16-bit activations, no tensor or sequence
    /// parallelism): per layer s·b·d·(34 + 5·h·s/d) bytes with nothing recomputed, 34·s·b·d with selective recomputation (the
    /// attention scores), 2·s·b·d with full recomputation (the layer's input only); times the layers.
    /// </summary>
    public static Derivation Activations(Transformer shape, int sequence, int microBatch, Recompute recompute)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Guard.PositiveCount(sequence, "sequence");
        Guard.PositiveCount(microBatch, "microBatch");
        Input seq = Expr.In("s", "sequence length (tokens)", sequence, NumberFormat.Integer(sequence) + " tokens"), h = shape.HiddenIn;
        Expr sbh = seq * Expr.In("b", "micro-batch (sequences)", microBatch, NumberFormat.Integer(microBatch) + " seqs") * h;
        Expr perLayer = recompute switch
        {
            Recompute.None => sbh * (Expr.Const(34) + Expr.Const(5) * shape.HeadsIn * seq / h),
            Recompute.Selective => Expr.Const(34) * sbh,
            _ => Expr.Const(2) * sbh,
        };
        Expr total = perLayer * shape.LayersIn;
        string name = recompute.ToString().ToLowerInvariant();
        return Derivation.Of($"activations, {name} recomputation (bytes)", "(30) Korthikanti et al. 2022: L × s·b·d × (34 + 5·h·s/d, 34 or 2)", total,
            v => ByteSize.FromBytes(v).ToString());
    }

    /// <summary>Bytes per weight at a precision: 8 (FP64), 4 (FP32), 2 (FP16/BF16), 1 (FP8/INT8), ½ (FP4, before its block scales).</summary>
    public static double BytesPerWeight(Precision precision) => precision switch
    {
        Precision.Fp64 => 8,
        Precision.Fp32 or Precision.Tf32 => 4,
        Precision.Fp16 or Precision.Bf16 => 2,
        Precision.Fp4 => 0.5,
        _ => 1,
    };

    /// <summary>inference weight memory = N × bytes per weight at the precision (eq. 19); KV cache is not included.</summary>
    public static MemoryResult InferenceWeights(Sourced<ParameterCount> n, Precision precision, Sourced<ByteSize>? chipMemory = null) =>
        Hold(n, BytesPerWeight(precision), chipMemory, $"inference weights at {CatalogNames.Of(precision)}", "(19) N × bytes per weight");

    /// <summary>
    /// Serving memory (eq. 28): the weights of all N parameters at <paramref name="weights"/> (eq. 19) plus the KV cache of
    /// <paramref name="batch"/> sequences of <paramref name="context"/> tokens at <paramref name="kvCache"/> (eq. 26 per token);
    /// with a chip, the fewest that hold it (eq. 18). Activations and the runtime's workspace are not included.
    /// </summary>
    public static MemoryResult Serving(Sourced<ParameterCount> n, Transformer shape, Precision weights, Precision kvCache, int batch, int context,
        Sourced<ByteSize>? chipMemory = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Guard.PositiveCount(batch, "batch");
        Guard.PositiveCount(context, "context");
        double w = BytesPerWeight(weights);
        Expr weightBytes = Symbols.Parameters(n) * Expr.In("b_w", $"bytes per weight at {CatalogNames.Of(weights)}", w, Compact(w) + " B/param");
        Expr kv = shape.KvCachePerToken(kvCache) * Expr.In("B", "sequences in the batch", batch, NumberFormat.Integer(batch) + " seqs")
                  * Expr.In("T", "tokens per sequence (context)", context, NumberFormat.Integer(context) + " tokens");
        var steps = new List<Derivation>
        {
            Derivation.Of($"weights at {CatalogNames.Of(weights)} (bytes)", "(19) N × bytes per weight", weightBytes, v => ByteSize.FromBytes(v).ToString()),
            Derivation.Of($"KV cache at {CatalogNames.Of(kvCache)} (bytes)", "(28) KV per token × B × T", kv, v => ByteSize.FromBytes(v).ToString()),
        };
        Expr total = Expr.In("weights", "weight bytes", weightBytes.Value, Compact(weightBytes.Value) + " B")
                     + Expr.In("kv", "KV-cache bytes", kv.Value, Compact(kv.Value) + " B");
        Derivation totalD = Derivation.Of("serving memory (bytes)", "(28) weights + KV cache", total, v => ByteSize.FromBytes(v).ToString());
        steps.Add(totalD);
        var (min, exact) = Chips(total.Value, "serving memory", chipMemory, steps);
        return new MemoryResult(ByteSize.FromBytes(total.Value), chipMemory?.Value, min, exact, totalD) { Steps = steps };
    }

    private static (long? Minimum, double? Exact) Chips(double bytes, string what, Sourced<ByteSize>? chipMemory, List<Derivation> steps)
    {
        if (chipMemory is not { } cm)
        {
            return (null, null);
        }

        Guard.Positive(cm.Value.Bytes, "chipMemory");
        Expr perChip = Expr.In("M", "memory per chip (bytes)", cm.Value.Bytes, Compact(cm.Value.Bytes) + " B", cm.From);
        Expr chips = Expr.Ceiling(Expr.In("bytes", what, bytes, Compact(bytes) + " B") / perChip);
        steps.Add(Derivation.Of("chips to hold it", "(18) ⌈bytes / memory per chip⌉", chips, v => Compact(v) + " chips"));
        return ((long)chips.Value, bytes / cm.Value.Bytes);
    }

    private static MemoryResult Hold(Sourced<ParameterCount> n, double bytesPerParameter, Sourced<ByteSize>? chipMemory, string what, string equation)
    {
        Expr bytes = Expr.In("b", "bytes per parameter", bytesPerParameter, Compact(bytesPerParameter) + " B/param") * Symbols.Parameters(n);
        var steps = new List<Derivation> { Derivation.Of(what + " (bytes)", equation, bytes, v => ByteSize.FromBytes(v).ToString()) };
        var (min, exact) = Chips(bytes.Value, what, chipMemory, steps);
        return new MemoryResult(ByteSize.FromBytes(bytes.Value), chipMemory?.Value, min, exact, steps[0]) { Steps = steps };
    }
}

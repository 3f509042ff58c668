using LlmEcon.Derivations;
using LlmEcon.Quantities;

namespace LlmEcon.Serving;

/// <summary>
/// One configuration served: the times, rates, utilizations, memory and costs of eqs. 31–38. Times in seconds, rates in tokens per
/// second, costs in USD per million tokens (NaN without a price).
/// </summary>
/// <param name="PrefillSeconds">Prefill of one request's input: the time to first token (eq. 34).</param>
/// <param name="PrefillBound">What decided the prefill.</param>
/// <param name="DecodeStepSeconds">One decode step of the batch at the mean context (eq. 34).</param>
/// <param name="DecodeBound">What decided the decode step.</param>
/// <param name="DecodeComputeSeconds">The decode step's compute term.</param>
/// <param name="DecodeMemorySeconds">The decode step's memory term.</param>
/// <param name="AllReduceSeconds">The decode step's all-reduce time (0 on one chip).</param>
/// <param name="TpotSeconds">Time per output token a user sees: a decode step plus the others' prefills it waits for (eq. 35).</param>
/// <param name="EndToEndSeconds">Time to first token + (O − 1) × TPOT.</param>
/// <param name="TokensPerSecond">Output tokens/s of one copy of the model (its p chips).</param>
/// <param name="TokensPerSecondPerChip">Output tokens/s per chip.</param>
/// <param name="TokensPerSecondPerUser">1 / TPOT.</param>
/// <param name="DecodeMfu">Decode FLOP over the chips' peak during a step (eq. 37).</param>
/// <param name="DecodeMbu">Decode bytes over the chips' bandwidth during a step (eq. 37).</param>
/// <param name="Mfu">Model FLOPs utilization over prefill and decode.</param>
/// <param name="WeightBytesRead">Weight bytes a decode step reads in all (a mixture of experts: the experts touched; eq. 33).</param>
/// <param name="MemoryPerChipBytes">Memory per chip the configuration needs (eq. 36).</param>
/// <param name="Fits">Whether that is within the usable share of the chip's memory.</param>
/// <param name="MaxBatch">The largest batch whose KV cache fits beside the weights (0 when the weights alone do not fit).</param>
/// <param name="ComputeBoundBatch">The batch from which decode is compute-bound (∞ when the KV cache keeps it memory-bound).</param>
/// <param name="CostPerMillionInputUsd">Prefill time priced per million input tokens (eq. 38).</param>
/// <param name="CostPerMillionOutputUsd">Decode time priced per million output tokens (eq. 38).</param>
/// <param name="PrefillFlop">FLOP of one request's prefill (eq. 31), all chips.</param>
/// <param name="PrefillBytesPerChip">Bytes each chip reads during a prefill (weights and the KV written).</param>
/// <param name="DecodeFlop">FLOP of one decode step (eq. 32), all chips.</param>
/// <param name="DecodeBytesPerChip">Bytes each chip reads during a decode step (eq. 32).</param>
public readonly record struct ServingPoint(
    double PrefillSeconds, Bound PrefillBound, double DecodeStepSeconds, Bound DecodeBound, double DecodeComputeSeconds, double DecodeMemorySeconds,
    double AllReduceSeconds, double TpotSeconds, double EndToEndSeconds, double TokensPerSecond, double TokensPerSecondPerChip, double TokensPerSecondPerUser,
    double DecodeMfu, double DecodeMbu, double Mfu, double WeightBytesRead, double MemoryPerChipBytes, bool Fits, long MaxBatch, double ComputeBoundBatch,
    double CostPerMillionInputUsd, double CostPerMillionOutputUsd, double PrefillFlop, double PrefillBytesPerChip, double DecodeFlop, double DecodeBytesPerChip)
{
    /// <summary>Arithmetic intensity of a decode step: FLOP per byte each chip reads (the roofline's x).</summary>
    public double DecodeIntensity(int chips) => DecodeFlop / chips / DecodeBytesPerChip;

    /// <summary>Arithmetic intensity of a prefill: FLOP per byte each chip reads.</summary>
    public double PrefillIntensity(int chips) => PrefillFlop / chips / PrefillBytesPerChip;
}

/// <summary>A configuration's <see cref="ServingPoint"/> and the derivation of every step.</summary>
/// <param name="Setup">The configuration.</param>
/// <param name="Point">Its numbers.</param>
/// <param name="Steps">Eqs. 26 and 31–38 substituted, in the order computed.</param>
public sealed record ServingResult(ServingSetup Setup, ServingPoint Point, IReadOnlyList<Derivation> Steps);

/// <summary>Serving cost and latency from first principles (eqs. 31–38; docs/serving.md).</summary>
public static class ServingModel
{
    /// <summary>The numbers of one configuration, nothing allocated: what a search over thousands of configurations calls.</summary>
    public static ServingPoint Evaluate(ServingSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return Point(setup, Roofline.Run<Num>(setup, null));
    }

    /// <summary>The numbers of one configuration, checked as <see cref="Explain"/> checks them, without the derivations (<see cref="Evaluate"/>'s speed).</summary>
    public static ServingResult Checked(ServingSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return new ServingResult(setup, Evaluate(setup.Validated()), []);
    }

    /// <summary>The numbers of one configuration with every step's derivation (what <c>--explain</c> prints).</summary>
    public static ServingResult Explain(ServingSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        setup.Validated();
        var steps = new List<Derivation>();
        ServingPoint point = Point(setup, Roofline.Run<Expr>(setup, steps));
        return new ServingResult(setup, point, steps);
    }

    /// <summary>
    /// The price of a million tokens produced at <paramref name="tokensPerSecond"/> by <paramref name="chips"/> chips at
    /// <paramref name="pricePerChipHour"/> (eq. 38 from a measured rate): chips × price / (3600 × rate) × 10^6.
    /// </summary>
    public static Derivation CostPerMillionTokens(int chips, Sourced<MoneyRate> pricePerChipHour, double tokensPerSecond)
    {
        Guard.PositiveCount(chips, "chips");
        Guard.Positive(tokensPerSecond, "tokensPerSecond");
        Expr cost = Expr.In("p", "chips", chips, NumberFormat.Integer(chips) + " chips") * Symbols.PricePerHour(pricePerChipHour, "c", "USD per chip-hour")
                    / Symbols.SecondsPerHour / Expr.In("X", "tokens per second", tokensPerSecond, NumberFormat.Compact(tokensPerSecond) + " tokens/s")
                    * Expr.Const(1e6, "1e6");
        return Derivation.Of("cost per 1M tokens (USD)", "(38) p × c / 3600 / X × 1e6", cost, NumberFormat.Usd);
    }

    private static ServingPoint Point<T>(ServingSetup s, Roofline.Terms<T> t) where T : ITerm<T>
    {
        double free = t.MemoryFree.Value, perSequence = t.KvPerSequencePerChip.Value;
        long maxBatch = free <= 0 ? 0 : (long)Math.Min(Math.Floor(free / perSequence), long.MaxValue / 2);
        double crossover = t.ComputeBoundBatch.Value is var c && c > 0 && double.IsFinite(c) ? c : double.PositiveInfinity;
        double usable = s.Assumptions.UsableMemoryFraction * s.Chip.Memory.Value.Bytes;
        return new ServingPoint(
            t.PrefillTime.Value, t.PrefillCompute.Value >= t.PrefillMemory.Value ? Bound.Compute : Bound.Memory,
            t.DecodeTime.Value, t.DecodeCompute.Value >= t.DecodeMemory.Value ? Bound.Compute : Bound.Memory,
            t.DecodeCompute.Value, t.DecodeMemory.Value, t.AllReduce.Value, t.Tpot.Value, t.EndToEnd.Value, t.Throughput.Value,
            t.Throughput.Value / s.Chips, 1 / t.Tpot.Value, t.DecodeMfu.Value, t.DecodeMbu.Value, t.Mfu.Value, t.WeightsRead.Value,
            t.MemoryPerChip.Value, t.MemoryPerChip.Value <= usable, maxBatch, crossover, t.CostPerMillionInput.Value, t.CostPerMillionOutput.Value,
            t.PrefillFlop.Value, t.PrefillMemory.Value * s.Chip.BandwidthBytesPerSecond.Value * s.Assumptions.MemoryEfficiency, t.DecodeFlop.Value, t.DecodeBytesPerChip.Value);
    }
}

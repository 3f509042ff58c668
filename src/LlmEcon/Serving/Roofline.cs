using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Memory;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Serving;

/// <summary>What decided a phase's time: the arithmetic or the memory traffic.</summary>
public enum Bound
{
    /// <summary>FLOPs / (chips × peak × η_c) was the larger term.</summary>
    Compute,
    /// <summary>Bytes per chip / (bandwidth × η_m) was the larger term.</summary>
    Memory,
}

/// <summary>
/// The serving roofline (eqs. 31–38), written once over <see cref="ITerm{T}"/>: run over <see cref="Num"/> for speed and over
/// <see cref="Expr"/> for the derivations <c>--explain</c> prints. Each step's value enters the next as a named input, so every
/// derivation is one short line.
/// </summary>
internal static class Roofline
{
    /// <summary>Every quantity of one configuration, as terms.</summary>
    internal readonly record struct Terms<T>(
        T PrefillFlop, T PrefillCompute, T PrefillMemory, T PrefillTime, T DecodeContext, T DecodeFlop, T WeightsRead, T DecodeBytesPerChip,
        T DecodeCompute, T DecodeMemory, T AllReduce, T DecodeTime, T Tpot, T EndToEnd, T Throughput, T MemoryPerChip, T MemoryFree,
        T KvPerSequencePerChip, T ComputeBoundBatch, T DecodeMfu, T DecodeMbu, T Mfu, T CostPerMillionInput, T CostPerMillionOutput)
        where T : ITerm<T>;

    /// <summary>Runs eqs. 31–38 on <paramref name="s"/>; with a <paramref name="steps"/> list (and T = Expr), records each step's derivation.</summary>
    internal static Terms<T> Run<T>(ServingSetup s, List<Derivation>? steps) where T : ITerm<T>
    {
        var a = s.Assumptions;
        var shape = s.Shape;
        T one = T.Const(1, "1"), two = T.Const(2, "2");

        T n = T.Named("N", "parameters held", s.Parameters.Value.Count, static v => Compact(v) + " params", s.Parameters.From);
        T na = T.Named("N_a", "active parameters (a token's)", s.ActiveParameters.Value.Count, static v => Compact(v) + " params", s.ActiveParameters.From);
        T bw = T.Named("b_w", T.Traced ? $"bytes per weight at {CatalogNames.Of(s.Weights)}" : "", MemoryModel.BytesPerWeight(s.Weights), static v => Compact(v) + " B/param", null);
        T p = T.Named("p", "chips, tensor-parallel", s.Chips, static v => Integer(v) + " chips", null);
        T peak = T.Named("P", "dense peak per chip (FLOP/s)", s.Chip.Peak.Value.FlopPerSecond, static v => Compact(v) + " FLOP/s", s.Chip.Peak.From);
        T band = T.Named("BW", "memory bandwidth per chip (B/s)", s.Chip.BandwidthBytesPerSecond.Value, static v => Compact(v) + " B/s", s.Chip.BandwidthBytesPerSecond.From);
        T etaC = Assumed<T>("η_c", "compute efficiency (share of peak)", a.ComputeEfficiency, ServingAssumptions.Default.ComputeEfficiency, "computeEfficiency", a, Percent);
        T etaM = Assumed<T>("η_m", "memory efficiency (share of bandwidth)", a.MemoryEfficiency, ServingAssumptions.Default.MemoryEfficiency, "memoryEfficiency", a, Percent);
        T overhead = Assumed<T>("o", "fixed time per step (s)", a.StepOverheadSeconds, ServingAssumptions.Default.StepOverheadSeconds, "stepOverheadSeconds", a, Seconds);
        T b = T.Named("B", "batch (sequences decoded together)", s.Batch, static v => Integer(v) + " seqs", null);
        T input = T.Named("I", "input tokens per request", s.InputTokens, static v => Integer(v) + " tokens", null);
        T output = T.Named("O", "output tokens per request", s.OutputTokens, static v => Integer(v) + " tokens", null);
        T l = shape.LayersTerm<T>(), d = shape.WidthTerm<T>(), h = shape.HeadsTerm<T>();

        // (26) carried as one input: its own derivation is `llmecon memory --serving`
        T kv = Carry(shape.KvPerToken<T>(s.KvCache), "kv", T.Traced ? $"KV cache per token at {CatalogNames.Of(s.KvCache)} (bytes)" : "",
            "(26) KV cache per token", static v => Compact(v) + " B", steps);
        int kvShards = shape.Mla is null ? Math.Min(s.Chips, shape.KvHeads) : 1;
        T skv = T.Named("s_kv", "chips the KV cache is split over: min(p, h_kv); 1 with latent attention", kvShards, static v => Integer(v), null);
        T weights = Carry(n * bw, "W", "weight bytes held", "(19) N × bytes per weight", Bytes, steps);

        // (31) prefill of one request's I tokens: 2·N_a·I plus causal attention I × L·I·h·(d_qk + d_v) (eq. 27 at T = I)
        T qkv = shape.QkPlusV<T>();
        T prefillFlop = Carry(two * na * input + l * input * input * h * qkv, "F_p", "prefill FLOP of one request",
            "(31) 2·N_a·I + L·I²·h·(d_qk + d_v)", Flop, steps);
        T prefillCompute = Carry(prefillFlop / (p * peak * etaC), "t_pc", "prefill compute time (s)", "(34) F / (p × P × η_c)", Seconds, steps);
        T prefillMemory = Carry((weights / p + input * kv / skv) / (band * etaM), "t_pm", "prefill memory time (s)",
            "(34) (W / p + I × kv / s_kv) / (BW × η_m)", Seconds, steps);
        T prefillComm = AllReduce(s, l, d, p, input, "prefill", a, steps);
        T prefillTime = Carry(T.Max(prefillCompute, prefillMemory) + prefillComm + overhead, "t_p", "prefill time of one request (s)",
            s.Chips == 1 ? "(34) max(compute, memory) + o" : "(34) max(compute, memory) + all-reduces + o", Seconds, steps);

        // (32) one decode step of B sequences at the mean context I + (O − 1)/2
        T context = Carry(input + (output - one) / two, "t̄", "mean context of a decode step (tokens)", "(32) I + (O − 1) / 2", Tokens, steps);
        T decodeFlop = Carry(b * (two * na + two * l * context * h * qkv), "F_d", "decode FLOP per step",
            "(32) B × (2·N_a + 2·L·t̄·h·(d_qk + d_v))", Flop, steps);

        // (33) the weights a step reads: a mixture of experts reads the experts its B tokens touch
        T weightsRead = weights;
        if (shape.Moe is not null)
        {
            T e = shape.Experts<T>(), k = shape.ExpertsPerToken<T>();
            T routed = Carry(shape.RoutedExpertWeights<T>(), "R", "routed expert weights (params)", "(33) (L − L_d) × E × m × d × f_e", static v => Compact(v) + " params", steps);
            T imbalance = Assumed<T>("ι", "expert imbalance (× uniform)", a.MoeImbalance, ServingAssumptions.Default.MoeImbalance, "moeImbalance", a, static v => Compact(v) + "×");
            T touched = Carry(T.Min(e, e * (one - T.Power(one - k / e, b)) * imbalance), "E_t", "experts a step touches per layer",
                "(33) min(E, E × (1 − (1 − k/E)^B) × ι)", static v => Compact(v) + " experts", steps);
            weightsRead = Carry((n - routed + routed * touched / e) * bw, "W_r", "weight bytes a decode step reads",
                "(33) (N − R + R × E_t / E) × b_w", Bytes, steps);
        }

        T decodeBytes = Carry(weightsRead / p + b * context * kv / skv, "M_d", "bytes per chip per decode step", "(32) W_r / p + B × t̄ × kv / s_kv", Bytes, steps);
        T decodeCompute = Carry(decodeFlop / (p * peak * etaC), "t_dc", "decode compute time (s)", "(34) F_d / (p × P × η_c)", Seconds, steps);
        T decodeMemory = Carry(decodeBytes / (band * etaM), "t_dm", "decode memory time (s)", "(34) M_d / (BW × η_m)", Seconds, steps);
        T decodeComm = AllReduce(s, l, d, p, b, "decode", a, steps);
        T decodeTime = Carry(T.Max(decodeCompute, decodeMemory) + decodeComm + overhead, "t_d", "decode step time (s)",
            s.Chips == 1 ? "(34) max(compute, memory) + o" : "(34) max(compute, memory) + all-reduces + o", Seconds, steps);

        // (35) what a user sees and what a copy of the model produces
        T tpot = Carry(decodeTime + (b - one) / output * prefillTime, "TPOT", "time per output token (s)", "(35) t_d + (B − 1) / O × t_p", Seconds, steps);
        T endToEnd = Carry(prefillTime + (output - one) * tpot, "E2E", "end-to-end latency (s)", "(35) t_p + (O − 1) × TPOT", Seconds, steps);
        T throughput = Carry(b * output / (b * prefillTime + output * decodeTime), "X", "output tokens/s per copy of the model",
            "(35) B × O / (B × t_p + O × t_d)", static v => Compact(v) + " tokens/s", steps);

        // (36) memory per chip: weights, the batch's KV cache at its longest, one layer's activations (Korthikanti et al. 2022: 34·s·d bytes)
        T usable = Assumed<T>("u", "usable share of chip memory", a.UsableMemoryFraction, ServingAssumptions.Default.UsableMemoryFraction, "usableMemoryFraction", a, Percent);
        T chipMemory = T.Named("M", "memory per chip (bytes)", s.Chip.Memory.Value.Bytes, Bytes, s.Chip.Memory.From);
        T activations = T.Const(34, "34") * d * T.Max(input, b);
        T kvPerSequence = (input + output) * kv / skv;
        T memory = Carry(weights / p + b * kvPerSequence + activations, "M_c", "memory per chip needed (bytes)",
            "(36) W / p + B × (I + O) × kv / s_kv + 34 × d × max(I, B)", Bytes, steps);
        T free = Carry(usable * chipMemory - weights / p - activations, "M_free", "memory per chip left for the KV cache (bytes)",
            "(36) u × M − W / p − 34 × d × max(I, B)", Bytes, steps);

        // (37) utilization that results, and the batch from which decode is compute-bound (t_dc = t_dm with W read in full)
        T decodeMfu = Carry(decodeFlop / (decodeTime * p * peak), "MFU_d", "decode model FLOPs utilization", "(37) F_d / (t_d × p × P)", Percent, steps);
        T decodeMbu = Carry(decodeBytes / (decodeTime * band), "MBU_d", "decode memory-bandwidth utilization", "(37) M_d / (t_d × BW)", Percent, steps);
        T mfu = Carry((b * prefillFlop + output * decodeFlop) / ((b * prefillTime + output * decodeTime) * p * peak), "MFU", "model FLOPs utilization, prefill and decode",
            "(37) (B × F_p + O × F_d) / ((B × t_p + O × t_d) × p × P)", Percent, steps);
        T perSequence = (two * na + two * l * context * h * qkv) / (p * peak * etaC) - context * kv / (skv * band * etaM);
        // a KV read per sequence slower than its arithmetic keeps decode memory-bound at any batch: no crossover
        T crossover = perSequence.Value <= 0 ? T.Const(double.PositiveInfinity, "∞") : Carry(weights / (p * band * etaM) / perSequence, "B*", "batch from which decode is compute-bound",
            "(37) (W / (p × BW × η_m)) / ((2·N_a + 2·L·t̄·h·(d_qk + d_v)) / (p × P × η_c) − t̄ × kv / (s_kv × BW × η_m))", static v => Compact(v) + " seqs", steps);

        // (38) cost: prefill time priced to input tokens, decode time to output tokens
        T costIn = T.Const(double.NaN, "n/a"), costOut = T.Const(double.NaN, "n/a");
        if (s.PricePerChipHour is { } price)
        {
            T c = T.Named("c", "price per chip-hour (USD)", price.Value.UsdPerHour, static v => Usd(v) + "/h", price.From);
            T perMillion = T.Const(1e6, "1e6"), hour = T.Const(3600, "3600 s/h");
            costIn = Carry(p * c * prefillTime / hour / input * perMillion, "$_in", "cost per 1M input tokens (USD)", "(38) p × c × t_p / I × 1e6", Usd, steps);
            costOut = Carry(p * c * decodeTime / hour / b * perMillion, "$_out", "cost per 1M output tokens (USD)", "(38) p × c × t_d / B × 1e6", Usd, steps);
        }

        return new Terms<T>(prefillFlop, prefillCompute, prefillMemory, prefillTime, context, decodeFlop, weightsRead, decodeBytes, decodeCompute,
            decodeMemory, decodeComm, decodeTime, tpot, endToEnd, throughput, memory, free, kvPerSequence, crossover, decodeMfu, decodeMbu, mfu, costIn, costOut);
    }

    /// <summary>
    /// (34) a step's tensor-parallel all-reduces: two per layer (after attention and after the FFN; Shoeybi et al. 2019, §3), each
    /// the latency α plus a ring's 2·(p − 1)/p of the step's activations (tokens × d × 2 bytes) over the one-direction link. Zero on
    /// one chip.
    /// </summary>
    private static T AllReduce<T>(ServingSetup s, T l, T d, T p, T tokens, string phase, ServingAssumptions a, List<Derivation>? steps) where T : ITerm<T>
    {
        if (s.Chips == 1)
        {
            return T.Const(0, "0");
        }

        if (s.Chip.LinkBytesPerSecond is not { } link)
        {
            throw Guard.Fail("chips", $"1: {s.Chip.Id} has no published scale-up link to split the model over", Integer(s.Chips));
        }

        T alpha = Assumed<T>("α", "latency of one all-reduce (s)", a.AllReduceLatencySeconds, ServingAssumptions.Default.AllReduceLatencySeconds, "allReduceLatencySeconds", a, Seconds);
        T w = T.Named("BW_link", "scale-up bandwidth per chip, one direction (B/s)", link.Value, static v => Compact(v) + " B/s", link.From);
        T two = T.Const(2, "2");
        return Carry(two * l * (alpha + two * (p - T.Const(1, "1")) / p * tokens * d * T.Const(2, "2 B/value") / w), phase == "prefill" ? "t_arp" : "t_ard",
            phase == "prefill" ? "prefill all-reduce time (s)" : "decode all-reduce time per step (s)",
            phase == "prefill" ? "(34) 2 × L × (α + 2·(p − 1)/p × I × d × 2 B / BW_link)" : "(34) 2 × L × (α + 2·(p − 1)/p × B × d × 2 B / BW_link)", Seconds, steps);
    }

    /// <summary>An assumption as a named input, sourced to its default when it is the default.</summary>
    private static T Assumed<T>(string symbol, string meaning, double value, double defaultValue, string field, ServingAssumptions a, Func<double, string> shown)
        where T : ITerm<T> =>
        T.Named(symbol, meaning, value, shown, T.Traced ? a.From(field, value, defaultValue) : null);

    /// <summary>Records <paramref name="value"/>'s derivation (traced runs) and returns it as one named input for the next step.</summary>
    private static T Carry<T>(T value, string symbol, string quantity, string equation, Func<double, string> shown, List<Derivation>? steps) where T : ITerm<T>
    {
        if (!T.Traced || steps is null)
        {
            return value;
        }

        steps.Add(Derivation.Of(quantity, equation, (Expr)(object)value, shown));
        return T.Named(symbol, quantity, value.Value, shown, null);
    }

    private static string Percent(double v) => NumberFormat.Percent(v, 2);

    private static string Seconds(double v) => Compact(v) + " s";

    private static string Bytes(double v) => Compact(v) + " B";

    private static string Flop(double v) => Compact(v) + " FLOP";

    private static string Tokens(double v) => Compact(v) + " tokens";
}

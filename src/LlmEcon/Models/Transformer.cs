using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Memory;
using LlmEcon.Quantities;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Models;

/// <summary>
/// The mixture-of-experts layers of a transformer (Shazeer et al. 2017; Fedus et al. 2022; DeepSeekMoE, Dai et al. 2024): each token
/// goes through <paramref name="ExpertsPerToken"/> of <paramref name="Experts"/> routed experts and every shared expert, each an FFN
/// of <paramref name="ExpertFfn"/>; the first <paramref name="DenseLayers"/> layers have a dense FFN instead.
/// </summary>
/// <param name="Experts">Routed experts per MoE layer.</param>
/// <param name="ExpertsPerToken">Routed experts each token goes through.</param>
/// <param name="SharedExperts">Experts every token goes through (0 for Mixtral).</param>
/// <param name="ExpertFfn">The intermediate size of one expert (and of one shared expert).</param>
/// <param name="DenseLayers">Leading layers with a dense FFN of the model's FFN size (3 in DeepSeek-V3, 0 in Mixtral).</param>
public sealed record MixtureOfExperts(int Experts, int ExpertsPerToken, int SharedExperts, int ExpertFfn, int DenseLayers);

/// <summary>
/// Multi-head latent attention (DeepSeek-V2, Liu et al. 2024, §2.1): keys and values are rebuilt from a cached latent of
/// <paramref name="KvRank"/> values per token, plus one decoupled RoPE key of <paramref name="RopeHeadDim"/> shared by the heads;
/// queries go through a latent of <paramref name="QueryRank"/> (0: no query compression).
/// </summary>
/// <param name="KvRank">The key/value latent's size (d_c; 512 in DeepSeek-V3).</param>
/// <param name="QueryRank">The query latent's size (d_c'; 1536 in DeepSeek-V3), 0 for none.</param>
/// <param name="RopeHeadDim">The decoupled RoPE dimension per head (d_h^R; 64).</param>
/// <param name="ValueHeadDim">The value dimension per head (128).</param>
public sealed record LatentAttention(int KvRank, int QueryRank, int RopeHeadDim, int ValueHeadDim);

/// <summary>
/// A transformer's shape as its published configuration states it, and what follows from it: total and active parameters
/// (eqs. 24–25) and KV-cache bytes per token (eq. 26). The head dimension is stated, never taken as hidden / heads.
/// Counts are of the weight matrices: biases, norm gains and learned position embeddings (under 0.02% of any shipped model) are
/// left out.
/// </summary>
/// <param name="Layers">Transformer blocks (L).</param>
/// <param name="Hidden">The model (residual) width (d).</param>
/// <param name="Heads">Attention (query) heads (h).</param>
/// <param name="KvHeads">Key/value heads (h_kv): h for multi-head attention, fewer for grouped-query, 1 for multi-query.</param>
/// <param name="HeadDim">Dimension per head (d_h; with latent attention, the part of a query/key without RoPE).</param>
/// <param name="Ffn">The dense FFN's intermediate size (f).</param>
/// <param name="GatedFfn">A gated FFN (SwiGLU, GeGLU: three matrices) or not (two).</param>
/// <param name="Vocabulary">Vocabulary size (V).</param>
/// <param name="TiedEmbeddings">Whether the output projection shares the input embedding's matrix.</param>
/// <param name="MaxContext">The longest context the model takes, in tokens.</param>
/// <param name="Moe">The mixture of experts, or null for a dense model.</param>
/// <param name="Mla">Latent attention, or null for multi-head / grouped-query attention.</param>
/// <param name="Source">Where the shape is published (the model's configuration file or paper).</param>
/// <param name="Date">When it was published or retrieved.</param>
public sealed record Transformer(
    int Layers, int Hidden, int Heads, int KvHeads, int HeadDim, int Ffn, bool GatedFfn, int Vocabulary, bool TiedEmbeddings,
    int MaxContext, MixtureOfExperts? Moe, LatentAttention? Mla, string Source, string Date)
{
    /// <summary>The catalog entry the shape belongs to (for the provenance of its inputs).</summary>
    public string EntryId { get; init; } = "";

    /// <summary>N from the shape: every weight a model holds (eq. 24).</summary>
    public Derivation TotalParameters => Derivation.Of("parameters from the architecture", "(24) N = L × attention + FFN layers + embeddings",
        Count(active: false), v => Compact(v) + " params");

    /// <summary>
    /// Active N from the shape: the weights one token goes through (eq. 25): the routed experts it is sent to and the shared ones,
    /// not the others. Both embedding matrices count, as Mistral counts Mixtral's 12.9B; DeepSeek's 37B leaves the input
    /// embedding out (0.9B). Equal to <see cref="TotalParameters"/> for a dense model.
    /// </summary>
    public Derivation ActiveParameters => Derivation.Of("active parameters from the architecture", "(25) N_active = L × attention + FFN layers (experts per token) + embeddings",
        Count(active: true), v => Compact(v) + " params");

    /// <summary>
    /// KV-cache bytes per token at a precision (eq. 26): 2 × L × h_kv × d_h × bytes for multi-head and grouped-query attention
    /// (a key and a value per KV head per layer); L × (d_c + d_h^R) × bytes for latent attention (the latent and the RoPE key).
    /// </summary>
    public Derivation KvCacheBytesPerToken(Precision precision) =>
        Derivation.Of($"KV cache per token at {CatalogNames.Of(precision)} (bytes)",
            Mla is null ? "(26) 2 × L × h_kv × d_h × bytes" : "(26) L × (d_c + d_R) × bytes (latent attention)", KvCachePerToken(precision), v => ByteSize.FromBytes(v).ToString());

    /// <summary>Eq. 26 as an expression, for equations that build on it (eq. 28).</summary>
    internal Expr KvCachePerToken(Precision precision) => KvPerToken<Expr>(precision);

    /// <summary>Eq. 26 over any term type (eq. 31–33 run it over bare numbers too).</summary>
    internal T KvPerToken<T>(Precision precision) where T : ITerm<T>
    {
        double bytes = MemoryModel.BytesPerWeight(precision);
        T b = T.Named("b", T.Traced ? $"bytes per value at {CatalogNames.Of(precision)}" : "", bytes, v => Compact(v) + " B/value", null);
        return Mla is { } m
            ? Sym<T>(LayersSymbol) * (Sym<T>(KvRankSymbol(m)) + Sym<T>(RopeSymbol(m))) * b
            : T.Const(2, "2") * Sym<T>(LayersSymbol) * Sym<T>(KvHeadsSymbol) * Sym<T>(HeadDimSymbol) * b;
    }

    /// <summary>d_qk + d_v, the query/key and value dimensions per head that attention multiplies through (eq. 27).</summary>
    internal T QkPlusV<T>() where T : ITerm<T>
    {
        T hd = Sym<T>(HeadDimSymbol);
        return Mla is { } m ? hd + Sym<T>(RopeSymbol(m)) + Sym<T>(ValueSymbol(m)) : hd + hd;
    }

    /// <summary>
    /// The weights of every routed expert (eq. 24's expert term, router excluded): (L − L_d) × E × m × d × f_e; zero for a dense
    /// model. Serving reads only the experts a batch touches of these (eq. 33).
    /// </summary>
    internal T RoutedExpertWeights<T>() where T : ITerm<T>
    {
        if (Moe is not { } e)
        {
            return T.Const(0, "0");
        }

        T moeLayers = e.DenseLayers > 0 ? Sym<T>(LayersSymbol) - Sym<T>(new("L_d", "leading dense layers", e.DenseLayers, "moe.denseLayers")) : Sym<T>(LayersSymbol);
        return moeLayers * Sym<T>(ExpertsSymbol(e)) * Sym<T>(new("m", GatedFfn ? "FFN matrices (gated)" : "FFN matrices", GatedFfn ? 3 : 2, "gatedFfn"))
               * Sym<T>(HiddenSymbol) * Sym<T>(new("f_e", "expert FFN size", e.ExpertFfn, "moe.expertFfn"));
    }

    /// <summary>E, the routed experts per layer (null for a dense model).</summary>
    internal T Experts<T>() where T : ITerm<T> => Sym<T>(ExpertsSymbol(Moe!));

    /// <summary>k, the routed experts a token goes through.</summary>
    internal T ExpertsPerToken<T>() where T : ITerm<T> => Sym<T>(new("k", "routed experts per token", Moe!.ExpertsPerToken, "moe.expertsPerToken"));

    /// <summary>L, the layers, as a term.</summary>
    internal T LayersTerm<T>() where T : ITerm<T> => Sym<T>(LayersSymbol);

    /// <summary>d, the hidden size, as a term.</summary>
    internal T WidthTerm<T>() where T : ITerm<T> => Sym<T>(HiddenSymbol);

    /// <summary>h, the attention heads, as a term.</summary>
    internal T HeadsTerm<T>() where T : ITerm<T> => Sym<T>(HeadsSymbol);

    private readonly record struct Field(string Symbol, string Meaning, double Value, string Name);

    private Field LayersSymbol => new("L", "layers", Layers, "layers");

    private Field HiddenSymbol => new("d", "hidden size", Hidden, "hidden");

    private Field HeadsSymbol => new("h", "attention heads", Heads, "heads");

    private Field KvHeadsSymbol => new("h_kv", "key/value heads", KvHeads, "kvHeads");

    private Field HeadDimSymbol => new("d_h", "head dimension", HeadDim, "headDim");

    private static Field RopeSymbol(LatentAttention m) => new("d_R", "RoPE key dimension", m.RopeHeadDim, "mla.ropeHeadDim");

    private static Field KvRankSymbol(LatentAttention m) => new("d_c", "KV latent size", m.KvRank, "mla.kvRank");

    private static Field ValueSymbol(LatentAttention m) => new("d_v", "value head dimension", m.ValueHeadDim, "mla.valueHeadDim");

    private static Field ExpertsSymbol(MixtureOfExperts e) => new("E", "routed experts", e.Experts, "moe.experts");

    private T Sym<T>(Field f) where T : ITerm<T> =>
        T.Named(f.Symbol, f.Meaning, f.Value, Integer, T.Traced ? new Provenance(EntryId, "transformer." + f.Name, Source, Date) : null);

    /// <summary>Eq. 27: c × L × T × h × (d_qk + d_v) × mask, c = 2 forward or 6 training, mask ½ causal or 1 full.</summary>
    internal Expr AttentionPerToken(int context, AttentionMask mask, bool training)
    {
        // with latent attention, queries and keys carry the RoPE part too and values have their own dimension
        Expr qk = Mla is { } m ? HeadDimIn + RopeIn(m) : HeadDimIn;
        Expr v = Mla is { } n ? ValueDimIn(n) : HeadDimIn;
        Expr perToken = Expr.Const(training ? 6 : 2) * LayersIn
            * Expr.In("T", "sequence length (tokens)", context, Integer(context) + " tokens") * HeadsIn * (qk + v);
        return mask == AttentionMask.Causal ? perToken * Expr.Const(0.5) : perToken;
    }

    private Expr Count(bool active)
    {
        Expr d = HiddenIn, h = HeadsIn, hd = HeadDimIn;
        Expr attention;
        if (Mla is { } m)
        {
            // queries: d → d_c' → h × (d_h + d_R) (or d → h × (d_h + d_R)); keys and values: d → d_c + d_R, d_c → h × (d_h + d_v);
            // output: h × d_v → d (Liu et al. 2024, eqs. 9–18)
            Expr rope = RopeIn(m), dc = KvRankIn(m), dv = ValueDimIn(m);
            Expr queryHeads = h * (hd + rope);
            Expr query = d * queryHeads;
            if (m.QueryRank > 0)
            {
                Expr dq = In("d_q", "query latent size", m.QueryRank, "mla.queryRank");
                query = d * dq + dq * queryHeads;
            }

            attention = query + d * (dc + rope) + dc * h * (hd + dv) + h * dv * d;
        }
        else
        {
            // Q and O: d × h·d_h each; K and V: d × h_kv·d_h each
            attention = d * hd * (Expr.Const(2) * h + Expr.Const(2) * KvHeadsIn);
        }

        Expr matrices = In("m", GatedFfn ? "FFN matrices (gated)" : "FFN matrices", GatedFfn ? 3 : 2, "gatedFfn");
        Expr l = LayersIn;
        Expr ffnLayers;
        if (Moe is { } e)
        {
            Expr experts = In("E", "routed experts", e.Experts, "moe.experts");
            Expr through = active ? In("k", "routed experts per token", e.ExpertsPerToken, "moe.expertsPerToken") : experts;
            Expr withShared = e.SharedExperts > 0 ? through + In("S", "shared experts", e.SharedExperts, "moe.sharedExperts") : through;
            // each expert an FFN of f_e, and the router: d × E
            Expr moeLayer = withShared * matrices * d * In("f_e", "expert FFN size", e.ExpertFfn, "moe.expertFfn") + d * experts;
            if (e.DenseLayers > 0)
            {
                Expr dense = In("L_d", "leading dense layers", e.DenseLayers, "moe.denseLayers");
                ffnLayers = dense * matrices * d * In("f", "FFN size", Ffn, "ffn") + (l - dense) * moeLayer;
            }
            else
            {
                ffnLayers = l * moeLayer;
            }
        }
        else
        {
            ffnLayers = l * matrices * d * In("f", "FFN size", Ffn, "ffn");
        }

        Expr embeddings = In("V", "vocabulary", Vocabulary, "vocabulary") * d * In("e", TiedEmbeddings ? "embedding matrices (tied)" : "embedding matrices (input, output)", TiedEmbeddings ? 1 : 2, "tiedEmbeddings");
        return l * attention + ffnLayers + embeddings;
    }

    /// <summary>L, the layers, sourced to this entry's architecture.</summary>
    internal Input LayersIn => In("L", "layers", Layers, "layers");

    /// <summary>d, the hidden size.</summary>
    internal Input HiddenIn => In("d", "hidden size", Hidden, "hidden");

    /// <summary>h, the attention heads.</summary>
    internal Input HeadsIn => In("h", "attention heads", Heads, "heads");

    private Input KvHeadsIn => In("h_kv", "key/value heads", KvHeads, "kvHeads");

    private Input HeadDimIn => In("d_h", "head dimension", HeadDim, "headDim");

    private Input RopeIn(LatentAttention m) => In("d_R", "RoPE key dimension", m.RopeHeadDim, "mla.ropeHeadDim");

    private Input KvRankIn(LatentAttention m) => In("d_c", "KV latent size", m.KvRank, "mla.kvRank");

    private Input ValueDimIn(LatentAttention m) => In("d_v", "value head dimension", m.ValueHeadDim, "mla.valueHeadDim");

    private Input In(string symbol, string meaning, double value, string field) =>
        Expr.In(symbol, meaning, value, Integer(value), new Provenance(EntryId, "transformer." + field, Source, Date));
}

/// <summary>Which keys a query attends to.</summary>
public enum AttentionMask
{
    /// <summary>Each token attends to the ones before it (a decoder): half the score matrix.</summary>
    Causal,
    /// <summary>Each token attends to every token of the sequence (an encoder, or a count without the causal saving).</summary>
    Full,
}

/// <summary>
/// The attention work a sequence of <paramref name="Context"/> tokens adds per token beyond 2N (eq. 27): the scores QKᵀ and their
/// product with V. Per token and layer, forward, 2 × T × h × (d_qk + d_v) FLOP at full attention (Chowdhery et al. 2022, appendix B:
/// 12·L·H·Q·T for training), half of it causal; training is three times the forward pass.
/// </summary>
/// <param name="Shape">The model's architecture.</param>
/// <param name="Context">The sequence length T, in tokens.</param>
/// <param name="Mask">Causal or full.</param>
public sealed record AttentionWork(Transformer Shape, int Context, AttentionMask Mask)
{
    /// <summary>Attention FLOP per token, forward (2 ×) or for training (6 ×), as an expression over the architecture and T.</summary>
    public Expr PerToken(bool training)
    {
        ArgumentNullException.ThrowIfNull(Shape);
        Guard.PositiveCount(Context, "context");
        return Shape.AttentionPerToken(Context, Mask, training);
    }

    /// <summary>What the term adds, for labels: <c>causal attention at 4,096 tokens</c>.</summary>
    public override string ToString() => $"{(Mask == AttentionMask.Causal ? "causal" : "full")} attention at {Integer(Context)} tokens";
}

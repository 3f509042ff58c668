using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Models;
using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Models;

/// <summary>
/// Eqs. 24–26: parameters and KV-cache bytes per token from a model's architecture, against the published counts and against
/// arithmetic written out here.
/// </summary>
public class TransformerTests
{
    private static Transformer Shape(string id) => LlmCatalog.BuiltIn.Model(id).Transformer!;

    [Fact]
    public void EveryShippedArchitecture_GivesItsPublishedCount_Within2Percent()
    {
        ModelCard[] withShape = [.. LlmCatalog.BuiltIn.Models.Where(m => m.Transformer is not null)];
        Assert.Equal(["gpt-3", "palm", "llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "mixtral-8x7b", "deepseek-v3", "llama-65b",
            "llama-7b", "llama-13b", "llama-33b", "llama-2-7b", "llama-2-13b", "llama-2-70b", "mixtral-8x22b", "qwen2.5-72b", "qwen3-235b-a22b",
            "opt-175b", "bloom-176b", "falcon-180b", "llama-3-8b", "llama-3-70b"],
            withShape.Select(m => m.Id));
        foreach (ModelCard m in withShape)
        {
            double total = m.Transformer!.TotalParameters.Value!.Value;
            double active = m.Transformer.ActiveParameters.Value!.Value;
            Assert.True(Math.Abs(total / m.Parameters.Count - 1) <= 0.02, $"{m.Id}: {total} from the architecture, {m.Parameters.Count} published");
            double published = m.ActiveParameters?.Count ?? m.Parameters.Count;
            Assert.True(Math.Abs(active / published - 1) <= 0.02, $"{m.Id}: {active} active from the architecture, {published} published");
            Assert.Equal(m.Transformer.Moe is null, total == active);
            Sound.Derivations([m.Transformer.TotalParameters, m.Transformer.ActiveParameters, m.Transformer.KvCacheBytesPerToken(Precision.Bf16)]);
        }
    }

    [Fact]
    public void EveryInputsSource_NamesAFieldTheCatalogEntryHas()
    {
        // a provenance that points at a field the entry does not have cannot be followed: walk each one in the entry's JSON
        foreach (ModelCard m in LlmCatalog.BuiltIn.Models.Where(m => m.Transformer is not null))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(LlmCatalog.BuiltIn.SourceEntry(m.Id).Json);
            Transformer t = m.Transformer!;
            Derivation[] all = [t.TotalParameters, t.ActiveParameters, t.KvCacheBytesPerToken(Precision.Bf16),
                LlmEcon.Memory.MemoryModel.Activations(t, 1024, 1, LlmEcon.Memory.Recompute.None),
                Derivation.Of("attention", "(27) test", new AttentionWork(t, 1024, AttentionMask.Full).PerToken(training: true), v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            foreach (Term input in all.SelectMany(d => d.Inputs).Where(i => i.From is not null))
            {
                Assert.Equal((m.Id, t.Source, t.Date), (input.From!.EntryId, input.From.Source, input.From.Date));
                System.Text.Json.JsonElement at = doc.RootElement;
                foreach (string part in input.From.Field.Split('.'))
                {
                    Assert.True(at.TryGetProperty(part, out at), $"{m.Id}: {input.Symbol}'s source names '{input.From.Field}', which the entry lacks");
                }
            }
        }

        // what the formula shows follows the shape: no shared-expert or dense-layer term where there is none; the matrices' meaning
        Derivation mixtral = Shape("mixtral-8x7b").TotalParameters, deepseek = Shape("deepseek-v3").TotalParameters;
        Assert.DoesNotContain(mixtral.Inputs, i => i.Symbol is "S" or "L_d");
        Assert.Contains(deepseek.Inputs, i => i.Symbol == "S");
        Assert.Contains(deepseek.Inputs, i => i.Symbol == "L_d");
        Assert.Equal("FFN matrices (gated)", mixtral.Inputs.Single(i => i.Symbol == "m").Meaning);
        Assert.Equal("FFN matrices", Shape("gpt-3").TotalParameters.Inputs.Single(i => i.Symbol == "m").Meaning);
        Assert.Equal("embedding matrices (tied)", Shape("gpt-3").TotalParameters.Inputs.Single(i => i.Symbol == "e").Meaning);
        Assert.Equal("embedding matrices (input, output)", mixtral.Inputs.Single(i => i.Symbol == "e").Meaning);
        Assert.Equal("", new Transformer(1, 8, 1, 1, 8, 8, false, 2, true, 8, null, null, "s", "2024").EntryId);
        Assert.Throws<ArgumentNullException>(() => new AttentionWork(null!, 8, AttentionMask.Full).PerToken(training: true));
        Assert.Equal("context", Assert.Throws<InputException>(() => new AttentionWork(Shape("gpt-3"), 0, AttentionMask.Full).PerToken(training: true)).Parameter);
    }

    [Fact]
    public void FlopsCountActiveParameters_PublishedFirst_ThenTheArchitectures()
    {
        ModelCard deepseek = LlmCatalog.BuiltIn.Model("deepseek-v3");
        Assert.True(deepseek.IsMixtureOfExperts);
        Assert.Equal((37e9, "activeParameters"), (deepseek.ActiveParametersSourced.Value.Count, deepseek.ActiveParametersSourced.From!.Field));
        // without a published count, eq. 25's 37,551,276,032 (TermByTerm below), sourced to the architecture
        ModelCard unpublished = deepseek with { ActiveParameters = null };
        Assert.True(unpublished.IsMixtureOfExperts);
        Assert.Equal((37_551_276_032, "transformer (eq. 25)"), (unpublished.ActiveParametersSourced.Value.Count, unpublished.ActiveParametersSourced.From!.Field));
        // a published active count alone also makes a mixture of experts
        Assert.True((deepseek with { Transformer = null }).IsMixtureOfExperts);
        ModelCard llama = LlmCatalog.BuiltIn.Model("llama-3.1-405b");
        Assert.False(llama.IsMixtureOfExperts);
        Assert.Equal(llama.ParametersSourced, llama.ActiveParametersSourced);
        Assert.False(LlmCatalog.BuiltIn.Model("gpt-2").IsMixtureOfExperts);
        // a total typed where the active count was meant: within 1% of a mixture of experts' published total
        Assert.Equal("deepseek-v3", LlmCatalog.BuiltIn.MixtureOfExpertsOfTotal(ParameterCount.FromCount(671e9))?.Id);
        Assert.Equal("mixtral-8x7b", LlmCatalog.BuiltIn.MixtureOfExpertsOfTotal(ParameterCount.FromCount(46.3e9))?.Id); // 0.86% off
        Assert.Null(LlmCatalog.BuiltIn.MixtureOfExpertsOfTotal(ParameterCount.FromCount(46.2e9))); // 1.08% off
        Assert.Null(LlmCatalog.BuiltIn.MixtureOfExpertsOfTotal(ParameterCount.FromCount(405e9))); // dense
    }

    [Fact]
    public void AttentionWork_OfAn8KContext_Is13To27PercentOf6N()
    {
        // Llama 3.1 8B trained at 8,192 tokens: 6 × 32 layers × 8,192 × 32 heads × (128 + 128) = 12,884,901,888 FLOP per token full,
        // half causal = 6,442,450,944; beside 6N = 6 × 8.03e9 = 48.18e9 that is 13.4% (causal) and 26.7% (full), the 13–27%.
        Transformer t = Shape("llama-3.1-8b");
        Expr causal = new AttentionWork(t, 8192, AttentionMask.Causal).PerToken(training: true);
        Expr full = new AttentionWork(t, 8192, AttentionMask.Full).PerToken(training: true);
        Assert.Equal(6_442_450_944, causal.Value);
        Assert.Equal(12_884_901_888, full.Value);
        Assert.Equal(0.134, causal.Value / (6 * 8.03e9), 3);
        Assert.Equal(0.267, full.Value / (6 * 8.03e9), 3);
        // forward (serving) is a third of training
        Assert.Equal(full.Value / 3, new AttentionWork(t, 8192, AttentionMask.Full).PerToken(training: false).Value);
        Assert.Equal("6 × L × T × h × (d_h + d_h) × 0.5", causal.Formula);
        Assert.Equal("causal attention at 8,192 tokens", new AttentionWork(t, 8192, AttentionMask.Causal).ToString());
        Assert.Equal("full attention at 128 tokens", new AttentionWork(t, 128, AttentionMask.Full).ToString());
        // latent attention: queries and keys of d_h + d_R = 192, values of 128; forward, full, 4,096 tokens, 61 layers, 128 heads:
        // 2 × 61 × 4,096 × 128 × 320 = 20,468,203,520
        Assert.Equal(20_468_203_520, new AttentionWork(Shape("deepseek-v3"), 4096, AttentionMask.Full).PerToken(training: false).Value);
        Assert.Throws<InputException>(() => new AttentionWork(t, 0, AttentionMask.Causal).PerToken(training: true));
    }

    [Theory]
    // Rajbhandari et al. 2020 (ZeRO), figure 1: Ψ = 7.5B parameters, N_d = 64, K = 12: 120 GB, 31.4 GB, 16.6 GB, 1.9 GB per device
    [InlineData(0, 120e9, 0.05e9)]
    [InlineData(1, 31.4e9, 0.05e9)]
    [InlineData(2, 16.6e9, 0.05e9)]
    [InlineData(3, 1.9e9, 0.05e9)]
    public void ZeroStages_HoldWhatTheZeroPaperPrints(int stage, double perDevice, double printedHalfStep)
    {
        var r = LlmEcon.Memory.MemoryModel.TrainingSharded(ParameterCount.FromCount(7.5e9), stage, 64, ByteSize.FromGigabytes(80));
        Assert.Equal(perDevice, r.PerChip.Bytes, printedHalfStep);
        Assert.Equal(r.PerChip.Bytes / 80e9, r.ShareOfChip!.Value, 12);
        Sound.Derivation(r.Derivation);
        Assert.StartsWith("(29) ", r.Derivation.Equation, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroStages_ExactlyByHand_AndTheirRules()
    {
        // 1B parameters over 8 ranks: (2 + 2 + 12) = 16 GB; 4 + 12/8 = 5.5 GB; 2 + 14/8 = 3.75 GB; 16/8 = 2 GB
        double[] expected = [16e9, 5.5e9, 3.75e9, 2e9];
        for (int stage = 0; stage <= 3; stage++)
        {
            Assert.Equal(expected[stage], LlmEcon.Memory.MemoryModel.TrainingSharded(ParameterCount.FromCount(1e9), stage, 8).PerChip.Bytes, 1e-3);
        }

        Assert.Null(LlmEcon.Memory.MemoryModel.TrainingSharded(ParameterCount.FromCount(1e9), 3, 8).ShareOfChip);
        Assert.Equal("zeroStage", Assert.Throws<InputException>(() => LlmEcon.Memory.MemoryModel.TrainingSharded(ParameterCount.FromCount(1e9), 4, 8)).Parameter);
        Assert.Equal("dataParallel", Assert.Throws<InputException>(() => LlmEcon.Memory.MemoryModel.TrainingSharded(ParameterCount.FromCount(1e9), 1, 0)).Parameter);
    }

    [Fact]
    public void Activations_ByRecomputation_TermByTerm()
    {
        // GPT-3 (96 layers, d 12,288, h 96 heads) at s = 2,048, b = 1: s·b·d = 25,165,824; 5·h·s/d = 5 × 96 × 2,048 / 12,288 = 80;
        // nothing recomputed 96 × 25,165,824 × 114 = 275,414,777,856 B; selective 96 × 34 × 25,165,824 = 82,141,249,536 B;
        // full 96 × 2 × 25,165,824 = 4,831,838,208 B
        Transformer t = Shape("gpt-3");
        Derivation none = LlmEcon.Memory.MemoryModel.Activations(t, 2048, 1, LlmEcon.Memory.Recompute.None);
        Assert.Equal(275_414_777_856, none.Value!.Value, 1e-3);
        Assert.Equal(82_141_249_536, LlmEcon.Memory.MemoryModel.Activations(t, 2048, 1, LlmEcon.Memory.Recompute.Selective).Value);
        Assert.Equal(4_831_838_208, LlmEcon.Memory.MemoryModel.Activations(t, 2048, 1, LlmEcon.Memory.Recompute.Full).Value);
        // beside ZeRO-3's state over 64 ranks (16 × 175e9 / 64 = 43.75e9 B), selective: 43.75e9 + 82,141,249,536 B per chip
        var sharded = LlmEcon.Memory.MemoryModel.TrainingSharded(ParameterCount.FromCount(175e9), 3, 64, ByteSize.FromGigabytes(80),
            LlmEcon.Memory.MemoryModel.Activations(t, 2048, 1, LlmEcon.Memory.Recompute.Selective));
        Assert.Equal((43.75e9, 82_141_249_536, 43.75e9 + 82_141_249_536), (sharded.State.Bytes, sharded.Activations!.Value.Bytes, sharded.PerChip.Bytes));
        Assert.Equal((43.75e9 + 82_141_249_536) / 80e9, sharded.ShareOfChip!.Value, 12);
        Assert.Equal(["training state per chip, ZeRO stage 3 (bytes)", "activations, selective recomputation (bytes)", "memory per chip needed (bytes)"],
            sharded.Steps.Select(d => d.Quantity));
        Sound.Derivations(sharded.Steps);
        // linear in the micro-batch
        Assert.Equal(4 * 4_831_838_208.0, LlmEcon.Memory.MemoryModel.Activations(t, 2048, 4, LlmEcon.Memory.Recompute.Full).Value);
        Sound.Derivation(none);
        Assert.Equal(("gpt-3", "transformer.hidden"), (none.Inputs.Single(i => i.Symbol == "d").From!.EntryId, none.Inputs.Single(i => i.Symbol == "d").From!.Field));
        Assert.Equal("microBatch", Assert.Throws<InputException>(() => LlmEcon.Memory.MemoryModel.Activations(t, 2048, 0, LlmEcon.Memory.Recompute.Full)).Parameter);
        Assert.Equal("sequence", Assert.Throws<InputException>(() => LlmEcon.Memory.MemoryModel.Activations(t, 0, 1, LlmEcon.Memory.Recompute.Full)).Parameter);
    }

    [Fact]
    public void ServingMemory_IsTheWeightsPlusTheKvCache()
    {
        // Llama 3.1 70B at BF16, 8 sequences of 8,192 tokens: weights 70.6e9 × 2 B = 141.2e9 B; KV 2 × 80 × 8 × 128 × 2 B = 327,680 B per
        // token × 8 × 8,192 = 21,474,836,480 B; total 162,674,836,480 B; on 80 GB chips ⌈2.033⌉ = 3
        ModelCard m = LlmCatalog.BuiltIn.Model("llama-3.1-70b");
        var r = LlmEcon.Memory.MemoryModel.Serving(m.ParametersSourced, m.Transformer!, Precision.Bf16, Precision.Bf16, 8, 8192,
            LlmCatalog.BuiltIn.Accelerator("h100-sxm").MemorySourced);
        Assert.Equal(162_674_836_480, r.Bytes.Bytes);
        Assert.Equal(3, r.MinimumChips);
        Assert.Equal(162_674_836_480 / 80e9, r.ExactChips!.Value, 12);
        Assert.Equal(["weights at bf16 (bytes)", "KV cache at bf16 (bytes)", "serving memory (bytes)", "chips to hold it"], r.Steps.Select(d => d.Quantity));
        Assert.Equal(141.2e9, r.Steps[0].Value!.Value, 1);
        Assert.Equal(21_474_836_480, r.Steps[1].Value);
        Assert.Equal("(28) KV per token × B × T", r.Steps[1].Equation);
        Sound.Derivations(r.Steps);
        // DeepSeek-V3: 671e9 weights at FP8 (1 B) and a BF16 latent cache of 70,272 B per token for one 4,096-token sequence:
        // 671e9 + 287,834,112 = 671,287,834,112 B; no chip, no chip count
        ModelCard ds = LlmCatalog.BuiltIn.Model("deepseek-v3");
        var d = LlmEcon.Memory.MemoryModel.Serving(ds.ParametersSourced, ds.Transformer!, Precision.Fp8, Precision.Bf16, 1, 4096);
        Assert.Equal(671_287_834_112, d.Bytes.Bytes);
        Assert.Null(d.MinimumChips);
        Assert.Equal(3, d.Steps.Count);
        Assert.Equal("batch", Assert.Throws<InputException>(() => LlmEcon.Memory.MemoryModel.Serving(ds.ParametersSourced, ds.Transformer!, Precision.Fp8, Precision.Bf16, 0, 4096)).Parameter);
        Assert.Equal("context", Assert.Throws<InputException>(() => LlmEcon.Memory.MemoryModel.Serving(ds.ParametersSourced, ds.Transformer!, Precision.Fp8, Precision.Bf16, 1, 0)).Parameter);
    }

    [Fact]
    public void Llama31_405B_TermByTerm()
    {
        // Llama 3 Herd table 3: L 126, d 16,384, 128 heads, 8 KV heads of 128, FFN 53,248 (SwiGLU), V 128,256 untied.
        // attention 16,384 × 128 × (2 × 128 + 2 × 8) = 570,425,344; FFN 3 × 16,384 × 53,248 = 2,617,245,696;
        // 126 × 3,187,671,040 = 401,646,551,040; embeddings 2 × 128,256 × 16,384 = 4,202,692,608; N = 405,849,243,648
        Transformer t = Shape("llama-3.1-405b");
        Assert.Equal(405_849_243_648, t.TotalParameters.Value);
        Assert.Equal(405_849_243_648, t.ActiveParameters.Value);
        // KV per token: 2 × 126 × 8 × 128 × 2 B = 516,096 B at BF16; half at FP8
        Derivation kv = t.KvCacheBytesPerToken(Precision.Bf16);
        Assert.Equal(516_096, kv.Value);
        Assert.Equal(258_048, t.KvCacheBytesPerToken(Precision.Fp8).Value);
        Assert.Equal("(26) 2 × L × h_kv × d_h × bytes", kv.Equation);
        Assert.Equal("2 × L × h_kv × d_h × b", kv.Formula);
        Assert.Equal("2 × 126 × 8 × 128 × 2 B/value", kv.Substituted);
        Assert.Equal("KV cache per token at bf16 (bytes)", kv.Quantity);
        Term layers = kv.Inputs[0];
        Assert.Equal(("L", "layers", "llama-3.1-405b", "transformer.layers"), (layers.Symbol, layers.Meaning, layers.From!.EntryId, layers.From.Field));
        Assert.StartsWith("meta-llama/Llama-3.1-405B config.json", layers.From.Source, StringComparison.Ordinal);
        Assert.Equal("(24) N = L × attention + FFN layers + embeddings", t.TotalParameters.Equation);
        Assert.EndsWith(" params", t.TotalParameters.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixtral_TotalAndActive_TermByTerm()
    {
        // Mixtral: L 32, d 4,096, 32 heads, 8 KV heads of 128, 8 experts of 14,336 (SwiGLU), 2 per token, V 32,000 untied.
        // attention 4,096 × 128 × (64 + 16) = 41,943,040; an expert 3 × 4,096 × 14,336 = 176,160,768; router 4,096 × 8 = 32,768;
        // total 32 × (41,943,040 + 8 × 176,160,768 + 32,768) + 2 × 32,000 × 4,096 = 46,440,382,464 + 262,144,000 = 46,702,526,464;
        // active 32 × (41,943,040 + 2 × 176,160,768 + 32,768) + 262,144,000 = 12,617,515,008 + 262,144,000 = 12,879,659,008
        Transformer t = Shape("mixtral-8x7b");
        Assert.Equal(46_702_526_464, t.TotalParameters.Value);
        Assert.Equal(12_879_659_008, t.ActiveParameters.Value);
        Assert.Equal(131_072, t.KvCacheBytesPerToken(Precision.Bf16).Value); // 2 × 32 × 8 × 128 × 2
        Assert.Equal("(25) N_active = L × attention + FFN layers (experts per token) + embeddings", t.ActiveParameters.Equation);
        Assert.Contains(t.ActiveParameters.Inputs, i => i.Symbol == "k" && i.Value == "2");
        Assert.DoesNotContain(t.TotalParameters.Inputs, i => i.Symbol == "k");
    }

    [Fact]
    public void DeepSeekV3_LatentAttentionAndSharedExperts_TermByTerm()
    {
        // DeepSeek-V3 report §4.2 / config: d 7,168, 128 heads, d_h 128, d_R 64, d_v 128, d_c 512, d_q 1,536, 61 layers (3 dense, FFN
        // 18,432), 256 routed + 1 shared experts of 2,048, 8 per token, V 129,280 untied.
        // attention: 7,168 × 1,536 + 1,536 × 128 × 192 + 7,168 × 576 + 512 × 128 × 256 + 128 × 128 × 7,168 = 187,105,280
        // MoE layer: 257 × 3 × 7,168 × 2,048 + 7,168 × 256 = 11,320,164,352; active 9 × 44,040,192 + 1,835,008 = 398,196,736
        // total 61 × 187,105,280 + 3 × 3 × 7,168 × 18,432 + 58 × 11,320,164,352 + 2 × 129,280 × 7,168 = 671,025,397,760
        // active: the same with 398,196,736 per MoE layer = 37,551,276,032 (DeepSeek's 37B leaves out the 0.93B input embedding)
        Transformer t = Shape("deepseek-v3");
        Assert.Equal(671_025_397_760, t.TotalParameters.Value);
        Assert.Equal(37_551_276_032, t.ActiveParameters.Value);
        // the latent and the RoPE key: 61 × (512 + 64) × 2 B = 70,272 B per token at BF16
        Derivation kv = t.KvCacheBytesPerToken(Precision.Bf16);
        Assert.Equal(70_272, kv.Value);
        Assert.Equal(("(26) L × (d_c + d_R) × bytes (latent attention)", "L × (d_c + d_R) × b"), (kv.Equation, kv.Formula));
    }

    [Fact]
    public void QwenAndMixtral8x22B_TermByTerm()
    {
        // Qwen3-235B-A22B (config): 94 layers, d 4,096, 64 heads, 4 KV heads of 128, 128 experts of 1,536 (8 per token), V 151,936:
        // attention 4,096 × 128 × (128 + 8) = 71,303,168; MoE layer 128 × 3 × 4,096 × 1,536 + 4,096 × 128 = 2,416,443,392;
        // total 94 × 2,487,746,560 + 2 × 151,936 × 4,096 = 235,092,836,352; active 94 × (71,303,168 + 8 × 18,874,368 + 524,288)
        // + 1,244,659,712 = 22,189,965,312 (the report's 235B and 22B)
        Assert.Equal(235_092_836_352, Shape("qwen3-235b-a22b").TotalParameters.Value);
        Assert.Equal(22_189_965_312, Shape("qwen3-235b-a22b").ActiveParameters.Value);
        Assert.Equal(2 * 94 * 4 * 128 * 2, Shape("qwen3-235b-a22b").KvCacheBytesPerToken(Precision.Bf16).Value);
        // Qwen2.5-72B: 80 × (8,192 × 128 × (128 + 16) + 3 × 8,192 × 29,568) + 2 × 152,064 × 8,192 = 72,704,065,536 (the report's 72.7B)
        Assert.Equal(72_704_065_536, Shape("qwen2.5-72b").TotalParameters.Value);
        // Mixtral 8x22B: 56 × (6,144 × 128 × 112 + 8 × 3 × 6,144 × 16,384 + 6,144 × 8) + 2 × 32,000 × 6,144 = 140,619,939,840;
        // active with 2 of 8 experts 39,151,337,472 (Mistral's 141B and 39B)
        Assert.Equal(140_619_939_840, Shape("mixtral-8x22b").TotalParameters.Value);
        Assert.Equal(39_151_337_472, Shape("mixtral-8x22b").ActiveParameters.Value);
    }

    [Fact]
    public void GptThreeAndPalm_TiedEmbeddings_MultiQuery()
    {
        // GPT-3: 96 × (4 × 12,288² + 2 × 12,288 × 49,152) + 50,257 × 12,288 = 173,946,175,488 + 617,558,016 = 174,563,733,504
        Assert.Equal(174_563_733_504, Shape("gpt-3").TotalParameters.Value);
        // 2 × 96 × 96 × 128 × 2 B = 4,718,592 B per token at FP16
        Assert.Equal(4_718_592, Shape("gpt-3").KvCacheBytesPerToken(Precision.Fp16).Value);
        // PaLM: one KV head of 256: attention 18,432 × 256 × (96 + 2) = 462,422,016; FFN 3 × 18,432 × 73,728 = 4,076,863,488;
        // 118 × 4,539,285,504 + 256,000 × 18,432 = 535,635,689,472 + 4,718,592,000 = 540,354,281,472
        Assert.Equal(540_354_281_472, Shape("palm").TotalParameters.Value);
        Assert.Equal(2 * 118 * 1 * 256 * 4, Shape("palm").KvCacheBytesPerToken(Precision.Fp32).Value);
    }

    [Fact]
    public void SmallShapes_EveryTermByHand()
    {
        // grouped-query, plain FFN, untied: attention 8 × 2 × (2×4 + 2×2) = 192; FFN 2 × 8 × 32 = 512; 2 × 704 + 2 × 10 × 8 = 1,568
        var gqa = new Transformer(2, 8, 4, 2, 2, 32, false, 10, false, 128, null, null, "s", "2024");
        Assert.Equal(1568, gqa.TotalParameters.Value);
        Assert.Equal(2 * 2 * 2 * 2 * 4, gqa.KvCacheBytesPerToken(Precision.Fp32).Value);
        Assert.Equal(2 * 2 * 2 * 2 * 8, gqa.KvCacheBytesPerToken(Precision.Fp64).Value);
        Assert.Equal(2 * 2 * 2 * 2 * 1, gqa.KvCacheBytesPerToken(Precision.Int8).Value);

        // latent attention without query compression: 8 × 2 × 6 + 8 × 6 + 4 × 2 × 8 + 2 × 4 × 8 = 272; gated FFN 3 × 8 × 16 = 384;
        // 2 × 656 + 10 × 8 (tied) = 1,392; with a query latent of 3: 8 × 3 + 3 × 2 × 6 = 60 for 96: 2 × 620 + 80 = 1,320
        var mla = new Transformer(2, 8, 2, 2, 4, 16, true, 10, true, 128, null, new LatentAttention(4, 0, 2, 4), "s", "2024");
        Assert.Equal(1392, mla.TotalParameters.Value);
        Assert.Equal(1320, (mla with { Mla = new LatentAttention(4, 3, 2, 4) }).TotalParameters.Value);
        Assert.Equal(2 * (4 + 2) * 2, mla.KvCacheBytesPerToken(Precision.Bf16).Value);

        // experts with a shared one after a dense layer: attention 8 × 4 × (2×2 + 2×1) = 192; dense 3 × 8 × 16 = 384;
        // MoE layer (4 + 1) × 3 × 8 × 2 + 8 × 4 = 272, active (1 + 1) × 48 + 32 = 128;
        // total 3 × 192 + 384 + 2 × 272 + 80 = 1,584; active 576 + 384 + 2 × 128 + 80 = 1,296
        var moe = new Transformer(3, 8, 2, 1, 4, 16, true, 10, true, 128, new MixtureOfExperts(4, 1, 1, 2, 1), null, "s", "2024");
        Assert.Equal(1584, moe.TotalParameters.Value);
        Assert.Equal(1296, moe.ActiveParameters.Value);
        Assert.Equal(2 * 3 * 1 * 4 * 2, moe.KvCacheBytesPerToken(Precision.Fp16).Value);
        Sound.Derivations([gqa.TotalParameters, mla.TotalParameters, moe.TotalParameters, moe.ActiveParameters, mla.KvCacheBytesPerToken(Precision.Bf16)]);
    }
}

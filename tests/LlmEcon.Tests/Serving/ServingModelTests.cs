using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using LlmEcon.Serving;
using Xunit;

namespace LlmEcon.Tests.Serving;

/// <summary>The serving roofline (eqs. 31–38) against the worked examples, each by hand arithmetic in the test.</summary>
public class ServingModelTests
{
    private static readonly LlmCatalog Catalog = LlmCatalog.BuiltIn;

    /// <summary>Full efficiency, no overheads: the bare roofline the worked examples state.</summary>
    private static readonly ServingAssumptions Ideal = new(1, 1, 0, 0, 1, 1);

    private static ServingSetup Setup(string model, string chip, int chips, int batch, int input, int output, Precision weights = Precision.Bf16,
        Precision? kv = null, ServingAssumptions? a = null, Sourced<MoneyRate>? price = null) =>
        ServingSetups.ForModel(Catalog.Model(model), Catalog.Accelerator(chip), chips, weights, kv, null, batch, input, output, price, a);

    [Theory]
    [InlineData("llama-2-70b", "h100-sxm", 8, 64, 1000, 500)]
    [InlineData("llama-3-8b", "a100-80gb", 1, 1, 128, 128)]
    [InlineData("llama-2-70b", "h100-sxm", 2, 256, 4000, 200)]
    public void TheCheckedNumbers_AreTheExplainedNumbers_BitForBit(string model, string chip, int chips, int batch, int input, int output)
    {
        // the same equations over Num and over Expr (Roofline.Run<T>): every field of the point equal, without the derivations
        ServingSetup s = Setup(model, chip, chips, batch, input, output, price: MoneyRate.FromUsdPerHour(2.5));
        ServingResult explained = ServingModel.Explain(s), quick = ServingModel.Checked(s);
        Assert.Equal(explained.Point, quick.Point);
        Assert.NotEmpty(explained.Steps);
        Assert.Empty(quick.Steps);
    }

    [Fact]
    public void KvCache_Llama2_70B_Is327680BytesPerToken_AndLlama3_8B_131072()
    {
        // 2 × 80 layers × 8 KV heads × 128 × 2 B = 327,680; Llama 3 8B: 2 × 32 × 8 × 128 × 2 B = 131,072
        ServingResult big = ServingModel.Explain(Setup("llama-2-70b", "h100-sxm", 8, 1, 128, 128));
        ServingResult small = ServingModel.Explain(Setup("llama-3-8b", "h100-sxm", 1, 1, 128, 128));
        Assert.Equal(327_680, big.Steps[0].Value);
        Assert.Equal(131_072, small.Steps[0].Value);
    }

    [Fact]
    public void Decode_Llama2_70B_Bf16_Batch1_On8H100_Reads138GB_AtLeast5point1ms_MemoryBound()
    {
        // Weights from the architecture: per layer 8192 × 128 × (2·64 + 2·8) = 150,994,944 (attention) + 3 × 8192 × 28672 = 704,643,072
        // (FFN); × 80 = 68,451,041,280; embeddings 2 × 32,000 × 8192 = 524,288,000; N = 68,975,329,280; × 2 B = 137,950,658,560 B.
        // At full bandwidth over 8 chips: 137.95e9 / (8 × 3.35e12 B/s) = 5.147 ms (the "5.2 ms" is 140 GB, the nominal 70B).
        ServingPoint p = ServingModel.Evaluate(Setup("llama-2-70b", "h100-sxm", 8, 1, 1, 1, a: Ideal));
        Assert.Equal(137_950_658_560, p.WeightBytesRead, 1);
        Assert.Equal(Bound.Memory, p.DecodeBound);
        Assert.InRange(p.DecodeMemorySeconds, 5.147e-3, 5.148e-3); // plus one token's KV: 327,680 / 8 / 3.35e12 = 1.2e-8 s
        Assert.True(p.DecodeComputeSeconds < p.DecodeMemorySeconds / 100);
    }

    [Fact]
    public void ComputeBoundBatch_OnH100_Bf16_IsNearPeakOverBandwidth295()
    {
        // With no efficiency losses and a context of 1 token, decode turns compute-bound where 2·N·B / P = 2·N / BW:
        // B* = P / BW = 989.4e12 / 3.35e12 = 295.3; the one token of attention and KV moves it by under 1%.
        ServingPoint p = ServingModel.Evaluate(Setup("llama-2-70b", "h100-sxm", 1, 1, 1, 1, a: Ideal));
        Assert.InRange(p.ComputeBoundBatch, 295.3 * 0.99, 295.3 * 1.01);
        ServingPoint below = ServingModel.Evaluate(Setup("llama-2-70b", "h100-sxm", 1, 290, 1, 1, a: Ideal));
        ServingPoint above = ServingModel.Evaluate(Setup("llama-2-70b", "h100-sxm", 1, 300, 1, 1, a: Ideal));
        Assert.Equal(Bound.Memory, below.DecodeBound);
        Assert.Equal(Bound.Compute, above.DecodeBound);
    }

    [Fact]
    public void DeepSeekServingDay_Costs87072Usd_And30CentsPerMillionOutputTokens()
    {
        // 226.75 nodes × 8 H800 × $2 per GPU-hour × 24 h = $87,072 (DeepSeek, open-infra-index day 6, 2025-03-01)
        Money day = MoneyRate.FromUsdPerHour(2) * (226.75 * 8) * Duration.FromHours(24);
        Assert.Equal(87_072, day.Usd, 6);

        // one node decodes 14.8K tokens/s: 8 × $2 / 3600 s / 14,800 tokens/s × 1e6 = $0.3003 per 1M output tokens
        Derivation cost = ServingModel.CostPerMillionTokens(8, MoneyRate.FromUsdPerHour(2), 14_800);
        Assert.Equal(16.0 / 3600 / 14_800 * 1e6, cost.Value!.Value, 12);
        Assert.InRange(cost.Value!.Value, 0.30, 0.301);
        Sound.Derivation(cost);
    }

    [Fact]
    public void Fp8KvCache_HalvesTheCacheAndDoublesTheLargestBatch()
    {
        // Same weights, KV at 1 byte instead of 2: the KV per sequence halves, so the batch that fits beside the weights doubles
        // (within the floor of one sequence).
        ServingPoint bf16 = ServingModel.Evaluate(Setup("llama-3.1-70b", "h100-sxm", 4, 1, 2048, 2048, Precision.Fp8, Precision.Bf16));
        ServingPoint fp8 = ServingModel.Evaluate(Setup("llama-3.1-70b", "h100-sxm", 4, 1, 2048, 2048, Precision.Fp8, Precision.Fp8));
        Assert.InRange(fp8.MaxBatch, 2 * bf16.MaxBatch, 2 * bf16.MaxBatch + 1);
    }

    [Fact]
    public void MaxBatch_FillsTheUsableMemory_ByHand()
    {
        // Llama 3 8B at BF16 on one H100 (80e9 B), u = 90%, I = O = 1024: weights 2 × N (N from the architecture: per layer
        // 4096 × 128 × (64 + 16) = 41,943,040 + 3 × 4096 × 14336 = 176,160,768; × 32 = 6,979,321,856; embeddings 2 × 128,256 × 4096
        // = 1,050,673,152; N = 8,029,995,008), activations 34 × 4096 × 1024 = 142,606,336 B; KV per sequence 2048 × 131,072 B.
        double n = 8_029_995_008, free = 0.9 * 80e9 - 2 * n - 34.0 * 4096 * 1024;
        long expected = (long)Math.Floor(free / (2048 * 131_072.0));
        ServingPoint p = ServingModel.Evaluate(Setup("llama-3-8b", "h100-sxm", 1, 1, 1024, 1024));
        Assert.Equal(expected, p.MaxBatch);
        Assert.True(ServingModel.Evaluate(Setup("llama-3-8b", "h100-sxm", 1, (int)expected, 1024, 1024)).Fits);
        Assert.False(ServingModel.Evaluate(Setup("llama-3-8b", "h100-sxm", 1, (int)expected + 1, 1024, 1024)).Fits);
    }

    [Fact]
    public void Cost_PricesPrefillToInputAndDecodeToOutput()
    {
        // $ per 1M output = p × c × t_d / 3600 / B × 1e6; per 1M input = p × c × t_p / 3600 / I × 1e6
        ServingPoint p = ServingModel.Evaluate(Setup("llama-3.1-8b", "h100-sxm", 1, 32, 1000, 500, price: MoneyRate.FromUsdPerHour(3)));
        Assert.Equal(3 * p.DecodeStepSeconds / 3600 / 32 * 1e6, p.CostPerMillionOutputUsd, 12);
        Assert.Equal(3 * p.PrefillSeconds / 3600 / 1000 * 1e6, p.CostPerMillionInputUsd, 12);
        Assert.True(double.IsNaN(ServingModel.Evaluate(Setup("llama-3.1-8b", "h100-sxm", 1, 32, 1000, 500)).CostPerMillionOutputUsd));
    }

    [Fact]
    public void Moe_ReadsTheExpertsItsBatchTouches()
    {
        // Mixtral 8x7B, E = 8, k = 2: batch 1 touches 8 × (1 − (6/8)^1) = 2 experts a layer, batch 4: 8 × (1 − 0.75^4) = 5.469;
        // a large batch touches all 8 and reads every weight.
        var steps1 = ServingModel.Explain(Setup("mixtral-8x7b", "h100-sxm", 2, 1, 128, 128)).Steps;
        var steps4 = ServingModel.Explain(Setup("mixtral-8x7b", "h100-sxm", 2, 4, 128, 128)).Steps;
        Assert.Equal(2, steps1.Single(d => d.Quantity == "experts a step touches per layer").Value!.Value, 9);
        Assert.Equal(8 * (1 - Math.Pow(0.75, 4)), steps4.Single(d => d.Quantity == "experts a step touches per layer").Value!.Value, 9);
        ServingPoint many = ServingModel.Evaluate(Setup("mixtral-8x7b", "h100-sxm", 2, 512, 128, 128));
        ServingSetup s = Setup("mixtral-8x7b", "h100-sxm", 2, 512, 128, 128);
        Assert.Equal(s.Parameters.Value.Count * 2, many.WeightBytesRead, 1e-6 * many.WeightBytesRead);
    }

    [Fact]
    public void FastAndTracedRuns_GiveTheSameNumbers_AndEveryStepIsSound()
    {
        foreach (var (model, chips) in new[] { ("llama-2-70b", 8), ("mixtral-8x7b", 2), ("deepseek-v3", 8), ("llama-3.1-8b", 1) })
        {
            ServingSetup s = Setup(model, "h200-sxm", chips, 64, 1000, 1000, Precision.Fp8, price: MoneyRate.FromUsdPerHour(4));
            ServingPoint fast = ServingModel.Evaluate(s);
            ServingResult traced = ServingModel.Explain(s);
            Assert.Equal(fast, traced.Point);
            Sound.Derivations(traced.Steps);
        }
    }

    [Fact]
    public void BadInput_IsOneSentenceNamingTheParameter()
    {
        var e = Assert.Throws<InputException>(() => Setup("llama-2-70b", "a100-80gb", 8, 1, 128, 128, Precision.Fp8));
        Assert.Equal("computePrecision must be a precision a100-80gb has a dense peak at (fp16, bf16, tf32, fp32, int8, fp64); got fp8.", e.Message);
        Assert.Equal("batch must be in [1, 1000000]; got 0.", Assert.Throws<InputException>(() => Setup("llama-2-70b", "h100-sxm", 8, 0, 128, 128)).Message);
        Assert.Equal("chips must be 1: l4 has no published scale-up link to split the model over; got 2.",
            Assert.Throws<InputException>(() => ServingModel.Evaluate(Setup("llama-3-8b", "l4", 2, 1, 128, 128))).Message);
        Assert.StartsWith("computeEfficiency must be in (0, 1]; got 1.5. ",
            Assert.Throws<InputException>(() => Setup("llama-3-8b", "h100-sxm", 1, 1, 1, 1, a: ServingAssumptions.Default with { ComputeEfficiency = 1.5 })).Message, StringComparison.Ordinal);
    }
}

/// <summary>The cheapest configuration under latency targets.</summary>
public class ServingSearchTests
{
    private static IReadOnlyList<ServingCandidate> Search(double maxTpotSeconds, double? maxTtftSeconds = null) =>
        ServingSearch.Cheapest(ServedModel.Of(LlmCatalog.BuiltIn.Model("llama-3.1-70b")), LlmCatalog.BuiltIn.Offers.Select(o => (o, LlmCatalog.BuiltIn.Accelerator(o.AcceleratorId))),
            ServingSearch.DefaultChipCounts, ServingSearch.DefaultBatches, ServingSearch.DefaultPrecisions, 1000, 500, Duration.FromSeconds(maxTpotSeconds),
            maxTtftSeconds is { } t ? Duration.FromSeconds(t) : null);

    [Fact]
    public void EveryCandidate_MeetsTheTargets_FitsInOneMachine_AndTheyComeCheapestFirst()
    {
        IReadOnlyList<ServingCandidate> found = Search(0.050, 2);
        Assert.NotEmpty(found);
        Assert.All(found, c =>
        {
            Assert.True(c.Point.TpotSeconds <= 0.050 && c.Point.PrefillSeconds <= 2 && c.Point.Fits);
            Assert.True(c.Setup.Chips <= c.Offer.ChipsPerMachine);
            // cost per request = I × $/1M in + O × $/1M out, per token
            Assert.Equal((1000 * c.Point.CostPerMillionInputUsd + 500 * c.Point.CostPerMillionOutputUsd) / 1e6, c.CostPerRequestUsd, 15);
        });
        Assert.True(found.Zip(found.Skip(1)).All(p => p.First.CostPerRequestUsd <= p.Second.CostPerRequestUsd));
    }

    [Fact]
    public void ATighterTarget_NeverCostsLess_AndAnImpossibleOne_FindsNothing()
    {
        // every configuration meeting 20 ms also meets 50 ms, so the cheapest at 50 ms is at most the cheapest at 20 ms
        double loose = Search(0.050)[0].CostPerRequestUsd, tight = Search(0.020)[0].CostPerRequestUsd;
        Assert.True(loose <= tight);
        Assert.Empty(Search(0.001));
    }
}

using LlmEcon.Catalog;
using LlmEcon.Memory;
using Xunit;

namespace LlmEcon.Tests.Catalog;

/// <summary>
/// The 2022–2026 entries (issue 10): accelerators against their datasheets, cloud offers by provider and commitment, API prices
/// per million input, cached-input and output tokens. Every number below is the datasheet's or the price page's, cited.
/// </summary>
public class TodaysCatalogTests
{
    private static readonly LlmCatalog BuiltIn = LlmCatalog.BuiltIn;

    private static double Peak(string id, Precision p, Sparsity s = Sparsity.Dense) => BuiltIn.Accelerator(id).Peak(p, s).Value.FlopPerSecond;

    [Fact]
    public void Accelerators_CarryTheirDatasheetPeaks_DenseAndSparseExplicit()
    {
        // NVIDIA H100 datasheet (PCIe): BF16 1,513 TFLOPS with sparsity, so 756 dense (half, as 2:4 sparsity doubles it)
        Assert.Equal((756e12, 1513e12), (Peak("h100-pcie", Precision.Bf16), Peak("h100-pcie", Precision.Bf16, Sparsity.Sparse)));
        // H100 SXM gaps filled from the same datasheet: FP32 67 (66.9), INT8 3,958 TOPS with sparsity (1,978.9 dense)
        Assert.Equal((66.9e12, 1978.9e12, 3957.8e12), (Peak("h100-sxm", Precision.Fp32), Peak("h100-sxm", Precision.Int8), Peak("h100-sxm", Precision.Int8, Sparsity.Sparse)));
        // A100 datasheet: BF16 624 with sparsity; FP64 tensor core 19.5
        Assert.Equal((624e12, 19.5e12), (Peak("a100-40gb", Precision.Bf16, Sparsity.Sparse), Peak("a100-40gb", Precision.Fp64)));
        // H200 datasheet: the H100 SXM's compute, 141 GB at 4.8 TB/s
        Assert.Equal(Peak("h100-sxm", Precision.Bf16), Peak("h200-sxm", Precision.Bf16));
        Assert.Equal((141e9, 4800.0), (BuiltIn.Accelerator("h200-sxm").Memory.Bytes, BuiltIn.Accelerator("h200-sxm").MemoryBandwidthGigabytesPerSecond));
        // HGX B200 (8 GPUs: FP4 144 PF sparse) ÷ 8 = 18 PF sparse, 9 dense; GB200 NVL72 (1,440 PF sparse) ÷ 72 = 20 sparse, 10 dense
        Assert.Equal((9e15, 18e15), (Peak("b200", Precision.Fp4), Peak("b200", Precision.Fp4, Sparsity.Sparse)));
        Assert.Equal((10e15, 2.5e15), (Peak("gb200", Precision.Fp4), Peak("gb200", Precision.Bf16)));
        // AMD MI300X data sheet: FP16/BF16 1,307.4 dense, 2,614.9 sparse; MI325X the same compute with 256 GB at 6 TB/s
        Assert.Equal((1307.4e12, 2614.9e12), (Peak("mi300x", Precision.Bf16), Peak("mi300x", Precision.Bf16, Sparsity.Sparse)));
        Assert.Equal(Peak("mi300x", Precision.Fp8), Peak("mi325x", Precision.Fp8));
        Assert.Equal(256e9, BuiltIn.Accelerator("mi325x").Memory.Bytes);
        // Google Cloud TPU documentation: v5e 197, v5p 459, v6e 918 TFLOPs BF16 per chip; v5p's 95 GiB
        Assert.Equal((197e12, 459e12, 918e12), (Peak("tpu-v5e", Precision.Bf16), Peak("tpu-v5p", Precision.Bf16), Peak("tpu-v6e", Precision.Bf16)));
        Assert.Equal(95.0 * (1L << 30), BuiltIn.Accelerator("tpu-v5p").Memory.Bytes);
        // Intel (Hot Chips 2024): Gaudi 2 432 BF16; Gaudi 3 1,835 BF16 and FP8; AWS Neuron docs: Trainium2 1,299 FP8, 667 BF16
        Assert.Equal((432e12, 1835e12, 1835e12), (Peak("gaudi2", Precision.Bf16), Peak("gaudi3", Precision.Bf16), Peak("gaudi3", Precision.Fp8)));
        Assert.Equal((1299e12, 667e12), (Peak("trainium2", Precision.Fp8), Peak("trainium2", Precision.Bf16)));
        // L40S and L4 datasheets: FP8 1,466 and 485 with sparsity, so 733 and 242.5 dense
        Assert.Equal((733e12, 242.5e12), (Peak("l40s", Precision.Fp8), Peak("l4", Precision.Fp8)));

        // every sparse peak of every chip is above its dense one (the validator's rule, on what ships)
        foreach (Accelerator a in BuiltIn.Accelerators)
        {
            foreach (PeakThroughput sparse in a.Peaks.Where(p => p.Sparsity == Sparsity.Sparse))
            {
                Assert.True(sparse.Rate.FlopPerSecond > a.Peak(sparse.Precision).Value.FlopPerSecond, $"{a.Id} {sparse.Precision}");
            }
        }
    }

    [Fact]
    public void ScaleUpBandwidth_AndPowerWithItsBasis_AreCarried()
    {
        // NVLink 4: 900 GB/s (H100 SXM), cut to 400 on the H800; Infinity Fabric 7 × 128 = 896 (MI300X); ICI 1,200 GBps (TPU v5p);
        // NeuronLink-v3 1.28 TB/s (Trainium2)
        Assert.Equal([900.0, 400.0, 896.0, 1200.0, 1280.0],
            new[] { "h100-sxm", "h800-sxm", "mi300x", "tpu-v5p", "trainium2" }.Select(id => BuiltIn.Accelerator(id).ScaleUpBandwidthGigabytesPerSecond!.Value));
        Assert.Equal("NVLink 5, 18 links", BuiltIn.Accelerator("b200").ScaleUpLink);
        Assert.Null(BuiltIn.Accelerator("l40s").ScaleUpBandwidthGigabytesPerSecond); // no NVLink

        // TPU v4: the chip's measured maximum (192 W) and, beside it, PaLM's measured system power per chip (378.5 W)
        Accelerator v4 = BuiltIn.Accelerator("tpu-v4");
        Assert.Equal((192.0, "max-measured"), (v4.Power!.Value.Watts, v4.PowerBasis));
        PowerFigure palm = Assert.Single(v4.OtherPower);
        Assert.Equal((378.5, "system-average-measured", "2022-04"), (palm.Power.Watts, palm.Basis, palm.Date));
        Assert.StartsWith("Chowdhery et al. (2022), PaLM", palm.Source, StringComparison.Ordinal);

        // vendors that publish no power per chip: none is invented, and a calculation that needs one says so
        foreach (string id in new[] { "tpu-v5e", "tpu-v5p", "tpu-v6e", "trainium2" })
        {
            Accelerator a = BuiltIn.Accelerator(id);
            Assert.Equal((null, null), (a.Power, a.PowerBasis));
            var e = Assert.Throws<InputException>(() => a.PowerSourced);
            Assert.Equal($"power must be given: {id}'s vendor publishes no power per chip; got nothing.", e.Message);
        }

        // Gaudi 3: 900 W air-cooled, 1,200 W liquid-cooled beside it
        Assert.Equal(1200.0, Assert.Single(BuiltIn.Accelerator("gaudi3").OtherPower).Power.Watts);
    }

    [Fact]
    public void Fp4_HoldsAWeightInHalfAByte() =>
        // 4 bits per weight; the block scales (one 8-bit scale per 16 or 32 weights) are not counted
        Assert.Equal(0.5, MemoryModel.BytesPerWeight(Precision.Fp4));

    [Fact]
    public void CloudOffers_CoverTodaysChips_FromSeveralProviders_WithTheirCommitment()
    {
        foreach (string chip in new[] { "h100-sxm", "h200-sxm", "a100-40gb", "a100-80gb", "tpu-v3", "tpu-v4", "tpu-v5e", "tpu-v5p", "tpu-v6e", "mi300x" })
        {
            Assert.Contains(BuiltIn.Offers, o => o.AcceleratorId == chip);
        }

        Assert.True(BuiltIn.Offers.Where(o => o.AcceleratorId == "h100-sxm").Select(o => o.Provider).Distinct().Count() >= 3);
        Assert.Equal(["1-year", "3-year", "capacity-block", "on-demand"], BuiltIn.Offers.Select(o => o.Commitment).Distinct().Order(StringComparer.Ordinal));

        // Google's TPU v4 1-year rate per chip is the article's 4-chip host price ÷ 4: $8.12 / 4 = $2.03 (Sun 2023; Cloud TPU pricing)
        Assert.Equal(8.12 / 4, BuiltIn.Offer("gcp-tpu-v4-1yr").PricePerChipHour.UsdPerHour, 12);
        Assert.Contains("$2.03 with a 1-year commitment", BuiltIn.Offer("gcp-tpu-v4-on-demand").Source, StringComparison.Ordinal);
        // AWS Capacity Blocks: p5.48xlarge $39.33 per instance-hour is $4.916 per H100-hour (39.33 / 8 = 4.91625)
        Assert.Equal(4.916, BuiltIn.Offer("aws-p5-capacity-block").PricePerChipHour.UsdPerHour, 3);
    }

    [Fact]
    public void ApiPrices_PerMillionInputCachedAndOutput_ForTwentyModels_From2022ToToday()
    {
        ApiPrice[] split = [.. BuiltIn.ApiPrices.Where(p => p.OutputPrice is not null)];
        Assert.True(split.Select(p => p.Model).Distinct().Count() >= 20, $"{split.Length} split prices");
        Assert.All(split, p => Assert.Equal(1e6, p.Per));
        Assert.Equal(2022, BuiltIn.ApiPrices.Min(p => p.Year));
        Assert.True(BuiltIn.ApiPrices.Max(p => p.Year) >= 2025);

        // OpenAI, gpt-4o-2024-08-06: $2.50 input, $1.25 cached input, $10 output per 1M tokens
        ApiPrice gpt4o = BuiltIn.ApiPrice("openai-gpt-4o-2024-08");
        Assert.Equal(2.50e-6, gpt4o.InputPerToken.Value.UsdPerToken, 15);
        Assert.Equal(1.25e-6, gpt4o.CachedInputPerToken!.Value.Value.UsdPerToken, 15);
        Assert.Equal(10e-6, gpt4o.OutputPerToken.Value.UsdPerToken, 15);
        Assert.Equal("usdPerMillionOutput", gpt4o.OutputPerToken.From!.Field);
        // the search model charges one price per token: a split price names both instead of picking one
        var e = Assert.Throws<InputException>(() => gpt4o.PerToken());
        Assert.Equal("apiPrice must be a price that is the same for every token (the search model charges one); got openai-gpt-4o-2024-08: $2.5 per 1M input and $10 per 1M output tokens. Give a blended price with --price-per-1k-tokens.", e.Message);
        // a 2022 price covers both: input and output read the same
        ApiPrice davinci = BuiltIn.ApiPrice("openai-davinci-2022");
        Assert.Equal((0.02 / 1000, 0.02 / 1000), (davinci.InputPerToken.Value.UsdPerToken, davinci.OutputPerToken.Value.UsdPerToken));
        Assert.Null(davinci.CachedInputPerToken);
    }

    [Theory]
    // OpenAI's 2022 list had two levels: until 2022-08-31 Ada $0.0008, Babbage $0.0012, Curie $0.006, Davinci $0.06 per 1K tokens,
    // then the article's $0.0004, $0.0005, $0.002, $0.02: 2×, 2.4×, 3× and 3× apart, each dated
    [InlineData("ada", 2.0)]
    [InlineData("babbage", 2.4)]
    [InlineData("curie", 3.0)]
    [InlineData("davinci", 3.0)]
    public void OpenAis2022Prices_AreCarriedAtBothLevels_EachDated(string model, double ratio)
    {
        ApiPrice before = BuiltIn.ApiPrice($"openai-{model}-2022-08"), after = BuiltIn.ApiPrice($"openai-{model}-2022");
        Assert.Equal(ratio, before.Price.Usd / after.Price.Usd, 12);
        Assert.Equal(("2022-08", "2023-01"), (before.Date, after.Date));
    }
}

using System.Text.Json;

namespace LlmEcon.Cli.Tests;

/// <summary>
/// JSON output parsed and checked against the article (../shared/seed/SPEC.md) or arithmetic shown here.
/// Tolerance: half a unit of the article's printed digits, or 1e-9 relative for arithmetic.
/// </summary>
public class JsonTests
{
    private static JsonElement Json(params string[] args)
    {
        string output = Cli.Ok([.. args, "--format", "json"]);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static void Near(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected} ± {tolerance}, got {actual}");

    [Fact]
    public void Inference_AwsP4_CostsTheArticles0_003515UsdPer1kTokens()
    {
        // SPEC.md §3: 175B × 2 × 1000 / (8 × 312e12 × 0.213) × $19.22 / 3600 = $0.003515.
        JsonElement r = Json("inference", "--params", "175B", "--offer", "aws-p4d-1yr", "--mfu", "21.3%").GetProperty("inference");
        Near(0.003515, r.GetProperty("costPer1kTokensUsd").GetDouble(), 0.0000005);
        Near(3.515, r.GetProperty("costPer1MTokensUsd").GetDouble(), 0.0005);
        Assert.Equal(0.213, r.GetProperty("mfu").GetDouble());
        Assert.Equal(8, r.GetProperty("chipsPerMachine").GetDouble());
    }

    [Fact]
    public void MixtureOfExperts_CountsActiveParametersForFlops_AndTotalForMemory()
    {
        // DeepSeek-V3 technical report: 37B activated of 671B, 14.8T tokens, 2.788M H800 GPU-hours at an assumed $2 each = $5.576M.
        // On the H100's 989.4 TFLOP/s BF16 dense peak (the H800's is the same): MFU = 6 × 37e9 × 14.8e12 / (2.788e6 × 3600 × 989.4e12).
        JsonElement root = Json("train", "--model", "deepseek-v3", "--chip", "h100-sxm", "--precision", "bf16", "--price-per-chip-hour", "$2", "--chip-hours", "2.788M");
        JsonElement t = root.GetProperty("training");
        Assert.Equal(37e9, t.GetProperty("parameters").GetDouble());
        Near(5_576_000, t.GetProperty("costUsd").GetDouble(), 1e-6);
        Near(6 * 37e9 * 14.8e12 / (2.788e6 * 3600 * 989.4e12), t.GetProperty("mfu").GetDouble(), 1e-12);
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("mixture of experts", StringComparison.Ordinal));
        // Mixtral: 2 × 12.9e9 FLOP per token, so 2.58e13 per 1000 tokens; the same with the counts given by hand
        Near(2.58e13, Json("inference", "--model", "mixtral-8x7b", "--chip", "h100-sxm", "--price-per-chip-hour", "$2", "--mfu", "40%")
            .GetProperty("inference").GetProperty("flopPer1kTokens").GetDouble(), 1);
        Near(2.58e13, Json("inference", "--params", "46.7B", "--active-params", "12.9B", "--chip", "h100-sxm", "--price-per-chip-hour", "$2", "--mfu", "40%")
            .GetProperty("inference").GetProperty("flopPer1kTokens").GetDouble(), 1);
        // memory holds all 671B: 20 bytes × 671e9
        Near(20 * 671e9, Json("memory", "--model", "deepseek-v3").GetProperty("memory").GetProperty("bytes").GetDouble(), 1);
        // a dense model is unchanged: GPT-3's 175B
        Assert.Equal(175e9, Json("inference", "--model", "gpt-3", "--offer", "aws-p4d-1yr", "--mfu", "21.3%").GetProperty("inference").GetProperty("parameters").GetDouble());
    }

    [Fact]
    public void Context_AddsAttentionFlops_ToTheImpliedMfu()
    {
        // DeepSeek-V3 (report §4.2: 61 layers, 128 heads, d_h 128 + RoPE 64 for queries and keys, d_v 128) at 4,096 tokens, causal:
        // 6 × 61 × 4,096 × 128 × 320 × 0.5 = 30,702,305,280 FLOP per token; × 14.8e12 tokens = 4.5439e23 beside 6ND = 3.2856e24.
        // On the H100's FP8 dense peak 1,978.9 TFLOP/s (datasheet) over 2.788M hours: MFU = 3.7400e24 / (2.788e6 × 3600 × 1978.9e12).
        JsonElement t = Json("train", "--model", "deepseek-v3", "--chip", "h100-sxm", "--precision", "fp8", "--price-per-chip-hour", "$2",
            "--chip-hours", "2.788M", "--context", "4096").GetProperty("training");
        double attention = 6.0 * 61 * 4096 * 128 * 320 * 0.5 * 14.8e12, sixNd = 6 * 37e9 * 14.8e12;
        Near(sixNd + attention, t.GetProperty("flops").GetDouble(), 1e9);
        Near(sixNd, t.GetProperty("sixNdFlops").GetDouble(), 1e9);
        Near((sixNd + attention) / (2.788e6 * 3600 * 1978.9e12), t.GetProperty("mfu").GetDouble(), 1e-12);
        // full attention counts the whole score matrix: twice the causal term
        JsonElement full = Json("train", "--model", "deepseek-v3", "--chip", "h100-sxm", "--precision", "fp8", "--price-per-chip-hour", "$2",
            "--chip-hours", "2.788M", "--context", "4096", "--attention", "full").GetProperty("training");
        Near(sixNd + 2 * attention, full.GetProperty("flops").GetDouble(), 1e9);
        // without --context, 6ND alone and no split
        Assert.Equal(JsonValueKind.Null, Json("train", "--model", "gpt-3", "--offer", "gcp-tpu-v4-1yr", "--mfu", "46.2%").GetProperty("training").GetProperty("sixNdFlops").ValueKind);
    }

    [Fact]
    public void Runs_ReadEveryPublishedRun_AndTrainUsesAModelsPublishedHours()
    {
        // LLaMA 65B (Touvron et al. 2023): 6 × 65.2e9 × 1.4e12 / (1,022,362 A100-hours × 3600 × 312e12)
        JsonElement runs = Json("runs").GetProperty("runs");
        JsonElement llama = runs.EnumerateArray().Single(r => r.GetProperty("model").GetString() == "llama-65b");
        Near(6 * 65.2e9 * 1.4e12 / (1_022_362.0 * 3600 * 312e12), llama.GetProperty("impliedMfu").GetDouble(), 1e-12);
        Assert.Equal(2048, llama.GetProperty("trainingContext").GetDouble());
        Assert.StartsWith("table 15", llama.GetProperty("hours").GetString(), StringComparison.Ordinal);
        // GPT-3: implied 19.7% beside PaLM's 21.3%: the gap in points
        JsonElement gpt3 = runs.EnumerateArray().Single(r => r.GetProperty("model").GetString() == "gpt-3");
        Near(6 * 175e9 * 300e9 / (10_000 * 14.8 * 86_400 * 125e12) - 0.213, gpt3.GetProperty("gap").GetDouble(), 1e-12);
        Assert.Equal(JsonValueKind.Null, gpt3.GetProperty("impliedMfuWithAttention").ValueKind);
        // train --model with no known: the run's 2.788M hours on the H800's FP8 peak (the model's training precision)
        JsonElement root = Json("train", "--model", "deepseek-v3", "--chip", "h800-sxm", "--price-per-chip-hour", "$2");
        JsonElement t = root.GetProperty("training");
        Assert.Equal(2.788e6, t.GetProperty("chipHours").GetDouble());
        Assert.Equal(1978.9e12, t.GetProperty("peakFlopPerSecondPerChip").GetDouble());
        Near(6 * 37e9 * 14.8e12 / (2.788e6 * 3600 * 1978.9e12), t.GetProperty("mfu").GetDouble(), 1e-12);
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("Chip-hours 2.788M are deepseek-v3's published run", StringComparison.Ordinal));
        // --precision still chooses: against the BF16 peak (989.4 TFLOP/s) the MFU grows by 1978.9 / 989.4
        Near(t.GetProperty("mfu").GetDouble() * 1978.9 / 989.4, Json("train", "--model", "deepseek-v3", "--chip", "h800-sxm", "--precision", "bf16", "--price-per-chip-hour", "$2")
            .GetProperty("training").GetProperty("mfu").GetDouble(), 1e-12);
    }

    [Fact]
    public void Recompute_GivesHardwareFlopsAndHfu_BesideMfu()
    {
        // LLaMA 65B on its 1,022,362 A100-hours, 6ND only: full recomputation makes 8ND of hardware work, so HFU = MFU × 8/6
        JsonElement t = Json("train", "--model", "llama-65b", "--chip", "a100-80gb", "--price-per-chip-hour", "$2", "--recompute", "full").GetProperty("training");
        Near(8 * 65.2e9 * 1.4e12, t.GetProperty("hardwareFlops").GetDouble(), 1e9);
        Near(8 * 65.2e9 * 1.4e12 / (1_022_362.0 * 3600 * 312e12), t.GetProperty("hfu").GetDouble(), 1e-12);
        Near(t.GetProperty("mfu").GetDouble() * 8 / 6, t.GetProperty("hfu").GetDouble(), 1e-12);
        Assert.Equal(JsonValueKind.Null, Json("train", "--model", "llama-65b", "--chip", "a100-80gb", "--price-per-chip-hour", "$2").GetProperty("training").GetProperty("hfu").ValueKind);
    }

    [Fact]
    public void CatalogList_FiltersByVendorAndDate()
    {
        // NVIDIA's chips dated 2020 or later, in catalog order: A100 40GB (2020-05), A100 80GB (2020-11), H100 SXM (2022-03),
        // H800 (2023-03), H100 PCIe (2022-03), H100 NVL (2023-03), H200 (2023-11), B200 and GB200 (2024-03), L40S (2023-08), L4 (2023-03);
        // not P100 (2016), V100 (2018-03)
        string[] Ids(params string[] args) => [.. Json(["catalog", "list", .. args]).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];
        Assert.Equal(["a100-40gb", "a100-80gb", "h100-sxm", "h800-sxm", "h100-pcie", "h100-nvl", "h200-sxm", "b200", "gb200", "l40s", "l4"],
            Ids("--vendor", "nvidia", "--since", "2020"));
        Assert.Equal(["b200", "gb200"], Ids("--vendor", "nvidia", "--since", "2024"));
        // Meta's models from 2024: Llama 3.1 (2024-07-23) and Llama 3 (2024-04-18), in catalog order; not LLaMA, Llama 2, OPT
        Assert.Equal(["llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "llama-3-8b", "llama-3-70b"], Ids("--section", "models", "--vendor", "Meta", "--since", "2024-01"));
        Assert.Equal(["llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b"], Ids("--section", "models", "--vendor", "Meta", "--since", "2024-05"));
        Assert.Empty(Ids("--vendor", "Meta", "--since", "2030"));
    }

    [Fact]
    public void ZeroMemory_IsTheZeroPapersFigure1()
    {
        // Rajbhandari et al. 2020, figure 1: 7.5B parameters over 64 ranks: (2 + 2 + 12/64) × 7.5e9 = 31.4 GB per device at stage 1
        JsonElement root = Json("memory", "--params", "7.5B", "--zero", "1", "--data-parallel", "64", "--chip", "a100-80gb");
        JsonElement m = root.GetProperty("memory");
        Near((2 + 2 + 12.0 / 64) * 7.5e9, m.GetProperty("bytesPerChip").GetDouble(), 1);
        Near((2 + 2 + 12.0 / 64) * 7.5e9 / 80e9, m.GetProperty("shareOfChip").GetDouble(), 1e-12);
        // stage 3 over 8 ranks of 405B on 80 GB: 16 × 405e9 / 8 = 810 GB, ten times a chip: it does not fit
        JsonElement big = Json("memory", "--model", "llama-3.1-405b", "--zero", "3", "--data-parallel", "8", "--chip", "h100-sxm");
        Near(16 * 405e9 / 8, big.GetProperty("memory").GetProperty("bytesPerChip").GetDouble(), 1);
        Assert.Contains(big.GetProperty("notes").EnumerateArray(), n => n.GetString() == "It does not fit: raise --data-parallel.");
        // with GPT-3's activations at 2,048 tokens, selective recomputation: 96 × 34 × 2,048 × 12,288 B (Korthikanti et al. 2022) beside
        // the stage-3 state 16 × 175e9 / 64
        JsonElement act = Json("memory", "--model", "gpt-3", "--zero", "3", "--data-parallel", "64", "--sequence", "2048", "--recompute", "selective",
            "--chip", "a100-80gb").GetProperty("memory");
        Near(96 * 34 * 2048 * 12288.0, act.GetProperty("activationBytes").GetDouble(), 1);
        Near(16 * 175e9 / 64 + 96 * 34 * 2048 * 12288.0, act.GetProperty("bytesPerChip").GetDouble(), 1);
        Near((16 * 175e9 / 64 + 96 * 34 * 2048 * 12288.0) / 80e9, act.GetProperty("shareOfChip").GetDouble(), 1e-12);
    }

    [Fact]
    public void ServingMemory_WeightsPlusKvCache_AndTheChipsToHoldIt()
    {
        // Llama 3.1 70B at BF16: 70.6e9 × 2 B weights + (2 × 80 × 8 × 128 × 2 B) × 8 × 8,192 = 141.2e9 + 21,474,836,480 B; ⌈/ 80e9⌉ = 3
        JsonElement m = Json("memory", "--model", "llama-3.1-70b", "--serving", "--batch", "8", "--context", "8192", "--chip", "h100-sxm").GetProperty("memory");
        Near(141.2e9 + 21_474_836_480, m.GetProperty("bytes").GetDouble(), 1);
        Assert.Equal(327_680, m.GetProperty("kvBytesPerToken").GetDouble());
        Assert.Equal(3, m.GetProperty("minimumChips").GetDouble());
        // FP8 weights and an FP8 cache halve both terms
        JsonElement fp8 = Json("memory", "--model", "llama-3.1-70b", "--serving", "--batch", "8", "--context", "8192", "--weights-precision", "fp8").GetProperty("memory");
        Near((141.2e9 + 21_474_836_480) / 2, fp8.GetProperty("bytes").GetDouble(), 1);
        // without --context, the model's maximum (131,072): 70.6e9 × 2 + 327,680 × 131,072
        Near(141.2e9 + 327_680.0 * 131_072, Json("memory", "--model", "llama-3.1-70b", "--serving").GetProperty("memory").GetProperty("bytes").GetDouble(), 1);
    }

    [Fact]
    public void Inference_ExplicitMachine_MatchesTheOffer()
    {
        // The same machine described by flags instead of the catalog gives the same number.
        JsonElement r = Json("inference", "--params", "175B", "--peak-flops", "312T", "--chips-per-machine", "8",
            "--machine-price-per-hour", "$19.22", "--mfu", "0.213").GetProperty("inference");
        Near(0.003515, r.GetProperty("costPer1kTokensUsd").GetDouble(), 0.0000005);
    }

    [Theory]
    [InlineData("gpt-3", 1398072)]
    [InlineData("gopher", 2236915)]
    [InlineData("mt-nlg", 3810744)]
    [InlineData("palm", 11216529)]
    public void Train_ArticleTable_OnTpuV4AtPalmMfu(string model, double printedUsd)
    {
        // SPEC.md §4 training table.
        JsonElement r = Json("train", "--model", model, "--offer", "gcp-tpu-v4-1yr", "--mfu", "46.2%").GetProperty("training");
        Near(printedUsd, r.GetProperty("costUsd").GetDouble(), 1);
        Assert.Equal(["chipHours", "cost"], r.GetProperty("solved").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Train_FromChipsAndDays_SolvesTheImpliedMfu()
    {
        // GPT-3: 10,000 V100 × 14.8 days (Patterson et al. 2021) = 3.552e6 chip-hours;
        // MFU = 6 × 175e9 × 300e9 / (3.552e6 × 3600 × 125e12) = 3.15e23 / 1.5984e24 = 0.19707.
        JsonElement r = Json("train", "--model", "gpt-3", "--chip", "v100-sxm2", "--price-per-chip-hour", "$2.48",
            "--chips", "10000", "--days", "14.8").GetProperty("training");
        Near(3.552e6, r.GetProperty("chipHours").GetDouble(), 1e-3);
        Near(3.15e23 / 1.5984e24, r.GetProperty("mfu").GetDouble(), 1e-9);
        Near(3.552e6 * 2.48, r.GetProperty("costUsd").GetDouble(), 1e-6);
        Assert.Equal(["chipHours", "mfu", "cost"], r.GetProperty("solved").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Train_FromCost_SolvesMfuAndChipHours()
    {
        // $1,398,072 on TPU v4 at $8.12/4 = $2.03 per chip-hour is 688,705 chip-hours; that is PaLM's 46.2% MFU.
        JsonElement r = Json("train", "--model", "gpt-3", "--offer", "gcp-tpu-v4-1yr", "--cost", "$1398072").GetProperty("training");
        Near(1398072 / 2.03, r.GetProperty("chipHours").GetDouble(), 1e-3);
        Near(0.462, r.GetProperty("mfu").GetDouble(), 0.0000005);
    }

    [Fact]
    public void Search_Defaults_AreTheArticles()
    {
        // SPEC.md §2: revenue $0.0547 / $0.3747, cost $0.00957 / $0.06557; levered share 17.2% (the audit's figure).
        JsonElement rows = Json("search").GetProperty("search");
        JsonElement chat = rows[0], two = rows[1];
        Assert.Equal("chatgpt-equivalent", chat.GetProperty("architecture").GetString());
        Near(0.0547, chat.GetProperty("apiRevenuePerQueryUsd").GetDouble(), 0.00005);
        Near(0.3747, two.GetProperty("apiRevenuePerQueryUsd").GetDouble(), 0.00005);
        Near(0.00957, chat.GetProperty("costPerQueryUsd").GetDouble(), 0.000005);
        Near(0.06557, two.GetProperty("costPerQueryUsd").GetDouble(), 0.000005);
        Near(0.172, two.GetProperty("leveredShareOfRevenue").GetDouble(), 0.0005);
    }

    [Fact]
    public void Search_TwoStageWithHalfTheCache_ScalesTheCost()
    {
        // eq. 3: cost = revenue × (1 − cache) × (1 − margin) = 0.3747 × 0.5 × 0.25 = 0.04683.
        JsonElement r = Json("search", "--architecture", "two-stage", "--cache-hit-rate", "50%").GetProperty("search")[0];
        Near(0.37467 * 0.5 * 0.25, r.GetProperty("costPerQueryUsd").GetDouble(), 0.000005);
    }

    [Fact]
    public void ScalingLoss_Chinchilla_Is1_94()
    {
        // SPEC.md §5: 70B on 1.4T → 1.69 + 0.0835 + 0.1632 = 1.937, printed 1.94.
        JsonElement r = Json("scaling", "loss", "--params", "70B", "--tokens", "1.4T").GetProperty("loss");
        Near(1.937, r.GetProperty("loss").GetDouble(), 0.0005);
        Near(0.0835, r.GetProperty("parameterTerm").GetDouble(), 0.00005);
    }

    [Fact]
    public void ScalingOptimal_SpendsTheBudgetAndBeatsItsNeighbours()
    {
        // C = 6·N·D exactly, and the optimum's loss is below N×1.2 or N/1.2 at the same C.
        JsonElement r = Json("scaling", "optimal", "--flops", "5.76e23").GetProperty("optimal");
        double n = r.GetProperty("parameters").GetDouble(), d = r.GetProperty("tokens").GetDouble();
        Near(5.76e23, 6 * n * d, 5.76e23 * 1e-9);
        double Loss(double nn) => 1.69 + 406.4 / Math.Pow(nn, 0.34) + 410.7 / Math.Pow(5.76e23 / (6 * nn), 0.28);
        double loss = r.GetProperty("loss").GetDouble();
        Near(Loss(n), loss, 1e-9);
        Assert.True(loss < Loss(n * 1.2) && loss < Loss(n / 1.2));
        Near(d / n, r.GetProperty("tokensPerParameter").GetDouble(), 1e-9);
    }

    [Fact]
    public void Memory_Gpt3_Is3_5TbAnd44H100s()
    {
        // SPEC.md §5: 175e9 × 20 bytes = 3.5e12 bytes; / 80e9 = 43.75 → 44 H100s.
        JsonElement r = Json("memory", "--params", "175B", "--chip", "h100-sxm").GetProperty("memory");
        Assert.Equal(3.5e12, r.GetProperty("bytes").GetDouble());
        Assert.Equal(44, r.GetProperty("minimumChips").GetDouble());
    }

    [Fact]
    public void InHouse_Default_IsTheArticlesProjectionRecomputed()
    {
        // SPEC.md §5 audit: 628,080 / 2.3 = 273,078; 1,287 MWh × $0.09/kWh = $115,830; / 3.4 = 34,068.
        JsonElement r = Json("inhouse").GetProperty("inHouse");
        Near(628080 / 2.3, r.GetProperty("hardwareAfterUsd").GetDouble(), 1e-6);
        Near(115830, r.GetProperty("energyCostBeforeUsd").GetDouble(), 1e-6);
        Near(115830 / 3.4, r.GetProperty("energyCostAfterUsd").GetDouble(), 1e-6);
    }

    [Fact]
    public void InHouse_Run_DepreciatesAndAddsEnergy()
    {
        // 8 chips × $25,000 × 10 d / 1000 d = $2,000; 8 × 500 W × 1.5 × 240 h = 1,440 kWh × $0.10 = $144.
        JsonElement r = Json("inhouse", "--chips", "8", "--power", "500W", "--purchase-price", "$25000", "--lifetime", "1000d",
            "--run-time", "10d", "--pue", "1.5", "--electricity-price", "$0.10/kWh").GetProperty("inHouseRun");
        Near(2000, r.GetProperty("hardwareUsd").GetDouble(), 1e-6);
        Near(144, r.GetProperty("energyCostUsd").GetDouble(), 1e-6);
        Near(2144, r.GetProperty("totalUsd").GetDouble(), 1e-6);
    }

    [Fact]
    public void Trajectory_Default_IsTheArticlesNetReductions()
    {
        // SPEC.md §5: the cost-per-FLOP factor is the article's in-house total with H100 over V100, $311,988 / $743,910 (its
        // printed lines); parameters 70B / 175B = 0.4; MFU 21.3% → 46.2%. Inference 1 − 0.4 × 0.4194 = 83.2% (printed >83%);
        // training 1 − 0.4194 × 0.213 / 0.462 = 80.7% (printed >81%, with 0.42 / 2.2).
        JsonElement r = Json("trajectory").GetProperty("netReduction");
        double perFlop = 311988.0 / 743910;
        Near(1 - 70.0 / 175 * perFlop, r.GetProperty("inference").GetDouble(), 1e-9);
        Near(1 - perFlop * 0.213 / 0.462, r.GetProperty("training").GetDouble(), 1e-9);
    }

    [Fact]
    public void HardwareGenerations_PerUsdGains_AreTheAuditedOnes()
    {
        // SPEC.md §5 audit: 13/4 = 3.25, 21/13 = 1.615, 30/21 = 1.429 (printed 3.6×, 1.5×, 1.5×).
        JsonElement rows = Json("hardware", "generations").GetProperty("generations");
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("perUsdGain").ValueKind);
        Near(13.0 / 4, rows[1].GetProperty("perUsdGain").GetDouble(), 1e-12);
        Near(21.0 / 13, rows[2].GetProperty("perUsdGain").GetDouble(), 1e-12);
        Near(30.0 / 21, rows[3].GetProperty("perUsdGain").GetDouble(), 1e-12);
    }

    [Fact]
    public void Report_Audit_ListsExactlyTheSlipsSpecMarks()
    {
        // SPEC.md marks 7 figures as not following from the article's inputs.
        JsonElement audit = Json("report").GetProperty("audit");
        var slips = audit.EnumerateArray().Where(l => l.GetProperty("verdict").GetString() == "slip")
            .Select(l => l.GetProperty("id").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "conclusions.jasper-per-1k-tokens", "generations.a100-40gb.per-usd-gain", "generations.h100-sxm.per-usd-gain",
            "generations.v100-sxm2.per-usd-gain", "inhouse.energy-after", "inhouse.hardware-after", "search.levered-share",
        ], slips);
        JsonElement jasper = audit.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "conclusions.jasper-per-1k-tokens");
        Near(1.09, jasper.GetProperty("printed").GetDouble(), 0);
        Near(0.82 * 0.75, jasper.GetProperty("recomputed").GetDouble(), 1e-12); // $82 / 100,000 words × 750 words per 1000 tokens
        Near(0.615 - 1.09, jasper.GetProperty("gap").GetDouble(), 1e-12);
    }

    [Fact]
    public void Report_EveryFigure_IsBesideItsPrint_AndEveryNonSlipAgreesAtPrintResolution()
    {
        JsonElement root = Json("report");
        var figures = root.EnumerateObject().Where(p => p.Name.StartsWith("figures", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateArray()).ToList();
        Assert.Equal(56, figures.Count);
        Assert.All(figures, f => Assert.True(f.TryGetProperty("printed", out _) && f.TryGetProperty("recomputed", out _)));
        Assert.Equal(7, figures.Count(f => f.GetProperty("verdict").GetString() == "slip"));
    }

    [Fact]
    public void Explain_Json_CarriesEveryCatalogSourceAndDate()
    {
        JsonElement d = Json("train", "--model", "palm", "--offer", "gcp-tpu-v4-1yr", "--mfu", "46.2%", "--explain").GetProperty("derivations");
        var sources = d.EnumerateArray().SelectMany(x => x.GetProperty("inputs").EnumerateArray())
            .Where(i => i.GetProperty("source").ValueKind == JsonValueKind.Object)
            .Select(i => i.GetProperty("source").GetProperty("entryId").GetString()).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["gcp-tpu-v4-1yr", "palm", "tpu-v4"], sources);
        Assert.All(d.EnumerateArray().SelectMany(x => x.GetProperty("inputs").EnumerateArray())
            .Where(i => i.GetProperty("source").ValueKind == JsonValueKind.Object),
            i => Assert.Matches(@"^\d{4}(-\d{2}){0,2}$", i.GetProperty("source").GetProperty("date").GetString()));
    }

    [Theory]
    [InlineData("report")]
    [InlineData("search")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfu 21.3%")]
    [InlineData("train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 46.2%")]
    [InlineData("scaling loss --params 70B --tokens 1.4T")]
    [InlineData("scaling optimal --flops 1e24")]
    [InlineData("memory --params 175B --chip h100-sxm")]
    [InlineData("hardware generations")]
    [InlineData("inhouse")]
    [InlineData("trajectory")]
    [InlineData("scaling plan --target-loss 2.1 --law besiroglu-2024 --offer aws-p4d-1yr --mfu 40%")]
    public void EveryComputingCommand_JsonWithExplain_CarriesADerivationOfEachNumber(string commandLine)
    {
        JsonElement root = Json([.. commandLine.Split(' '), "--explain"]);
        JsonElement[] derivations = [.. root.GetProperty("derivations").EnumerateArray()];
        Assert.NotEmpty(derivations);
        Assert.All(derivations, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("quantity").GetString()));
            Assert.Matches(@"^\(\d+[a-z]?\)", d.GetProperty("equation").GetString()!);
            Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("formula").GetString()));
            Assert.NotEmpty(d.GetProperty("inputs").EnumerateArray());
        });
    }

    [Theory]
    [InlineData("hardware list")]
    [InlineData("hardware show h100-sxm")]
    [InlineData("catalog list")]
    public void ListingCommands_ComputeNothing_SoExplainHasNoDerivation(string commandLine)
    {
        JsonElement root = Json([.. commandLine.Split(' '), "--explain"]);
        Assert.Equal(0, root.GetProperty("derivations").GetArrayLength());
        Assert.True(root.EnumerateObject().Count() >= 2);
    }
}

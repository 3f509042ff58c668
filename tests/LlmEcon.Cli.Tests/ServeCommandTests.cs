using System.Text.Json;
using LlmEcon.Catalog;
using LlmEcon.Serving;

namespace LlmEcon.Cli.Tests;

/// <summary>serve and validate from the command line: the library's numbers, printed.</summary>
public class ServeCommandTests
{
    private static JsonElement Json(params string[] args) => JsonDocument.Parse(Cli.Ok([.. args, "--format", "json"])).RootElement.Clone();

    [Fact]
    public void Serve_PrintsTheLibrarysPoint_WithTheOffersPricePerChipHour()
    {
        // aws-p5-on-demand: 8 × H100 SXM at the offer's machine price; serve prices one chip-hour at machine price / 8
        LlmCatalog c = LlmCatalog.BuiltIn;
        CloudOffer offer = c.Offer("aws-p5-on-demand");
        ServingPoint expected = ServingModel.Evaluate(ServingSetups.ForModel(c.Model("llama-3.1-70b"), c.Accelerator("h100-sxm"), 4, Precision.Fp8, null, null, 64, 1000, 500,
            offer.PricePerChipHour));
        JsonElement serve = Json("serve", "--model", "llama-3.1-70b", "--offer", "aws-p5-on-demand", "--chips", "4", "--precision", "fp8", "--batch", "64",
            "--input-tokens", "1000", "--output-tokens", "500").GetProperty("serve");
        Assert.Equal(expected.TpotSeconds, serve.GetProperty("tpotSeconds").GetDouble(), 12);
        Assert.Equal(expected.CostPerMillionOutputUsd, serve.GetProperty("costPer1MOutputTokensUsd").GetDouble(), 12);
        Assert.Equal(offer.MachinePrice.UsdPerHour / offer.ChipsPerMachine * 4 * expected.DecodeStepSeconds / 3600 / 64 * 1e6,
            serve.GetProperty("costPer1MOutputTokensUsd").GetDouble(), 9);
        Assert.Equal("memory", serve.GetProperty("decodeBound").GetString());
    }

    [Fact]
    public void Serve_ARange_PrintsOneRowPerFittingBatch_AndSaysWhichDoNotFit()
    {
        // 1..1024:x4 is 1, 4, 16, 64, 256, 1024; Llama 3.1 8B at BF16 on one H100 with 1,500-token sequences fits at most a few hundred
        var (code, output, error) = Cli.Run("serve", "--model", "llama-3.1-8b", "--chip", "h100-sxm", "--batch", "1..1024:x4", "--input-tokens", "1000",
            "--output-tokens", "500", "--format", "json");
        Assert.Equal(0, code);
        JsonElement rows = JsonDocument.Parse(output).RootElement.GetProperty("frontier");
        Assert.Equal([1.0, 4, 16, 64, 256], rows.EnumerateArray().Select(r => r.GetProperty("batch").GetDouble()));
        double[] perUser = [.. rows.EnumerateArray().Select(r => r.GetProperty("tokensPerSecondPerUser").GetDouble())];
        double[] perChip = [.. rows.EnumerateArray().Select(r => r.GetProperty("tokensPerSecondPerChip").GetDouble())];
        Assert.True(perUser.Zip(perUser.Skip(1)).All(p => p.First > p.Second), "a larger batch is slower per user");
        Assert.True(perChip.Zip(perChip.Skip(1)).All(p => p.First < p.Second), "and faster per chip");
        Assert.Contains("Left out, not fitting in memory: batch 1,024", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_Explain_DerivesEveryStep_WithSources()
    {
        string text = Cli.Ok("serve", "--model", "llama-2-70b", "--chip", "h100-sxm", "--chips", "8", "--input-tokens", "1000", "--output-tokens", "200", "--explain");
        foreach (string step in new[] { "(26) KV cache per token", "(31) 2·N_a·I", "(32) B × (2·N_a", "(34) max(compute, memory)", "(35) t_d + (B − 1) / O × t_p", "(36) W / p", "(37) F_d / (t_d × p × P)" })
        {
            Assert.Contains(step, text, StringComparison.Ordinal);
        }

        Assert.Contains("serving-defaults.memoryEfficiency", text, StringComparison.Ordinal); // a default is sourced
        Assert.Contains("h100-sxm.memoryBandwidthGigabytesPerSecond", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ComparesEveryRowItCan_AndSaysWhyNotTheOthers()
    {
        JsonElement root = Json("validate");
        JsonElement[] cases = [.. root.GetProperty("cases").EnumerateArray()];
        Assert.Equal(ServingValidation.BuiltIn.Count, cases.Length);
        foreach (JsonElement c in cases)
        {
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("how").GetString()));
            if (c.GetProperty("predicted").ValueKind == JsonValueKind.Null)
            {
                Assert.StartsWith("not compared: ", c.GetProperty("how").GetString(), StringComparison.Ordinal);
            }
        }

        // the groups count the compared cases, and a median lies between the smallest and largest error of its group
        JsonElement[] groups = [.. root.GetProperty("groups").EnumerateArray()];
        Assert.Equal(["latency at batch 1", "throughput at load"], groups.Select(g => g.GetProperty("group").GetString()));
        Assert.Equal(cases.Count(c => c.GetProperty("predicted").ValueKind != JsonValueKind.Null), groups.Sum(g => g.GetProperty("cases").GetDouble()));
    }
}

/// <summary>A model outside the catalog, given by its counts and attention shape.</summary>
public class ServeGivenModelTests
{
    [Fact]
    public void GivenShape_OfLlama2_70B_ServesAsTheCatalogModel()
    {
        // Llama 2 70B's architecture counts N = 68,975,329,280 (per layer 150,994,944 attention + 704,643,072 FFN, × 80, plus
        // 524,288,000 embeddings): the same N and attention shape given by flags give the same numbers.
        string[] common = ["--chip", "h100-sxm", "--chips", "8", "--batch", "16", "--input-tokens", "1000", "--output-tokens", "200", "--format", "json"];
        JsonElement catalog = JsonDocument.Parse(Cli.Ok(["serve", "--model", "llama-2-70b", .. common])).RootElement.GetProperty("serve");
        JsonElement given = JsonDocument.Parse(Cli.Ok(["serve", "--params", "68975329280", "--layers", "80", "--hidden", "8192", "--heads", "64", "--kv-heads", "8", .. common]))
            .RootElement.GetProperty("serve");
        foreach (string key in new[] { "ttftSeconds", "tpotSeconds", "tokensPerSecondPerChip", "maxBatch", "memoryPerChipBytes" })
        {
            Assert.Equal(catalog.GetProperty(key).GetDouble(), given.GetProperty(key).GetDouble(), 9);
        }
    }
}

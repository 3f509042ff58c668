using System.Text.Json;
using LlmEcon.Catalog;

namespace LlmEcon.Cli.Tests;

/// <summary>
/// What programs and people can rely on (issue 8 §7–9, §11): stable keys, one name per quantity, numbers as numbers, one table per
/// CSV, catalog entries printed as a catalog writes them; exact integers and readable counts in tables; overrides said aloud.
/// </summary>
public class OutputContractTests
{
    private static JsonElement Json(params string[] args) => JsonDocument.Parse(Cli.Ok([.. args, "--format", "json"])).RootElement.Clone();

    private static IEnumerable<string> Keys(JsonElement root) => root.EnumerateObject().Where(p => p.Name is not ("notes" or "derivations"))
        .SelectMany(p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().SelectMany(Props(p.Name)) : Props(p.Name)(p.Value))
        .Distinct().Order(StringComparer.Ordinal);

    private static Func<JsonElement, IEnumerable<string>> Props(string sheet) => e => e.EnumerateObject().Select(p => sheet + "." + p.Name);

    [Theory]
    [InlineData("memory --params 175B", "memory --params 175B --chip h100-sxm")]
    [InlineData("train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 46.2%", "train --model gpt-3 --offer gcp-tpu-v4-1yr --chips 10000 --mfu 46.2%")]
    [InlineData("scaling plan --flops 1e24", "scaling plan --target-loss 2.0 --lifetime-tokens 10T --chip h100-sxm --price-per-chip-hour $2.50 --mfu 40%")]
    [InlineData("scaling plan --flops 1e24", "scaling plan --budget $10M --offer gcp-tpu-v4-1yr --mfu 46.2%")]
    [InlineData("hardware show h100-sxm", "hardware show tpu-v4")]
    [InlineData("hardware show tpu-v4", "hardware show gaudi3")]
    [InlineData("search", "search --architecture two-stage")]
    public void Keys_AreTheSame_WhateverOptionsAreGiven(string plain, string more)
    {
        JsonElement a = Json(plain.Split(' ')), b = Json(more.Split(' '));
        // the same sheets, always present (a table with no rows is an empty list, never missing) ...
        Assert.Equal(a.EnumerateObject().Select(p => p.Name), b.EnumerateObject().Select(p => p.Name));
        // ... and the same keys in each: a record's always, a table's wherever both have rows (an empty one has no keys to compare)
        bool BothHaveRows(JsonProperty p) => p.Value.ValueKind != JsonValueKind.Array || (p.Value.GetArrayLength() > 0 && b.GetProperty(p.Name).GetArrayLength() > 0);
        string[] compared = [.. a.EnumerateObject().Where(BothHaveRows).Select(p => p.Name)];
        Assert.Equal(Keys(a, compared), Keys(b, compared));
    }

    private static IEnumerable<string> Keys(JsonElement root, string[] sheets) => Keys(root).Where(k => sheets.Contains(k[..k.IndexOf('.', StringComparison.Ordinal)]));

    [Fact]
    public void Absent_IsNull_NeverADash()
    {
        JsonElement memory = Json("memory", "--params", "175B").GetProperty("memory");
        Assert.Equal(JsonValueKind.Null, memory.GetProperty("minimumChips").ValueKind);
        JsonElement lever = Json("trajectory").GetProperty("levers")[0];
        Assert.Equal(JsonValueKind.True, lever.GetProperty("countedForInference").ValueKind);
        Assert.Equal(JsonValueKind.False, lever.GetProperty("countedForTraining").ValueKind);
        string csv = Cli.Ok("trajectory", "--table", "levers", "--format", "csv");
        Assert.DoesNotContain("—", csv, StringComparison.Ordinal);
        Assert.Contains(",true,false", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Years_AreNumbers()
    {
        Assert.Equal(2022, Json("hardware", "list").GetProperty("accelerators").EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == "h100-sxm").GetProperty("launchYear").GetInt32());
        Assert.Equal(JsonValueKind.Number, Json("hardware", "generations").GetProperty("generations")[0].GetProperty("year").ValueKind);
        Assert.Equal(JsonValueKind.Number, Json("report").GetProperty("mfu")[0].GetProperty("year").ValueKind);
    }

    [Fact]
    public void OneQuantity_HasOneName_AcrossCommands()
    {
        // N and D are `parameters` and `tokens` in every command that prints them, optimal or not.
        Assert.True(Json("scaling", "optimal", "--flops", "1e24").GetProperty("optimal").TryGetProperty("parameters", out _));
        Assert.True(Json("scaling", "plan", "--flops", "1e24").GetProperty("plans")[0].TryGetProperty("parameters", out _));
        Assert.True(Json("scaling", "plan", "--target-loss", "2.0", "--lifetime-tokens", "10T", "--chip", "h100-sxm", "--price-per-chip-hour", "$2.50", "--mfu", "40%")
            .GetProperty("plans")[0].TryGetProperty("parameters", out _));
        Assert.True(Json("train", "--model", "gpt-3", "--offer", "gcp-tpu-v4-1yr", "--mfu", "46.2%").GetProperty("training").TryGetProperty("parameters", out _));
    }

    [Fact]
    public void Csv_IsOneTable_AndNamesTheOthers()
    {
        var (code, output, error) = Cli.Run("trajectory", "--format", "csv");
        Assert.Equal(0, code);
        Assert.StartsWith("lever,factor,reduction,countedForInference,countedForTraining\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n", output, StringComparison.Ordinal);
        Assert.Contains("--table netReduction, --table projection", error, StringComparison.Ordinal);
        Assert.StartsWith("year,costUsd\n0,", Cli.Ok("trajectory", "--table", "projection", "--format", "csv"), StringComparison.Ordinal);
    }

    [Fact]
    public void CatalogShow_Json_IsACatalogFile_ThatMergesBack()
    {
        string json = Cli.Ok("catalog", "show", "gpt-3", "--format", "json");
        LlmCatalog merged = LlmCatalog.BuiltIn.Merge("shown.json", json);
        Assert.Equal(LlmCatalog.BuiltIn.Model("gpt-3"), merged.Model("gpt-3"));
        Assert.Equal(JsonValueKind.Number, JsonDocument.Parse(json).RootElement.GetProperty("models")[0].GetProperty("parameters").ValueKind);
    }

    [Fact]
    public void CatalogShow_AModelWithItsArchitecture_ShowsWhatItImplies_AndStillMergesBack()
    {
        // Mixtral 8x7B (config.json): total 32 × (41,943,040 + 8 × 176,160,768 + 32,768) + 2 × 32,000 × 4,096 = 46,702,526,464;
        // active with 2 experts per token 12,879,659,008; KV 2 × 32 × 8 × 128 × 2 B = 131,072 B per token at BF16
        string json = Cli.Ok("catalog", "show", "mixtral-8x7b", "--format", "json", "--explain");
        JsonElement derived = JsonDocument.Parse(json).RootElement.GetProperty("derived");
        JsonElement a = derived.GetProperty("architecture");
        Assert.Equal((46_702_526_464, 46.7e9, 12_879_659_008, 12.9e9, 131_072),
            (a.GetProperty("parameters").GetDouble(), a.GetProperty("publishedParameters").GetDouble(), a.GetProperty("activeParameters").GetDouble(),
             a.GetProperty("publishedActiveParameters").GetDouble(), a.GetProperty("kvCacheBytesPerTokenBf16").GetDouble()));
        Assert.Equal(["(24)", "(25)", "(26)"], derived.GetProperty("derivations").EnumerateArray().Select(d => d.GetProperty("equation").GetString()![..4]));
        Assert.Equal(LlmCatalog.BuiltIn.Model("mixtral-8x7b"), LlmCatalog.BuiltIn.Merge("shown.json", json).Model("mixtral-8x7b"));
        string table = Cli.Ok("catalog", "show", "deepseek-v3");
        Assert.Matches(@"│ Active parameters from the architecture +│ +37\.55B │ parameters", table);
        Assert.Matches(@"│ KV cache per token at bf16 +│ +70,272 │ bytes", table); // 61 × (512 + 64) × 2 B
        Assert.Contains("│ transformer.gatedFfn ", table, StringComparison.Ordinal);
        Assert.DoesNotContain("What gpt-2's architecture implies", Cli.Ok("catalog", "show", "gpt-2"), StringComparison.Ordinal);
    }

    [Fact]
    public void UserIntegers_AreShownExactly_InTablesAndDerivations()
    {
        // 16,384 chips: the table and the wall-time derivation carry the integer, not 16380.
        string table = Cli.Ok("train", "--model", "gpt-3", "--chip", "v100-sxm2", "--price-per-chip-hour", "$2.48", "--mfu", "21.3%", "--chips", "16384", "--explain");
        Assert.Matches(@"│ Chips at once +│ +16,384 │ chips", table);
        Assert.Contains("chip-h / 16,384 / 24 h/d", table, StringComparison.Ordinal);
        Assert.DoesNotContain("16380", table, StringComparison.Ordinal);
        Assert.Contains("12,345", Cli.Ok("search", "--prompt-words", "12345", "--architecture", "chatgpt-equivalent"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("405B", "405B")]
    [InlineData("70000000000", "70B")]
    [InlineData("1.5T", "1.5T")]
    public void LargeCounts_ReadAsPeopleWriteThem(string given, string shown) =>
        Assert.Matches($@"│ Parameters N +│ +{System.Text.RegularExpressions.Regex.Escape(shown)} │ parameters", Cli.Ok("memory", "--params", given));

    [Fact]
    public void ChipHours_ReadAsPeopleWriteThem()
    {
        // Llama 3.1 405B: 30.84M H100-hours (Meta's model card), typed as Meta publishes it.
        string table = Cli.Ok("train", "--params", "405B", "--tokens", "15.6T", "--chip", "h100-sxm", "--price-per-chip-hour", "$2.50", "--chip-hours", "30.84M");
        Assert.Contains("30.84M", table, StringComparison.Ordinal);
        Assert.Contains("15.6T", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inference --model gpt-3 --params 70B --offer aws-p4d-1yr --mfu 21.3%", "--params 70B replaces gpt-3's 175B parameters.")]
    [InlineData("scaling loss --model palm --params 1B", "--params 1B replaces palm's 540B parameters.")]
    [InlineData("train --model gpt-3 --tokens 1T --offer gcp-tpu-v4-1yr --mfu 46.2%", "--tokens 1T replaces gpt-3's 300B training tokens.")]
    [InlineData("inference --params 70B --offer aws-p4d-1yr --chips-per-machine 4 --mfu 21.3%", "--chips-per-machine 4 replaces aws-p4d-1yr's 8 chips per machine.")]
    public void AnOptionThatReplacesACatalogValue_SaysSo(string commandLine, string note) =>
        Assert.Contains(note, Cli.Ok(commandLine.Split(' ')), StringComparison.Ordinal);

    [Fact]
    public void Report_CitesTheArticle_NotFilesAUserDoesNotHave()
    {
        string report = Cli.Ok("report");
        Assert.DoesNotContain("shared/seed", report, StringComparison.Ordinal);
        Assert.DoesNotContain("SPEC.md", report, StringComparison.Ordinal);
        Assert.Contains("https://sunyan.substack.com/p/the-economics-of-large-language-models", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_SaysThingsOnce()
    {
        string fit = Cli.Ok("scaling", "fit", Cli.Figure4, "--drop-highest", "5");
        Assert.DoesNotContain("Fitted: Fitted", fit, StringComparison.Ordinal);
        Assert.DoesNotContain("ln nats", fit, StringComparison.Ordinal);
    }
}

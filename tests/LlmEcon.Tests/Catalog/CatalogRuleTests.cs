using System.Text.Json.Nodes;
using LlmEcon.Catalog;
using LlmEcon.Models;
using LlmEcon.Scaling;
using Xunit;

namespace LlmEcon.Tests.Catalog;

/// <summary>
/// Every rule of a catalog entry, one at a time: a valid entry of each section is read as written; the same entry with one field
/// broken is refused with exactly one problem naming the entry, the field, the rule and what it had.
/// </summary>
public class CatalogRuleTests
{
    private const string Accelerator = """
        { "id": "x1", "name": "X1", "vendor": "V", "launchYear": 2020,
          "peaks": [ { "precision": "fp16", "sparsity": "dense", "flopPerSecond": 1e14 }, { "precision": "fp8", "sparsity": "sparse", "flopPerSecond": 4e14, "note": "n" } ],
          "memoryGigabytes": 80, "memoryBandwidthGigabytesPerSecond": 2000, "powerWatts": 400, "powerBasis": "tdp",
          "articleGeneration": { "year": 2020, "precision": "fp16", "gflopsPerSecondPerUsd": 13, "gflopsPerSecondPerWatt": 300, "source": "a", "published": "2023-01" },
          "source": "datasheet", "published": "2020-05" }
        """;

    private const string Offer = """
        { "id": "o1", "name": "O1", "provider": "P", "acceleratorId": "x1", "chipsPerMachine": 8, "usdPerHour": 20, "commitment": "1-year",
          "source": "price page", "retrieved": "2023-01-15" }
        """;

    private const string Model = """
        { "id": "m1", "name": "M1", "organization": "Org", "year": 2022, "architecture": "encoder-decoder", "parameters": 7e9,
          "trainingTokens": 1e12, "trainingAcceleratorId": "x1", "trainingChips": 1024, "trainingDays": 20.5, "trainingEnergyMegawattHours": 300,
          "mfu": 0.4, "activeParameters": 2e9,
          "transformer": { "layers": 32, "hidden": 4096, "heads": 32, "kvHeads": 8, "headDim": 128, "ffn": 14336, "gatedFfn": true, "vocabulary": 32000,
            "tiedEmbeddings": false, "maxContext": 32768,
            "moe": { "experts": 8, "expertsPerToken": 2, "sharedExperts": 1, "expertFfn": 1024, "denseLayers": 1 },
            "mla": { "kvRank": 512, "queryRank": 0, "ropeHeadDim": 64, "valueHeadDim": 128 }, "source": "config", "published": "2024" },
          "source": "paper", "published": "2022" }
        """;

    private const string Price = """
        { "id": "p1", "provider": "P", "model": "M", "year": 2023, "usd": 0.02, "per": 1000, "unit": "words", "appliesTo": "input",
          "source": "price page", "published": "2023-03" }
        """;

    private const string Law = """
        { "id": "l1", "name": "L1", "e": 1.69, "a": 406.4, "b": 410.7, "alpha": 0.34, "beta": 0.28, "source": "paper", "published": "2022-03" }
        """;

    private static string File(string section, string entry) => $$"""{ "{{section}}": [ {{entry}} ] }""";

    private static LlmCatalog Load(params (string Section, string Entry)[] entries) =>
        LlmCatalog.Load([.. entries.Select((e, i) => ($"f{i}.json", File(e.Section, e.Entry)))]);

    private static string With(string entry, string path, JsonNode? value)
    {
        JsonObject o = JsonNode.Parse(entry)!.AsObject();
        string[] parts = path.Split('.');
        JsonObject parent = o;
        foreach (string p in parts[..^1])
        {
            int bracket = p.IndexOf('[', StringComparison.Ordinal);
            parent = bracket > 0 ? parent[p[..bracket]]!.AsArray()[int.Parse(p[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!.AsObject()
                : parent[p]!.AsObject();
        }

        if (value is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = value;
        }

        return o.ToJsonString();
    }

    [Fact]
    public void ValidEntries_ReadAsWritten()
    {
        LlmCatalog c = Load(("accelerators", Accelerator), ("offers", Offer), ("models", Model), ("apiPrices", Price), ("scalingLaws", Law));
        Accelerator x = c.Accelerator("x1");
        Assert.Equal(("X1", "V", 2020, "tdp", "datasheet", "2020-05"), (x.Name, x.Vendor, x.LaunchYear, x.PowerBasis, x.Source, x.Date));
        Assert.Equal(1e14, x.Peak().Value.FlopPerSecond);
        Assert.Equal(4e14, x.Peak(Precision.Fp8, Sparsity.Sparse).Value.FlopPerSecond);
        Assert.Equal("n", x.Peaks[1].Note);
        Assert.Equal((80e9, 2000.0, 400.0), (x.Memory.Bytes, x.MemoryBandwidthGigabytesPerSecond, x.Power!.Value.Watts));
        Assert.Equal((2020, Precision.Fp16, 13.0, 300.0, "a", "2023-01"), (x.ArticleGeneration!.Year, x.ArticleGeneration.Precision,
            x.ArticleGeneration.GflopsPerSecondPerUsd, x.ArticleGeneration.GflopsPerSecondPerWatt, x.ArticleGeneration.Source, x.ArticleGeneration.Date));
        CloudOffer o = c.Offer("o1");
        Assert.Equal(("O1", "P", "x1", 8, 20.0, "1-year", "2023-01-15"), (o.Name, o.Provider, o.AcceleratorId, o.ChipsPerMachine, o.MachinePrice.UsdPerHour, o.Commitment, o.Date));
        ModelCard m = c.Model("m1");
        Assert.Equal(("M1", "Org", 2022, ModelArchitecture.EncoderDecoder, 7e9, 1e12), (m.Name, m.Organization, m.Year, m.Architecture, m.Parameters.Count, m.TrainingTokens!.Value.Count));
        Assert.Equal(("x1", 1024, 20.5, 300.0, 0.4), (m.TrainingAcceleratorId, m.TrainingChips, m.TrainingTime!.Value.Days, m.TrainingEnergy!.Value.MegawattHours, m.Mfu!.Value.Fraction));
        Assert.Equal(2e9, m.ActiveParameters!.Value.Count);
        Transformer t = m.Transformer!;
        Assert.Equal((32, 4096, 32, 8, 128, 14336, true, 32000, false, 32768, "config", "2024", "m1"),
            (t.Layers, t.Hidden, t.Heads, t.KvHeads, t.HeadDim, t.Ffn, t.GatedFfn, t.Vocabulary, t.TiedEmbeddings, t.MaxContext, t.Source, t.Date, t.EntryId));
        Assert.Equal(new MixtureOfExperts(8, 2, 1, 1024, 1), t.Moe);
        Assert.Equal(new LatentAttention(512, 0, 64, 128), t.Mla);
        ApiPrice p = c.ApiPrice("p1");
        Assert.Equal(("P", "M", 2023, 0.02, 1000.0, PriceUnit.Words, "input"), (p.Provider, p.Model, p.Year, p.Price.Usd, p.Per, p.Unit, p.AppliesTo));
        ScalingLaw l = c.ScalingLaw("l1");
        Assert.Equal(("L1", 1.69, 406.4, 410.7, 0.34, 0.28), (l.Name, l.E, l.A, l.B, l.Alpha, l.Beta));
        Assert.Equal(["x1", "o1", "m1", "p1", "l1"], c.All.Select(e => e.Id));
        Assert.Same(o, c.Entry("o1"));
    }

    [Fact]
    public void OptionalFields_MayBeLeftOut()
    {
        string bare = With(With(With(With(With(With(With(Model, "trainingTokens", null), "trainingAcceleratorId", null), "trainingChips", null),
            "trainingDays", null), "trainingEnergyMegawattHours", null), "mfu", null), "architecture", JsonValue.Create("decoder-only"));
        bare = With(With(bare, "activeParameters", null), "transformer", null);
        ModelCard m = Load(("models", bare)).Model("m1");
        Assert.Null(m.ActiveParameters);
        Assert.Null(m.Transformer);
        // a dense transformer with multi-head or grouped-query attention has neither experts nor a latent
        Transformer dense = Load(("accelerators", Accelerator), ("models", With(With(Model, "transformer.moe", null), "transformer.mla", null))).Model("m1").Transformer!;
        Assert.Null(dense.Moe);
        Assert.Null(dense.Mla);
        Assert.Null(m.TrainingTokens);
        Assert.Null(m.TrainingAcceleratorId);
        Assert.Null(m.TrainingChips);
        Assert.Null(m.TrainingTime);
        Assert.Null(m.TrainingEnergy);
        Assert.Null(m.Mfu);
        Assert.Null(Load(("accelerators", With(With(Accelerator, "articleGeneration", null), "memoryGigabytes", null).Replace("\"memoryBandwidth", "\"memoryGibibytes\":32,\"memoryBandwidth", StringComparison.Ordinal)))
            .Accelerator("x1").ArticleGeneration);
        Assert.Equal(32 * 1073741824.0, Load(("accelerators", With(With(Accelerator, "memoryGigabytes", null), "memoryGibibytes", 32))).Accelerator("x1").Memory.Bytes);
        Assert.Equal("input+output", Load(("apiPrices", With(Price, "appliesTo", null))).ApiPrice("p1").AppliesTo);
    }

    public static TheoryData<string, string, string, JsonNode?, string, string, string> Broken() => new()
    {
        // section, entry, field to set (null: remove), value, field reported, rule, actual
        { "accelerators", Accelerator, "name", null, "name", "present (a string)", "nothing" },
        { "accelerators", Accelerator, "vendor", "", "vendor", "a non-empty string", "\"\"" },
        { "accelerators", Accelerator, "launchYear", 1989, "launchYear", "in [1990, 2100] year", "1989" },
        { "accelerators", Accelerator, "launchYear", 2020.5, "launchYear", "a whole number of year", "2020.5" },
        { "accelerators", Accelerator, "launchYear", "2020", "launchYear", "a number in year", "\"2020\"" },
        { "accelerators", Accelerator, "peaks", new JsonArray(), "peaks", "a non-empty list", "[]" },
        { "accelerators", Accelerator, "peaks", null, "peaks", "present (a non-empty list)", "nothing" },
        { "accelerators", Accelerator, "peaks", 5, "peaks", "a non-empty list", "5" },
        { "accelerators", Accelerator, "peaks[0].precision", "fp17", "peaks[0].precision", "one of fp64, fp32, tf32, fp16, bf16, fp8, int8, fp4", "'fp17'" },
        { "accelerators", Accelerator, "peaks[0].sparsity", null, "peaks[0].sparsity", "one of dense, sparse", "nothing" },
        { "accelerators", Accelerator, "peaks[0].flopPerSecond", 312, "peaks[0].flopPerSecond", "in [100e9, 100e15] FLOP/s per chip", "312" },
        { "accelerators", Accelerator, "peaks[0].flopPerSecond", 1e18, "peaks[0].flopPerSecond", "in [100e9, 100e15] FLOP/s per chip", "1E+18" },
        { "accelerators", Accelerator, "peaks[1].sparsity", "dense", "peaks[1].sparsity", "x", "x" }, // placeholder replaced below
        { "accelerators", Accelerator, "memoryGigabytes", null, "memoryGigabytes", "given, or memoryGibibytes, but not both", "neither" },
        { "accelerators", Accelerator, "memoryGibibytes", 80, "memoryGigabytes", "given, or memoryGibibytes, but not both", "both" },
        { "accelerators", Accelerator, "memoryGigabytes", 0.5, "memoryGigabytes", "in [1, 10000] GB (10^9 bytes)", "0.5" },
        { "accelerators", Accelerator, "memoryBandwidthGigabytesPerSecond", 5, "memoryBandwidthGigabytesPerSecond", "in [10, 100e3] GB/s", "5" },
        { "accelerators", Accelerator, "powerWatts", 6000, "powerWatts", "in [1, 5000] W per chip", "6000" },
        { "accelerators", Accelerator, "powerBasis", "peak", "powerBasis", "one of tdp, max-measured, system-average-measured", "'peak'" },
        { "accelerators", Accelerator, "articleGeneration", 3, "articleGeneration", "an object", "3" },
        { "accelerators", Accelerator, "articleGeneration.year", 1800, "articleGeneration.year", "in [1990, 2100] year", "1800" },
        { "accelerators", Accelerator, "articleGeneration.gflopsPerSecondPerUsd", 0.001, "articleGeneration.gflopsPerSecondPerUsd", "in [0.01, 10000] GFLOP/s per USD", "0.001" },
        { "accelerators", Accelerator, "articleGeneration.gflopsPerSecondPerWatt", 0.5, "articleGeneration.gflopsPerSecondPerWatt", "in [1, 100e3] GFLOP/s per W", "0.5" },
        { "accelerators", Accelerator, "articleGeneration.published", null, "articleGeneration.published", "present (or 'retrieved'): every entry carries a date", "nothing" },
        { "accelerators", Accelerator, "articleGeneration.colour", "red", "articleGeneration.colour", "a known field", "an unknown field" },
        { "accelerators", Accelerator, "source", null, "source", "present (a string)", "nothing" },
        { "accelerators", Accelerator, "published", "May 2020", "published", "an ISO date (yyyy, yyyy-mm or yyyy-mm-dd)", "'May 2020'" },
        { "accelerators", Accelerator, "published", "2020-13", "published", "an ISO date (yyyy, yyyy-mm or yyyy-mm-dd)", "'2020-13'" },
        { "accelerators", Accelerator, "memoryGB", 80, "memoryGB", "a known field", "an unknown field" },
        { "accelerators", With(Accelerator, "peaks[1].precision", "fp16"), "peaks[1].flopPerSecond", 0.5e14, "peaks", "a sparse fp16 peak above the dense one (2:4 sparsity doubles it)", "dense 100000000000000, sparse 50000000000000" },
        { "offers", Offer, "chipsPerMachine", 0, "chipsPerMachine", "in [1, 100e3] chips", "0" },
        { "offers", Offer, "usdPerHour", 0.001, "usdPerHour", "in [0.01, 100e3] USD per machine-hour", "0.001" },
        { "offers", Offer, "usdPerHour", 1700, "usdPerHour", "between $0.01 and $200 per chip-hour (usdPerHour ÷ chipsPerMachine)", "$212.5 per chip-hour" },
        { "offers", Offer, "usdPerHour", 0.05, "usdPerHour", "between $0.01 and $200 per chip-hour (usdPerHour ÷ chipsPerMachine)", "$0.00625 per chip-hour" },
        { "offers", Offer, "commitment", "forever", "commitment", "one of on-demand, spot, 1-year, 3-year, capacity-block", "'forever'" },
        { "offers", Offer, "retrieved", null, "published", "present (or 'retrieved'): every entry carries a date", "nothing" },
        { "offers", Offer, "retrieved", "yesterday", "retrieved", "an ISO date (yyyy, yyyy-mm or yyyy-mm-dd)", "'yesterday'" },
        { "models", Model, "parameters", 175, "parameters", "in [1e6, 1e15] parameters", "175" },
        { "models", Model, "trainingTokens", 300, "trainingTokens", "in [1e6, 100e15] tokens", "300" },
        { "models", Model, "trainingChips", 0, "trainingChips", "in [1, 10e6] chips", "0" },
        { "models", Model, "trainingChips", 1.5, "trainingChips", "a whole number of chips", "1.5" },
        { "models", Model, "trainingDays", 0, "trainingDays", "in [0.001, 10000] days", "0" },
        { "models", Model, "trainingEnergyMegawattHours", 0, "trainingEnergyMegawattHours", "in [0.001, 1e9] MWh", "0" },
        { "models", Model, "mfu", 46.2, "mfu", "in [0.0001, 1] (a fraction)", "46.2" },
        { "models", Model, "architecture", "decoder", "architecture", "one of decoder-only, encoder-decoder, encoder-only", "'decoder'" },
        { "models", Model, "year", 2101, "year", "in [1990, 2100] year", "2101" },
        { "models", Model, "activeParameters", 8e9, "activeParameters", "at most the parameters (a token goes through part of the model)", "8000000000 > 7000000000" },
        { "models", Model, "transformer.layers", 0, "transformer.layers", "in [1, 10000] layers", "0" },
        { "models", Model, "transformer.kvHeads", 5, "transformer.kvHeads", "a divisor of heads (grouped-query attention shares each KV head among heads / kvHeads)", "5 for 32 heads" },
        { "models", Model, "transformer.kvHeads", 64, "transformer.kvHeads", "a divisor of heads (grouped-query attention shares each KV head among heads / kvHeads)", "64 for 32 heads" },
        { "models", Model, "transformer.gatedFfn", "yes", "transformer.gatedFfn", "true or false", "\"yes\"" },
        { "models", Model, "transformer.tiedEmbeddings", null, "transformer.tiedEmbeddings", "true or false", "nothing" },
        { "models", Model, "transformer.headDim", 0.5, "transformer.headDim", "in [1, 100e3] (dimension)", "0.5" },
        { "models", Model, "transformer.colour", "red", "transformer.colour", "a known field", "an unknown field" },
        { "models", Model, "transformer.source", null, "transformer.source", "present (a string)", "nothing" },
        { "models", Model, "transformer.moe.expertsPerToken", 9, "transformer.moe.expertsPerToken", "at most experts", "9 of 8" },
        { "models", Model, "transformer.moe.denseLayers", 32, "transformer.moe.denseLayers", "fewer than the layers (the rest are MoE layers)", "32 of 32" },
        { "models", Model, "transformer.moe.experts", 1, "transformer.moe.experts", "in [2, 100e3] experts", "1" },
        { "models", Model, "transformer.moe.shared", 1, "transformer.moe.shared", "a known field", "an unknown field" },
        { "models", Model, "transformer.mla.kvRank", 0, "transformer.mla.kvRank", "in [1, 100e3] (dimension)", "0" },
        { "models", Model, "transformer.mla.queryRank", -1, "transformer.mla.queryRank", "in [0, 100e3] (dimension)", "-1" },
        { "models", Model, "transformer.mla.rank", 1, "transformer.mla.rank", "a known field", "an unknown field" },
        { "apiPrices", Price, "usd", -1, "usd", "in [0, 1e6] USD", "-1" },
        { "apiPrices", Price, "per", 0.5, "per", "in [1, 1e9] units (tokens or words)", "0.5" },
        { "apiPrices", Price, "unit", "chars", "unit", "one of tokens, words", "'chars'" },
        { "apiPrices", Price, "usd", 20, "usd", "at most $5 per 1000 words (a magnitude guard)", "$20 per 1000" },
        { "apiPrices", Price, "per", 1e9, "usd", "at least $0.000001 per 1000 units (a magnitude guard)", "$2E-08 per 1000" },
        { "scalingLaws", Law, "e", 21, "e", "in [0, 20] nats per token", "21" },
        { "scalingLaws", Law, "a", 0, "a", "in [1e-9, 1e9] (coefficient)", "0" },
        { "scalingLaws", Law, "b", 2e9, "b", "in [1e-9, 1e9] (coefficient)", "2000000000" },
        { "scalingLaws", Law, "alpha", 4, "alpha", "in [1e-6, 3] (exponent)", "4" },
        { "scalingLaws", Law, "beta", 0, "beta", "in [1e-6, 3] (exponent)", "0" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void ABrokenField_IsTheOneProblem(string section, string entry, string path, JsonNode? value, string field, string rule, string actual)
    {
        if (path == "peaks[1].sparsity")
        {
            // two peaks at one precision and sparsity: the list is the problem
            (field, rule, actual) = ("peaks", "one entry per precision and sparsity", "2 for fp16 dense");
            value = "dense";
            entry = With(entry, "peaks[1].precision", "fp16");
        }

        string broken = With(entry, path, value);
        (string, string)[] needed = section is "offers" or "models" ? [("accelerators", Accelerator), (section, broken)] : [(section, broken)];
        var e = Assert.Throws<CatalogException>(() => Load(needed));
        CatalogProblem p = Assert.Single(e.Problems);
        string id = JsonNode.Parse(entry)!["id"]!.GetValue<string>();
        Assert.Equal(($"{section}[{id}]", field, rule, actual), (p.Entry, p.Field, p.Rule, p.Actual));
        Assert.Equal(section is "offers" or "models" ? "f1.json" : "f0.json", p.Origin);
    }

    private const string PerMillion = """
        { "id": "q1", "provider": "P", "model": "M", "year": 2025, "usdPerMillionInput": 2.5, "usdPerMillionCachedInput": 1.25,
          "usdPerMillionOutput": 10, "source": "price page", "published": "2025-04" }
        """;

    [Fact]
    public void APricePerMillion_ReadsInputCachedAndOutput_AndItsSlipsAreNamed()
    {
        ApiPrice q = Load(("apiPrices", PerMillion)).ApiPrice("q1");
        Assert.Equal((2.5, 1.25, 10.0, 1e6), (q.Price.Usd, q.CachedInputPrice!.Value.Usd, q.OutputPrice!.Value.Usd, q.Per));
        Assert.Null(Load(("apiPrices", With(PerMillion, "usdPerMillionCachedInput", null))).ApiPrice("q1").CachedInputPrice);

        CatalogProblem Only(string entry) => Assert.Single(Assert.Throws<CatalogException>(() => Load(("apiPrices", entry))).Problems);
        // a cache read dearer than a fresh token is a swap
        CatalogProblem swap = Only(With(PerMillion, "usdPerMillionCachedInput", 5));
        Assert.Equal(("usdPerMillionCachedInput", "$5 over $2.5", "are input and cached input swapped?"), (swap.Field, swap.Actual, swap.Hint));
        // a price per 1000 tokens typed in a per-million field ($0.0025 for gpt-4o's input) is 1000× too small
        CatalogProblem small = Only(With(PerMillion, "usdPerMillionInput", 0.0001));
        Assert.Equal(("usdPerMillionInput", "is it a price per 1000 tokens? A price per million is 1000 times it"), (small.Field, small.Hint));
        // one form per price: the 2022 fields beside the per-million ones are refused, each named
        CatalogProblem both = Only(With(PerMillion, "usd", 0.02));
        Assert.Equal(("usd", "absent with usdPerMillionInput/Output (one form per price)"), (both.Field, both.Rule));
        Assert.Equal("usdPerMillionOutput", Only(With(PerMillion, "usdPerMillionOutput", null)).Field);
    }

    [Fact]
    public void ScaleUpAndPower_AreReadWithTheirRules()
    {
        string withLink = With(With(Accelerator, "scaleUpBandwidthGigabytesPerSecond", 900), "scaleUpLink", "NVLink 4");
        Accelerator x = Load(("accelerators", withLink)).Accelerator("x1");
        Assert.Equal((900.0, "NVLink 4"), (x.ScaleUpBandwidthGigabytesPerSecond!.Value, x.ScaleUpLink));
        CatalogProblem Only(string entry) => Assert.Single(Assert.Throws<CatalogException>(() => Load(("accelerators", entry))).Problems);
        Assert.Equal(("scaleUpLink", "a link without its bandwidth"), (Only(With(Accelerator, "scaleUpLink", "NVLink 4")).Field, Only(With(Accelerator, "scaleUpLink", "NVLink 4")).Actual));
        // no power at all is allowed (the vendor publishes none); a power without its basis, or a basis without a power, is not
        Accelerator silent = Load(("accelerators", With(With(Accelerator, "powerWatts", null), "powerBasis", null))).Accelerator("x1");
        Assert.Equal((null, null), (silent.Power, silent.PowerBasis));
        Assert.Equal("powerBasis", Only(With(Accelerator, "powerBasis", null)).Field);
        Assert.Equal("powerWatts", Only(With(Accelerator, "powerWatts", null)).Field);
        // another power figure carries its own basis, source and date
        string other = With(Accelerator, "otherPower", JsonNode.Parse("""[ { "powerWatts": 378.5, "powerBasis": "system-average-measured", "source": "paper", "published": "2022-04" } ]"""));
        PowerFigure f = Assert.Single(Load(("accelerators", other)).Accelerator("x1").OtherPower);
        Assert.Equal((378.5, "system-average-measured", "paper", "2022-04"), (f.Power.Watts, f.Basis, f.Source, f.Date));
        Assert.Equal("otherPower[0].published", Only(With(Accelerator, "otherPower", JsonNode.Parse("""[ { "powerWatts": 378.5, "powerBasis": "tdp", "source": "paper" } ]"""))).Field);
    }

    [Fact]
    public void Hints_SayWhatWasMeant()
    {
        CatalogProblem Only(string section, string entry) => Assert.Single(Assert.Throws<CatalogException>(() => Load(("accelerators", Accelerator), (section, entry))).Problems);
        Assert.Equal("is it in TFLOP/s? Then write 312e12", Assert.Single(Assert.Throws<CatalogException>(() => Load(("accelerators", With(Accelerator, "peaks[0].flopPerSecond", 312)))).Problems).Hint);
        Assert.Equal("is it a monthly or per-pod price?", Only("offers", With(Offer, "usdPerHour", 1700)).Hint);
        Assert.Equal("is it a per-second or per-chip price for a whole machine?", Only("offers", With(Offer, "usdPerHour", 0.05)).Hint);
        Assert.Equal("MFU is a fraction: 46.2% is 0.462", Only("models", With(Model, "mfu", 46.2)).Hint);
        Assert.Equal("counts are plain numbers: 175 billion is 175e9", Only("models", With(Model, "parameters", 175)).Hint);
        Assert.Equal("is it a price per million? Then set per to 1000000 ($20 per 1M = $0.02 per 1K)", Only("apiPrices", With(Price, "usd", 20)).Hint);
        Assert.Equal("is it a price per 1000 given with per = 1000000? Then set per to 1000", Only("apiPrices", With(Price, "per", 1e9)).Hint);
        Assert.Equal("did you mean 'x1'?", Only("offers", With(Offer, "acceleratorId", "x2")).Hint);
        CatalogProblem chip = Only("models", With(Model, "trainingAcceleratorId", "x2"));
        Assert.Equal(("models[m1]", "trainingAcceleratorId", "the id of a catalog accelerator", "'x2'"), (chip.Entry, chip.Field, chip.Rule, chip.Actual));
        Assert.Null(Assert.Single(Assert.Throws<CatalogException>(() => Load(("accelerators", With(Accelerator, "peaks[0].flopPerSecond", 1e18)))).Problems).Hint);
    }

    [Fact]
    public void AMachinesPriceTypedAsOneChips_IsCaught()
    {
        // x1: 100 TFLOP/s (0.1 PFLOP/s) dense; 8 chips at $0.32 per machine-hour is $0.04 per chip-hour, $0.40 per PFLOP/s-hour: a chip's
        // price typed for the machine; at $20 (the fixture) it is $25 per PFLOP/s-hour and passes
        CatalogProblem p = Assert.Single(Assert.Throws<CatalogException>(() => Load(("accelerators", Accelerator), ("offers", With(Offer, "usdPerHour", 0.32)))).Problems);
        Assert.Equal(("offers[o1]", "usdPerHour"), (p.Entry, p.Field));
        Assert.Equal("at least $0.5 per chip-hour for each PFLOP/s of the chip's dense training peak (a magnitude guard)", p.Rule);
        Assert.Equal("$0.04 per chip-hour for 0.1 PFLOP/s", p.Actual);
        Assert.Equal("is it one chip's price? usdPerHour is the machine's: 8 × $0.32 = $2.56", p.Hint);
        // one chip per machine is priced per chip already: no such guess
        Load(("accelerators", Accelerator), ("offers", With(With(Offer, "usdPerHour", 0.02), "chipsPerMachine", 1))); // $0.20 per PFLOP/s-hour
    }

    [Fact]
    public void AFileWithoutEntries_OrWithBadIds_IsAProblem()
    {
        CatalogProblem One(string json) => Assert.Single(Assert.Throws<CatalogException>(() => LlmCatalog.Load([("f.json", json)])).Problems);
        CatalogProblem top = One("[1]");
        Assert.Equal(("f.json", "file", "a JSON object with sections accelerators, offers, models, apiPrices, scalingLaws", "Array"), (top.Origin, top.Entry, top.Rule, top.Actual));
        CatalogProblem unknown = One("""{ "model": [] }""");
        Assert.Equal(("model", "a known section (accelerators, offers, models, apiPrices, scalingLaws)", "did you mean 'models'?"), (unknown.Entry, unknown.Rule, unknown.Hint));
        Assert.Equal("a list of entries", One("""{ "models": {} }""").Rule);
        CatalogProblem badId = One("""{ "models": [ { "id": "GPT 3" } ] }""");
        Assert.Equal(("models[0]", "id", "a lower-case id of letters, digits, '.' and '-'", "\"GPT 3\""), (badId.Entry, badId.Field, badId.Rule, badId.Actual));
        Assert.Equal("nothing", One("""{ "models": [ { "name": "x" } ] }""").Actual);
        Assert.Equal("nothing", One("""{ "models": [ 5 ] }""").Actual);
        Assert.Equal("\"-x\"", One("""{ "models": [ { "id": "-x" } ] }""").Actual);
        CatalogProblem twice = Assert.Throws<CatalogException>(() => LlmCatalog.Load([("f.json", File("scalingLaws", Law + "," + Law))])).Problems.Single();
        Assert.Equal(("scalingLaws[l1]", "unique within a file", "'l1' twice"), (twice.Entry, twice.Rule, twice.Actual));
        CatalogProblem across = Assert.Single(Assert.Throws<CatalogException>(() =>
            LlmCatalog.Load([("f.json", File("scalingLaws", Law)), ("g.json", File("apiPrices", With(Price, "id", "l1")))])).Problems);
        Assert.Equal(("catalog", "l1", "unique across sections", "'l1' in 2 sections"), (across.Origin, across.Entry, across.Rule, across.Actual));
        Assert.Equal("a syntax error at line 2, byte 3", One("{\n  x").Actual);
    }

    [Fact]
    public void AProblem_ReadsAsOneSentence_AndTheExceptionCountsThem()
    {
        var p = new CatalogProblem("f.json", "offers[o1]", "usdPerHour", "in [0.01, 100e3] USD", "0", "is it per second?");
        Assert.Equal("f.json: offers[o1].usdPerHour must be in [0.01, 100e3] USD; got 0. Is it per second?", p.ToString());
        Assert.Equal("f.json: file must be well-formed JSON; got x.", new CatalogProblem("f.json", "file", "", "well-formed JSON", "x").ToString());
        Assert.Equal("The catalog has 1 problem:\n  " + p, new CatalogException([p]).Message);
        Assert.Equal("The catalog has 2 problems:\n  " + p + "\n  " + p, new CatalogException([p, p]).Message);
        Assert.Empty(new CatalogException().Problems);
        Assert.Empty(new CatalogException("m").Problems);
        Assert.Empty(new CatalogException("m", new InvalidOperationException()).Problems);
    }

    [Fact]
    public void Lookup_IsExactFirst_ThenIgnoresCase_ThenSuggests()
    {
        LlmCatalog c = Load(("scalingLaws", Law), ("scalingLaws", With(Law, "id", "l1.b")));
        Assert.Equal("l1", c.ScalingLaw("L1").Id);
        Assert.Equal("l1.b", c.ScalingLaw("l1.b").Id);
        var e = Assert.Throws<InputException>(() => c.ScalingLaw("l2"));
        Assert.Equal(("law", "an id in the catalog", "'l2'"), (e.Parameter, e.Rule, e.Actual));
        Assert.Equal("accelerator", Assert.Throws<InputException>(() => c.Accelerator("x")).Parameter);
        Assert.Equal("offer", Assert.Throws<InputException>(() => c.Offer("x")).Parameter);
        Assert.Equal("model", Assert.Throws<InputException>(() => c.Model("x")).Parameter);
        Assert.Equal("apiPrice", Assert.Throws<InputException>(() => c.ApiPrice("x")).Parameter);
        Assert.Equal("id", Assert.Throws<InputException>(() => c.Entry("x")).Parameter);
    }

    [Fact]
    public void Peaks_AreFoundByPrecisionAndSparsity_WithTheirSource()
    {
        Accelerator x = Load(("accelerators", Accelerator)).Accelerator("x1");
        Assert.Equal("x1.peaks[fp16,dense].flopPerSecond — datasheet (2020-05)", x.Peak().Origin);
        Assert.Equal(Precision.Fp16, x.TrainingPrecision());
        Assert.Equal(Precision.Bf16, x.TrainingPrecision(Sparsity.Sparse)); // no fp16 sparse peak: a TPU-style default
        var e = Assert.Throws<InputException>(() => x.Peak(Precision.Int8));
        Assert.Equal(("precision", "one of x1's peaks (fp16 dense, fp8 sparse)", "int8 dense"), (e.Parameter, e.Rule, e.Actual));
        Assert.Equal(("x1", "memory"), (x.MemorySourced.From!.EntryId, x.MemorySourced.From.Field));
        Assert.Equal(("x1", "powerWatts"), (x.PowerSourced.From!.EntryId, x.PowerSourced.From.Field));
        Assert.Equal("fp8", CatalogNames.Of(Precision.Fp8));
        Assert.Equal("sparse", CatalogNames.Of(Sparsity.Sparse));
    }
}

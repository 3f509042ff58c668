using LlmEcon.Catalog;
using Xunit;

namespace LlmEcon.Tests.Catalog;

public class CatalogTests
{
    private static readonly LlmCatalog BuiltIn = LlmCatalog.BuiltIn;

    [Fact]
    public void BuiltIn_Loads_WithTheArticlesEntries()
    {
        Assert.Equal(["p100-sxm2", "v100-sxm2", "a100-40gb", "a100-80gb", "h100-sxm", "h800-sxm", "tpu-v3", "tpu-v4", "h100-pcie", "h100-nvl",
            "h200-sxm", "b200", "gb200", "mi300x", "mi325x", "tpu-v5e", "tpu-v5p", "tpu-v6e", "gaudi2", "gaudi3", "trainium2", "l40s", "l4"],
            BuiltIn.Accelerators.Select(a => a.Id));
        Assert.Equal(["aws-p4d-1yr", "gcp-tpu-v4-1yr"], BuiltIn.Offers.Take(2).Select(o => o.Id));
        Assert.Equal(["bert-large", "gpt-2", "gpt-3", "gopher", "mt-nlg", "palm", "chinchilla", "llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "mixtral-8x7b", "deepseek-v3", "llama-65b",
            "llama-7b", "llama-13b", "llama-33b", "llama-2-7b", "llama-2-13b", "llama-2-70b", "mixtral-8x22b", "qwen2.5-72b", "qwen3-235b-a22b",
            "opt-175b", "bloom-176b", "falcon-180b", "llama-3-8b", "llama-3-70b"],
            BuiltIn.Models.Select(m => m.Id));
        Assert.Equal(["openai-ada-2022", "openai-babbage-2022", "openai-curie-2022", "openai-davinci-2022", "jasper-2022"], BuiltIn.ApiPrices.Take(5).Select(p => p.Id));
    }

    [Fact]
    public void WhatThePublishedRecordContradicts_IsCorrected()
    {
        // BERT (Devlin et al. 2018, §A.2): 1M steps of 256 sequences, 90% at 128 tokens and 10% at 512, not 128B tokens
        Assert.Equal(256e6 * (0.9 * 128 + 0.1 * 512), BuiltIn.Model("bert-large").TrainingTokens!.Value.Count, 0.1e9);
        // the V100 entry is the 32 GB part of 2018 (the 16 GB part of 2017 has the same peaks)
        Accelerator v100 = BuiltIn.Accelerator("v100-sxm2");
        Assert.Equal((32e9, 2018), (v100.Memory.Bytes, v100.LaunchYear));
        // GPT-3's MFU carries its basis: PaLM's count, not the catalog's chips × days (those imply 19.7%: PublishedRunsTests)
        Assert.StartsWith("PaLM table 3", BuiltIn.Model("gpt-3").MfuBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void CatalogFiles_WriteWhatLoadingReadsBack()
    {
        // a fitted law written as a catalog file of one entry merges back as the same law; a "derived" object beside it is skipped
        var law = new LlmEcon.Scaling.ScalingLaw("mine", "Mine", 1.8, 480, 2100, 0.35, 0.37, "a fit", "2026-11-28");
        string file = CatalogFile.OfScalingLaw(law);
        Assert.Equal(law, BuiltIn.Merge("law.json", file).ScalingLaw("mine"));
        Assert.StartsWith("{\n  \"scalingLaws\": [\n    {\n      \"id\": \"mine\"", file, StringComparison.Ordinal);
        string withDerived = CatalogFile.OfOneEntry("scalingLaws", w => System.Text.Json.JsonDocument.Parse(file).RootElement.GetProperty("scalingLaws")[0].WriteTo(w),
            w => w.WriteNumber("answer", 42));
        Assert.Contains("\"derived\": {\n    \"answer\": 42\n  }", withDerived, StringComparison.Ordinal);
        Assert.Equal(law, BuiltIn.Merge("law.json", withDerived).ScalingLaw("mine"));
        Assert.Throws<ArgumentNullException>(() => CatalogFile.OfScalingLaw(null!));
        Assert.Throws<ArgumentNullException>(() => CatalogFile.OfOneEntry("scalingLaws", null!));
    }

    [Fact]
    public void APricePerWord_IsAPricePerToken_AtTheWordsPerToken()
    {
        // Jasper (Sun 2023 §6): $82 for 100,000 words; at 750 words per 1000 tokens, $82 / 100,000 × 750 / 1000 = $0.000615 per token
        ApiPrice jasper = BuiltIn.ApiPrice("jasper-2022");
        Assert.Equal(82.0 / 100_000 * 750 / 1000, jasper.PerToken(750).Value.UsdPerToken, 15);
        Assert.Equal(82.0 / 100_000 * 1000 / 1000, jasper.PerToken(1000).Value.UsdPerToken, 15);
        // a price per token ignores the words
        Assert.Equal(0.02 / 1000, BuiltIn.ApiPrice("openai-davinci-2022").PerToken(123).Value.UsdPerToken, 15);
    }

    [Fact]
    public void Ids_AreUniqueAcrossSections() =>
        Assert.Equal(BuiltIn.All.Count(), BuiltIn.All.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void EveryEntry_HasASourceAndADate() =>
        Assert.All(BuiltIn.All, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Source));
            Assert.Matches(@"^\d{4}(-\d{2}(-\d{2})?)?$", e.Date);
        });

    [Fact]
    public void ArticleNumbers_AreInTheCatalog()
    {
        // Sun 2023: A100 312 T (FP16/FP32 mixed), TPU v4 275 T, $19.22/h for 8, $8.12/h for 4, Davinci $0.02/1K
        Assert.Equal(312e12, BuiltIn.Accelerator("a100-40gb").Peak(Precision.Fp16).Value.FlopPerSecond);
        Assert.Equal(275e12, BuiltIn.Accelerator("tpu-v4").Peak(Precision.Bf16).Value.FlopPerSecond);
        Assert.Equal((8, 19.22), (BuiltIn.Offer("aws-p4d-1yr").ChipsPerMachine, BuiltIn.Offer("aws-p4d-1yr").MachinePrice.UsdPerHour));
        Assert.Equal((4, 8.12), (BuiltIn.Offer("gcp-tpu-v4-1yr").ChipsPerMachine, BuiltIn.Offer("gcp-tpu-v4-1yr").MachinePrice.UsdPerHour));
        Assert.Equal(0.02, BuiltIn.ApiPrice("openai-davinci-2022").PerToken().Value.UsdPer1kTokens, 12);
    }

    [Fact]
    public void Peak_WithUnknownPrecision_ListsTheOnesThereAre()
    {
        var e = Assert.Throws<InputException>(() => BuiltIn.Accelerator("tpu-v4").Peak(Precision.Fp8));
        Assert.Equal("precision must be one of tpu-v4's peaks (bf16 dense, int8 dense); got fp8 dense.", e.Message);
    }

    [Fact]
    public void TrainingPeak_IsFp16Mixed_OrBf16OnTpus_NeverAnotherPrecisionSilently()
    {
        // The article's note 17: FP16/FP32 and BF16/FP32 mixed precision alike. TPU v4: 275 T bf16.
        Assert.Equal("peaks[fp16,dense].flopPerSecond", BuiltIn.Accelerator("a100-40gb").TrainingPeak().From!.Field);
        var tpu = BuiltIn.Accelerator("tpu-v4").TrainingPeak();
        Assert.Equal((275e12, "peaks[bf16,dense].flopPerSecond"), (tpu.Value.FlopPerSecond, tpu.From!.Field));
        var e = Assert.Throws<InputException>(() => LlmEcon.Costs.TrainingInputs.FromOffer(BuiltIn, "gcp-tpu-v4-1yr",
            LlmEcon.Quantities.ParameterCount.FromBillions(7), LlmEcon.Quantities.TokenCount.FromCount(1e12), Precision.Fp8));
        Assert.Equal("precision must be one of tpu-v4's peaks (bf16 dense, int8 dense); got fp8 dense.", e.Message);
    }

    [Fact]
    public void UnknownId_SuggestsTheNearest()
    {
        var e = Assert.Throws<InputException>(() => BuiltIn.Accelerator("h10"));
        // the three H100 parts share the prefix 'h100' one edit away; ties go shortest first, then in order
        Assert.Equal("accelerator must be an id in the catalog; got 'h10'. Did you mean 'h100-nvl', 'h100-sxm' or 'h100-pcie'?", e.Message);
    }

    [Fact]
    public void PlantedMagnitudeSlips_AreAllReportedAtOnce()
    {
        // Given a user file with a peak in TFLOP/s, a per-1M price under per 1000, an MFU in percent and a typo'd field
        const string json = """
        {
          "accelerators": [ { "id": "x1", "name": "X1", "vendor": "X", "launchYear": 2024,
            "peaks": [ { "precision": "fp16", "sparsity": "dense", "flopPerSecond": 312 } ],
            "memoryGigabytes": 80, "memoryBandwidthGigabytesPerSecond": 2000, "powerWatts": 700, "powerBasis": "tdp",
            "source": "test", "published": "2024" } ],
          "apiPrices": [ { "id": "p1", "provider": "P", "model": "M", "year": 2024, "usd": 15, "per": 1000, "unit": "tokens", "source": "test", "published": "2024" } ],
          "models": [ { "id": "m1", "name": "M1", "organization": "O", "year": 2024, "architecture": "decoder-only", "parameters": 7e9, "mfu": 46.2,
            "source": "test", "publishd": "2024" } ]
        }
        """;
        var e = Assert.Throws<CatalogException>(() => BuiltIn.Merge("user.json", json));
        string[] expected =
        [
            "user.json: accelerators[x1].peaks[0].flopPerSecond must be in [100e9, 100e15] FLOP/s per chip; got 312. Is it in TFLOP/s? Then write 312e12.",
            "user.json: models[m1].mfu must be in [0.0001, 1] (a fraction); got 46.2. MFU is a fraction: 46.2% is 0.462.",
            "user.json: models[m1].published must be present (or 'retrieved'): every entry carries a date; got nothing.",
            "user.json: models[m1].publishd must be a known field; got an unknown field. Did you mean 'published'?",
            "user.json: apiPrices[p1].usd must be at most $5 per 1000 tokens (a magnitude guard); got $15 per 1000. Is it a price per million? Then set per to 1000000 ($15 per 1M = $0.015 per 1K).",
        ];
        Assert.Equal(expected, e.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Merge_ReplacesBySameId_AndValidatesReferences()
    {
        const string json = """{ "offers": [ { "id": "aws-p4d-1yr", "name": "cheaper", "provider": "AWS", "acceleratorId": "a100-40g", "chipsPerMachine": 8, "usdPerHour": 10, "commitment": "1-year", "source": "test", "retrieved": "2026-11-27" } ] }""";
        var e = Assert.Throws<CatalogException>(() => BuiltIn.Merge("user.json", json));
        Assert.Equal("user.json: offers[aws-p4d-1yr].acceleratorId must be the id of a catalog accelerator; got 'a100-40g'. Did you mean 'a100-40gb'?",
            Assert.Single(e.Problems).ToString());

        var merged = BuiltIn.Merge("user.json", json.Replace("a100-40g\"", "a100-40gb\"", StringComparison.Ordinal));
        Assert.Equal(10, merged.Offer("aws-p4d-1yr").MachinePrice.UsdPerHour);
        Assert.Equal(BuiltIn.Offers.Count, merged.Offers.Count);
    }

    [Fact]
    public void MalformedJson_IsLocated()
    {
        var e = Assert.Throws<CatalogException>(() => BuiltIn.Merge("bad.json", "{ \"offers\": [ { \"id\": } ] }"));
        Assert.Equal("bad.json: file must be well-formed JSON; got a syntax error at line 1, byte 23.", Assert.Single(e.Problems).ToString());
    }

    [Fact]
    public void MissingFile_IsAnInputError()
    {
        var e = Assert.Throws<InputException>(() => BuiltIn.MergeFile("no-such-catalog.json"));
        Assert.Equal("catalog must be an existing JSON file; got 'no-such-catalog.json' (no such file).", e.Message);
    }

    [Fact]
    public void PriceGuard_CatchesPer1KGivenAsPer1M()
    {
        const string json = """{ "apiPrices": [ { "id": "q", "provider": "P", "model": "M", "year": 2024, "usd": 0.0004, "per": 1000000, "unit": "tokens", "source": "t", "published": "2024" } ] }""";
        var e = Assert.Throws<CatalogException>(() => BuiltIn.Merge("u.json", json));
        Assert.Contains("set per to 1000", Assert.Single(e.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ASectionGivenTwice_IsAProblem()
    {
        // JSON keeps the last of two equal keys: the first "models" would vanish without a word.
        const string json = """{ "models": [], "models": [] }""";
        var e = Assert.Throws<CatalogException>(() => BuiltIn.Merge("twice.json", json));
        Assert.Equal("twice.json: models must be one section of that name per file (a second one would silently replace the first); got two.",
            Assert.Single(e.Problems).ToString());
    }

    [Fact]
    public void AFieldGivenTwice_IsAProblem()
    {
        const string json = """
            { "offers": [ { "id": "x", "name": "X", "provider": "P", "acceleratorId": "a100-40gb", "chipsPerMachine": 8, "usdPerHour": 10,
                            "usdPerHour": 20, "commitment": "on-demand", "source": "s", "published": "2026" } ] }
            """;
        var e = Assert.Throws<CatalogException>(() => BuiltIn.Merge("dup.json", json));
        Assert.Contains(e.Problems, p => p.ToString() == "dup.json: offers[x].usdPerHour must be given once (a second value would silently replace the first); got 2 values.");
    }

    [Fact]
    public void CommentsAndTrailingCommas_AreReadTheSameWayEverywhere()
    {
        // One reader: what loads also shows (catalog validate and catalog show --catalog read alike).
        const string json = """
            { // a user's note
              "offers": [ { "id": "x", "name": "X", "provider": "P", "acceleratorId": "a100-40gb", "chipsPerMachine": 8, "usdPerHour": 10,
                            "commitment": "on-demand", "source": "s", "published": "2026", }, ], }
            """;
        LlmCatalog merged = BuiltIn.Merge("mine.json", json);
        Assert.Equal("offers", merged.SourceEntry("x").Section);
        Assert.Equal("mine.json", merged.SourceEntry("x").Origin);
    }

    [Theory]
    [InlineData("h10O", "did you mean 'h100-nvl', 'h100-sxm' or 'h100-pcie'?")]   // one edit from the prefix "h100" of all three
    [InlineData("H100-SXM", "did you mean 'h100-sxm'?")]
    [InlineData("a100", "did you mean 'a100-40gb' or 'a100-80gb'?")]
    [InlineData("zzzzzzzz", "none of the 23 is close")] // more than eight accelerators: their count, not the list
    public void Suggestions_AreTheNearestFew(string typed, string hint) =>
        Assert.Equal(hint, Suggest.Hint(typed, BuiltIn.Accelerators.Select(a => a.Id).ToList()));

    [Fact]
    public void Suggestions_NeverListALongCatalog()
    {
        var many = Enumerable.Range(0, 40).Select(i => $"model-{i}").ToList();
        Assert.Equal("none of the 40 is close", Suggest.Hint("qqqqqqqqqq", many));
        Assert.Equal(3, Suggest.Nearest("model-", many).Count);
    }
}

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using LlmEcon.Quantities;

namespace LlmEcon.Audit;

/// <summary>The article's default scenario: every assumption it states, with the article as source (the <c>article</c> section of examples/article.yaml).</summary>
public sealed record ArticleScenario(
    string Source, string Published, SearchScenario Search, InferenceScenario Inference, TrainingScenario Training,
    TrajectoryScenario Trajectory, ScalingScenario Scaling, GenerationsScenario Generations, InHouseScenario InHouse,
    MemoryScenario Memory, JasperScenario Jasper)
{
    private static readonly Lazy<ArticleScenario> Embedded = new(() => Scenarios.ScenarioFile.ArticleExample.Article
        ?? throw new InvalidOperationException("examples/article.yaml has no article section."));

    /// <summary>The scenario shipped inside the library: examples/article.yaml's <c>article</c> section, embedded.</summary>
    public static ArticleScenario Default => Embedded.Value;

    /// <summary>Parses a scenario; a malformed one is an <see cref="InputException"/> naming the file, the place and the problem.</summary>
    public static ArticleScenario Parse(string json, string origin)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ArticleJson.Default.ArticleScenario)
                   ?? throw Guard.Fail(origin, "a JSON object", "null");
        }
        catch (JsonException e)
        {
            throw Guard.Fail(origin, "a valid scenario", $"an error at {e.Path ?? "$"} (line {(e.LineNumber ?? 0) + 1}): {e.Message.Split(". ")[0].TrimEnd('.')}");
        }
    }

    internal static string ReadResource(string name)
    {
        Assembly asm = typeof(ArticleScenario).Assembly;
        using Stream s = asm.GetManifestResourceStream("LlmEcon.Catalog.Data." + name)
                         ?? throw new InvalidOperationException($"The library is missing its embedded resource {name}.");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}

/// <summary>§3 assumptions: each typed by its unit; the file's keys name the unit of the bare number they hold.</summary>
public sealed record SearchScenario(
    WordCount QueryPromptWords, WordCount GeneratedWordsPerResponse, double SampledResponses, WordCount ResultPromptWordsPerLink,
    WordCount GeneratedWordsPerLink, double Links, double WordsPer1000Tokens, string ApiPriceId, Ratio CacheHitRate, Ratio GrossMargin,
    QueryCount MonthlySearchesBase, Ratio PenetrationBase, Ratio PenetrationNow, QueryCount AnnualSearchesStated,
    [property: JsonPropertyName("searchRevenueUsd")] Money SearchRevenue, double ModelSideDivisor, double InHouseDivisor);

/// <summary>Cloud inference assumptions: N and MFU of the article's model.</summary>
public sealed record InferenceScenario(ParameterCount Parameters, Ratio Mfu, IReadOnlyList<string> OfferIds, string ApiPriceId);

/// <summary>§4 assumptions.</summary>
public sealed record TrainingScenario(string OfferId, string MfuModelId, IReadOnlyList<string> ModelIds);

/// <summary>§5 levers.</summary>
public sealed record TrajectoryScenario(string ParametersBeforeModelId, string ParametersAfterModelId, string MfuBeforeModelId, string MfuAfterModelId);

/// <summary>§5 Chinchilla cases.</summary>
public sealed record ScalingScenario(string LawId, IReadOnlyList<ScalingCase> Cases);

/// <summary>One (N, D) case of the scaling law.</summary>
public sealed record ScalingCase(string Id, string Label, ParameterCount Parameters, TokenCount Tokens);

/// <summary>§5 per-generation gains as stated.</summary>
public sealed record GenerationsScenario(double PerGenerationUsdGain, double PerGenerationWattGain, double YearsPerGeneration);

/// <summary>§5 GPT-3 in-house, V100 → H100.</summary>
public sealed record InHouseScenario(
    string ModelId, [property: JsonPropertyName("hardwareCostBeforeUsd")] Money HardwareCostBefore,
    [property: JsonPropertyName("electricityUsdPerKilowattHour")] ElectricityPrice Electricity, string FromAcceleratorId, string ToAcceleratorId,
    double PerUsdGainStated, double PerWattGainStated, [property: JsonPropertyName("hardwareCostAfterPrintedUsd")] Money HardwareCostAfterPrinted,
    [property: JsonPropertyName("energyCostAfterPrintedUsd")] Money EnergyCostAfterPrinted);

/// <summary>§5 memory.</summary>
public sealed record MemoryScenario(double BytesPerParameter, IReadOnlyList<string> ModelIds, string ChipId);

/// <summary>§6 Jasper.</summary>
public sealed record JasperScenario(string ApiPriceId);

using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmEcon.Audit;

/// <summary>How a printed figure is to be read.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FigureBound>))]
public enum FigureBound
{
    /// <summary>Rounded to <see cref="ArticleFigure.Resolution"/>: agrees when |value − printed| ≤ resolution / 2.</summary>
    [JsonStringEnumMemberName("rounded")]
    Rounded,
    /// <summary>A floor (">60%"): agrees when the value, rounded to the resolution, is at least the printed one.</summary>
    [JsonStringEnumMemberName("atLeast")]
    AtLeast,
}

/// <summary>One figure the article prints: its value, the rounding step of the print, its unit and its text.</summary>
/// <param name="Id">Stable id, e.g. <c>training.gpt-3.cost</c>.</param>
/// <param name="Section">The article's section.</param>
/// <param name="Label">What it is.</param>
/// <param name="Printed">The printed value, in <paramref name="Unit"/>.</param>
/// <param name="Resolution">The print's rounding step (0.001 for $0.055).</param>
/// <param name="Unit">Unit of <paramref name="Printed"/>.</param>
/// <param name="Text">The figure as the article prints it.</param>
/// <param name="Bound">Rounded, or a floor.</param>
public sealed record ArticleFigure(string Id, string Section, string Label, double Printed, double Resolution, string Unit, string Text,
    FigureBound Bound = FigureBound.Rounded)
{
    private static readonly Lazy<IReadOnlyList<ArticleFigure>> Embedded = new(() =>
        JsonSerializer.Deserialize(ArticleScenario.ReadResource("article-figures.json"), ArticleJson.Default.FigureFile)!.Figures);

    /// <summary>Every printed figure of the article (Catalog/Data/article-figures.json).</summary>
    public static IReadOnlyList<ArticleFigure> All => Embedded.Value;

    /// <summary>Does <paramref name="value"/> follow, to the print's rounding, as this figure?</summary>
    public bool Agrees(double value)
    {
        const double slack = 1e-9;
        return Bound == FigureBound.AtLeast
            ? Math.Round(value / Resolution, MidpointRounding.AwayFromZero) * Resolution >= Printed * (1 - slack)
            : Math.Abs(value - Printed) <= Resolution / 2 * (1 + slack);
    }

}

/// <summary>The file of printed figures: <c>{ "figures": [ … ] }</c>.</summary>
/// <param name="Figures">Every figure.</param>
internal sealed record FigureFile(IReadOnlyList<ArticleFigure> Figures);

/// <summary>
/// The article's embedded data read by source-generated serializers (no reflection, so the tool compiles ahead of time): camelCase
/// names, unknown members and missing constructor parameters refused, nullability respected.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true,
    Converters = [typeof(ParameterCountJson), typeof(TokenCountJson), typeof(WordCountJson), typeof(QueryCountJson), typeof(RatioJson),
        typeof(MoneyJson), typeof(ElectricityPriceJson)])]
[JsonSerializable(typeof(ArticleScenario))]
[JsonSerializable(typeof(FigureFile))]
[JsonSerializable(typeof(string))]
internal sealed partial class ArticleJson : JsonSerializerContext;

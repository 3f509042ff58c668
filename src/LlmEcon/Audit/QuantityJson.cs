using System.Text.Json;
using System.Text.Json.Serialization;
using LlmEcon.Quantities;

namespace LlmEcon.Audit;

/// <summary>
/// A quantity written as a bare number in the unit its key names (<c>"searchRevenueUsd": 100e9</c>) or as text with its unit, read as the
/// tool reads it (<c>searchRevenueUsd: $100B</c>, <c>cacheHitRate: 30%</c>); a value the type refuses (negative, not finite, the wrong
/// unit) is a <see cref="JsonException"/> at its path, so the file's error names the place.
/// </summary>
internal abstract class QuantityJson<T>(Func<double, T> read, Func<T, double> write, Func<string, T> parse) : JsonConverter<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return reader.TokenType switch
            {
                JsonTokenType.Number => read(reader.GetDouble()),
                JsonTokenType.String => parse(reader.GetString()!),
                _ => throw new JsonException($"expected a number or a value with its unit, got {reader.TokenType}"),
            };
        }
        catch (InputException e)
        {
            throw new JsonException(e.Rule + " expected, got " + e.Actual, e);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(write(value));
    }
}

/// <summary>N in the scenario file.</summary>
internal sealed class ParameterCountJson() : QuantityJson<ParameterCount>(v => ParameterCount.FromCount(v), x => x.Count, t => QuantityParser.ParameterCount(t));

/// <summary>D in the scenario file.</summary>
internal sealed class TokenCountJson() : QuantityJson<TokenCount>(v => TokenCount.FromCount(v), x => x.Count, t => QuantityParser.TokenCount(t));

/// <summary>Words in the scenario file.</summary>
internal sealed class WordCountJson() : QuantityJson<WordCount>(v => WordCount.FromCount(v), x => x.Count, t => QuantityParser.WordCount(t));

/// <summary>Searches in the scenario file.</summary>
internal sealed class QueryCountJson() : QuantityJson<QueryCount>(v => QueryCount.FromCount(v), x => x.Count, t => QueryCount.FromCount(QuantityParser.Count(t, "queries", "2.1T", "queries", "searches")));

/// <summary>A fraction 0–1 in the scenario file.</summary>
internal sealed class RatioJson() : QuantityJson<Ratio>(v => Ratio.FromFraction(v), x => x.Fraction, t => QuantityParser.Ratio(t));

/// <summary>USD in the scenario file.</summary>
internal sealed class MoneyJson() : QuantityJson<Money>(v => Money.FromUsd(v), x => x.Usd, t => QuantityParser.Money(t));

/// <summary>USD per kWh in the scenario file.</summary>
internal sealed class ElectricityPriceJson() : QuantityJson<ElectricityPrice>(v => ElectricityPrice.FromUsdPerKilowattHour(v), x => x.UsdPerKilowattHour, t => QuantityParser.ElectricityPrice(t));

using System.Text.Json;
using System.Text.Json.Serialization;
using LlmEcon.Quantities;

namespace LlmEcon.Audit;

/// <summary>
/// A quantity written in JSON as a bare number in the unit its key names (<c>"searchRevenueUsd": 100e9</c>); a number the type refuses
/// (negative, not finite) is a <see cref="JsonException"/> at its path, so the file's error names the place.
/// </summary>
internal abstract class QuantityJson<T>(Func<double, T> read, Func<T, double> write) : JsonConverter<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        double v = reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : throw new JsonException($"expected a number, got {reader.TokenType}");
        try
        {
            return read(v);
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
internal sealed class ParameterCountJson() : QuantityJson<ParameterCount>(v => ParameterCount.FromCount(v), x => x.Count);

/// <summary>D in the scenario file.</summary>
internal sealed class TokenCountJson() : QuantityJson<TokenCount>(v => TokenCount.FromCount(v), x => x.Count);

/// <summary>Words in the scenario file.</summary>
internal sealed class WordCountJson() : QuantityJson<WordCount>(v => WordCount.FromCount(v), x => x.Count);

/// <summary>Searches in the scenario file.</summary>
internal sealed class QueryCountJson() : QuantityJson<QueryCount>(v => QueryCount.FromCount(v), x => x.Count);

/// <summary>A fraction 0–1 in the scenario file.</summary>
internal sealed class RatioJson() : QuantityJson<Ratio>(v => Ratio.FromFraction(v), x => x.Fraction);

/// <summary>USD in the scenario file.</summary>
internal sealed class MoneyJson() : QuantityJson<Money>(v => Money.FromUsd(v), x => x.Usd);

/// <summary>USD per kWh in the scenario file.</summary>
internal sealed class ElectricityPriceJson() : QuantityJson<ElectricityPrice>(v => ElectricityPrice.FromUsdPerKilowattHour(v), x => x.UsdPerKilowattHour);

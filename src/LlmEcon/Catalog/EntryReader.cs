using System.Globalization;
using System.Text.Json;

namespace LlmEcon.Catalog;

/// <summary>
/// Reads one JSON object field by field, recording a <see cref="CatalogProblem"/> for every missing,
/// mistyped, out-of-range or unknown field instead of stopping at the first.
/// </summary>
internal sealed class EntryReader
{
    private readonly JsonElement _obj;
    private readonly string _origin;
    private readonly string _entry;
    private readonly string _prefix;
    private readonly List<CatalogProblem> _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public EntryReader(JsonElement obj, string origin, string entry, List<CatalogProblem> problems, string prefix = "")
    {
        _obj = obj;
        _origin = origin;
        _entry = entry;
        _problems = problems;
        _prefix = prefix;
        if (obj.ValueKind == JsonValueKind.Object)
        {
            // JSON lets a key appear twice and keeps the last: in a catalog that silently drops a value, so it is a problem.
            foreach (var twice in obj.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Problem(twice.Key, "given once (a second value would silently replace the first)", $"{twice.Count()} values");
            }
        }
    }

    /// <summary>How many problems the whole load has recorded so far (to tell whether a part was clean).</summary>
    public int ProblemCount => _problems.Count;

    /// <summary>A reader for a nested object whose problems are reported as <c>prefix.field</c> of this entry.</summary>
    public EntryReader Child(JsonElement obj, string prefix) => new(obj, _origin, _entry, _problems, _prefix + prefix + ".");

    public void Problem(string field, string rule, string actual, string? hint = null) =>
        _problems.Add(new CatalogProblem(_origin, _entry, _prefix + field, rule, actual, hint));

    /// <summary>Counts fields as known without reading them (their value was checked another way).</summary>
    public void MarkRead(params string[] fields) => _read.UnionWith(fields);

    public bool Has(string field) => _obj.TryGetProperty(field, out JsonElement v) && v.ValueKind != JsonValueKind.Null;

    public string String(string field, string? fallback = null)
    {
        _read.Add(field);
        if (!_obj.TryGetProperty(field, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            if (fallback is null)
            {
                Problem(field, "present (a string)", "nothing");
            }

            return fallback ?? "";
        }

        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
        {
            Problem(field, "a non-empty string", v.GetRawText());
            return fallback ?? "";
        }

        return v.GetString()!;
    }

    public string? OptionalString(string field) => Has(field) ? String(field) : Mark(field);

    public double Number(string field, double min, double max, string unit, string? magnitudeHint = null)
    {
        _read.Add(field);
        if (!_obj.TryGetProperty(field, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            Problem(field, $"present (a number in {unit})", "nothing");
            return double.NaN;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double x) || !double.IsFinite(x))
        {
            Problem(field, $"a number in {unit}", v.GetRawText());
            return double.NaN;
        }

        if (x < min || x > max)
        {
            Problem(field, string.Create(CultureInfo.InvariantCulture, $"in [{NumberFormat.Compact(min)}, {NumberFormat.Compact(max)}] {unit}"), Guard.Show(x), magnitudeHint);
            return double.NaN;
        }

        return x;
    }

    public double? OptionalNumber(string field, double min, double max, string unit, string? magnitudeHint = null) =>
        Has(field) ? Number(field, min, max, unit, magnitudeHint) : MarkNumber(field);

    public int Integer(string field, int min, int max, string unit)
    {
        double x = Number(field, min, max, unit);
        if (double.IsNaN(x))
        {
            return 0;
        }

        if (x != Math.Floor(x))
        {
            Problem(field, $"a whole number of {unit}", Guard.Show(x));
            return 0;
        }

        return (int)x;
    }

    public int? OptionalInteger(string field, int min, int max, string unit) =>
        Has(field) ? Integer(field, min, max, unit) : (int?)MarkNumber(field);

    public bool Boolean(string field)
    {
        _read.Add(field);
        if (_obj.TryGetProperty(field, out JsonElement v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        Problem(field, "true or false", Has(field) ? v.GetRawText() : "nothing");
        return false;
    }

    public TEnum Enum<TEnum>(string field, IReadOnlyDictionary<string, TEnum> names, TEnum fallback)
    {
        string s = String(field, "");
        if (s.Length == 0)
        {
            if (!Has(field))
            {
                Problem(field, "one of " + string.Join(", ", names.Keys), "nothing");
            }

            return fallback;
        }

        if (names.TryGetValue(s, out TEnum? value))
        {
            return value;
        }

        Problem(field, "one of " + string.Join(", ", names.Keys), $"'{s}'", Suggest.Hint(s, names.Keys.ToList()));
        return fallback;
    }

    public TEnum? OptionalEnum<TEnum>(string field, IReadOnlyDictionary<string, TEnum> names) where TEnum : struct =>
        Has(field) ? Enum(field, names, default) : MarkEnum<TEnum>(field);

    /// <summary>Reads source and published/retrieved date; returns the date.</summary>
    public (string Source, string Date) Provenance()
    {
        string source = String("source");
        _read.Add("published");
        _read.Add("retrieved");
        string? published = Has("published") ? String("published") : null;
        string? retrieved = Has("retrieved") ? String("retrieved") : null;
        string? date = published ?? retrieved;
        if (date is null)
        {
            Problem("published", "present (or 'retrieved'): every entry carries a date", "nothing");
            return (source, "");
        }

        if (!IsIsoDate(date))
        {
            Problem(published is null ? "retrieved" : "published", "an ISO date (yyyy, yyyy-mm or yyyy-mm-dd)", $"'{date}'");
        }

        return (source, date);
    }

    public IEnumerable<(JsonElement Item, int Index)> Array(string field, bool required)
    {
        _read.Add(field);
        if (!_obj.TryGetProperty(field, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem(field, "present (a non-empty list)", "nothing");
            }

            return [];
        }

        if (v.ValueKind != JsonValueKind.Array || (required && v.GetArrayLength() == 0))
        {
            Problem(field, "a non-empty list", v.ValueKind == JsonValueKind.Array ? "[]" : v.GetRawText());
            return [];
        }

        return v.EnumerateArray().Select((e, i) => (e, i));
    }

    public JsonElement? Object(string field)
    {
        _read.Add(field);
        if (!_obj.TryGetProperty(field, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            Problem(field, "an object", v.GetRawText());
            return null;
        }

        return v;
    }

    /// <summary>Reports every field that no rule read: a typo (<c>usdPerHr</c>) must not pass silently.</summary>
    public void RejectUnknownFields()
    {
        foreach (JsonProperty p in _obj.EnumerateObject())
        {
            if (!_read.Contains(p.Name) && p.Name != "note")
            {
                Problem(p.Name, "a known field", "an unknown field", Suggest.Hint(p.Name, _read.ToList()));
            }
        }
    }

    private static bool IsIsoDate(string s) =>
        CatalogNames.TryDate(s, out _);

    private string? Mark(string field)
    {
        _read.Add(field);
        return null;
    }

    private TEnum? MarkEnum<TEnum>(string field) where TEnum : struct
    {
        _read.Add(field);
        return null;
    }

    private double? MarkNumber(string field)
    {
        _read.Add(field);
        return null;
    }
}

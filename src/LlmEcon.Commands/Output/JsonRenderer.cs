using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LlmEcon.Derivations;

namespace LlmEcon.Cli.Output;

/// <summary>JSON: camelCase keys carrying their unit, raw numbers, fractions 0–1, derivations with their sources.</summary>
internal static class JsonRenderer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>JSON: an object with one key per sheet (an object for a record, an array for a table), notes and derivations.</summary>
    public static string Render(CommandResult result, bool explain)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            WriteBody(w, result, explain);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The properties of <see cref="Render"/>'s object: one per sheet, then notes and (with explain) derivations.</summary>
    public static void WriteBody(Utf8JsonWriter w, CommandResult result, bool explain)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(result);
        foreach (Sheet sheet in result.Sheets.Select(x => x.For(Audience.Programs)))
        {
            w.WritePropertyName(sheet.Key);
            if (sheet.Single)
            {
                WriteRecord(w, sheet.Columns, sheet.Rows[0]);
            }
            else
            {
                w.WriteStartArray();
                foreach (IReadOnlyList<object?> row in sheet.Rows)
                {
                    WriteRecord(w, sheet.Columns, row);
                }

                w.WriteEndArray();
            }
        }

        if (result.Notes.Count > 0)
        {
            w.WriteStartArray("notes");
            foreach (string n in result.Notes)
            {
                w.WriteStringValue(n);
            }

            w.WriteEndArray();
        }

        if (explain)
        {
            w.WriteStartArray("derivations");
            foreach (Derivation d in result.Derivations.Distinct())
            {
                WriteDerivation(w, d);
            }

            w.WriteEndArray();
        }
    }

    private static void WriteRecord(Utf8JsonWriter w, IReadOnlyList<Column> columns, IReadOnlyList<object?> row)
    {
        w.WriteStartObject();
        for (int i = 0; i < columns.Count; i++)
        {
            w.WritePropertyName(columns[i].Key);
            switch (row[i])
            {
                case null:
                    w.WriteNullValue();
                    break;
                case double d when double.IsFinite(d):
                    w.WriteNumberValue(d);
                    break;
                case double:
                    w.WriteNullValue();
                    break;
                case int n:
                    w.WriteNumberValue(n);
                    break;
                case bool b:
                    w.WriteBooleanValue(b);
                    break;
                case IReadOnlyList<long> counts:
                    w.WriteStartArray();
                    foreach (long n in counts)
                    {
                        w.WriteNumberValue(n);
                    }

                    w.WriteEndArray();
                    break;
                case IEnumerable<string> list:
                    w.WriteStartArray();
                    foreach (string s in list)
                    {
                        w.WriteStringValue(s);
                    }

                    w.WriteEndArray();
                    break;
                default:
                    w.WriteStringValue(Convert.ToString(row[i], Inv));
                    break;
            }
        }

        w.WriteEndObject();
    }

    /// <summary>One derivation as a JSON object: quantity, equation, formula, substituted, result, inputs with sources.</summary>
    public static void WriteDerivation(Utf8JsonWriter w, Derivation d)
    {
        w.WriteStartObject();
        w.WriteString("quantity", d.Quantity);
        w.WriteString("equation", d.Equation);
        w.WriteString("formula", d.Formula);
        w.WriteString("substituted", d.Substituted);
        w.WriteString("result", d.Result);
        if (d.Value is { } v && double.IsFinite(v))
        {
            w.WriteNumber("value", v);
        }
        else
        {
            w.WriteNull("value");
        }

        w.WriteStartArray("inputs");
        foreach (Term t in d.Inputs)
        {
            w.WriteStartObject();
            w.WriteString("symbol", t.Symbol);
            w.WriteString("meaning", t.Meaning);
            w.WriteString("value", t.Value);
            if (t.From is { } p)
            {
                w.WriteStartObject("source");
                w.WriteString("entryId", p.EntryId);
                w.WriteString("field", p.Field);
                w.WriteString("source", p.Source);
                w.WriteString("date", p.Date);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("source");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}

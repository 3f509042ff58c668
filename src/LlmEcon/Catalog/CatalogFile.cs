using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LlmEcon.Scaling;

namespace LlmEcon.Catalog;

/// <summary>Writes catalog files as <see cref="LlmCatalog"/> reads them: <c>{ "section": [ entry ] }</c>, indented, UTF-8 unescaped.</summary>
public static class CatalogFile
{
    /// <summary>
    /// The top-level key of what a tool derived from an entry (its architecture's parameter counts, say): written for reading, skipped
    /// when the file is loaded, so the file can be merged back as it is.
    /// </summary>
    public const string DerivedKey = "derived";

    /// <summary>
    /// A catalog file holding one entry of <paramref name="section"/> (e.g. <c>scalingLaws</c>), written by <paramref name="writeEntry"/>;
    /// <paramref name="writeDerived"/>, when given, writes the properties of a <see cref="DerivedKey"/> object after it.
    /// </summary>
    public static string OfOneEntry(string section, Action<Utf8JsonWriter> writeEntry, Action<Utf8JsonWriter>? writeDerived = null)
    {
        ArgumentNullException.ThrowIfNull(writeEntry);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray(section);
            writeEntry(w);
            w.WriteEndArray();
            if (writeDerived is not null)
            {
                w.WriteStartObject(DerivedKey);
                writeDerived(w);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A catalog file holding <paramref name="law"/>: merge it with <c>--catalog</c> to use a fitted law by its id.</summary>
    public static string OfScalingLaw(ScalingLaw law)
    {
        ArgumentNullException.ThrowIfNull(law);
        return OfOneEntry("scalingLaws", w =>
        {
            w.WriteStartObject();
            w.WriteString("id", law.Id);
            w.WriteString("name", law.Name);
            w.WriteNumber("e", law.E);
            w.WriteNumber("a", law.A);
            w.WriteNumber("b", law.B);
            w.WriteNumber("alpha", law.Alpha);
            w.WriteNumber("beta", law.Beta);
            w.WriteString("source", law.Source);
            w.WriteString("published", law.Date);
            w.WriteEndObject();
        });
    }
}

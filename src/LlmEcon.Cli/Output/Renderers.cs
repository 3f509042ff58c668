using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LlmEcon.Derivations;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LlmEcon.Cli.Output;

/// <summary>The output formats.</summary>
internal enum OutputFormat
{
    /// <summary>Boxed tables, for a terminal.</summary>
    Table,
    /// <summary>JSON: camelCase keys carrying their unit; fractions 0–1.</summary>
    Json,
    /// <summary>CSV: one header row of JSON keys per sheet; raw numbers.</summary>
    Csv,
    /// <summary>GitHub-flavoured Markdown tables.</summary>
    Markdown,
    /// <summary>One self-contained HTML file.</summary>
    Html,
}

/// <summary>Renders a <see cref="CommandResult"/> in each format. Every number in the invariant culture.</summary>
internal static class Renderers
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Renders <paramref name="result"/> to <paramref name="output"/>; CSV sends derivations to <paramref name="diagnostics"/>.</summary>
    public static void Render(CommandResult result, OutputFormat format, bool explain, TextWriter output, TextWriter diagnostics, int width)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.Write(Json(result, explain));
                output.Write('\n');
                break;
            case OutputFormat.Csv:
                output.Write(Csv(result));
                foreach (string note in result.Notes)
                {
                    diagnostics.Write("Note: " + note + "\n");
                }

                if (explain)
                {
                    diagnostics.Write(ExplainText(result.Derivations));
                }

                break;
            case OutputFormat.Markdown:
                output.Write(Markdown(result, explain));
                break;
            case OutputFormat.Html:
                output.Write(Html(result, explain));
                break;
            default:
                output.Write(Table(result, explain, width));
                break;
        }
    }

    /// <summary>Boxed tables at a fixed width.</summary>
    public static string Table(CommandResult result, bool explain, int width)
    {
        var sw = new StringWriter(Inv) { NewLine = "\n" };
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(sw),
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;
        foreach (Sheet sheet in result.Sheets.Select(x => x.For(Audience.People)))
        {
            var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle(sheet.Title) };
            if (!sheet.Single && sheet.Columns.Count > 6 && sheet.Rows.Count <= 4 && sheet.Columns[0].Kind == Kind.Text)
            {
                // Wide and short: one column per row, one row per quantity.
                table.AddColumn(new TableColumn("Quantity"));
                foreach (IReadOnlyList<object?> row in sheet.Rows)
                {
                    table.AddColumn(new TableColumn(sheet.Columns[0].Show(row[0])).RightAligned());
                }

                table.AddColumn(new TableColumn("Unit"));
                foreach (var (c, i) in sheet.Columns.Select((c, i) => (c, i)).Skip(1))
                {
                    table.AddRow([new Text(c.Header), .. sheet.Rows.Select(r => new Text(c.Show(r[i]))), new Text(c.ShownUnit)]);
                }
            }
            else if (sheet.Single)
            {
                table.AddColumn(new TableColumn("Quantity"));
                // Numbers align right; a record with words in it (ids, sources) reads better aligned left.
                var value = new TableColumn("Value");
                table.AddColumn(sheet.Columns.Any(c => c.Kind == Kind.Text) ? value : value.RightAligned());
                table.AddColumn(new TableColumn("Unit"));
                for (int i = 0; i < sheet.Columns.Count; i++)
                {
                    Column c = sheet.Columns[i];
                    table.AddRow(new Text(c.Header), new Text(c.Show(sheet.Rows[0][i])), new Text(c.ShownUnit));
                }
            }
            else
            {
                foreach (Column c in sheet.Columns)
                {
                    var col = new TableColumn(c.HeaderWithUnit);
                    table.AddColumn(c.Kind is Kind.Text or Kind.Flag ? col : col.RightAligned());
                }

                foreach (IReadOnlyList<object?> row in sheet.Rows)
                {
                    table.AddRow(sheet.Columns.Select((c, i) => (IRenderable)new Text(c.Show(row[i]))));
                }
            }

            console.Write(table);
        }

        // Notes and derivations are prose: written as they are, not wrapped at the table width.
        foreach (string note in result.Notes)
        {
            sw.Write(note + "\n");
        }

        if (explain && result.Derivations.Count > 0)
        {
            sw.Write("\nHow each number was computed:\n\n" + ExplainText(result.Derivations));
        }

        return sw.ToString();
    }

    /// <summary>Every derivation's <see cref="Derivation.Explain"/>, separated by blank lines, duplicates dropped.</summary>
    public static string ExplainText(IEnumerable<Derivation> derivations) =>
        string.Join("\n", derivations.Distinct().Select(d => d.Explain()));

    /// <summary>GitHub-flavoured Markdown: a heading and a table per sheet.</summary>
    public static string Markdown(CommandResult result, bool explain, int headingLevel = 2)
    {
        var sb = new StringBuilder();
        string h = new('#', headingLevel);
        foreach (Sheet sheet in result.Sheets.Select(x => x.For(Audience.People)))
        {
            sb.Append(h).Append(' ').Append(sheet.Title).Append("\n\n");
            AppendMarkdownTable(sb, sheet);
            sb.Append('\n');
        }

        foreach (string note in result.Notes)
        {
            sb.Append(note).Append("\n\n");
        }

        if (explain && result.Derivations.Count > 0)
        {
            sb.Append(h).Append(" How each number was computed\n\n```text\n").Append(ExplainText(result.Derivations)).Append("```\n");
        }

        return sb.ToString();
    }

    /// <summary>One sheet as a Markdown table.</summary>
    public static void AppendMarkdownTable(StringBuilder sb, Sheet sheet)
    {
        static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        if (sheet.Single)
        {
            sb.Append("| Quantity | Value | Unit |\n|---|--:|---|\n");
            for (int i = 0; i < sheet.Columns.Count; i++)
            {
                Column c = sheet.Columns[i];
                sb.Append("| ").Append(Cell(c.Header)).Append(" | ").Append(Cell(c.Show(sheet.Rows[0][i]))).Append(" | ").Append(Cell(c.ShownUnit)).Append(" |\n");
            }

            return;
        }

        sb.Append("| ").AppendJoin(" | ", sheet.Columns.Select(c => Cell(c.HeaderWithUnit))).Append(" |\n");
        sb.Append('|').AppendJoin("|", sheet.Columns.Select(c => c.Kind is Kind.Text or Kind.Flag ? "---" : "--:")).Append("|\n");
        foreach (IReadOnlyList<object?> row in sheet.Rows)
        {
            sb.Append("| ").AppendJoin(" | ", sheet.Columns.Select((c, i) => Cell(c.Show(row[i])))).Append(" |\n");
        }
    }

    /// <summary>CSV (RFC 4180): a header row of keys and raw values (one table: the command chooses which, see --table).</summary>
    public static string Csv(CommandResult result)
    {
        static string Field(object? v) => v switch
        {
            null => "",
            double d => double.IsFinite(d) ? d.ToString("R", Inv) : "",
            int i => i.ToString(Inv),
            bool b => b ? "true" : "false",
            IEnumerable<string> list => Quote(string.Join("; ", list)),
            _ => Quote(Convert.ToString(v, Inv) ?? ""),
        };
        static string Quote(string s) => s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

        var sb = new StringBuilder();
        for (int k = 0; k < result.Sheets.Count; k++)
        {
            Sheet sheet = result.Sheets[k].For(Audience.Programs);
            if (k > 0)
            {
                sb.Append('\n');
            }

            sb.AppendJoin(",", sheet.Columns.Select(c => Quote(c.Key))).Append('\n');
            foreach (IReadOnlyList<object?> row in sheet.Rows)
            {
                sb.AppendJoin(",", row.Select(Field)).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>JSON: an object with one key per sheet (an object for a record, an array for a table), notes and derivations.</summary>
    public static string Json(CommandResult result, bool explain)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
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

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
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

    /// <summary>One self-contained HTML page (inline CSS, no scripts, no external resources).</summary>
    public static string Html(CommandResult result, bool explain, string? introHtml = null)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(result.Title)).Append("</title>\n<style>\n")
          .Append("body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}\n")
          .Append("table{border-collapse:collapse;margin:0.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:0.25rem 0.6rem}\n")
          .Append("th{background:#f3f3f3;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
          .Append("pre{background:#f7f7f7;padding:0.75rem;overflow-x:auto}\n</style>\n</head>\n<body>\n<h1>")
          .Append(E(result.Title)).Append("</h1>\n");
        if (introHtml is not null)
        {
            sb.Append(introHtml).Append('\n');
        }

        foreach (Sheet sheet in result.Sheets.Select(x => x.For(Audience.People)))
        {
            sb.Append("<h2>").Append(E(sheet.Title)).Append("</h2>\n<table>\n");
            if (sheet.Single)
            {
                sb.Append("<tr><th>Quantity</th><th>Value</th><th>Unit</th></tr>\n");
                for (int i = 0; i < sheet.Columns.Count; i++)
                {
                    Column c = sheet.Columns[i];
                    sb.Append("<tr><td>").Append(E(c.Header)).Append("</td><td class=\"n\">").Append(E(c.Show(sheet.Rows[0][i])))
                      .Append("</td><td>").Append(E(c.ShownUnit)).Append("</td></tr>\n");
                }
            }
            else
            {
                sb.Append("<tr>").AppendJoin("", sheet.Columns.Select(c => "<th>" + E(c.HeaderWithUnit) + "</th>")).Append("</tr>\n");
                foreach (IReadOnlyList<object?> row in sheet.Rows)
                {
                    sb.Append("<tr>").AppendJoin("", sheet.Columns.Select((c, i) =>
                        (c.Kind is Kind.Text or Kind.Flag ? "<td>" : "<td class=\"n\">") + E(c.Show(row[i])) + "</td>")).Append("</tr>\n");
                }
            }

            sb.Append("</table>\n");
        }

        foreach (string note in result.Notes)
        {
            sb.Append("<p>").Append(E(note)).Append("</p>\n");
        }

        if (explain && result.Derivations.Count > 0)
        {
            sb.Append("<h2>How each number was computed</h2>\n<pre>").Append(E(ExplainText(result.Derivations))).Append("</pre>\n");
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }
}

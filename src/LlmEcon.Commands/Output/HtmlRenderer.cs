using System.Net;
using System.Text;

namespace LlmEcon.Cli.Output;

/// <summary>One self-contained HTML page.</summary>
internal static class HtmlRenderer
{
    /// <summary>The page's style: body, tables (numbers right-aligned), derivations; the web calculator's pages start from it.</summary>
    public const string Style =
        "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}\n"
        + "table{border-collapse:collapse;margin:0.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:0.25rem 0.6rem}\n"
        + "th{background:#f3f3f3;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
        + "pre{background:#f7f7f7;padding:0.75rem;overflow-x:auto}\n";

    /// <summary>One self-contained HTML page (inline CSS, no scripts, no external resources).</summary>
    public static string Render(CommandResult result, bool explain, string? introHtml = null, IReadOnlyList<(string Title, string Svg)>? figures = null)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(result.Title)).Append("</title>\n<style>\n")
          .Append(Style).Append("</style>\n</head>\n<body>\n<h1>")
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

        if (figures is { Count: > 0 })
        {
            sb.Append("<h2>Charts</h2>\n");
            foreach (var (title, svg) in figures)
            {
                // inline SVG: the XML declaration goes, the drawing stays (no script, no link, nothing fetched)
                int start = svg.IndexOf("<svg", StringComparison.Ordinal);
                sb.Append("<figure>\n").Append(start < 0 ? svg : svg[start..]).Append("\n<figcaption>").Append(E(title)).Append("</figcaption>\n</figure>\n");
            }
        }

        foreach (string note in result.Notes)
        {
            sb.Append("<p>").Append(E(note)).Append("</p>\n");
        }

        if (explain && result.Derivations.Count > 0)
        {
            sb.Append("<h2>How each number was computed</h2>\n<pre>").Append(E(Renderers.ExplainText(result.Derivations))).Append("</pre>\n");
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }
}

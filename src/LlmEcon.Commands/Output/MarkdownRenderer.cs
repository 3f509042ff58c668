using System.Text;

namespace LlmEcon.Cli.Output;

/// <summary>GitHub-flavoured Markdown: a heading and a table per sheet.</summary>
internal static class MarkdownRenderer
{
    /// <summary>GitHub-flavoured Markdown: a heading and a table per sheet.</summary>
    public static string Render(CommandResult result, bool explain, int headingLevel = 2)
    {
        var sb = new StringBuilder();
        string h = new('#', headingLevel);
        foreach (Sheet sheet in result.Sheets.Select(x => x.For(Audience.People)))
        {
            sb.Append(h).Append(' ').Append(sheet.Title).Append("\n\n");
            AppendTable(sb, sheet);
            sb.Append('\n');
        }

        foreach (string note in result.Notes)
        {
            sb.Append(note).Append("\n\n");
        }

        if (explain && result.Derivations.Count > 0)
        {
            sb.Append(h).Append(" How each number was computed\n\n```text\n").Append(Renderers.ExplainText(result.Derivations)).Append("```\n");
        }

        return sb.ToString();
    }

    /// <summary>One sheet as a Markdown table.</summary>
    public static void AppendTable(StringBuilder sb, Sheet sheet)
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
}

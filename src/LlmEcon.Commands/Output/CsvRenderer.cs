using System.Globalization;
using System.Text;

namespace LlmEcon.Cli.Output;

/// <summary>CSV (RFC 4180) in the invariant culture.</summary>
internal static class CsvRenderer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>CSV (RFC 4180): a header row of keys and raw values (one table: the command chooses which, see --table).</summary>
    public static string Render(CommandResult result)
    {
        static string Field(object? v) => v switch
        {
            null => "",
            double d => double.IsFinite(d) ? d.ToString("R", Inv) : "",
            int i => i.ToString(Inv),
            bool b => b ? "true" : "false",
            IEnumerable<string> list => Quote(string.Join("; ", list)),
            IReadOnlyList<long> counts => string.Join(" ", counts.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
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
}

using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LlmEcon.Cli.Output;

/// <summary>Boxed tables for a terminal (Spectre.Console), then notes and, with --explain, every derivation.</summary>
internal static class TableRenderer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Boxed tables at a fixed width.</summary>
    public static string Render(CommandResult result, bool explain, int width)
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
            sw.Write("\nHow each number was computed:\n\n" + Renderers.ExplainText(result.Derivations));
        }

        return sw.ToString();
    }
}

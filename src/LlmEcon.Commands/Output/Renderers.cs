using LlmEcon.Derivations;

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
    /// <summary>A chart as SVG (plot).</summary>
    Svg,
    /// <summary>A chart as PNG (plot; to a file).</summary>
    Png,
}

/// <summary>
/// Renders a <see cref="CommandResult"/> in the format asked for, one class per format (<see cref="TableRenderer"/>,
/// <see cref="JsonRenderer"/>, <see cref="CsvRenderer"/>, <see cref="MarkdownRenderer"/>, <see cref="HtmlRenderer"/>). Every number in the invariant culture.
/// </summary>
internal static class Renderers
{
    /// <summary>Renders <paramref name="result"/> to <paramref name="output"/>; CSV sends derivations to <paramref name="diagnostics"/>.</summary>
    public static void Render(CommandResult result, OutputFormat format, bool explain, TextWriter output, TextWriter diagnostics, int width)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.Write(JsonRenderer.Render(result, explain));
                output.Write('\n');
                break;
            case OutputFormat.Csv:
                output.Write(CsvRenderer.Render(result));
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
                output.Write(MarkdownRenderer.Render(result, explain));
                break;
            case OutputFormat.Html:
                output.Write(HtmlRenderer.Render(result, explain));
                break;
            default:
                output.Write(TableRenderer.Render(result, explain, width));
                break;
        }
    }


    /// <summary>Every derivation's <see cref="Derivation.Explain"/>, separated by blank lines, duplicates dropped.</summary>
    public static string ExplainText(IEnumerable<Derivation> derivations) =>
        string.Join("\n", derivations.Distinct().Select(d => d.Explain()));
}

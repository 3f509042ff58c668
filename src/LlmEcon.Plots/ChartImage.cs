using System.Globalization;
using System.Text;
using LlmEcon.Charts;
using ScottPlot;

namespace LlmEcon.Plots;

/// <summary>The image formats a chart is drawn in.</summary>
public enum ImageKind
{
    /// <summary>PNG, a bitmap.</summary>
    Png,
    /// <summary>SVG, vector text (embeddable in HTML).</summary>
    Svg,
}

/// <summary>
/// Draws a <see cref="Chart"/> with ScottPlot: title, axis labels with units, a legend, labelled markers, log axes as powers of ten,
/// in DejaVu Sans (present on a bare Debian machine). The same chart gives the same bytes.
/// </summary>
public static class ChartImage
{
    /// <summary>The font every chart uses.</summary>
    public const string Font = "DejaVu Sans";

    /// <summary>The default size: readable at 800 px wide.</summary>
    public const int DefaultWidth = 800, DefaultHeight = 520;

    /// <summary>The chart drawn as <paramref name="kind"/>, <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public static byte[] Render(Chart chart, ImageKind kind, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(chart);
        Guard.InRange(width, "width", 200, 8000, false, false);
        Guard.InRange(height, "height", 150, 8000, false, false);
        Plot plot = Draw(chart.Validated(), svg: kind == ImageKind.Svg);
        return kind == ImageKind.Png
            ? plot.GetImageBytes(width, height, ImageFormat.Png)
            : new UTF8Encoding(false).GetBytes(plot.GetSvgXml(width, height));
    }

    /// <summary>
    /// The plot. Skia's SVG canvas has no dash effect (it draws the line solid and complains on standard error), so in SVG a dashed
    /// series is a thinner line at half opacity instead.
    /// </summary>
    private static Plot Draw(Chart chart, bool svg)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(chart.Title, size: 15);
        plot.XLabel(chart.XLabel, size: 13);
        plot.YLabel(chart.YLabel, size: 13);
        double X(double v) => chart.XScale == Scale.Log10 ? Math.Log10(v) : v;
        double Y(double v) => chart.YScale == Scale.Log10 ? Math.Log10(v) : v;
        var palette = new ScottPlot.Palettes.Category10();
        var groups = new Dictionary<string, Color>(StringComparer.Ordinal);
        int next = 0;
        foreach (Series s in chart.Series)
        {
            double[] xs = [.. s.X.Select(X)], ys = [.. s.Y.Select(Y)];
            Color color = s.Group is { } g && groups.TryGetValue(g, out Color c) ? c : palette.GetColor(next++);
            if (s.Group is { } key)
            {
                groups[key] = color;
            }

            var scatter = plot.Add.Scatter(xs, ys, color);
            scatter.LegendText = s.InLegend ? s.Name : "";
            switch (s.Style)
            {
                case SeriesStyle.Points:
                    scatter.LineWidth = 0;
                    scatter.MarkerSize = 8;
                    break;
                case SeriesStyle.Dashed when svg:
                    scatter.Color = color.WithAlpha(0.5);
                    scatter.LineWidth = 1.5f;
                    scatter.MarkerSize = 0;
                    break;
                case SeriesStyle.Dashed:
                    scatter.LinePattern = LinePattern.Dashed;
                    scatter.LineWidth = 1.5f;
                    scatter.MarkerSize = 0;
                    break;
                default:
                    scatter.LineWidth = 2;
                    scatter.MarkerSize = xs.Length <= 30 ? 5 : 0; // a curve's many points draw as a line
                    break;
            }
        }

        // Labels: one per point, skipped where an earlier label sits within 4% of the axes' spans (the point is still drawn)
        var placed = new List<(double X, double Y)>();
        double spanX = Span(chart.Markers.Select(m => X(m.X))), spanY = Span(chart.Markers.Select(m => Y(m.Y)));
        foreach (Marker m in chart.Markers)
        {
            double mx = X(m.X), my = Y(m.Y);
            if (placed.Any(p => Math.Abs(p.X - mx) < 0.04 * spanX && Math.Abs(p.Y - my) < 0.04 * spanY))
            {
                continue;
            }

            placed.Add((mx, my));
            var text = plot.Add.Text(m.Label, mx, my);
            text.LabelFontSize = 10;
            text.LabelFontName = Font;
            text.LabelOffsetX = 5;
            text.LabelOffsetY = -5;
        }

        bool wholeX = chart.Series.SelectMany(s => s.X).All(v => v == Math.Round(v));
        plot.Axes.Bottom.TickGenerator = chart.XScale == Scale.Log10 ? LogTicks() : LinearTicks(wholeX);
        plot.Axes.Left.TickGenerator = chart.YScale == Scale.Log10 ? LogTicks() : LinearTicks(false);
        plot.Axes.Margins(left: 0.05, right: chart.Markers.Count > 0 ? 0.18 : 0.05, bottom: 0.08, top: 0.1);
        plot.ShowLegend(chart.Legend switch
        {
            Corner.UpperRight => Alignment.UpperRight,
            Corner.LowerLeft => Alignment.LowerLeft,
            Corner.LowerRight => Alignment.LowerRight,
            _ => Alignment.UpperLeft,
        });
        plot.Legend.FontName = Font;
        plot.Legend.FontSize = 11;
        return plot;
    }

    /// <summary>Ticks at powers of ten (the data are log10 of the values), labelled as the values: 1e6, 100, 0.01.</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        IntegerTicksOnly = true,
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        LabelFormatter = v => Label(Math.Pow(10, v)),
    };

    /// <summary>Linear ticks (whole numbers only when every x is one: years) labelled in the invariant culture without group separators (a year is 2024, not 2,024).</summary>
    private static ScottPlot.TickGenerators.NumericAutomatic LinearTicks(bool wholeNumbers) => new() { LabelFormatter = Label, IntegerTicksOnly = wholeNumbers };

    private static double Span(IEnumerable<double> values)
    {
        double[] v = [.. values];
        return v.Length < 2 ? 1 : Math.Max(v.Max() - v.Min(), 1e-9);
    }

    private static string Label(double v) =>
        v == 0 ? "0" : Math.Abs(v) is >= 0.001 and < 100_000 ? v.ToString("0.###", CultureInfo.InvariantCulture) : v.ToString("0.###e0", CultureInfo.InvariantCulture);
}

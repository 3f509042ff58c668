namespace LlmEcon.Charts;

/// <summary>How an axis is scaled.</summary>
public enum Scale
{
    /// <summary>Linear.</summary>
    Linear,
    /// <summary>Logarithmic, base 10 (every value &gt; 0).</summary>
    Log10,
}

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>Points joined by a line.</summary>
    Line,
    /// <summary>Points only.</summary>
    Points,
    /// <summary>A dashed line (a reference: a roof, y = x).</summary>
    Dashed,
}

/// <summary>Where the legend sits, clear of the data.</summary>
public enum Corner
{
    /// <summary>Upper left.</summary>
    UpperLeft,
    /// <summary>Upper right.</summary>
    UpperRight,
    /// <summary>Lower left.</summary>
    LowerLeft,
    /// <summary>Lower right.</summary>
    LowerRight,
}

/// <summary>One named series of (x, y) points, in the chart's units.</summary>
/// <param name="Name">The legend's label.</param>
/// <param name="X">x values.</param>
/// <param name="Y">y values, one per x.</param>
/// <param name="Style">How it is drawn.</param>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, SeriesStyle Style)
{
    /// <summary>Whether the legend lists it (contours are labelled on the curve instead). Default: true.</summary>
    public bool InLegend { get; init; } = true;

    /// <summary>Series of one group share a colour (a cost and the same cost after the levers); null: a colour of its own.</summary>
    public string? Group { get; init; }
}

/// <summary>A labelled point (a published run, a chip) drawn over the series.</summary>
/// <param name="Label">Its label.</param>
/// <param name="X">x.</param>
/// <param name="Y">y.</param>
public sealed record Marker(string Label, double X, double Y);

/// <summary>
/// What a chart shows, computed by the library and drawn by whatever renders it (LlmEcon.Plots: PNG and SVG; the CLI: the same
/// data as JSON or CSV): title, axis labels with their units, scales, series, labelled markers and notes.
/// </summary>
/// <param name="Key">The chart's kind, as <c>llmecon plot KIND</c> names it.</param>
/// <param name="Title">Its title.</param>
/// <param name="XLabel">The x axis, with its unit.</param>
/// <param name="YLabel">The y axis, with its unit.</param>
/// <param name="XScale">The x axis's scale.</param>
/// <param name="YScale">The y axis's scale.</param>
/// <param name="Series">The series, in legend order.</param>
/// <param name="Markers">Labelled points.</param>
/// <param name="Notes">What a reader needs besides the picture (assumptions, sources).</param>
public sealed record Chart(string Key, string Title, string XLabel, string YLabel, Scale XScale, Scale YScale, IReadOnlyList<Series> Series,
    IReadOnlyList<Marker> Markers, IReadOnlyList<string> Notes)
{
    /// <summary>Where the legend sits. Default: upper left.</summary>
    public Corner Legend { get; init; } = Corner.UpperLeft;

    /// <summary>Checks that every series has as many y as x, every value is finite, and every value on a log axis is positive.</summary>
    public Chart Validated()
    {
        foreach (Series s in Series)
        {
            if (s.X.Count != s.Y.Count)
            {
                throw Guard.Fail("series", $"as many y as x values ('{s.Name}': {s.X.Count} x)", $"{s.Y.Count} y");
            }

            Check(s.X, XScale, s.Name + " x");
            Check(s.Y, YScale, s.Name + " y");
        }

        Check([.. Markers.Select(m => m.X)], XScale, "marker x");
        Check([.. Markers.Select(m => m.Y)], YScale, "marker y");
        return this;
    }

    private static void Check(IReadOnlyList<double> values, Scale scale, string what)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v) || (scale == Scale.Log10 && v <= 0))
            {
                throw Guard.Fail(what, scale == Scale.Log10 ? "finite and > 0 on a log axis" : "finite", Guard.Show(v));
            }
        }
    }
}

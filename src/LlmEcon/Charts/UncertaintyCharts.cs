using LlmEcon.Scenarios;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Charts;

/// <summary>The charts of a Monte Carlo (an output's histogram) and of a tornado (each input's swing of one output).</summary>
public static class UncertaintyCharts
{
    /// <summary>
    /// An output's histogram as a step line over its bins, with the mean and the 5th, 50th and 95th percentiles marked.
    /// </summary>
    public static Chart Histogram(OutputSummary output, long samples, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(output);
        int bins = output.Histogram.Count;
        double width = (output.HistogramHigh - output.HistogramLow) / bins;
        var x = new List<double>();
        var y = new List<double>();
        for (int b = 0; b < bins; b++)
        {
            double left = output.HistogramLow + (b * width);
            x.AddRange([left, left + width]);
            y.AddRange([output.Histogram[b], output.Histogram[b]]);
        }

        double top = output.Histogram.Count == 0 ? 0 : output.Histogram.Max();
        Series Line(string name, double at) => new(name, [at, at], [0, top], SeriesStyle.Dashed);
        List<Series> series = [new("samples per bin", x, y, SeriesStyle.Line), Line($"P5 {Compact(output.P5)}", output.P5),
            Line($"P50 {Compact(output.P50)}", output.P50), Line($"P95 {Compact(output.P95)}", output.P95), Line($"mean {Compact(output.Mean)}", output.Mean)];
        return new Chart("monte-carlo", $"Monte Carlo: {output.Name} ({Integer(samples)} samples, seed {seed})", output.Name, "samples per bin",
            Scale.Linear, Scale.Linear, [.. series.Where(s => s.X.All(double.IsFinite))], [],
            [$"{bins} equal bins from {Compact(output.HistogramLow)} to {Compact(output.HistogramHigh)}; values beyond an edge counted in its bin."])
        {
            Legend = Corner.UpperRight,
        }.Validated();
    }

    /// <summary>Empty levels below the bars, where the legend goes.</summary>
    private const int Room = 2;

    /// <summary>One output's tornado: a horizontal bar per input from the output at its low end to the output at its high end, the largest swing on top.</summary>
    public static Chart Tornado(IReadOnlyList<TornadoBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (bars.Count == 0 || bars.Any(b => b.Output != bars[0].Output))
        {
            throw new ArgumentException("A tornado chart draws the bars of one output.", nameof(bars));
        }

        TornadoBar[] drawn = [.. bars.Where(b => double.IsFinite(b.Swing))];
        var series = new List<Series>();
        for (int i = 0; i < drawn.Length; i++)
        {
            double level = drawn.Length - i + Room; // the largest swing on top
            TornadoBar b = drawn[i];
            series.Add(new Series($"{b.Input} {Compact(b.InputLow)} → {Compact(b.InputHigh)}", [b.AtLow, b.AtHigh], [level, level], SeriesStyle.Line));
        }

        double baseline = bars[0].Base;
        series.Add(new Series($"base {Compact(baseline)}", [baseline, baseline], [0.5, drawn.Length + Room + 0.5], SeriesStyle.Dashed));
        return new Chart("tornado", $"Tornado: {bars[0].Output}", bars[0].Output, "inputs, largest swing on top", Scale.Linear, Scale.Linear, series,
            [.. drawn.Select((b, i) => new Marker(b.Input, Math.Max(b.AtLow, b.AtHigh), drawn.Length - i + Room))],
            ["Each input alone at the two ends of its swing, the others at base."])
        {
            Legend = Corner.LowerRight,
        }.Validated();
    }
}

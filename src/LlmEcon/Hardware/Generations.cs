using LlmEcon.Catalog;
using LlmEcon.Derivations;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Hardware;

/// <summary>One step from one generation to the next: the gains in throughput per dollar and per watt (eq. 15).</summary>
/// <param name="From">Older accelerator id.</param>
/// <param name="To">Newer accelerator id.</param>
/// <param name="Years">Years between the two (the article's years).</param>
/// <param name="PerUsdGain">Ratio of GFLOP/s per USD, new over old.</param>
/// <param name="PerWattGain">Ratio of GFLOP/s per W, new over old.</param>
/// <param name="Derivation">Eq. 15 substituted.</param>
public sealed record GenerationStep(string From, string To, int Years, double PerUsdGain, double PerWattGain, Derivation Derivation);

/// <summary>Hardware generations: GFLOP/s per dollar and per watt, per-generation gains, annualised rates (eq. 15; Sun 2023 §5).</summary>
public static class Generations
{
    /// <summary>The accelerators that carry the article's generation figures, oldest first.</summary>
    public static IReadOnlyList<Accelerator> ArticleSeries(LlmCatalog catalog) =>
        catalog.Accelerators.Where(a => a.ArticleGeneration is not null).OrderBy(a => a.ArticleGeneration!.Year).ToList();

    /// <summary>gain = metric(new) / metric(old), for each consecutive pair of the series.</summary>
    public static IReadOnlyList<GenerationStep> Steps(IReadOnlyList<Accelerator> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var steps = new List<GenerationStep>();
        for (int i = 1; i < series.Count; i++)
        {
            ArticleGeneration a = series[i - 1].ArticleGeneration ?? throw Guard.Fail("series", "accelerators with article generation figures", series[i - 1].Id);
            ArticleGeneration b = series[i].ArticleGeneration ?? throw Guard.Fail("series", "accelerators with article generation figures", series[i].Id);
            double usd = b.GflopsPerSecondPerUsd / a.GflopsPerSecondPerUsd;
            double watt = b.GflopsPerSecondPerWatt / a.GflopsPerSecondPerWatt;
            steps.Add(new GenerationStep(series[i - 1].Id, series[i].Id, b.Year - a.Year, usd, watt,
                new Derivation($"{series[i].Id} over {series[i - 1].Id}", "(15) Sun 2023 §5", "gain = metric(new) / metric(old)",
                    $"{Compact(b.GflopsPerSecondPerUsd)} / {Compact(a.GflopsPerSecondPerUsd)} GFLOP/s per $; {Compact(b.GflopsPerSecondPerWatt)} / {Compact(a.GflopsPerSecondPerWatt)} GFLOP/s per W",
                    $"{Compact(usd, 3)}× per $, {Compact(watt, 3)}× per W",
                    [
                        new Term(series[i - 1].Id, "GFLOP/s per $ and per W", $"{Compact(a.GflopsPerSecondPerUsd)}, {Compact(a.GflopsPerSecondPerWatt)}", new Provenance(series[i - 1].Id, "articleGeneration", a.Source, a.Date)),
                        new Term(series[i].Id, "GFLOP/s per $ and per W", $"{Compact(b.GflopsPerSecondPerUsd)}, {Compact(b.GflopsPerSecondPerWatt)}", new Provenance(series[i].Id, "articleGeneration", b.Source, b.Date)),
                    ])));
        }

        return steps;
    }

    /// <summary>Annualised rate of a gain over <paramref name="years"/>: gain^(1/years) − 1 (a 1.5× generation every 2 years ≈ 22%/year).</summary>
    public static double AnnualisedRate(double gain, double years) =>
        Math.Pow(Guard.Positive(gain, "gain"), 1 / Guard.Positive(years, "years")) - 1;

    /// <summary>Geometric mean of several gains: the typical per-generation gain.</summary>
    public static double GeometricMean(IEnumerable<double> gains)
    {
        var list = gains.ToList();
        return list.Count == 0 ? throw Guard.Fail("gains", "at least one gain", "none")
            : Math.Exp(list.Average(g => Math.Log(Guard.Positive(g, "gain"))));
    }
}

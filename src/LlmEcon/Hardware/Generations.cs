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
/// <param name="Derivation">Eq. 15 for the gain per dollar.</param>
/// <param name="PerWattDerivation">Eq. 15 for the gain per watt.</param>
public sealed record GenerationStep(string From, string To, int Years, double PerUsdGain, double PerWattGain, Derivation Derivation, Derivation PerWattDerivation);

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
            Provenance pa = new(series[i - 1].Id, "articleGeneration", a.Source, a.Date), pb = new(series[i].Id, "articleGeneration", b.Source, b.Date);
            Expr usd = Expr.In("new", $"GFLOP/s per $ of {series[i].Id}", b.GflopsPerSecondPerUsd, Compact(b.GflopsPerSecondPerUsd) + " GFLOP/s/$", pb)
                / Expr.In("old", $"GFLOP/s per $ of {series[i - 1].Id}", a.GflopsPerSecondPerUsd, Compact(a.GflopsPerSecondPerUsd) + " GFLOP/s/$", pa);
            Expr watt = Expr.In("new", $"GFLOP/s per W of {series[i].Id}", b.GflopsPerSecondPerWatt, Compact(b.GflopsPerSecondPerWatt) + " GFLOP/s/W", pb)
                / Expr.In("old", $"GFLOP/s per W of {series[i - 1].Id}", a.GflopsPerSecondPerWatt, Compact(a.GflopsPerSecondPerWatt) + " GFLOP/s/W", pa);
            steps.Add(new GenerationStep(series[i - 1].Id, series[i].Id, b.Year - a.Year, usd.Value, watt.Value,
                Derivation.Of($"{series[i].Id} over {series[i - 1].Id}, throughput per $", "(15) Sun 2023 §5", usd, v => Compact(v, 3) + "×"),
                Derivation.Of($"{series[i].Id} over {series[i - 1].Id}, throughput per W", "(15) Sun 2023 §5", watt, v => Compact(v, 3) + "×")));
        }

        return steps;
    }

    /// <summary>Annualised rate of a gain over <paramref name="years"/>: gain^(1/years) − 1 (a 1.5× generation every 2 years ≈ 22%/year).</summary>
    public static double AnnualisedRate(double gain, double years) => AnnualisedRateOf(gain, years).Value ?? double.NaN;

    /// <summary>The annualised rate with its derivation (eq. 15): gain^(1/years) − 1.</summary>
    public static Derivation AnnualisedRateOf(double gain, double years, string what = "throughput")
    {
        Expr rate = Expr.Pow(Expr.In("gain", "gain per generation", Guard.Positive(gain, "gain"), Compact(gain) + "×"),
            Expr.Const(1) / Expr.In("years", "years per generation", Guard.Positive(years, "years"), Compact(years) + " years")) - Expr.Const(1);
        return Derivation.Of($"{what} growth per year", "(15) gain^(1/years) − 1", rate, v => Percent(v, 2));
    }

    /// <summary>Geometric mean of several gains: the typical per-generation gain.</summary>
    public static double GeometricMean(IEnumerable<double> gains)
    {
        var list = gains.ToList();
        return list.Count == 0 ? throw Guard.Fail("gains", "at least one gain", "none")
            : Math.Exp(list.Average(g => Math.Log(Guard.Positive(g, "gain"))));
    }
}

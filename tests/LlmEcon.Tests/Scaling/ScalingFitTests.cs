using System.Runtime.CompilerServices;
using LlmEcon.Catalog;
using LlmEcon.Scaling;
using LlmEcon.Scaling.Fitting;
using Xunit;

namespace LlmEcon.Tests.Scaling;

/// <summary>
/// The fit of L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, appendix D.2): recovery of known laws from synthetic runs,
/// the Figure 4 data against Besiroglu et al. (2024), and located errors for bad CSV input.
/// </summary>
public class ScalingFitTests
{
    private static readonly ScalingLaw Article = LlmCatalog.BuiltIn.ScalingLaw("chinchilla-article");

    internal static string DataPath([CallerFilePath] string caller = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", "..", "data", "chinchilla-figure4.csv"));

    /// <summary>Runs on a log grid: N from 10^7 to 10^10.5 (8 sizes) × D/N from 5 to 160 (6 ratios) = 48 runs.</summary>
    internal static List<ScalingObservation> Synthetic(ScalingLaw law, double noise, int seed)
    {
        var random = new Random(seed);
        var rows = new List<ScalingObservation>();
        for (int i = 0; i < 8; i++)
        {
            for (int j = 0; j < 6; j++)
            {
                double n = Math.Pow(10, 7 + 0.5 * i), d = n * 5 * Math.Pow(2, j);
                double loss = law.E + law.A / Math.Pow(n, law.Alpha) + law.B / Math.Pow(d, law.Beta);
                // Multiplicative noise: ln L + σ·z, z standard normal (Box–Muller).
                double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                rows.Add(new ScalingObservation(n, d, loss * Math.Exp(noise * z)));
            }
        }

        return rows;
    }

    private static void Relative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual / expected - 1) <= tolerance, $"{what}: expected {expected} within {tolerance:P3}, got {actual}");

    [Fact]
    public void Fit_NoiseFreeRuns_RecoversTheLawExactly()
    {
        // Exact losses from the article's law: the objective's global minimum is 0, at the law itself.
        ScalingFitResult fit = ScalingFit.Fit(ScalingDataset.Of(Synthetic(Article, 0, 1)));
        Relative(Article.E, fit.Law.E, 1e-6, "E");
        Relative(Article.A, fit.Law.A, 1e-5, "A");
        Relative(Article.B, fit.Law.B, 1e-5, "B");
        Relative(Article.Alpha, fit.Law.Alpha, 1e-6, "alpha");
        Relative(Article.Beta, fit.Law.Beta, 1e-6, "beta");
        Assert.True(fit.Residuals.MaxAbsolute < 1e-8);
    }

    [Fact]
    public void Fit_NoisyRuns_RecoversADifferentLaw()
    {
        // A law unlike the article's (β > α, large B), 0.5% lognormal noise on every loss. 48 runs pin the exponents to about
        // ±0.02 and E to about ±0.02 (the bootstrap standard errors below say how sure the fit is).
        var truth = new ScalingLaw("truth", "synthetic", 1.8, 500, 2000, 0.35, 0.37, "test", "2026-11");
        var data = ScalingDataset.Of(Synthetic(truth, 0.005, 7));
        ScalingFitResult fit = ScalingFit.Fit(data);
        Assert.InRange(fit.Law.E, 1.78, 1.82);
        Assert.InRange(fit.Law.Alpha, 0.33, 0.37);
        Assert.InRange(fit.Law.Beta, 0.35, 0.39);
        Assert.InRange(fit.Residuals.RootMeanSquare, 0.003, 0.007); // the noise σ was 0.005
    }

    [Fact]
    public void Fit_DoesNotDependOnTheThreadCount()
    {
        var data = ScalingDataset.Of(Synthetic(Article, 0.01, 3));
        ScalingFitResult one = ScalingFit.Fit(data, new FitOptions(MaxDegreeOfParallelism: 1));
        ScalingFitResult two = ScalingFit.Fit(data, new FitOptions(MaxDegreeOfParallelism: 2));
        Assert.Equal(one.LogParameters, two.LogParameters);
        Assert.Equal(one.Objective, two.Objective);
    }

    [Fact]
    public void Fit_Figure4_AgreesWithBesiroglu2024()
    {
        // Besiroglu et al. (2024), "Chinchilla Scaling: A replication attempt", Table 1, their estimate on the same 240 points
        // (standard errors): E 1.82 (0.03), A 482.01 (124.58), B 2085.43 (1293.23), α 0.3478 (0.02), β 0.3658 (0.02).
        // Our fit must lie within one of their standard errors of each.
        ScalingDataset data = ScalingCsv.ReadFile(DataPath()).DropHighestLoss(5);
        Assert.Equal(240, data.Rows.Count);
        ScalingFitResult fit = ScalingFit.Fit(data);
        Assert.InRange(fit.Law.E, 1.82 - 0.03, 1.82 + 0.03);
        Assert.InRange(fit.Law.A, 482.01 - 124.58, 482.01 + 124.58);
        Assert.InRange(fit.Law.B, 2085.43 - 1293.23, 2085.43 + 1293.23);
        Assert.InRange(fit.Law.Alpha, 0.3478 - 0.02, 0.3478 + 0.02);
        Assert.InRange(fit.Law.Beta, 0.3658 - 0.02, 0.3658 + 0.02);
        Assert.Equal(4500, fit.Starts);
    }

    [Fact]
    public void Fit_Figure4_FitsBetterThanTheArticlesLaw()
    {
        // Besiroglu et al. (2024): Hoffmann et al.'s rounded law fits the extracted data poorly. The fitted objective must be lower than
        // the article law's on the same rows.
        ScalingDataset data = ScalingCsv.ReadFile(DataPath()).DropHighestLoss(5);
        ScalingFitResult fit = ScalingFit.Fit(data);
        double ArticleObjective()
        {
            double sum = 0;
            foreach (ScalingObservation o in data.Rows)
            {
                double r = Math.Log(Article.E + Article.A / Math.Pow(o.Parameters, Article.Alpha) + Article.B / Math.Pow(o.Tokens, Article.Beta)) - Math.Log(o.Loss);
                sum += Math.Abs(r) <= 1e-3 ? 0.5 * r * r : 1e-3 * (Math.Abs(r) - 0.5e-3);
            }

            return sum;
        }

        Assert.True(fit.Objective < ArticleObjective(), $"fit {fit.Objective} vs article {ArticleObjective()}");
    }

    [Fact]
    public void Grid_Chinchilla_Has4500Starts()
    {
        // 5 α × 5 β × 5 e × 6 a × 6 b (Hoffmann et al. 2022, D.2).
        Assert.Equal(5 * 5 * 5 * 6 * 6, FitGrid.Chinchilla.Count);
        Assert.Equal([0, 5, 10, 15, 20, 25], FitGrid.Chinchilla.A);
        Assert.Equal([-1, -0.5, 0, 0.5, 1], FitGrid.Chinchilla.E);
    }

    [Fact]
    public void DropHighestLoss_DropsExactlyTheHighest()
    {
        ScalingDataset data = ScalingCsv.ReadFile(DataPath());
        Assert.Equal(245, data.Rows.Count);
        ScalingDataset kept = data.DropHighestLoss(5);
        Assert.Equal(5, kept.Dropped.Count);
        Assert.True(kept.Dropped.Min(o => o.Loss) >= kept.Rows.Max(o => o.Loss));
    }

    [Fact]
    public void Csv_TokensFromFlops_AreCOver6N()
    {
        ScalingDataset data = ScalingCsv.Read("Model Size,Training FLOP,loss\n1e9,6e19,3\n2e9,1.2e20,2.9\n3e9,1.8e20,2.8\n4e9,2.4e20,2.7\n5e9,3e20,2.6\n6e9,3.6e20,2.5\n", "t.csv");
        Assert.True(data.TokensFromFlops);
        Assert.All(data.Rows, o => Assert.Equal(1e10, o.Tokens, 1e-3));
        Assert.Equal(2, data.Rows[0].Line);
    }

    [Theory]
    [InlineData("N,D,loss\n1e9,2e10,abc\n", "t.csv line 2, column 'loss', must be a number such as 2.5, 1e-3 or 1,000; got 'abc'.")]
    [InlineData("N,D,loss\n1e9,2e10,-3\n", "t.csv line 2, column 'loss', must be a number > 0; got -3.")]
    [InlineData("N,D,loss\n1e9,2e10\n", "t.csv line 2 must be a row of 3 fields, as the header; got 2 fields.")]
    [InlineData("N,D,loss\n1e9,2e10,\"2,5\"\n", "t.csv line 2, column 'loss', must be a number such as 2.5, 1e-3 or 1,000; got '2,5'. Use '.' as the decimal point; ',' only separates thousands (1,000).")]
    [InlineData("N,D,loss\n1e9,x,3\n", "t.csv line 2, column 'D', must be a count such as 1.4T, 16K or 1e3; got 'x'.")]
    [InlineData("N,params,loss\n1e9,1e9,3\n", "columns.Parameters must be given: columns 'N' and 'params' of t.csv all look like the parameter count N; got nothing.")]
    [InlineData("N,D,n,loss\n1e9,1e9,1e9,3\n", "t.csv must be a header that names each column once; got 'N' in columns 1 and 3.")]
    [InlineData("size,D,loss\n1e9,2e10,3\n", "columns.Parameters must be given: no column of t.csv looks like the parameter count N; got nothing. Columns: size, D, loss.")]
    [InlineData("N,D,loss\n1e9,2e10,3\n", "t.csv must be at least 6 data rows (the law has 5 parameters); got 1.")]
    [InlineData("", "t.csv must be a CSV file with a header row; got an empty file.")]
    public void Csv_BadInput_IsLocated(string text, string message)
    {
        var e = Assert.Throws<InputException>(() => ScalingCsv.Read(text, "t.csv"));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Csv_NamedColumnMissing_SuggestsTheNearest()
    {
        var e = Assert.Throws<InputException>(() => ScalingCsv.Read("N,D,loss\n1e9,2e10,3\n", "t.csv", new ScalingColumns(Loss: "los")));
        Assert.Equal("columns.Loss must be a column of t.csv; got 'los'. Did you mean 'loss'?", e.Message);
    }

    [Fact]
    public void Csv_AnyColumnMayComeFirst_AndIsNamedAsTheHeaderHasIt()
    {
        // D in the first column (index 0) is still D, not a cue to read C; the loss first, with a column named by the caller
        ScalingDataset tokensFirst = ScalingCsv.Read("Tokens,N,loss\n2e10,1e9,3\n4e10,2e9,2.9\n6e10,3e9,2.8\n8e10,4e9,2.7\n1e11,5e9,2.6\n1.2e11,6e9,2.5\n", "t.csv");
        Assert.False(tokensFirst.TokensFromFlops);
        Assert.Equal((2e10, 1e9, 3.0), (tokensFirst.Rows[0].Tokens, tokensFirst.Rows[0].Parameters, tokensFirst.Rows[0].Loss));
        ScalingDataset lossFirst = ScalingCsv.Read("L,N,D\n3,1e9,2e10\n2.9,2e9,4e10\n2.8,3e9,6e10\n2.7,4e9,8e10\n2.6,5e9,1e11\n2.5,6e9,1.2e11\n", "t.csv", new ScalingColumns(Loss: "l"));
        Assert.Equal((3.0, 1e9, 2e10), (lossFirst.Rows[0].Loss, lossFirst.Rows[0].Parameters, lossFirst.Rows[0].Tokens));
        // the smallest counts the rules allow are read, not refused: one parameter (N ≥ 1)
        ScalingDataset tiny = ScalingCsv.Read("N,D,loss\n1,2e10,3\n2e9,4e10,2.9\n3e9,6e10,2.8\n4e9,8e10,2.7\n5e9,1e11,2.6\n6e9,1.2e11,2.5\n", "t.csv");
        Assert.Equal(1, tiny.Rows[0].Parameters);
    }

    [Fact]
    public void Csv_ABlankRowIsSkipped_ARowWithOneEmptyCellIsNot()
    {
        ScalingDataset blank = ScalingCsv.Read("N,D,loss\n1e9,2e10,3\n,,\n2e9,4e10,2.9\n3e9,6e10,2.8\n4e9,8e10,2.7\n5e9,1e11,2.6\n6e9,1.2e11,2.5\n", "t.csv");
        Assert.Equal(6, blank.Rows.Count);
        Assert.Equal(4, blank.Rows[1].Line);
        var e = Assert.Throws<InputException>(() => ScalingCsv.Read("N,D,loss\n1e9,,3\n2e9,4e10,2.9\n3e9,6e10,2.8\n4e9,8e10,2.7\n5e9,1e11,2.6\n6e9,1.2e11,2.5\n", "t.csv"));
        Assert.StartsWith("t.csv line 2, column 'D',", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DroppedRows_AreTheHighestLoss_InFileOrder_TiesByTheEarlierRow()
    {
        // losses 3, 3.5, 2.9, 3.5, 2.8, 2.7, 2.6, 2.5 on lines 2–9: dropping 2 takes both 3.5s (lines 3 and 5), listed in file order
        ScalingDataset data = ScalingCsv.Read("N,D,loss\n1e9,2e10,3\n2e9,4e10,3.5\n3e9,6e10,2.9\n4e9,8e10,3.5\n5e9,1e11,2.8\n6e9,1.2e11,2.7\n7e9,1.4e11,2.6\n8e9,1.6e11,2.5\n", "t.csv");
        Assert.Equal([3, 5], data.DropHighestLoss(2).Dropped.Select(o => o.Line));
        // one of two equal losses: the earlier row goes
        Assert.Equal([3], data.DropHighestLoss(1).Dropped.Select(o => o.Line));
    }

    [Fact]
    public void Csv_Cells_TakeTheOneGrammar()
    {
        // 100M and 2B are counts as people write them; "1,000,000,000" has thousands separators (quoted, as CSV requires).
        ScalingDataset data = ScalingCsv.Read("N,D,loss\n100M,2B,3.1\n\"1,000,000,000\",20e9,2.9\n2e9,4e10,2.8\n3e9,6e10,2.7\n4e9,8e10,2.6\n5e9,1e11,2.5\n", "t.csv");
        Assert.Equal(100e6, data.Rows[0].Parameters);
        Assert.Equal(2e9, data.Rows[0].Tokens);
        Assert.Equal(1e9, data.Rows[1].Parameters);
    }

    [Fact]
    public void Fit_RunsThatShareOneN_AreRefused()
    {
        // One model size trained on six data sizes: A and α trade off freely against E, so no fit is an answer.
        var rows = Enumerable.Range(1, 6).Select(k => new ScalingObservation(1e9, k * 1e10, 2 + 1.0 / k)).ToList();
        var e = Assert.Throws<InputException>(() => ScalingFit.Fit(ScalingDataset.Of(rows, "one-size.csv")));
        Assert.Equal("one-size.csv must be runs at 3 or more different parameter counts N (the data cannot identify A and α otherwise); got one value, 1000000000, in all 6 runs.", e.Message);
    }

    [Fact]
    public void Fit_OnAGridThatDoesNotBracketTheOptimum_Warns()
    {
        // The article's law has α = 0.34: a grid of α ∈ {1, 1.5, 2} cannot bracket it, and the fit says so.
        var grid = FitGrid.Chinchilla with { Alpha = [1, 1.5, 2] };
        ScalingFitResult fit = ScalingFit.Fit(ScalingDataset.Of(Synthetic(Article, 0, 1)), new FitOptions(Grid: grid));
        Assert.Contains(fit.Warnings, w => w.StartsWith("the fitted α = 0.34 is at or beyond the edge of the starting grid's range [1, 2]", StringComparison.Ordinal));
        Assert.Empty(ScalingFit.Fit(ScalingDataset.Of(Synthetic(Article, 0, 1))).Warnings);
    }

    [Fact]
    public void Fit_AGridBeyondTheBound_IsRefusedWithAnEstimate()
    {
        var huge = new FitGrid(FitGrid.Steps(0, 100, 0.01), FitGrid.Steps(0, 100, 0.01), [0], [0], [0]);
        var e = Assert.Throws<InputException>(() => ScalingFit.Fit(ScalingDataset.Of(Synthetic(Article, 0, 1)), new FitOptions(Grid: huge)));
        Assert.StartsWith("grid must be at most 1,000,000 starting points (the default has 4,500); got 100,020,001, about ", e.Message, StringComparison.Ordinal);
    }
}

using System.Globalization;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Quantities;
using LlmEcon.Scaling.Fitting;

namespace LlmEcon.Cli.Commands;

/// <summary>Reading runs from a CSV file and fitting a law to them (shared by <c>scaling fit</c> and <c>scaling plan --fit</c>).</summary>
internal static class FitData
{
    /// <summary>The options that read the runs and shape the fit.</summary>
    public static readonly IReadOnlyList<Opt> Options =
        [O.ParamsColumn, O.TokensColumn, O.FlopsColumn, O.LossColumn, O.DropHighest, O.Delta, O.GridAlpha, O.GridBeta, O.GridE, O.GridA, O.GridB];

    /// <summary>The library's <see cref="ScalingColumns"/> properties, as the options that set them.</summary>
    private static readonly Dictionary<string, TextOpt> ColumnFlags = new(StringComparer.Ordinal)
    {
        ["columns.Parameters"] = O.ParamsColumn,
        ["columns.Tokens"] = O.TokensColumn,
        ["columns.Flops"] = O.FlopsColumn,
        ["columns.Loss"] = O.LossColumn,
    };

    /// <summary>Reads the runs from <paramref name="file"/> (named <paramref name="flag"/> in errors) with the column and drop options.</summary>
    public static ScalingDataset Read(Args a, string file, string flag)
    {
        ScalingDataset data;
        try
        {
            data = ScalingCsv.ReadFile(file, new ScalingColumns(a.Text(O.ParamsColumn), a.Text(O.TokensColumn), a.Text(O.FlopsColumn), a.Text(O.LossColumn)), flag);
        }
        catch (InputException e) when (ColumnFlags.TryGetValue(e.Parameter, out TextOpt? option))
        {
            throw e.Renamed(option.Name);
        }

        long drop = a.Value(O.DropHighest, 0);
        long most = data.Rows.Count - ScalingFit.MinimumRows;
        if (drop > most)
        {
            throw Guard.Fail(O.DropHighest.Name, $"a whole number in [0, {most}] (the fit needs {ScalingFit.MinimumRows} of the {data.Rows.Count} runs)",
                drop.ToString(CultureInfo.InvariantCulture));
        }

        return data.DropHighestLoss((int)drop);
    }

    /// <summary>The fit options from --delta and --grid-*.</summary>
    public static FitOptions FitOptionsOf(Args a)
    {
        FitGrid d = FitGrid.Chinchilla;
        var grid = new FitGrid(List(a, O.GridAlpha, d.Alpha, 0, 10), List(a, O.GridBeta, d.Beta, 0, 10), List(a, O.GridE, d.E, -100, 100),
            List(a, O.GridA, d.A, -100, 100), List(a, O.GridB, d.B, -100, 100));
        if (grid.Count > ScalingFit.MaximumStarts)
        {
            throw Guard.Fail("--grid-alpha × --grid-beta × --grid-e × --grid-a × --grid-b",
                string.Create(CultureInfo.InvariantCulture, $"at most {ScalingFit.MaximumStarts:#,0} starting points together (the default grid has {d.Count:#,0})"),
                string.Create(CultureInfo.InvariantCulture, $"{grid.Count:#,0}"), "use coarser steps");
        }

        return new FitOptions(a.Value(O.Delta, FitOptions.DefaultDelta), grid);
    }

    /// <summary>Fits, with progress on standard error once the fit has run a second.</summary>
    public static ScalingFitResult Fit(ScalingDataset data, FitOptions options, string id, Io io)
    {
        var progress = new Progress("fit", "starts", options.StartGrid.Count, io);
        ScalingFitResult fit = ScalingFit.Fit(data, options, id, DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), progress);
        progress.Done();
        return fit;
    }

    /// <summary>
    /// A grid list: 'low:high:step' or a comma list, every value in [<paramref name="min"/>, <paramref name="max"/>] (exponents
    /// α, β in [0, 10]; logs e, a, b in [-100, 100]: beyond them e^x overflows the objective).
    /// </summary>
    private static IReadOnlyList<double> List(Args a, TextOpt option, IReadOnlyList<double> fallback, double min, double max)
    {
        if (a.Text(option) is not { } text)
        {
            return fallback;
        }

        string rule = string.Create(CultureInfo.InvariantCulture,
            $"'low:high:step' (low ≤ high, step > 0, at most 10,001 values) or a comma list of numbers, each in [{Guard.Show(min)}, {Guard.Show(max)}]");
        double Value(string v) => (v.Trim().StartsWith('-') ? -1 : 1) * QuantityParser.Number(v.Trim().TrimStart('-'), option.Name);
        string[] range = text.Split(':');
        IReadOnlyList<double> values;
        try
        {
            if (range.Length == 3)
            {
                double low = Value(range[0]), high = Value(range[1]), step = Value(range[2]);
                values = low <= high && step > 0 && (high - low) / step <= 10_000 ? FitGrid.Steps(low, high, step) : throw Guard.Fail(option.Name, rule, $"'{text}'");
            }
            else
            {
                values = range.Length == 1 ? [.. text.Split(',').Select(Value)] : throw Guard.Fail(option.Name, rule, $"'{text}'");
            }
        }
        catch (InputException e) when (e.Rule != rule)
        {
            throw Guard.Fail(option.Name, rule, $"'{text}'");
        }

        return values.All(v => v >= min && v <= max) ? values : throw Guard.Fail(option.Name, rule, $"'{text}'");
    }
}

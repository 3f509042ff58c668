using System.Globalization;
using LlmEcon.Quantities;
using Microsoft.VisualBasic.FileIO;

namespace LlmEcon.Scaling.Fitting;

/// <summary>One training run: parameters N, training tokens D, final loss L, and the line of the file it came from.</summary>
/// <param name="Parameters">N.</param>
/// <param name="Tokens">D (given, or C / 6N when the file gives training FLOP).</param>
/// <param name="Loss">Final loss, nats/token.</param>
/// <param name="Line">1-based line in the source file (0 when not from a file).</param>
public readonly record struct ScalingObservation(double Parameters, double Tokens, double Loss, int Line = 0);

/// <summary>Which columns of a CSV file hold N, D (or C) and L; any left null is detected from the header.</summary>
/// <param name="Parameters">The parameters column, e.g. <c>Model Size</c>.</param>
/// <param name="Tokens">The training-tokens column.</param>
/// <param name="Flops">The training-FLOP column (D = C / 6N), used when no tokens column is named or found.</param>
/// <param name="Loss">The loss column.</param>
public sealed record ScalingColumns(string? Parameters = null, string? Tokens = null, string? Flops = null, string? Loss = null);

/// <summary>Training runs to fit a law to, with where they came from.</summary>
/// <param name="Rows">The runs.</param>
/// <param name="Origin">The file name (or "given").</param>
/// <param name="ParametersColumn">The column N came from.</param>
/// <param name="TokensColumn">The column D (or C) came from.</param>
/// <param name="TokensFromFlops">True when D = C / 6N from a training-FLOP column.</param>
/// <param name="LossColumn">The column L came from.</param>
/// <param name="Dropped">Rows dropped by <see cref="DropHighestLoss"/>.</param>
public sealed record ScalingDataset(
    IReadOnlyList<ScalingObservation> Rows, string Origin, string ParametersColumn, string TokensColumn, bool TokensFromFlops,
    string LossColumn, IReadOnlyList<ScalingObservation> Dropped)
{
    /// <summary>A dataset of runs given in code.</summary>
    public static ScalingDataset Of(IEnumerable<ScalingObservation> rows, string origin = "given")
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            ScalingObservation o = list[i];
            string at = $"rows[{i}]";
            Guard.InRange(o.Parameters, at + ".parameters", 1, double.MaxValue, false, false);
            Guard.Positive(o.Tokens, at + ".tokens");
            Guard.Positive(o.Loss, at + ".loss");
        }

        return new ScalingDataset(list, origin, "parameters", "tokens", false, "loss", []);
    }

    /// <summary>
    /// This dataset without its <paramref name="count"/> highest-loss rows (Besiroglu et al. 2024 drop the 5 highest of the
    /// 245 Figure 4 points, keeping 240).
    /// </summary>
    public ScalingDataset DropHighestLoss(int count)
    {
        if (count < 0 || count > Rows.Count - ScalingFit.MinimumRows)
        {
            throw Guard.Fail("dropHighest", $"a whole number in [0, {Rows.Count - ScalingFit.MinimumRows}] (the fit needs {ScalingFit.MinimumRows} rows)",
                count.ToString(CultureInfo.InvariantCulture));
        }

        var order = Enumerable.Range(0, Rows.Count).OrderByDescending(i => Rows[i].Loss).ThenBy(i => i).Take(count).ToHashSet();
        return this with
        {
            Rows = Rows.Where((_, i) => !order.Contains(i)).ToList(),
            Dropped = [.. Dropped, .. order.Order().Select(i => Rows[i])],
        };
    }
}

/// <summary>Reads training runs from CSV: a header row, then one run per row; every bad cell is located by line and column.</summary>
public static class ScalingCsv
{
    private static readonly string[] ParameterNames = ["modelsize", "parameters", "params", "n", "nparams", "numparams", "parametercount", "modelparameters"];
    private static readonly string[] TokenNames = ["tokens", "trainingtokens", "d", "ntokens", "numtokens", "datasize", "data"];
    private static readonly string[] FlopNames = ["trainingflop", "trainingflops", "flop", "flops", "c", "compute", "trainingcompute"];
    private static readonly string[] LossNames = ["loss", "finalloss", "l", "evalloss", "validationloss", "valloss", "testloss", "trainloss"];

    /// <summary>The largest CSV file read: 64 MiB (about a million runs; a fit's time grows with the rows).</summary>
    public const long MaximumFileBytes = 64L << 20;

    /// <summary>Reads a CSV file; <paramref name="columns"/> names the columns, or they are detected from the header.</summary>
    public static ScalingDataset ReadFile(string path, ScalingColumns? columns = null, string parameter = "file") =>
        Read(InputFile.ReadAllText(path, parameter, "CSV file", MaximumFileBytes), Path.GetFileName(path), columns);

    /// <summary>
    /// Reads CSV text; <paramref name="origin"/> names it in errors. Cells take the library's grammar (<c>1e8</c>, <c>100M</c>,
    /// <c>"30,840,000"</c>); a header that names a column twice, or two columns that both look like N (or D, C, L), is refused.
    /// </summary>
    public static ScalingDataset Read(string text, string origin, ScalingColumns? columns = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        columns ??= new ScalingColumns();
        using var parser = new TextFieldParser(new StringReader(text)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = true };
        parser.SetDelimiters(",");
        string[]? header = ReadRow(parser, origin, out _);
        if (header is null)
        {
            throw Guard.Fail(origin, "a CSV file with a header row", "an empty file");
        }

        foreach (var twice in header.Select((h, i) => (Name: h, Column: i + 1)).GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            throw Guard.Fail(origin, "a header that names each column once",
                $"'{twice.Key}' in columns {string.Join(" and ", twice.Select(t => t.Column.ToString(CultureInfo.InvariantCulture)))}");
        }

        int p = Column(header, columns.Parameters, ParameterNames, origin, "columns.Parameters", "the parameter count N");
        int t = columns.Tokens is not null || (columns.Flops is null && Find(header, TokenNames, origin, "columns.Tokens", "training tokens D") >= 0)
            ? Column(header, columns.Tokens, TokenNames, origin, "columns.Tokens", "training tokens D")
            : -1;
        int c = t < 0 ? Column(header, columns.Flops, FlopNames, origin, "columns.Flops", "training tokens D or training FLOP C") : -1;
        int l = Column(header, columns.Loss, LossNames, origin, "columns.Loss", "the loss L");

        var rows = new List<ScalingObservation>();
        while (ReadRow(parser, origin, out int line) is { } fields)
        {
            if (fields.Length != header.Length)
            {
                throw Guard.Fail($"{origin} line {line}", $"a row of {header.Length} fields, as the header", $"{fields.Length} fields");
            }

            double n = Cell(fields, p, header, line, origin, (x, at) => QuantityParser.Count(x, at, "70B"), 1);
            double loss = Cell(fields, l, header, line, origin, QuantityParser.Number, double.Epsilon);
            double d = t >= 0
                ? Cell(fields, t, header, line, origin, (x, at) => QuantityParser.Count(x, at, "1.4T"), double.Epsilon)
                : Cell(fields, c, header, line, origin, (x, at) => QuantityParser.FlopCount(x, at).Flop, double.Epsilon) / (Costs.FlopsPerToken.Training(Catalog.ModelArchitecture.DecoderOnly) * n);
            rows.Add(new ScalingObservation(n, d, loss, line));
        }

        if (rows.Count < ScalingFit.MinimumRows)
        {
            throw Guard.Fail(origin, $"at least {ScalingFit.MinimumRows} data rows (the law has 5 parameters)", rows.Count.ToString(CultureInfo.InvariantCulture));
        }

        return new ScalingDataset(rows, origin, header[p], header[t >= 0 ? t : c], t < 0, header[l], []);
    }

    private static string[]? ReadRow(TextFieldParser parser, string origin, out int line)
    {
        while (true)
        {
            line = (int)parser.LineNumber;
            if (parser.EndOfData)
            {
                return null;
            }

            try
            {
                string[]? fields = parser.ReadFields();
                if (fields is null || fields.All(f => f.Length == 0))
                {
                    continue;
                }

                return fields;
            }
            catch (MalformedLineException e)
            {
                throw Guard.Fail($"{origin} line {e.LineNumber}", "a well-formed CSV row", "an unclosed quote or stray character");
            }
        }
    }

    private static string Normalize(string s) => new([.. s.ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    /// <summary>The one column whose name is one of <paramref name="names"/>; -1 when none; an error naming the <see cref="ScalingColumns"/> property <paramref name="flag"/> when several.</summary>
    private static int Find(string[] header, string[] names, string origin, string flag, string what)
    {
        int[] found = [.. Enumerable.Range(0, header.Length).Where(i => names.Contains(Normalize(header[i]), StringComparer.Ordinal))];
        return found.Length switch
        {
            0 => -1,
            1 => found[0],
            _ => throw Guard.Fail(flag, $"given: columns {string.Join(" and ", found.Select(i => $"'{header[i]}'"))} of {origin} all look like {what}", "nothing"),
        };
    }

    private static int Column(string[] header, string? named, string[] names, string origin, string flag, string what)
    {
        if (named is not null)
        {
            int i = Array.FindIndex(header, h => string.Equals(h, named, StringComparison.OrdinalIgnoreCase));
            return i >= 0 ? i : throw Guard.Fail(flag, $"a column of {origin}", $"'{named}'", Suggest.Hint(named, header));
        }

        int found = Find(header, names, origin, flag, what);
        return found >= 0 ? found
            : throw Guard.Fail(flag, $"given: no column of {origin} looks like {what}", "nothing", "columns: " + string.Join(", ", header));
    }

    private static double Cell(string[] fields, int column, string[] header, int line, string origin, Func<string, string, double> parse, double minimum)
    {
        string at = $"{origin} line {line}, column '{header[column]}',";
        double v = parse(fields[column], at);
        return v >= minimum ? v : throw Guard.Fail(at, minimum >= 1 ? "a number ≥ 1" : "a number > 0", Guard.Show(v));
    }
}

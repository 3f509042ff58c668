using LlmEcon.Derivations;

namespace LlmEcon.Cli.Output;

/// <summary>How a column's numbers read: the JSON value is always the raw number in the key's unit; tables format it.</summary>
internal enum Kind
{
    /// <summary>Words, ids, names.</summary>
    Text,
    /// <summary>US dollars: <c>$1,398,072</c>, <c>$0.003515</c>.</summary>
    Usd,
    /// <summary>A fraction 0–1 in JSON; shown in tables as a percentage.</summary>
    Fraction,
    /// <summary>A number with a unit, 4 significant digits, engineering notation from 10^5.</summary>
    Number,
    /// <summary>A whole number, exact, with thousands separators: <c>16,384</c>.</summary>
    Integer,
    /// <summary>
    /// A count as people write it: exact with separators below a million (<c>12,345</c>), then 4 significant digits with a scale
    /// (<c>30.84M</c>, <c>405B</c>, <c>15.6T</c>); JSON and CSV keep the raw number.
    /// </summary>
    Count,
    /// <summary>A year: a number in JSON, no separator in tables (<c>2023</c>).</summary>
    Year,
    /// <summary>Yes or no: a JSON boolean; tables show the column's words for true and false.</summary>
    Flag,
}

/// <summary>Who sees a column: everyone, only people (tables, Markdown, HTML) or only programs (JSON, CSV).</summary>
internal enum Audience
{
    /// <summary>Every format.</summary>
    All,
    /// <summary>Tables, Markdown and HTML: a formatted text beside a number programs get raw.</summary>
    People,
    /// <summary>JSON and CSV: the raw number behind a formatted text.</summary>
    Programs,
}

/// <summary>One column: its JSON/CSV key (which carries the unit), its header, its kind and unit as shown in tables.</summary>
internal sealed record Column(string Key, string Header, Kind Kind, string Unit = "", Audience Audience = Audience.All)
{
    /// <summary>For <see cref="Kind.Flag"/>: what a table shows for true and for false.</summary>
    public (string Yes, string No) Words { get; init; } = ("yes", "no");

    /// <summary>The unit as a table shows it.</summary>
    public string ShownUnit => Kind switch
    {
        Kind.Usd => Unit.Length == 0 ? "USD" : Unit,
        Kind.Fraction => "%",
        _ => Unit,
    };

    /// <summary>The header with its unit, e.g. <c>Cost (USD)</c>.</summary>
    public string HeaderWithUnit => ShownUnit.Length == 0 ? Header : $"{Header} ({ShownUnit})";

    /// <summary>A value as a table cell shows it (invariant culture).</summary>
    public string Show(object? value) => value switch
    {
        null => "—",
        string s => s,
        IEnumerable<string> list => string.Join(", ", list),
        IReadOnlyList<long> counts => string.Join(" ", counts.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        double d when !double.IsFinite(d) => Guard.Show(d),
        bool b => b ? Words.Yes : Words.No,
        double d => Kind switch
        {
            Kind.Usd => NumberFormat.Usd(d),
            Kind.Fraction => NumberFormat.Compact(d * 100, 4),
            Kind.Integer => d.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture),
            Kind.Count => NumberFormat.Count(d),
            Kind.Year => d.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
            _ => NumberFormat.Compact(d, 4),
        },
        int i => i.ToString(Kind == Kind.Year ? "0" : "#,0", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>
/// One block of output: a titled table. A <see cref="Single"/> sheet is one record (shown as Quantity | Value | Unit,
/// a JSON object); otherwise rows (a table, a JSON array of objects).
/// </summary>
internal sealed record Sheet(string Key, string Title, IReadOnlyList<Column> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, bool Single)
{
    /// <summary>A one-record sheet built field by field.</summary>
    public static RecordBuilder Record(string key, string title) => new(key, title);

    /// <summary>
    /// A multi-row sheet: one row per item of <paramref name="rows"/>, each column written beside the value it shows, so that a
    /// column and its value cannot slip apart.
    /// </summary>
    public static Sheet Table<T>(string key, string title, IEnumerable<T> rows, params IReadOnlyList<(Column Column, Func<T, object?> Value)> fields) =>
        new(key, title, [.. fields.Select(f => f.Column)], [.. rows.Select(r => (IReadOnlyList<object?>)[.. fields.Select(f => Cell(key, f.Column, f.Value(r)))])], false);

    /// <summary>
    /// A value a cell can hold: null, text, a number, a yes/no or a list of words. A quantity type (a <c>TokenCount</c>, an
    /// <c>AcceleratorTime</c>) must be read in the column's unit first: printed as it stands it would show its own unit beside the
    /// column's, and JSON would get a string.
    /// </summary>
    public static object? Cell(string sheet, Column column, object? value) => value switch
    {
        null or string or double or int or bool or IEnumerable<string> or IReadOnlyList<long> => value,
        _ => throw new InvalidOperationException(
            $"The cell {sheet}.{column.Key} holds a {value.GetType().Name}; give the number in the column's unit ({column.Unit}) instead."),
    };
}

/// <summary>The columns of quantities many tables show, defined once so that one quantity has one key everywhere.</summary>
internal static class Columns
{
    /// <summary>N, parameters: key <c>parameters</c>.</summary>
    public static Column Parameters(string header = "N") => new("parameters", header, Kind.Count, "parameters");

    /// <summary>D, training tokens: key <c>tokens</c>.</summary>
    public static Column Tokens(string header = "D") => new("tokens", header, Kind.Count, "tokens");

    /// <summary>A loss in nats per token: key <c>loss</c>.</summary>
    public static Column Loss(string header = "Loss") => new("loss", header, Kind.Number, "nats/token");
}

/// <summary>Column filtering per audience.</summary>
internal static class SheetView
{
    /// <summary>
    /// The sheet with only the columns <paramref name="audience"/> sees. People do not see what is absent: a record's fields with no
    /// value and a table's columns with no value in any row (programs keep every key, null when absent, so keys are stable).
    /// </summary>
    public static Sheet For(this Sheet sheet, Audience audience)
    {
        var keep = sheet.Columns.Select((c, i) => (c, i))
            .Where(x => x.c.Audience == Audience.All || x.c.Audience == audience)
            .Where(x => audience == Audience.Programs || sheet.Rows.Count == 0 || sheet.Rows.Any(r => r[x.i] is not null))
            .ToList();
        return keep.Count == sheet.Columns.Count ? sheet
            : sheet with
            {
                Columns = keep.Select(x => x.c).ToList(),
                Rows = sheet.Rows.Select(r => (IReadOnlyList<object?>)keep.Select(x => r[x.i]).ToList()).ToList(),
            };
    }
}

/// <summary>Builds a one-record sheet.</summary>
internal sealed class RecordBuilder(string sheetKey, string title)
{
    private readonly List<Column> _columns = [];
    private readonly List<object?> _values = [];

    /// <summary>Adds one field.</summary>
    public RecordBuilder Add(string key, string label, Kind kind, object? value, string unit = "", Audience audience = Audience.All)
    {
        var column = new Column(key, label, kind, unit, audience);
        _columns.Add(column);
        _values.Add(Sheet.Cell(sheetKey, column, value));
        return this;
    }

    /// <summary>The sheet.</summary>
    public Sheet Build() => new(sheetKey, title, _columns, [_values], true);

    /// <summary>Implicit build, so a builder can be passed where a sheet is expected.</summary>
    public static implicit operator Sheet(RecordBuilder b) => b.Build();
}

/// <summary>
/// What a command prints: sheets, notes (what was solved, what was assumed, which flag replaced a catalog value) and, for
/// --explain, derivations. Warnings (a fit whose grid did not bracket its optimum) go to standard error in every format.
/// </summary>
internal sealed record CommandResult(string Title, IReadOnlyList<Sheet> Sheets, IReadOnlyList<string> Notes, IReadOnlyList<Derivation> Derivations)
{
    /// <summary>What the user should know on standard error, whatever the format.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Other files the run writes (checked before computing), after the main output: e.g. <c>--save-law</c>.</summary>
    public IReadOnlyList<(OutputFile File, string Text)> Files { get; init; } = [];

    /// <summary>The chart a plot draws (PNG and SVG formats), or null.</summary>
    public LlmEcon.Charts.Chart? Chart { get; init; }

    /// <summary>What a command's own renderer needs beyond the sheets (the report's sections), or null.</summary>
    public object? Payload { get; init; }

    /// <summary>Charts as SVG, with their titles, for a page that embeds them (report --format html).</summary>
    public IReadOnlyList<(string Title, string Svg)> Figures { get; init; } = [];

    /// <summary>A result of one sheet.</summary>
    public static CommandResult Of(string title, Sheet sheet, IReadOnlyList<Derivation>? derivations = null, IReadOnlyList<string>? notes = null) =>
        new(title, [sheet], notes ?? [], derivations ?? []);
}

/// <summary>
/// The last guard before printing: a result with NaN, an infinity or a negative amount of money is never printed as if it were an
/// answer. Option ranges keep every result finite; reaching this is a bug, reported as one (exit 1).
/// </summary>
internal static class ResultCheck
{
    /// <summary>Throws a <see cref="ResultException"/> naming the first impossible value.</summary>
    public static void Require(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (Sheet sheet in result.Sheets)
        {
            foreach (IReadOnlyList<object?> row in sheet.Rows)
            {
                for (int i = 0; i < sheet.Columns.Count; i++)
                {
                    Column c = sheet.Columns[i];
                    if (row[i] is double d && (!double.IsFinite(d) || (c.Kind == Kind.Usd && d < 0)))
                    {
                        throw new ResultException($"the result '{sheet.Key}.{c.Key}' is {Guard.Show(d)}, which is not a possible {(c.Kind == Kind.Usd ? "amount of money" : "value")}; "
                                                  + "this is a bug: please report the command line");
                    }
                }
            }
        }
    }
}

/// <summary>A result that cannot be printed as an answer (see <see cref="ResultCheck"/>): exit code 1.</summary>
internal sealed class ResultException(string message) : Exception(message);

/// <summary>
/// A list made on first use: a result's derivations, which only <c>--explain</c> shows, are not built for a run that prints the numbers
/// alone (nor for each sample of a Monte Carlo that runs the command).
/// </summary>
/// <typeparam name="T">The items.</typeparam>
internal sealed class Deferred<T>(Func<IReadOnlyList<T>> make) : IReadOnlyList<T>
{
    private readonly Lazy<IReadOnlyList<T>> _items = new(make);

    /// <inheritdoc/>
    public T this[int index] => _items.Value[index];

    /// <inheritdoc/>
    public int Count => _items.Value.Count;

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => _items.Value.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

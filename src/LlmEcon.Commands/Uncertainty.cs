using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LlmEcon.Cli.Commands;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Scenarios;

namespace LlmEcon.Cli;

/// <summary>A numeric option a Monte Carlo, a tornado or a sweep varies: its flag and the option (its units and range).</summary>
/// <param name="Flag">The option's name, e.g. <c>--mfu</c>.</param>
/// <param name="Numeric">The option.</param>
internal sealed record Varied(string Flag, INumericOpt Numeric);

/// <summary>An input given as a distribution: its flag, the option (units, range) and the distribution.</summary>
/// <param name="Flag">The option's name, e.g. <c>--cache-hit-rate</c>.</param>
/// <param name="Numeric">The option.</param>
/// <param name="Distribution">What was given.</param>
internal sealed record Uncertain(string Flag, INumericOpt Numeric, Distribution Distribution)
{
    /// <summary>Reads <paramref name="text"/> as a distribution over <paramref name="numeric"/>'s values: each argument in its units, truncated to its range.</summary>
    public static Uncertain Parse(string flag, INumericOpt numeric, string text)
    {
        Options.Range r = numeric.Range;
        return new Uncertain(flag, numeric, Distribution.Parse(text, flag, numeric.Magnitude, r.Low, r.High, r.LowOpen, r.HighOpen));
    }
}

/// <summary>
/// Monte Carlo (<c>--samples N --seed S</c>) and the tornado (<c>--tornado</c>, <c>--swing X%</c>) for every command: the command's
/// model as an <see cref="IModel"/> — its formula kernel over bare numbers where it has one (checked against the command itself before
/// use), else the command run per sample — handed to the library's <see cref="MonteCarlo"/> and <see cref="Scenarios.Tornado"/>.
/// </summary>
internal static class Uncertainty
{
    /// <summary>Samples when distributions are given without --samples.</summary>
    public const long DefaultSamples = 10_000;

    /// <summary>The seed when --seed is not given (the bootstrap's, too).</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>A Monte Carlo over <paramref name="uncertain"/>, the command's other words fixed; the summary in the format asked.</summary>
    public static int MonteCarlo(LlmEconCommand command, List<string> others, IReadOnlyList<Uncertain> uncertain, Io io)
    {
        Args a = LlmEconApp.Bind(command, [.. others]);
        Refuse(a, O.Solve, O.Target, O.Explain, O.Swing, O.Tornado);
        if (uncertain.Count == 0)
        {
            Opt asked = a.Has(O.Samples) ? O.Samples : O.Summarize;
            throw Guard.Fail(asked.Name, "given with an input as a distribution (e.g. --mfu 'uniform(20%,40%)')", a.Given(asked));
        }

        long samples = a.Value(O.Samples) ?? DefaultSamples;
        ulong seed = (ulong)(a.Value(O.Seed) ?? (long)DefaultSeed);
        List<string> fixedWords = LlmEconApp.Without(command, others, O.Samples.Name, O.Seed.Name, O.Summarize.Name, O.Format.Name, O.Out.Name, O.Table.Name);
        // the kernel is checked at the bases and three points drawn from the distributions (a stream of its own)
        var rng = new Rng(seed, ulong.MaxValue);
        double[][] drawn = [.. Enumerable.Range(0, 3).Select(_ => uncertain.Select(u => u.Distribution.Sample(ref rng)).ToArray())];
        var (model, engine) = Model(command, fixedWords, [.. uncertain.Select(u => new Varied(u.Flag, u.Numeric))], [.. uncertain.Select(u => u.Distribution.Base)], drawn);
        string[]? chosen = a.Text(O.Summarize) is { } keys ? [.. keys.Split(',').Select(k => k.Trim())] : null;
        foreach (string key in chosen?.Where(k => !model.Outputs.Contains(k)) ?? [])
        {
            throw Guard.Fail(O.Summarize.Name, $"outputs of llmecon {command.Path}", $"'{key}'", Suggest.Hint(key, [.. model.Outputs]) ?? "its outputs: " + string.Join(", ", model.Outputs));
        }

        var watch = Stopwatch.StartNew();
        using var progress = new PassProgress("Monte Carlo", io);
        MonteCarloResult r = Scenarios.MonteCarlo.Run(model, [.. uncertain.Select(u => u.Distribution)], new MonteCarloOptions(samples, seed, Progress: progress) { Outputs = chosen });
        progress.Done();
        double seconds = watch.Elapsed.TotalSeconds;
        if (seconds >= 1)
        {
            // how long it took, only for runs a person waits on (the output itself is the same on every machine)
            io.Error.Write(string.Create(CultureInfo.InvariantCulture, $"Monte Carlo: {NumberFormat.Integer(samples)} samples in {seconds:0.00} s ({r.Passes} pass{(r.Passes == 1 ? "" : "es")}, {Environment.ProcessorCount} threads).\n"));
        }

        Sheet outputs = Sheet.Table("monteCarlo", $"Monte Carlo: {NumberFormat.Integer(samples)} samples, seed {seed}", r.Outputs, SummaryColumns("output", "Output"));
        Sheet inputs = Sheet.Table("inputs", "The uncertain inputs, as sampled", r.Inputs.Select((s, k) => (s, uncertain[k].Distribution)),
            [
                (new Column("input", "Input", Kind.Text), x => x.s.Name),
                (new Column("distribution", "Distribution", Kind.Text), x => x.Distribution.Text),
                (new Column("mean", "Mean", Kind.Number), x => x.s.Mean),
                (new Column("sd", "Sd", Kind.Number), x => x.s.StandardDeviation),
                (new Column("min", "Min", Kind.Number), x => x.s.Min),
                (new Column("max", "Max", Kind.Number), x => x.s.Max),
                (new Column("histogramLow", "Histogram from", Kind.Number, Audience: Audience.Programs), x => x.s.HistogramLow),
                (new Column("histogramHigh", "Histogram to", Kind.Number, Audience: Audience.Programs), x => x.s.HistogramHigh),
                (new Column("histogram", "Histogram", Kind.Text, Audience: Audience.People), x => Sparkline(x.s.Histogram)),
                (new Column("histogram", "Histogram", Kind.Text, Audience: Audience.Programs), x => x.s.Histogram),
            ]);
        var notes = new List<string>
        {
            $"{NumberFormat.Integer(samples)} samples, seed {seed}, {engine}. " +
            "Percentiles are exact order statistics, interpolated as numpy's default; sd is the sample standard deviation (n − 1).",
            "A draw outside its option's range is drawn again (the distribution truncated to the range).",
        };
        if (r.Refused > 0)
        {
            notes.Add($"{NumberFormat.Integer(r.Refused)} of {NumberFormat.Integer(samples)} samples were refused by the model and left out.");
        }

        return Print(command, a, new CommandResult("Monte Carlo", [outputs, inputs], notes, []), io,
            () => Charts.UncertaintyCharts.Histogram(r.Outputs.Count > 0 ? r.Outputs[0] : r.Inputs[0], samples, seed));
    }

    /// <summary>A tornado: each input swung alone over its range or ±--swing of its base, the others at base.</summary>
    public static int Tornado(LlmEconCommand command, List<string> others, IReadOnlyList<Uncertain> uncertain, Io io)
    {
        Args a = LlmEconApp.Bind(command, [.. others]);
        Refuse(a, O.Solve, O.Target, O.Explain, O.Samples);
        double? swing = a.Value(O.Swing)?.Fraction;
        if (swing is null && uncertain.Count == 0)
        {
            throw Guard.Fail(O.Tornado.Name, "given with inputs as distributions (their ranges are swung), or use --swing 20% to swing the numbers given",
                "no distribution");
        }

        var swung = new List<(Varied Input, SwungInput Swing)>();
        foreach (Uncertain u in uncertain)
        {
            double b = u.Distribution.Base;
            var (lo, hi) = swing is { } s ? (Clamp(u.Numeric, b * (1 - s)), Clamp(u.Numeric, b * (1 + s))) : u.Distribution.Swing;
            swung.Add((new Varied(u.Flag, u.Numeric), new SwungInput(u.Flag, b, lo, hi)));
        }

        List<string> fixedWords = LlmEconApp.Without(command, others, O.Swing.Name, O.Tornado.Name, O.Seed.Name, O.Summarize.Name, O.Format.Name, O.Out.Name, O.Table.Name);
        if (uncertain.Count == 0)
        {
            // --swing alone: every numeric option given, ±swing of the value given
            foreach (Opt o in command.Options.Where(o => o is INumericOpt && a.Has(o) && o != O.Swing && o != O.Seed && o != O.Samples))
            {
                var numeric = (INumericOpt)o;
                double b = numeric.Magnitude(a.Raw(o)!);
                swung.Add((new Varied(o.Name, numeric), new SwungInput(o.Name, b, Clamp(numeric, b * (1 - swing!.Value)), Clamp(numeric, b * (1 + swing.Value)))));
            }

            if (swung.Count == 0)
            {
                throw Guard.Fail(O.Swing.Name, "given with numeric options to swing (or distributions)", a.Given(O.Swing), $"e.g. llmecon {command.Path} … --mfu 40% --swing 20%");
            }

            fixedWords = LlmEconApp.Without(command, fixedWords, [.. swung.Select(s => s.Input.Flag)]);
        }

        // the kernel is checked where the tornado evaluates: the base and each input's two ends
        double[] at = [.. swung.Select(s => s.Swing.Base)];
        double[][] ends = [.. swung.SelectMany((s, k) => new[] { s.Swing.Low, s.Swing.High }.Select(v => at.Select((x, j) => j == k ? v : x).ToArray()))];
        var (model, engine) = Model(command, fixedWords, [.. swung.Select(s => s.Input)], at, ends);
        IReadOnlyList<TornadoBar> bars = Scenarios.Tornado.Run(model, [.. swung.Select(s => s.Swing)]);
        // outputs that some input moves, the largest relative swing first
        var moving = bars.GroupBy(b => b.Output)
            .Select(g => (Output: g.Key, Bars: g.ToList(), Top: g.Max(b => double.IsNaN(b.Swing) ? 0 : b.Swing / Math.Max(Math.Abs(b.Base), 1e-300))))
            .Where(g => g.Top > 0).OrderByDescending(g => g.Top).ToList();
        if (a.Text(O.Summarize) is { } keys)
        {
            // --outputs: these outputs only, in the order given (the chart draws the first)
            string[] chosen = [.. keys.Split(',').Select(k => k.Trim())];
            foreach (string key in chosen.Where(k => !model.Outputs.Contains(k)))
            {
                throw Guard.Fail(O.Summarize.Name, $"outputs of llmecon {command.Path}", $"'{key}'", Suggest.Hint(key, [.. model.Outputs]) ?? "its outputs: " + string.Join(", ", model.Outputs));
            }

            moving = [.. chosen.SelectMany(k => moving.Where(g => g.Output == k))];
        }

        string Bar(TornadoBar b, double widest)
        {
            int n = double.IsNaN(b.Swing) || widest <= 0 ? 0 : (int)Math.Round(12 * b.Swing / widest);
            return new string('█', n);
        }

        var rows = moving.SelectMany(g => g.Bars.Select(b => (Bar: b, Widest: g.Bars.Max(x => double.IsNaN(x.Swing) ? 0 : x.Swing)))).ToList();
        Sheet sheet = Sheet.Table("tornado", swing is { } sw ? $"Tornado: each input ±{NumberFormat.Percent(sw)} of its base, the others at base" : "Tornado: each input over its range, the others at base", rows,
            [
                (new Column("output", "Output", Kind.Text), r => r.Bar.Output),
                (new Column("input", "Input", Kind.Text), r => r.Bar.Input),
                (new Column("inputLow", "Input low", Kind.Number), r => r.Bar.InputLow),
                (new Column("inputHigh", "Input high", Kind.Number), r => r.Bar.InputHigh),
                (new Column("base", "Output at base", Kind.Number), r => r.Bar.Base),
                (new Column("atLow", "At low", Kind.Number), r => r.Bar.AtLow),
                (new Column("atHigh", "At high", Kind.Number), r => r.Bar.AtHigh),
                (new Column("swing", "Swing", Kind.Number), r => r.Bar.Swing),
                (new Column("bar", "", Kind.Text, Audience: Audience.People), r => Bar(r.Bar, r.Widest)),
            ]);
        var notes = new List<string> { $"{1 + 2 * swung.Count} evaluations, {engine}. Outputs no input moves are left out; each output's inputs are ranked by swing." };
        notes.AddRange(bars.Where(b => double.IsNaN(b.AtLow) || double.IsNaN(b.AtHigh)).Select(b => b.Input).Distinct()
            .Select(i => $"The command refused {i} at an end of its swing: its swing is left blank."));
        return Print(command, a, new CommandResult("Tornado", [sheet], notes, []), io, () => moving.Count > 0
            ? Charts.UncertaintyCharts.Tornado([.. moving[0].Bars.Where(b => b.Swing > 0)])
            : throw Guard.Fail(O.Format.Name, "a table format when no input moves any output (there is no bar to draw)", a.Choice(O.Format)));
    }

    private static double Clamp(INumericOpt numeric, double x)
    {
        Options.Range r = numeric.Range;
        double span = Math.Max(r.High - r.Low, 1e-300);
        return Math.Clamp(x, r.LowOpen ? r.Low + span * 1e-9 : r.Low, r.HighOpen ? r.High - span * 1e-9 : r.High);
    }

    private static void Refuse(Args a, params Opt[] options)
    {
        foreach (Opt o in options.Where(a.Has))
        {
            throw Guard.Fail(o.Name, "left out of a Monte Carlo or tornado", a.Given(o));
        }
    }

    private static IReadOnlyList<(Column Column, Func<OutputSummary, object?> Value)> SummaryColumns(string key, string header)
    {
        return
        [
            (new Column(key, header, Kind.Text), s => s.Name),
            (new Column("mean", "Mean", Kind.Number), s => s.Mean),
            (new Column("sd", "Sd", Kind.Number), s => s.StandardDeviation),
            (new Column("p5", "P5", Kind.Number), s => s.P5),
            (new Column("p50", "P50", Kind.Number), s => s.P50),
            (new Column("p95", "P95", Kind.Number), s => s.P95),
            (new Column("min", "Min", Kind.Number, Audience: Audience.Programs), s => s.Min),
            (new Column("max", "Max", Kind.Number, Audience: Audience.Programs), s => s.Max),
            (new Column("histogramLow", "Histogram from", Kind.Number, Audience: Audience.Programs), s => s.HistogramLow),
            (new Column("histogramHigh", "Histogram to", Kind.Number, Audience: Audience.Programs), s => s.HistogramHigh),
            (new Column("histogram", "Histogram", Kind.Text, Audience: Audience.People), s => Sparkline(s.Histogram)),
            (new Column("histogram", "Histogram", Kind.Text, Audience: Audience.Programs), s => s.Histogram),
        ];
    }

    /// <summary>A histogram as one line of block characters, each bin's height its count over the largest.</summary>
    internal static string Sparkline(IReadOnlyList<long> counts)
    {
        const string Blocks = " ▁▂▃▄▅▆▇█";
        long top = counts.Count == 0 ? 0 : counts.Max();
        return top == 0 ? "" : new string([.. counts.Select(c => Blocks[c == 0 ? 0 : (int)Math.Max(1, Math.Round(8.0 * c / top))])]);
    }

    private static int Print(LlmEconCommand command, Args a, CommandResult result, Io io, Func<Charts.Chart> chart)
    {
        string format = a.Has(O.Format) ? a.Choice(O.Format, ["table", "json", "csv", "markdown", "html", "svg", "png"]) : "table";
        OutputFile? target = a.Raw(O.Out) is { } path ? OutputFile.Prepare(path, O.Out.Name, command.AllInputs(a)) : null;
        if (format is "svg" or "png")
        {
            // the chart: the first output's histogram, or the first output's tornado
            if (format == "png" && (target is null || target.IsStandardOutput))
            {
                throw Guard.Fail(O.Out.Name, "a file with --format png (a PNG is not text for a terminal)", target is null ? "nothing" : "'-'", "e.g. --out chart.png, or --format svg");
            }

            byte[] image = Plots.ChartImage.Render(chart(), format == "png" ? Plots.ImageKind.Png : Plots.ImageKind.Svg);
            if (format == "png")
            {
                target!.Write(image);
            }
            else
            {
                LlmEconCommand.Deliver(target, System.Text.Encoding.UTF8.GetString(image), io);
            }

            return LlmEconApp.Ok;
        }

        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Renderers.Render(result, Enum.Parse<OutputFormat>(format, ignoreCase: true), false, text, io.Error, io.Width);
        LlmEconCommand.Deliver(target, text.ToString(), io);
        return LlmEconApp.Ok;
    }

    /// <summary>
    /// The command's model over <paramref name="inputs"/>: its kernel when it has one that agrees with the command at <paramref name="at"/>
    /// and at <paramref name="checks"/> (relative 1e-9 on every output), else the command itself per evaluation. Says which in words.
    /// </summary>
    internal static (IModel Model, string Engine) Model(LlmEconCommand command, List<string> fixedWords, IReadOnlyList<Varied> inputs, double[] at, IReadOnlyList<double[]> checks)
    {
        var generic = new CommandModel(command, fixedWords, inputs);
        var baseOutputs = generic.Start(at);
        const string Slow = "the command run per sample (this use of it has no formula kernel)";
        Args a = LlmEconApp.Bind(command, [.. generic.Words(at)]);
        IModel? kernel = command.Kernel(a, LlmEconCommand.CatalogOf(a), [.. inputs.Select(i => i.Flag)], baseOutputs);
        if (kernel is null)
        {
            return (generic, Slow);
        }

        if (!kernel.Outputs.SequenceEqual(generic.Outputs))
        {
            return (generic, Slow + "; the kernel's outputs differ from the command's");
        }

        foreach (double[] x in checks.Prepend(at))
        {
            double[] y1 = new double[generic.Outputs.Count], y2 = new double[generic.Outputs.Count];
            bool ok1 = generic.Evaluate(x, y1), ok2 = kernel.Evaluate(x, y2);
            if (ok1 != ok2 || (ok1 && y1.Zip(y2).Any(p => !(Math.Abs(p.First - p.Second) <= 1e-9 * Math.Max(Math.Abs(p.First), Math.Abs(p.Second)) + 1e-300))))
            {
                string where = string.Join(", ", inputs.Select((i, k) => $"{i.Flag} {Guard.Show(x[k])}"));
                return (generic, $"the command run per sample (its formula kernel disagreed with it at {where})");
            }
        }

        return (kernel, $"the formula kernel (the command's equations over bare numbers, checked against the command at {checks.Count + 1} points)");
    }
}

/// <summary>
/// A command as a model: the fixed words plus each input's value, run with <c>--format json</c>; the outputs every number of its
/// result (one row: the keys; several rows: <c>label.key</c>, the label the row's first text). Refused inputs are a refused sample.
/// </summary>
internal sealed class CommandModel(LlmEconCommand command, List<string> fixedWords, IReadOnlyList<Varied> inputs) : IModel
{
    private string[] _outputs = [];

    /// <inheritdoc/>
    public IReadOnlyList<string> Inputs { get; } = [.. inputs.Select(i => i.Flag)];

    /// <inheritdoc/>
    public IReadOnlyList<string> Outputs => _outputs;

    /// <summary>The words of one run at <paramref name="x"/>.</summary>
    public IEnumerable<string> Words(double[] x) =>
        fixedWords.Concat(inputs.SelectMany((u, k) => new[] { u.Flag, LlmEconApp.TextOf(u.Numeric, u.Flag, x[k]) }));

    /// <summary>Runs at the base values to learn the outputs; an error when the command refuses them.</summary>
    public IReadOnlyDictionary<string, double> Start(double[] x)
    {
        var numbers = Run(x);
        _outputs = [.. numbers.Keys];
        return numbers;
    }

    private Dictionary<string, double> Run(ReadOnlySpan<double> x)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        command.Execute(LlmEconApp.Bind(command, [.. Words(x.ToArray()), O.Format.Name, "json"]), new Io(output, TextWriter.Null, 120));
        return Numbers(output.ToString());
    }

    /// <inheritdoc/>
    public bool Evaluate(ReadOnlySpan<double> inputs, Span<double> outputs)
    {
        Dictionary<string, double> numbers;
        try
        {
            numbers = Run(inputs);
        }
        catch (Exception e) when (e is InputException or UsageException)
        {
            return false;
        }

        for (int j = 0; j < _outputs.Length; j++)
        {
            if (!numbers.TryGetValue(_outputs[j], out outputs[j]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The block's samples on every core: each is a whole run of the command (tens of microseconds or more).</summary>
    public void EvaluateBlock(Span<double> block, int stride, int count, Span<bool> refused) => IModel.EachSample(this, block, stride, count, refused, true);

    /// <summary>The rows of a command's JSON result: its first table's objects (a record is one row).</summary>
    internal static JsonElement[] Rows(JsonDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        JsonElement first = doc.RootElement.EnumerateObject().First().Value;
        return first.ValueKind == JsonValueKind.Array ? [.. first.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object)] : [first];
    }

    /// <summary>Every number of a command's JSON result, by name (see the class).</summary>
    internal static Dictionary<string, double> Numbers(string json)
    {
        using var doc = JsonDocument.Parse(json);
        JsonElement[] rows = Rows(doc);
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < rows.Length; i++)
        {
            string? label = rows.Length == 1 ? null
                : rows[i].EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => p.Value.GetString()).FirstOrDefault() ?? i.ToString(CultureInfo.InvariantCulture);
            foreach (JsonProperty p in rows[i].EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
            {
                numbers[label is null ? p.Name : label + "." + p.Name] = p.Value.GetDouble();
            }
        }

        return numbers;
    }
}

/// <summary>
/// Progress of passes over samples on standard error, once the work has run a second: a bar redrawn in place on a terminal, a line
/// every five seconds otherwise; nothing on standard output.
/// </summary>
internal sealed class PassProgress(string what, Io io) : IProgress<(int Pass, double Done)>, IDisposable
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan _last = TimeSpan.Zero;
    private bool _shown;

    /// <inheritdoc/>
    public void Report((int Pass, double Done) value)
    {
        lock (_gate)
        {
            TimeSpan now = _watch.Elapsed;
            TimeSpan every = io.ErrorIsTerminal ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(5);
            if (now < TimeSpan.FromSeconds(1) || now - _last < every)
            {
                return;
            }

            _last = now;
            _shown = true;
            int filled = (int)Math.Round(value.Done * 30);
            string line = string.Create(CultureInfo.InvariantCulture, $"{what}: pass {value.Pass} {value.Done * 100:0}%");
            io.Error.Write(io.ErrorIsTerminal ? $"\r{line} [{new string('#', filled)}{new string('.', 30 - filled)}]" : line + "\n");
            io.Error.Flush();
        }
    }

    /// <summary>Ends the bar's line on a terminal.</summary>
    public void Done()
    {
        lock (_gate)
        {
            if (_shown && io.ErrorIsTerminal)
            {
                io.Error.Write("\n");
                _shown = false;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Done();
}

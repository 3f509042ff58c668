using System.CommandLine;
using System.Reflection;
using LlmEcon.Catalog;
using LlmEcon.Cli.Commands;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Scenarios;

namespace LlmEcon.Cli;

/// <summary>
/// The <c>llmecon</c> application: the command tree, and the one place that turns a failure into <c>Error: …</c> on standard error
/// and an exit code (2 for usage and input errors, 1 for anything else). Words are read in two passes: a check of the command words
/// and options against the commands' definitions (unknown ones get a did-you-mean; an option without its value or given twice is
/// named), then System.CommandLine, which tokenises (<c>--mfu 40%</c>, <c>--mfu=40%</c>) and binds each option's values.
/// </summary>
internal static class LlmEconApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for a failure that is not the user's input (I/O, a bug).</summary>
    public const int Failure = 1;

    /// <summary>Exit code for a usage or input error.</summary>
    public const int Usage = 2;

    /// <summary>Every command, in the order help lists them.</summary>
    public static readonly IReadOnlyList<LlmEconCommand> Commands =
    [
        new ReportCommand(), new SearchCommand(), new InferenceCommand(), new TrainCommand(),
        new ScalingLossCommand(), new ScalingOptimalCommand(), new ScalingFitCommand(), new ScalingPlanCommand(),
        new MemoryCommand(), new HardwareListCommand(), new HardwareShowCommand(), new HardwareGenerationsCommand(),
        new InHouseCommand(), new TrajectoryCommand(), new RunsCommand(), new ServeCommand(), new SelfHostCommand(), new ValidateCommand(), new PlotCommand(), new RunCommand(), new WebCommand(),
        new CatalogListCommand(), new CatalogShowCommand(), new CatalogValidateCommand(),
    ];

    /// <summary>The groups: words that are followed by a command (<c>scaling</c>, <c>hardware</c>, <c>catalog</c>).</summary>
    public static readonly IReadOnlyList<string> Groups = [.. Commands.Where(c => c.Path.Contains(' ', StringComparison.Ordinal)).Select(c => c.Path.Split(' ')[0]).Distinct()];

    /// <summary>The tool's version, e.g. <c>0.5.0</c>.</summary>
    public static string Version { get; } =
        (typeof(LlmEconApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0").Split('+')[0];

    /// <summary>Runs <c>llmecon</c> with <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, Io io)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(io);
        bool debug = args.Contains(O.Debug.Name, StringComparer.Ordinal);
        try
        {
            return Dispatch(args, io);
        }
        catch (Exception e) when (Classify(e) is { } code)
        {
            io.Error.Write("Error: " + Describe(e) + "\n");
            if (debug)
            {
                io.Error.Write(e + "\n");
            }

            return code;
        }
    }

    private static int Dispatch(string[] args, Io io)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h")
        {
            io.Output.Write(Help.Root(io.Width));
            return Ok;
        }

        if (args[0] == "--version")
        {
            io.Output.Write("llmecon " + Version + "\n");
            return Ok;
        }

        // The command words: one (report) or two (scaling fit).
        string first = args[0];
        if (first.StartsWith('-'))
        {
            throw new UsageException($"llmecon needs a command before its options; got '{first}'. Commands: {string.Join(", ", TopWords())}.");
        }

        LlmEconCommand? command = Commands.FirstOrDefault(c => c.Path == first);
        int used = 1;
        if (command is null)
        {
            if (!Groups.Contains(first))
            {
                throw new UsageException($"llmecon has no command '{first}'. " + InputException.Sentence(Suggest.Hint(first, [.. TopWords()])));
            }

            string[] children = [.. Commands.Where(c => c.Path.StartsWith(first + " ", StringComparison.Ordinal)).Select(c => c.Path[(first.Length + 1)..])];
            if (args.Length == 1 || args[1] is "--help" or "-h")
            {
                io.Output.Write(Help.Group(first, io.Width));
                return Ok;
            }

            if (!children.Contains(args[1]))
            {
                throw new UsageException($"llmecon {first} has no command '{args[1]}'. " + InputException.Sentence(Suggest.Hint(args[1], children)));
            }

            command = Commands.First(c => c.Path == first + " " + args[1]);
            used = 2;
        }

        string[] rest = args[used..];
        if (rest.Any(a => a is "--help" or "-h"))
        {
            io.Output.Write(Help.Command(command, io.Width));
            return Ok;
        }

        return Invoke(command, rest, io);
    }

    /// <summary>Runs <paramref name="command"/> on the words after its name: a sweep, a Monte Carlo, a tornado, a goal seek, or the command itself.</summary>
    internal static int Invoke(LlmEconCommand command, string[] rest, Io io)
    {

        // a numeric option given a range (A..B:STEP) makes a sweep; given a distribution, a Monte Carlo or a tornado
        var swept = new List<(string Flag, INumericOpt Numeric, double[] Values)>();
        var uncertain = new List<Uncertain>();
        var others = new List<string>();
        for (int i = 0; i < rest.Length; i++)
        {
            string w = rest[i];
            string bare = w.Split('=', 2)[0];
            string? value = w.Contains('=', StringComparison.Ordinal) ? w.Split('=', 2)[1] : i + 1 < rest.Length ? rest[i + 1] : null;
            if (command.Options.FirstOrDefault(o => o.Name == bare) is INumericOpt numeric && value is not null && value.Contains("..", StringComparison.Ordinal))
            {
                swept.Add((bare, numeric, SweepValues(numeric, bare, value)));
                i += w.Contains('=', StringComparison.Ordinal) ? 0 : 1;
                continue;
            }

            if (command.Options.FirstOrDefault(o => o.Name == bare) is INumericOpt uncertainOpt && value is not null && Distribution.Looks(value))
            {
                if (uncertain.Any(u => u.Flag == bare))
                {
                    throw Guard.Fail(bare, "given once", "twice");
                }

                uncertain.Add(Uncertain.Parse(bare, uncertainOpt, value));
                i += w.Contains('=', StringComparison.Ordinal) ? 0 : 1;
                continue;
            }

            others.Add(w);
        }

        if (swept.Count > 0)
        {
            if (uncertain.Count > 0)
            {
                throw Guard.Fail(uncertain[0].Flag, "a single value in a sweep (a sweep and distributions do not mix)", $"'{uncertain[0].Distribution.Text}'");
            }

            return Sweep(command, others, swept, io);
        }

        bool Given(params Opt[] options) => others.Any(w => options.Any(o => o.Name == w.Split('=', 2)[0]));
        if (Given(O.Swing, O.Tornado))
        {
            return Uncertainty.Tornado(command, others, uncertain, io);
        }

        if (uncertain.Count > 0 || Given(O.Samples, O.Summarize))
        {
            return Uncertainty.MonteCarlo(command, others, uncertain, io);
        }

        Args bound = Bind(command, rest);
        return bound.Has(O.Solve) || bound.Has(O.Target) ? Seek(command, rest, bound, io) : command.Execute(bound, io);
    }

    /// <summary>
    /// --solve OPTION --target KEY=VALUE: the value of OPTION at which the command's JSON output KEY equals VALUE (library
    /// <see cref="Scenarios.GoalSeek"/>), then the command run at that value, in the format asked; the solution on standard error.
    /// </summary>
    private static int Seek(LlmEconCommand command, string[] rest, Args a, Io io)
    {
        string name = a.Text(O.Solve) ?? throw Guard.Fail(O.Solve.Name, "given with --target (the option to solve)", "nothing", "e.g. --solve mfu");
        string target = a.Text(O.Target) ?? throw Guard.Fail(O.Target.Name, "given with --solve (KEY=VALUE: an output and the value it must reach)", "nothing", "e.g. --target costUsd=1000000");
        string flag = "--" + name.TrimStart('-');
        Opt? solved = command.Options.FirstOrDefault(o => o.Name == flag);
        if (solved is not INumericOpt numeric)
        {
            string[] numbers = [.. command.Options.OfType<INumericOpt>().Cast<Opt>().Select(o => o.Name[2..])];
            throw Guard.Fail(O.Solve.Name, $"a numeric option of llmecon {command.Path}", $"'{name}'",
                numbers.Length == 0 ? "this command has none" : Suggest.Nearest(name, numbers).Count > 0 ? Suggest.Hint(name, numbers) : "one of " + string.Join(", ", numbers));
        }

        int eq = target.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || !double.TryParse(target[(eq + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double want) || !double.IsFinite(want))
        {
            throw Guard.Fail(O.Target.Name, "KEY=VALUE with a finite number (e.g. costUsd=1e6)", $"'{target}'");
        }

        string key = target[..eq];
        // the words of each evaluation: the command's own, less goal seek, output and the solved option, in JSON
        List<string> words = Without(command, rest, O.Solve.Name, O.Target.Name, O.Format.Name, O.Out.Name, O.Explain.Name, flag);

        string Text(double x) => TextOf(numeric, flag, x);

        double Output(double x)
        {
            var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
            var error = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            if (command.Execute(Bind(command, [.. words, flag, Text(x), O.Format.Name, "json"]), new Io(output, error, io.Width)) != Ok)
            {
                throw Guard.Fail(flag, "a value the command takes", Guard.Show(x));
            }

            try
            {
                return Key(output.ToString(), key, command.Path);
            }
            catch (InputException e)
            {
                throw new KeyProblem(e); // not the input's fault: goal seek must not skip it as a refused value
            }
        }

        Options.Range r = numeric.Range;
        double low = r.LowOpen ? r.Low + Math.Max(Math.Abs(r.Low) * 1e-9, 1e-12) : r.Low;
        double high = r.HighOpen ? r.High - Math.Max(Math.Abs(r.High) * 1e-9, 1e-12) : r.High;
        Scenarios.GoalSeekResult found;
        try
        {
            found = Scenarios.GoalSeek.Solve(Output, want, low, high, flag, key);
        }
        catch (KeyProblem e)
        {
            throw e.Problem;
        }

        string value = Text(found.Input);
        io.Error.Write($"Solved: {flag} {value} gives {key} = {Guard.Show(NumberFormat.RoundSignificant(found.Output, 6))} (target {Guard.Show(want)}; goal seek over {r.Text}: {found.Evaluations} evaluations, Brent's method).\n");
        List<string> kept = Without(command, rest, O.Solve.Name, O.Target.Name, flag);
        return command.Execute(Bind(command, [.. kept, flag, value]), io);
    }

    /// <summary>The words less every occurrence of the named options, with its value (after '=' or the next word; a switch has none).</summary>
    internal static List<string> Without(LlmEconCommand command, IReadOnlyList<string> words, params string[] names)
    {
        var kept = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i], bare = w.Split('=', 2)[0];
            if (names.Contains(bare, StringComparer.Ordinal))
            {
                bool separateValue = !w.Contains('=', StringComparison.Ordinal) && command.Options.FirstOrDefault(o => o.Name == bare) is not SwitchOpt;
                i += separateValue ? 1 : 0;
                continue;
            }

            kept.Add(w);
        }

        return kept;
    }

    /// <summary>How to type <paramref name="x"/> (in the option's unit) for a numeric option: the plain number, or with '$', or rounded to a whole number.</summary>
    internal static string TextOf(INumericOpt numeric, string flag, double x)
    {
        foreach (string t in new[] { Guard.Show(x), "$" + Guard.Show(x), Guard.Show(Math.Round(x)) })
        {
            try
            {
                double m = numeric.Magnitude(t);
                if (Math.Abs(m - x) <= 1e-9 * Math.Abs(x) + 1e-300 || t == Guard.Show(Math.Round(x)))
                {
                    return t;
                }
            }
            catch (InputException)
            {
            }
        }

        throw Guard.Fail(flag, numeric.Range.Text, Guard.Show(x));
    }

    /// <summary>The most points a sweep evaluates.</summary>
    private const int MaxSweepPoints = 1_000_000;

    /// <summary>
    /// The values of a swept option: <c>A..B:S</c> in the option's own units — S a step (<c>20%..60%:5%</c>), <c>xK</c> a factor
    /// (<c>1..1024:x2</c>) or <c>log10</c> the powers of ten (<c>1B..1T:log10</c>); both ends included.
    /// </summary>
    private static double[] SweepValues(INumericOpt numeric, string flag, string text)
    {
        int dots = text.IndexOf("..", StringComparison.Ordinal), colon = text.IndexOf(':', dots);
        const string Forms = "a range A..B:STEP, A..B:xFACTOR or A..B:log10 in the option's units (20%..60%:5%, 1B..1T:log10)";
        if (colon < 0)
        {
            throw Guard.Fail(flag, Forms, $"'{text}'", "a range needs its step after ':'");
        }

        double lo = numeric.Magnitude(text[..dots]), hi = numeric.Magnitude(text[(dots + 2)..colon]);
        string step = text[(colon + 1)..];
        if (hi < lo)
        {
            throw Guard.Fail(flag, "a range from the smaller end to the larger", $"'{text}'");
        }

        var values = new List<double>();
        if (step == "log10")
        {
            if (lo <= 0)
            {
                throw Guard.Fail(flag, "a log10 range of positive values", $"'{text}'");
            }

            for (double e = Math.Ceiling(Math.Log10(lo) - 1e-9); e <= Math.Log10(hi) + 1e-9 && values.Count <= MaxSweepPoints; e++)
            {
                values.Add(Math.Pow(10, e));
            }
        }
        else if (step.StartsWith('x'))
        {
            double f = double.TryParse(step[1..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double k) && k > 1 && double.IsFinite(k) ? k
                : throw Guard.Fail(flag, "a range factor above 1 (x2, x10)", $"'{step}'");
            for (double v = lo; v <= hi * (1 + 1e-9) && values.Count <= MaxSweepPoints; v *= f)
            {
                values.Add(v);
            }
        }
        else
        {
            double d = numeric.Magnitude(step);
            if (!(d > 0))
            {
                throw Guard.Fail(flag, "a range step above 0", $"'{step}'");
            }

            for (int i = 0; lo + i * d <= hi + 1e-9 * Math.Max(Math.Abs(hi), d) && values.Count <= MaxSweepPoints; i++)
            {
                values.Add(NumberFormat.RoundSignificant(lo + i * d, 12)); // 0.1 + 2 × 0.1 is 0.3, not 0.30000000000000004
            }
        }

        return values.Count > MaxSweepPoints ? throw Guard.Fail(flag, $"a range of at most {NumberFormat.Integer(MaxSweepPoints)} points", $"'{text}'") : [.. values];
    }

    /// <summary>
    /// A sweep: every combination of the swept options' values (a grid), the command run at each, one row per point (and per row
    /// of the command's own table) with the swept inputs and the outputs as columns, streamed as CSV (default) or JSON lines
    /// (<c>--format json</c>); a point the command refuses is a row with its error.
    /// </summary>
    private static int Sweep(LlmEconCommand command, List<string> others, List<(string Flag, INumericOpt Numeric, double[] Values)> swept, Io io)
    {
        Args a = Bind(command, [.. others]);
        if (a.Has(O.Out) || a.Has(O.Solve) || a.Has(O.Target) || a.Has(O.Explain))
        {
            Opt stray = new Opt[] { O.Out, O.Solve, O.Target, O.Explain }.First(a.Has);
            throw Guard.Fail(stray.Name, "left out of a sweep (it streams to standard output)", a.Given(stray));
        }

        bool json = a.Has(O.Format) && a.Choice(O.Format) == "json";
        if (a.Has(O.Format) && !json && a.Choice(O.Format) != "csv")
        {
            throw Guard.Fail(O.Format.Name, "csv or json with a sweep (rows streamed as CSV, or as JSON lines)", a.Choice(O.Format));
        }

        long total = swept.Aggregate(1L, (n, s) => n * s.Values.Length);
        if (total > MaxSweepPoints)
        {
            throw Guard.Fail("sweep", $"at most {NumberFormat.Integer(MaxSweepPoints)} points", $"{NumberFormat.Integer(total)} ({string.Join(" × ", swept.Select(s => s.Values.Length))})");
        }

        List<string> baseWords = Without(command, others, O.Format.Name);
        List<string>? header = null;
        var index = new int[swept.Count];

        double[] Point(long point)
        {
            long rest = point;
            for (int k = swept.Count - 1; k >= 0; k--)
            {
                index[k] = (int)(rest % swept[k].Values.Length);
                rest /= swept[k].Values.Length;
            }

            return [.. swept.Select((s, k) => s.Values[index[k]])];
        }

        List<List<(string Key, object? Value)>> Generic(double[] x)
        {
            var words = new List<string>(baseWords);
            var inputs = new List<(string, object?)>();
            for (int k = 0; k < swept.Count; k++)
            {
                words.Add(swept[k].Flag);
                words.Add(TextOf(swept[k].Numeric, swept[k].Flag, x[k]));
                inputs.Add((swept[k].Flag, x[k]));
            }

            words.Add(O.Format.Name);
            words.Add("json");
            var rows = new List<List<(string Key, object? Value)>>();
            try
            {
                var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
                command.Execute(Bind(command, [.. words]), new Io(output, TextWriter.Null, io.Width));
                using var doc = System.Text.Json.JsonDocument.Parse(output.ToString());
                foreach (System.Text.Json.JsonElement row in CommandModel.Rows(doc))
                {
                    rows.Add([.. inputs, .. row.EnumerateObject().Where(p => p.Value.ValueKind is System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Null)
                        .Select(p => (p.Name, p.Value.ValueKind switch { System.Text.Json.JsonValueKind.Number => (object?)p.Value.GetDouble(), System.Text.Json.JsonValueKind.String => p.Value.GetString(), _ => null }))]);
                }
            }
            catch (InputException e)
            {
                rows.Add([.. inputs, ("error", e.Message)]);
            }
            catch (UsageException e)
            {
                rows.Add([.. inputs, ("error", e.Message)]);
            }

            return rows;
        }

        // the command's formula kernel, when it has one for these options: each row is the command's first row with the kernel's numbers
        Func<double[], List<List<(string Key, object? Value)>>> rowsAt = Generic;
        List<List<(string Key, object? Value)>> template = Generic(Point(0));
        if (template.Count == 1 && !template[0].Any(c => c.Key == "error"))
        {
            var numbers = template[0].Skip(swept.Count).Where(c => c.Value is double).ToDictionary(c => c.Key, c => (double)c.Value!, StringComparer.Ordinal);
            Args at = Bind(command, [.. baseWords, .. swept.SelectMany((s, k) => new[] { s.Flag, TextOf(s.Numeric, s.Flag, s.Values[0]) })]);
            if (command.Kernel(at, LlmEconCommand.CatalogOf(at), [.. swept.Select(s => s.Flag)], numbers) is { } kernel
                && kernel.Outputs.All(numbers.ContainsKey))
            {
                int[] slot = [.. template[0].Select(c => kernel.Outputs.ToList().IndexOf(c.Key))];
                double[] y = new double[kernel.Outputs.Count];
                List<List<(string Key, object? Value)>> Fast(double[] x)
                {
                    if (!kernel.Evaluate(x, y))
                    {
                        return Generic(x); // the command says why
                    }

                    var row = new List<(string Key, object? Value)>(template[0].Count);
                    for (int c = 0; c < template[0].Count; c++)
                    {
                        row.Add(c < swept.Count ? (template[0][c].Key, x[c]) : slot[c] >= 0 ? (template[0][c].Key, y[slot[c]]) : template[0][c]);
                    }

                    return [row];
                }

                // checked against the command at the first, middle and last points before use
                bool Same(List<List<(string Key, object? Value)>> a, List<List<(string Key, object? Value)>> b) =>
                    a.Count == b.Count && a.Zip(b).All(r => r.First.Count == r.Second.Count && r.First.Zip(r.Second).All(c => c.First.Key == c.Second.Key
                        && (c.First.Value is double u && c.Second.Value is double v ? Math.Abs(u - v) <= 1e-12 * Math.Abs(u) : Equals(c.First.Value, c.Second.Value))));
                if (new[] { 0, total / 2, total - 1 }.All(p => Same(Generic(Point(p)), Fast(Point(p)))))
                {
                    rowsAt = Fast;
                }
            }
        }

        var progress = new Progress("sweep", "points", total, io);
        for (long point = 0; point < total; point++)
        {
            List<List<(string Key, object? Value)>> rows = rowsAt(Point(point));
            progress.Report(point + 1);
            foreach (var row in rows)
            {
                if (json)
                {
                    io.Output.Write("{" + string.Join(",", row.Select(c => System.Text.Json.JsonSerializer.Serialize(c.Key, SweepJson.Default.String) + ":" + JsonValue(c.Value))) + "}\n");
                    continue;
                }

                if (header is null)
                {
                    header = [.. row.Select(c => c.Key)];
                    if (!header.Contains("error"))
                    {
                        header.Add("error");
                    }

                    io.Output.Write(string.Join(",", header.Select(Csv)) + "\n");
                }

                var cells = row.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
                io.Output.Write(string.Join(",", header.Select(h => Csv(cells.TryGetValue(h, out object? v) ? v switch { double d => Guard.Show(d), null => "", var o => o.ToString()! } : ""))) + "\n");
            }
        }

        io.Output.Flush();
        progress.Done();
        return Ok;
    }

    private static string JsonValue(object? v) => v switch
    {
        double d => Guard.Show(d),
        string t => System.Text.Json.JsonSerializer.Serialize(t, SweepJson.Default.String),
        _ => "null",
    };

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    /// <summary>A --target key the output does not have once as a number: an error of the key, whatever the input.</summary>
    private sealed class KeyProblem(InputException problem) : Exception(problem.Message, problem)
    {
        public InputException Problem { get; } = problem;
    }

    /// <summary>The number at JSON key <paramref name="key"/> of a command's output: it must occur once, as a number.</summary>
    private static double Key(string json, string key, string path)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var found = new List<System.Text.Json.JsonElement>();
        var numbers = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(System.Text.Json.JsonElement e)
        {
            if (e.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Value.ValueKind == System.Text.Json.JsonValueKind.Number)
                    {
                        numbers.Add(p.Name);
                    }

                    if (p.Name == key)
                    {
                        found.Add(p.Value);
                    }

                    Walk(p.Value);
                }
            }
            else if (e.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                foreach (var x in e.EnumerateArray())
                {
                    Walk(x);
                }
            }
        }

        Walk(doc.RootElement);
        return found.Count switch
        {
            1 when found[0].ValueKind == System.Text.Json.JsonValueKind.Number => found[0].GetDouble(),
            0 => throw Guard.Fail(O.Target.Name, $"a numeric key of llmecon {path}'s JSON output", $"'{key}'",
                Suggest.Nearest(key, [.. numbers]).Count > 0 ? Suggest.Hint(key, [.. numbers]) : "one of " + string.Join(", ", numbers)),
            1 => throw Guard.Fail(O.Target.Name, "a key whose value is a number", $"'{key}'"),
            _ => throw Guard.Fail(O.Target.Name, "a key the output has once", $"'{key}', {found.Count} times", "narrow the output (an option such as --architecture, or --table)"),
        };
    }

    private static IEnumerable<string> TopWords() => Commands.Select(c => c.Path.Split(' ')[0]).Distinct();

    /// <summary>
    /// Checks the words after the command against its options (unknown → did-you-mean; no value; twice), then binds them with
    /// System.CommandLine.
    /// </summary>
    internal static Args Bind(LlmEconCommand command, string[] words)
    {
        string path = "llmecon " + command.Path;
        var byName = command.Options.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        int positionals = 0;
        for (int i = 0; i < words.Length; i++)
        {
            string w = words[i];
            if (w == "--")
            {
                positionals += words.Length - i - 1;
                break;
            }

            if (!w.StartsWith("--", StringComparison.Ordinal) || w.Length == 2)
            {
                if (w.StartsWith('-') && w.Length > 1 && !char.IsAsciiDigit(w[1]) && w[1] != '.' && w[1] != '$')
                {
                    throw new UsageException($"{path} has no option '{w}'. " + InputException.Sentence(Suggest.Hint(w, [.. byName.Keys])));
                }

                positionals++;
                continue;
            }

            int eq = w.IndexOfAny(['=', ':']);
            string name = eq > 0 ? w[..eq] : w;
            if (!byName.TryGetValue(name, out Opt? option))
            {
                throw new UsageException($"{path} has no option '{name}'. " + InputException.Sentence(Suggest.Hint(name, [.. byName.Keys])));
            }

            string? value = null;
            if (option.ValueName is not null)
            {
                if (eq > 0)
                {
                    value = w[(eq + 1)..];
                }
                else if (i + 1 < words.Length && !IsOptionWord(words[i + 1], byName))
                {
                    value = words[++i];
                }
                else
                {
                    throw new UsageException($"{name} needs a value ({option.ValueName}, e.g. {name} {Help.Quote(option.Example ?? option.ValueName)}); got none.");
                }
            }
            else if (eq > 0)
            {
                throw new UsageException($"{name} takes no value; got '{w[(eq + 1)..]}'.");
            }

            if (seen.TryGetValue(name, out string? before) && !option.Repeatable)
            {
                throw new UsageException(option.ValueName is null
                    ? $"{name} was given twice; give it once."
                    : $"{name} was given twice ('{before}' and '{value}'); give it once.");
            }

            seen[name] = value ?? "";
        }

        if (positionals != command.Positionals.Count)
        {
            throw new UsageException(positionals < command.Positionals.Count
                ? $"{path} needs {string.Join(" and ", command.Positionals.Skip(positionals).Select(p => p.Name))}; got none. Usage: {path} {string.Join(' ', command.Positionals.Select(p => p.Name))} [options]."
                : $"{path} takes {(command.Positionals.Count == 0 ? "no arguments" : $"one {command.Positionals[0].Name}")}; got {positionals}: '{string.Join("', '", words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).Take(3))}'.");
        }

        return Parse(command, words);
    }

    private static bool IsOptionWord(string word, Dictionary<string, Opt> options)
    {
        if (!word.StartsWith("--", StringComparison.Ordinal) || word.Length == 2)
        {
            return false;
        }

        int eq = word.IndexOfAny(['=', ':']);
        return options.ContainsKey(eq > 0 ? word[..eq] : word) || char.IsAsciiLetter(word[2]);
    }

    /// <summary>System.CommandLine binds the (already checked) words to the command's options and arguments.</summary>
    private static Args Parse(LlmEconCommand command, string[] words)
    {
        var root = new RootCommand(command.Summary);
        root.Options.Clear();
        var symbols = new List<(Opt Opt, Option Symbol)>();
        foreach (Opt o in command.Options)
        {
            Option symbol = o.ValueName is null ? new Option<bool>(o.Name)
                : o.Repeatable ? new Option<string[]>(o.Name) { Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false }
                : new Option<string>(o.Name);
            root.Options.Add(symbol);
            symbols.Add((o, symbol));
        }

        var positional = new Argument<string[]>("arguments") { Arity = ArgumentArity.ZeroOrMore };
        root.Arguments.Add(positional);
        ParseResult result = root.Parse(words, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Errors.Count > 0)
        {
            throw new UsageException(InputException.Sentence(result.Errors[0].Message));
        }

        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (o, symbol) in symbols)
        {
            if (result.GetResult(symbol) is { Implicit: false })
            {
                values[o.Name] = symbol switch
                {
                    Option<string[]> many => result.GetValue(many) ?? [],
                    Option<string> one => [result.GetValue(one) ?? ""],
                    _ => [],
                };
            }
        }

        return new Args(values, result.GetValue(positional) ?? []);
    }

    private static int? Classify(Exception e) => e switch
    {
        InputException or CatalogException or CatalogFileException or UsageException or Scenarios.ScenarioException => Usage,
        OperationCanceledException => null,
        _ => Failure,
    };

    private static string Describe(Exception e) => e switch
    {
        CatalogException c when c.Problems.Count > 0 =>
            $"the catalog has {c.Problems.Count} problem{(c.Problems.Count == 1 ? "" : "s")}:\n" + string.Join("\n", c.Problems.Select(p => "  " + p)),
        Scenarios.ScenarioException s => $"{s.Problems[0].Origin} has " + s.Message,
        InputException or UsageException or ResultException or CatalogFileException => e.Message,
        UnauthorizedAccessException or IOException => "could not read or write a file: " + e.Message,
        _ => "an internal error (" + e.GetType().Name + "): " + e.Message + " This is a bug: please report the command line (and run it with --debug for the stack trace).",
    };
}

/// <summary>Source-generated JSON for the sweep's JSON lines (the tool runs natively: no reflection).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class SweepJson : System.Text.Json.Serialization.JsonSerializerContext;

using System.Globalization;
using System.Text;
using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;
using LlmEcon.Scenarios;

namespace LlmEcon.Cli.Commands;

/// <summary>
/// <c>llmecon run FILE</c>: a scenario file (YAML or JSON) evaluated — its runs, each a command with its inputs, under the file's article
/// scenario and catalog. The whole file is checked first and every problem reported at once with file, line and column; each run is then
/// computed into memory, and only when all succeeded is anything printed.
/// </summary>
internal sealed class RunCommand : LlmEconCommand
{
    /// <summary>Commands a scenario cannot run.</summary>
    private static readonly string[] NotInScenarios = ["run", "web"];

    /// <summary>Options a run cannot set: the output is the scenario's.</summary>
    private static readonly string[] NotInRuns = ["format", "out", "table", "debug"];

    /// <inheritdoc/>
    public override string Path => "run";

    /// <inheritdoc/>
    public override string Summary => "Evaluates a scenario file (YAML or JSON): named assumptions with units, catalog entries, the article's scenario and the runs — commands with their inputs (values, lists, ranges, distributions). `llmecon report` is `llmecon run examples/article.yaml`.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions => [];

    /// <inheritdoc/>
    public override IReadOnlyList<Positional> Positionals => [new("FILE", "The scenario file (.yaml, .yml or .json).")];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples => [["examples/serving-70b.yaml"], ["examples/article.yaml", "--format", "json"]];

    /// <inheritdoc/>
    protected override IEnumerable<(string Flag, string Path)> Inputs(Args a) => [("FILE", a.Arguments[0])];

    /// <inheritdoc/>
    protected override CommandResult Build(Args a, LlmCatalog catalog, Io io) => throw new InvalidOperationException("run prints its runs' own output");

    /// <inheritdoc/>
    public override int Execute(Args a, Io io)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(io);
        string path = a.Arguments[0];
        if (string.IsNullOrWhiteSpace(path))
        {
            throw Guard.Fail("FILE", "the path of a scenario file (.yaml, .yml or .json)", "''");
        }

        string format = a.Has(O.Format) ? a.Choice(O.Format, Formats) : "table";
        OutputFile? target = a.Raw(O.Out) is { } o ? OutputFile.Prepare(o, O.Out.Name, AllInputs(a)) : null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Guard.Fail("FILE", "a scenario file that can be read", $"'{path}'", e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message);
        }

        var problems = new List<ScenarioProblem>();
        ScenarioFile scenario = ScenarioFile.Read(text, path, problems) ?? throw new ScenarioException(problems);
        void Problem(FilePlace place, string message) => problems.Add(new ScenarioProblem(path, place, message));

        LlmCatalog baseCatalog = a.Raw(O.Catalog) is { } c ? Merge(LlmCatalog.BuiltIn, c, O.Catalog.Name) : LlmCatalog.BuiltIn;
        if (scenario.CatalogJson is { } json)
        {
            try
            {
                baseCatalog = baseCatalog.Merge(path, json);
            }
            catch (CatalogException e)
            {
                foreach (CatalogProblem p in e.Problems)
                {
                    Problem(scenario.PlaceOf(p.Entry, p.Field), $"catalog: {p.Entry}{(p.Field.Length > 0 ? "." + p.Field : "")} must be {p.Rule}; got {p.Actual}." + (p.Hint is null ? "" : " " + InputException.Sentence(p.Hint)));
                }
            }
        }

        // Each run's words, checked option by option
        var runs = new List<(ScenarioRun Run, LlmEconCommand Command, string[] Words)>();
        string[] paths = [.. LlmEconApp.Commands.Where(x => !NotInScenarios.Contains(x.Path)).Select(x => x.Path)];
        foreach (ScenarioRun run in scenario.Runs)
        {
            LlmEconCommand? command = LlmEconApp.Commands.FirstOrDefault(x => x.Path == run.Command.Text.Trim() && !NotInScenarios.Contains(x.Path));
            if (command is null)
            {
                Problem(run.Command.Place, $"no command '{run.Command.Text}' can run in a scenario. " + InputException.Sentence(Suggest.Hint(run.Command.Text, paths) ?? "commands: " + string.Join(", ", paths)));
                continue;
            }

            var words = new List<string>();
            bool ok = true;
            foreach (RunOption option in run.Options)
            {
                string flag = "--" + option.Name.Text;
                Opt? opt = command.Options.FirstOrDefault(x => x.Name == flag);
                string[] names = [.. command.Options.Select(x => x.Name[2..]).Where(n => !NotInRuns.Contains(n))];
                if (opt is null || NotInRuns.Contains(option.Name.Text))
                {
                    Problem(option.Name.Place, NotInRuns.Contains(option.Name.Text)
                        ? $"{option.Name.Text} is the scenario's, not a run's: give it to llmecon run."
                        : $"llmecon {command.Path} has no option '{option.Name.Text}'. " + InputException.Sentence(Suggest.Hint(option.Name.Text, names) ?? "its options: " + string.Join(", ", names)));
                    ok = false;
                    continue;
                }

                string value = option.Value.Text;
                string where = option.Assumption is { } assumed ? $" (the assumption '{assumed.Text}', used by {command.Path}'s {option.Name.Text})" : "";
                if (opt is SwitchOpt)
                {
                    if (value is not ("true" or "false"))
                    {
                        Problem(option.Value.Place, $"{flag} is a switch: true or false; got '{value}'.");
                        ok = false;
                    }
                    else if (value == "true")
                    {
                        words.Add(flag);
                    }

                    continue;
                }

                bool special = opt is INumericOpt && (value.Contains("..", StringComparison.Ordinal) || Distribution.Looks(value));
                try
                {
                    if (special && Distribution.Looks(value))
                    {
                        _ = Uncertain.Parse(flag, (INumericOpt)opt, value);
                    }
                    else if (!special && !(opt is TextOpt && value.Contains(',', StringComparison.Ordinal)))
                    {
                        opt.Check(value);
                    }
                }
                catch (InputException e)
                {
                    Problem(option.Value.Place, e.Message.TrimEnd('.') + where + ".");
                    ok = false;
                    continue;
                }

                words.Add(flag);
                words.Add(value);
            }

            if (ok)
            {
                runs.Add((run, command, [.. words]));
            }
        }

        if (scenario.Runs.Count > 1 && format is "csv" or "html")
        {
            throw Guard.Fail(O.Format.Name, $"table, json or markdown for a scenario of {scenario.Runs.Count} runs ({format} holds one result)", format);
        }

        // Every run computed into memory; a failure is located at the option it names, else at the run's command
        var outputs = new List<(ScenarioRun Run, LlmEconCommand Command, string Text)>();
        var notes = new StringBuilder();
        {
            // the runs that passed their own checks are computed even when others did not: every problem is reported at once
            using IDisposable context = ScenarioContext.Use(scenario.Article, baseCatalog);
            foreach (var (run, command, words) in runs)
            {
                var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
                var error = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
                try
                {
                    string[] asked = a.Has(O.Format) ? [O.Format.Name, format] : [];
                    LlmEconApp.Invoke(command, [.. words, .. asked], new Io(output, error, io.Width) { ErrorIsTerminal = false });
                    outputs.Add((run, command, output.ToString()));
                    notes.Append(error); // a run's notes (a goal seek's solution) are shown only when the whole file ran
                }
                catch (Exception e) when (e is InputException or UsageException or CatalogFileException)
                {
                    string parameter = (e as InputException)?.Parameter ?? "";
                    RunOption? at = run.Options.FirstOrDefault(o => "--" + o.Name.Text == parameter);
                    Problem(at?.Value.Place ?? run.Command.Place, $"{command.Path}: " + e.Message);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ScenarioException([.. problems.OrderBy(p => p.Place.Line).ThenBy(p => p.Place.Column)]);
        }

        io.Error.Write(notes.ToString());
        Deliver(target, outputs.Count == 1 ? outputs[0].Text : Join(scenario, outputs, format), io);
        return LlmEconApp.Ok;
    }

    /// <summary>A run's JSON as one value: its document, or a sweep's JSON lines as an array of them.</summary>
    private static string Embedded(string json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            return json.TrimEnd('\n');
        }
        catch (System.Text.Json.JsonException)
        {
            return "[\n" + string.Join(",\n", json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l)) + "\n]";
        }
    }

    /// <summary>Several runs: JSON as <c>{ "scenario", "runs": [ { "command", "title", "result" } ] }</c>; text formats one after another under a heading.</summary>
    private static string Join(ScenarioFile scenario, List<(ScenarioRun Run, LlmEconCommand Command, string Text)> outputs, string format)
    {
        var sb = new StringBuilder();
        if (format == "json")
        {
            sb.Append("{\n  \"scenario\": ").Append(System.Text.Json.JsonSerializer.Serialize(scenario.Name ?? "", SweepJson.Default.String)).Append(",\n  \"runs\": [\n");
            for (int i = 0; i < outputs.Count; i++)
            {
                var (run, command, text) = outputs[i];
                sb.Append("    { \"command\": ").Append(System.Text.Json.JsonSerializer.Serialize(command.Path, SweepJson.Default.String))
                    .Append(", \"title\": ").Append(run.Title is null ? "null" : System.Text.Json.JsonSerializer.Serialize(run.Title, SweepJson.Default.String))
                    .Append(", \"result\": ").Append(Embedded(text).Replace("\n", "\n    ", StringComparison.Ordinal)).Append(i + 1 < outputs.Count ? " },\n" : " }\n");
            }

            return sb.Append("  ]\n}\n").ToString();
        }

        for (int i = 0; i < outputs.Count; i++)
        {
            var (run, command, text) = outputs[i];
            string heading = $"{i + 1}. {run.Title ?? "llmecon " + command.Path}";
            sb.Append(format == "markdown" ? $"# {heading}\n\n" : $"── {heading} ──\n\n").Append(text);
            if (i + 1 < outputs.Count)
            {
                sb.Append('\n');
            }
        }

        return sb.ToString();
    }
}

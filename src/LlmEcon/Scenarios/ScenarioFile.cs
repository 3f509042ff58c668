using System.Globalization;
using System.Text;
using System.Text.Json;
using LlmEcon.Audit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LlmEcon.Scenarios;

/// <summary>A place in a scenario file: 1-based line and column.</summary>
/// <param name="Line">The line.</param>
/// <param name="Column">The column.</param>
public readonly record struct FilePlace(int Line, int Column);

/// <summary>A value as written in a scenario file, with its place.</summary>
/// <param name="Text">The text (a number as written).</param>
/// <param name="Place">Where it is.</param>
public sealed record Located(string Text, FilePlace Place);

/// <summary>One problem of a scenario file: where, and one sentence.</summary>
/// <param name="Origin">The file.</param>
/// <param name="Place">Where in it.</param>
/// <param name="Message">What is wrong, as one sentence.</param>
public sealed record ScenarioProblem(string Origin, FilePlace Place, string Message)
{
    /// <summary><c>file:line:column: message</c>.</summary>
    public override string ToString() => $"{Origin}:{Place.Line}:{Place.Column}: {Message}";
}

/// <summary>A scenario file with problems: every one of them, in file order.</summary>
public sealed class ScenarioException(IReadOnlyList<ScenarioProblem> problems)
    : Exception($"{problems.Count} problem{(problems.Count == 1 ? "" : "s")}:\n" + string.Join("\n", problems.Select(p => "  " + p)))
{
    /// <summary>The problems.</summary>
    public IReadOnlyList<ScenarioProblem> Problems { get; } = problems;
}

/// <summary>One option of a run: its name (a flag without dashes), the value as text, and the assumption it came from, if any.</summary>
/// <param name="Name">The option, e.g. <c>mfu</c>.</param>
/// <param name="Value">The value, as text (<c>21.3%</c>, <c>uniform(20%,40%)</c>, <c>20%..60%:5%</c>), with its place.</param>
/// <param name="Assumption">The assumption a <c>$name</c> value named, with its place; null for a value written in the run.</param>
public sealed record RunOption(Located Name, Located Value, Located? Assumption);

/// <summary>One model to evaluate: a command with its options.</summary>
/// <param name="Command">The command's words (<c>inference</c>, <c>scaling optimal</c>), with their place.</param>
/// <param name="Title">A title for the run's output, or null.</param>
/// <param name="Options">Its options, in file order (a switch has the value <c>true</c>).</param>
public sealed record ScenarioRun(Located Command, string? Title, IReadOnlyList<RunOption> Options);

/// <summary>
/// A scenario file (YAML, or the same structure in JSON, which YAML reads): named assumptions with units, catalog entries added or
/// overridden, the article's scenario, and the runs — which commands to evaluate with which inputs. Every structural problem is reported
/// at once with its line and column (see <see cref="Parse"/>); the options' values are checked by the tool, which knows their kinds.
/// </summary>
/// <param name="Origin">The file's name, for messages.</param>
/// <param name="Name">The scenario's name.</param>
/// <param name="Description">What it answers.</param>
/// <param name="Assumptions">Named values with units, used in runs as <c>$name</c>.</param>
/// <param name="CatalogJson">The <c>catalog</c> section as catalog JSON (merged over the built-in catalog), or null.</param>
/// <param name="Article">The <c>article</c> section: the article's scenario the report and the article's defaults read, or null.</param>
/// <param name="Runs">The runs, in order.</param>
public sealed record ScenarioFile(string Origin, string? Name, string? Description, IReadOnlyDictionary<string, Located> Assumptions,
    string? CatalogJson, ArticleScenario? Article, IReadOnlyList<ScenarioRun> Runs)
{
    /// <summary>Where the <c>catalog</c> section starts.</summary>
    public FilePlace CatalogPlace { get; init; }

    /// <summary>
    /// Where each part of the <c>catalog</c> section is, named as catalog problems name it: a section (<c>accelerators</c>), an entry by
    /// id and by position (<c>accelerators[my-chip]</c>, <c>accelerators[0]</c>) and each field of an entry (<c>accelerators[my-chip].peakFlops</c>).
    /// </summary>
    public IReadOnlyDictionary<string, FilePlace> CatalogPlaces { get; init; } = new Dictionary<string, FilePlace>();

    /// <summary>The place of the catalog's <paramref name="entry"/> and <paramref name="field"/>: the field, else the entry, else its section, else the <c>catalog</c> key.</summary>
    public FilePlace PlaceOf(string entry, string field)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(field);
        string section = entry.Split('[')[0];
        foreach (string key in new[] { field.Length > 0 ? entry + "." + field : entry, entry, section })
        {
            if (CatalogPlaces.TryGetValue(key, out FilePlace place))
            {
                return place;
            }
        }

        return CatalogPlace;
    }

    /// <summary>The keys a scenario file may have at its top.</summary>
    public static readonly IReadOnlyList<string> TopKeys = ["name", "description", "source", "assumptions", "catalog", "article", "runs"];

    /// <summary>The keys a run may have.</summary>
    public static readonly IReadOnlyList<string> RunKeys = ["command", "title", "with"];

    /// <summary>The text of <c>examples/article.yaml</c>, embedded in the library.</summary>
    public static string ArticleExampleText { get; } = ArticleScenario.ReadResource("article.yaml");

    /// <summary>The article's scenario shipped with the library: <c>examples/article.yaml</c>, whose <c>article</c> section is every default of the article.</summary>
    public static ScenarioFile ArticleExample { get; } = Parse(ArticleExampleText, "examples/article.yaml");

    /// <summary>Reads a scenario file; every problem of its structure at once, located, as a <see cref="ScenarioException"/>.</summary>
    public static ScenarioFile Parse(string text, string origin)
    {
        var problems = new List<ScenarioProblem>();
        ScenarioFile? file = Read(text, origin, problems);
        return problems.Count > 0 || file is null ? throw new ScenarioException([.. problems.OrderBy(p => p.Place.Line).ThenBy(p => p.Place.Column)]) : file;
    }

    /// <summary>
    /// Reads what can be read of a scenario file, adding every problem of its structure to <paramref name="problems"/> (a run with a
    /// problem is kept with what it has, so the tool can check the rest); null when the file is not one YAML or JSON mapping.
    /// </summary>
    public static ScenarioFile? Read(string text, string origin, List<ScenarioProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        void Problem(Mark m, string message) => problems.Add(new ScenarioProblem(origin, new FilePlace((int)m.Line, (int)m.Column), message));

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            Problem(e.Start, $"the file is not valid YAML or JSON: {FirstSentence(e.InnerException?.Message ?? e.Message)}.");
            return null;
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Problem(stream.Documents.Count == 0 ? Mark.Empty : stream.Documents[0].RootNode.Start, "a scenario must be one mapping (name:, assumptions:, runs: …).");
            return null;
        }

        string? name = null, description = null, catalogJson = null;
        FilePlace catalogPlace = default;
        var catalogPlaces = new Dictionary<string, FilePlace>();
        ArticleScenario? article = null;
        var assumptions = new Dictionary<string, Located>(StringComparer.Ordinal);
        var runs = new List<ScenarioRun>();
        YamlNode? runsNode = null;
        foreach (var (keyNode, value) in root.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? "";
            switch (key)
            {
                case "name":
                    name = Scalar(value, "name", Problem);
                    break;
                case "description":
                    description = Scalar(value, "description", Problem);
                    break;
                case "source":
                    Scalar(value, "source", Problem);
                    break;
                case "assumptions" when value is YamlMappingNode map:
                    foreach (var (k, v) in map.Children)
                    {
                        string an = ((YamlScalarNode)k).Value ?? "";
                        if (v is YamlScalarNode { Value: { } s })
                        {
                            assumptions[an] = new Located(s, Place(v.Start));
                        }
                        else
                        {
                            Problem(v.Start, $"assumptions.{an} must be one value with its unit (e.g. 21.3%, $19.22, 175B); got a {Kind(v)}.");
                        }
                    }

                    break;
                case "assumptions":
                    Problem(value.Start, $"assumptions must be a mapping of names to values (mfu: 21.3%); got a {Kind(value)}.");
                    break;
                case "catalog" when value is YamlMappingNode:
                    catalogJson = Json(value);
                    catalogPlace = Place(keyNode.Start);
                    catalogPlaces = CatalogPlacesOf((YamlMappingNode)value);
                    break;
                case "catalog":
                    Problem(value.Start, $"catalog must be a mapping of catalog entries (accelerators:, offers:, models:, apiPrices:); got a {Kind(value)}.");
                    break;
                case "article":
                    article = ReadArticle(value, Problem);
                    break;
                case "runs":
                    runsNode = value;
                    break;
                default:
                    Problem(keyNode.Start, $"unknown key '{key}'. " + InputException.Sentence(Suggest.Hint(key, TopKeys) ?? "the keys are " + string.Join(", ", TopKeys)));
                    break;
            }
        }

        if (runsNode is YamlSequenceNode seq)
        {
            foreach (YamlNode item in seq.Children)
            {
                if (Run(item, assumptions, Problem) is { } run)
                {
                    runs.Add(run);
                }
            }

            if (seq.Children.Count == 0)
            {
                Problem(seq.Start, "runs must list at least one run (- command: report).");
            }
        }
        else if (runsNode is not null)
        {
            Problem(runsNode.Start, $"runs must be a list of runs (- command: inference, with: …); got a {Kind(runsNode)}.");
        }
        else
        {
            Problem(root.Start, "a scenario needs runs: the commands to evaluate (runs: [ {command: report} ]).");
        }

        return new ScenarioFile(origin, name, description, assumptions, catalogJson, article, runs) { CatalogPlace = catalogPlace, CatalogPlaces = catalogPlaces };
    }

    private static FilePlace Place(Mark m) => new((int)m.Line, (int)m.Column);

    /// <summary>The places of <paramref name="catalog"/>'s sections, entries (by id and by position) and their fields, nested ones dotted.</summary>
    private static Dictionary<string, FilePlace> CatalogPlacesOf(YamlMappingNode catalog)
    {
        var places = new Dictionary<string, FilePlace>(StringComparer.Ordinal);
        void Fields(YamlMappingNode entry, string prefix)
        {
            foreach (var (key, value) in entry.Children)
            {
                string name = prefix + ((key as YamlScalarNode)?.Value ?? "");
                places.TryAdd(name, Place(key.Start));
                if (value is YamlMappingNode inner)
                {
                    Fields(inner, name + ".");
                }
            }
        }

        foreach (var (sectionKey, section) in catalog.Children)
        {
            string name = (sectionKey as YamlScalarNode)?.Value ?? "";
            places.TryAdd(name, Place(sectionKey.Start));
            if (section is not YamlSequenceNode entries)
            {
                continue;
            }

            for (int i = 0; i < entries.Children.Count; i++)
            {
                YamlNode entry = entries.Children[i];
                places.TryAdd(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]"), Place(entry.Start));
                if (entry is YamlMappingNode fields && fields.Children.TryGetValue(new YamlScalarNode("id"), out YamlNode? id) && id is YamlScalarNode { Value: { } text })
                {
                    places.TryAdd($"{name}[{text}]", Place(entry.Start));
                    Fields(fields, $"{name}[{text}].");
                }
            }
        }

        return places;
    }

    private static string FirstSentence(string s) => s.Split(". ")[0].TrimEnd('.');

    private static string Kind(YamlNode n) => n switch { YamlMappingNode => "mapping", YamlSequenceNode => "list", _ => "value" };

    private static string? Scalar(YamlNode n, string key, Action<Mark, string> problem)
    {
        if (n is YamlScalarNode s)
        {
            return s.Value;
        }

        problem(n.Start, $"{key} must be one value; got a {Kind(n)}.");
        return null;
    }

    private static ScenarioRun? Run(YamlNode item, Dictionary<string, Located> assumptions, Action<Mark, string> problem)
    {
        if (item is not YamlMappingNode run)
        {
            problem(item.Start, $"a run must be a mapping (command: inference, with: …); got a {Kind(item)}.");
            return null;
        }

        Located? command = null;
        string? title = null;
        var options = new List<RunOption>();
        foreach (var (keyNode, value) in run.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? "";
            switch (key)
            {
                case "command" when value is YamlScalarNode { Value: { } c }:
                    command = new Located(c, Place(value.Start));
                    break;
                case "command":
                    problem(value.Start, $"command must be a command's words (inference, scaling optimal); got a {Kind(value)}.");
                    break;
                case "title":
                    title = Scalar(value, "title", problem);
                    break;
                case "with" when value is YamlMappingNode with:
                    foreach (var (k, v) in with.Children)
                    {
                        var optionName = new Located(((YamlScalarNode)k).Value ?? "", Place(k.Start));
                        if (v is YamlSequenceNode list && list.Children.All(c => c is YamlScalarNode))
                        {
                            // a list is the option's list form: 1,8,64
                            options.Add(new RunOption(optionName, new Located(string.Join(",", list.Children.Select(c => ((YamlScalarNode)c).Value)), Place(v.Start)), null));
                            continue;
                        }

                        if (v is not YamlScalarNode { Value: { } text })
                        {
                            problem(v.Start, $"with.{optionName.Text} must be one value (or a list of values); got a {Kind(v)}.");
                            continue;
                        }

                        if (text.Length > 1 && text[0] == '$' && char.IsAsciiLetter(text[1]))
                        {
                            string reference = text[1..];
                            if (assumptions.TryGetValue(reference, out Located? assumed))
                            {
                                options.Add(new RunOption(optionName, assumed, new Located(reference, Place(v.Start))));
                            }
                            else
                            {
                                problem(v.Start, $"with.{optionName.Text} names the assumption '{reference}', which the file does not define. " +
                                    InputException.Sentence(Suggest.Hint(reference, [.. assumptions.Keys]) ?? (assumptions.Count == 0 ? "it has no assumptions" : "it has " + string.Join(", ", assumptions.Keys))));
                            }

                            continue;
                        }

                        options.Add(new RunOption(optionName, new Located(text, Place(v.Start)), null));
                    }

                    break;
                case "with":
                    problem(value.Start, $"with must be a mapping of options to values (mfu: 21.3%); got a {Kind(value)}.");
                    break;
                default:
                    problem(keyNode.Start, $"unknown key '{key}' in a run. " + InputException.Sentence(Suggest.Hint(key, RunKeys) ?? "a run has command, title and with"));
                    break;
            }
        }

        if (command is null)
        {
            if (!run.Children.Keys.Any(k => k is YamlScalarNode { Value: "command" }))
            {
                problem(run.Start, "a run needs a command (command: inference).");
            }

            return null;
        }

        return new ScenarioRun(command, title, options);
    }

    /// <summary>The article section read as the article's scenario: YAML to JSON, numbers with units as text the quantities' readers take.</summary>
    private static ArticleScenario? ReadArticle(YamlNode node, Action<Mark, string> problem)
    {
        if (node is not YamlMappingNode)
        {
            problem(node.Start, $"article must be a mapping (the article's scenario: search:, inference:, training: …); got a {Kind(node)}.");
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(Json(node), ArticleJson.Default.ArticleScenario);
        }
        catch (JsonException e)
        {
            YamlNode at = Find(node, e.Path) ?? node;
            problem(at.Start, $"article{(e.Path ?? "$")[1..]}: {FirstSentence(e.Message)}.");
            return null;
        }
    }

    /// <summary>The node at a JSON path like <c>$.search.cacheHitRate</c> or <c>$.scaling.cases[1].tokens</c>.</summary>
    private static YamlNode? Find(YamlNode node, string? path)
    {
        if (path is null)
        {
            return null;
        }

        YamlNode current = node;
        foreach (string part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            string key = part.Split('[')[0];
            if (current is YamlMappingNode m && m.Children.FirstOrDefault(c => string.Equals(((YamlScalarNode)c.Key).Value, key, StringComparison.OrdinalIgnoreCase)) is { Key: not null } pair)
            {
                current = pair.Value;
            }
            else
            {
                return current;
            }

            if (part.Contains('[', StringComparison.Ordinal) && current is YamlSequenceNode s
                && int.TryParse(part[(part.IndexOf('[', StringComparison.Ordinal) + 1)..].TrimEnd(']'), NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < s.Children.Count)
            {
                current = s.Children[i];
            }
        }

        return current;
    }

    /// <summary>A YAML node as JSON: plain scalars that are numbers, true, false or null as such; every other scalar a string.</summary>
    internal static string Json(YamlNode node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static void Write(YamlNode node, StringBuilder sb)
    {
        switch (node)
        {
            case YamlMappingNode m:
                sb.Append('{');
                sb.AppendJoin(',', m.Children.Select(c =>
                {
                    var inner = new StringBuilder();
                    inner.Append(JsonSerializer.Serialize(((YamlScalarNode)c.Key).Value ?? "", ArticleJson.Default.String)).Append(':');
                    Write(c.Value, inner);
                    return inner.ToString();
                }));
                sb.Append('}');
                break;
            case YamlSequenceNode s:
                sb.Append('[');
                sb.AppendJoin(',', s.Children.Select(c =>
                {
                    var inner = new StringBuilder();
                    Write(c, inner);
                    return inner.ToString();
                }));
                sb.Append(']');
                break;
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } when v is "true" or "false" or "null" or "~":
                sb.Append(v == "~" ? "null" : v);
                break;
            case YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v } when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d):
                sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case YamlScalarNode s:
                sb.Append(JsonSerializer.Serialize(s.Value ?? "", ArticleJson.Default.String));
                break;
            default:
                sb.Append("null");
                break;
        }
    }
}

using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;

namespace LlmEcon.Cli.Commands;

/// <summary>A positional argument: its name in usage (<c>FILE</c>) and what it is.</summary>
/// <param name="Name">The name, e.g. <c>FILE</c>.</param>
/// <param name="Help">What it is.</param>
internal sealed record Positional(string Name, string Help);

/// <summary>
/// A command: the options it takes, parse them into library inputs, call the library, render. Errors propagate as exceptions that
/// <see cref="LlmEconApp"/> turns into one <c>Error: …</c> line and an exit code. Every result is checked before it is printed:
/// no NaN, no infinity, no negative money.
/// </summary>
internal abstract class LlmEconCommand
{
    /// <summary>The options every command takes.</summary>
    public static readonly IReadOnlyList<Opt> CommonOptions = [O.Format, O.Explain, O.Catalog, O.Out, O.Table, O.Solve, O.Target, O.Samples, O.Seed, O.Summarize, O.Tornado, O.Swing, O.Debug];

    /// <summary>The command's words after <c>llmecon</c>, e.g. <c>scaling fit</c>.</summary>
    public abstract string Path { get; }

    /// <summary>One or two sentences: what it computes, with the article's equation numbers.</summary>
    public abstract string Summary { get; }

    /// <summary>The command's own options, in the order help lists them.</summary>
    public abstract IReadOnlyList<Opt> OwnOptions { get; }

    /// <summary>Every option the command takes: its own, then the common ones.</summary>
    public IReadOnlyList<Opt> Options => [.. OwnOptions, .. CommonOptions.Except(OwnOptions)];

    /// <summary>Positional arguments (all required).</summary>
    public virtual IReadOnlyList<Positional> Positionals => [];

    /// <summary>Example argument lists (after the command's words); help shows them quoted for bash, and a test runs each through bash.</summary>
    public abstract IReadOnlyList<string[]> Examples { get; }

    /// <summary>True for a command that serves until stopped (web) rather than printing a result: not run over HTTP or by the fuzzer.</summary>
    public virtual bool Serves => false;

    /// <summary>The formats this command prints; the first is the default.</summary>
    public virtual IReadOnlyList<string> Formats => ["table", "json", "csv", "markdown", "html"];

    /// <summary>The format when --format is not given: the first of <see cref="Formats"/>.</summary>
    protected virtual string DefaultFormat(Args a) => Formats[0];

    /// <summary>The result's chart drawn as PNG or SVG; commands without a chart do not list those formats.</summary>
    protected virtual byte[] Image(CommandResult result, OutputFormat format, Args a) =>
        throw new InvalidOperationException("this command draws no chart");

    /// <summary>Computes the result.</summary>
    protected abstract CommandResult Build(Args a, LlmCatalog catalog, Io io);

    /// <summary>The files this run reads besides <c>--catalog</c> (option and path): no output may overwrite them.</summary>
    protected virtual IEnumerable<(string Flag, string Path)> Inputs(Args a) => [];

    /// <summary>Renders the result; the report overrides it for its own layout.</summary>
    protected virtual string Render(CommandResult result, OutputFormat format, Args a, Io io)
    {
        ArgumentNullException.ThrowIfNull(io);
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        Renderers.Render(result, format, a.Switch(O.Explain), text, io.Error, io.Width);
        return text.ToString();
    }

    /// <summary>Everything the run reads: <c>--catalog</c> and the command's own inputs.</summary>
    public IReadOnlyList<(string Flag, string Path)> AllInputs(Args a) =>
        [.. a.Raw(O.Catalog) is { Length: > 0 } c ? [(O.Catalog.Name, c)] : Array.Empty<(string, string)>(), .. Inputs(a)];

    /// <summary>Runs the command: checks every output before computing, computes, checks the result, prints it whole.</summary>
    public virtual int Execute(Args a, Io io)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(io);
        var format = Enum.Parse<OutputFormat>(a.Has(O.Format) ? a.Choice(O.Format, Formats) : DefaultFormat(a), ignoreCase: true);
        OutputFile? target = a.Raw(O.Out) is { } path ? OutputFile.Prepare(path, O.Out.Name, AllInputs(a)) : null;
        if (format == OutputFormat.Png && (target is null || target.IsStandardOutput))
        {
            throw Guard.Fail(O.Out.Name, "a file with --format png (a PNG is not text for a terminal)", target is null ? "nothing" : "'-'", "e.g. --out chart.png, or --format svg");
        }

        LlmCatalog catalog = CatalogOf(a);
        CommandResult result = Select(Build(a, catalog, io), a, format);
        ResultCheck.Require(result);
        if (format == OutputFormat.Png)
        {
            target!.Write(Image(result, format, a));
            return LlmEconApp.Ok;
        }

        string text = format == OutputFormat.Svg ? System.Text.Encoding.UTF8.GetString(Image(result, format, a)) : Render(result, format, a, io);
        Deliver(target, text, io);

        foreach (var (file, content) in result.Files)
        {
            file.Write(content, io.Output);
        }

        foreach (string warning in result.Warnings)
        {
            io.Error.Write("Warning: " + warning + "\n");
        }

        return LlmEconApp.Ok;
    }

    /// <summary>
    /// The command's model written over bare numbers for Monte Carlo, tornado and sweeps (the same equations, over <see cref="Derivations.Num"/>),
    /// reading <paramref name="flags"/> in order; null when this command, or this use of it, has none (the command then runs per sample).
    /// <paramref name="at"/> is the run at the base values: its outputs by name, as <c>--format json</c> gives them.
    /// </summary>
    internal virtual Scenarios.IModel? Kernel(Args a, LlmCatalog catalog, IReadOnlyList<string> flags, IReadOnlyDictionary<string, double> at) => null;

    /// <summary>The catalog a run reads: the built-in one, with <c>--catalog</c>'s file merged over it.</summary>
    internal static LlmCatalog CatalogOf(Args a) =>
        a.Raw(O.Catalog) is { } catalogFile ? Merge(ScenarioContext.Catalog, catalogFile, O.Catalog.Name) : ScenarioContext.Catalog;

    /// <summary>Prints <paramref name="text"/> on standard output, or writes it to <c>--out</c>'s file whole.</summary>
    internal static void Deliver(OutputFile? target, string text, Io io)
    {
        ArgumentNullException.ThrowIfNull(io);
        try
        {
            if (target is null)
            {
                io.Output.Write(text);
                io.Output.Flush();
            }
            else
            {
                target.Write(text, io.Output);
            }
        }
        catch (IOException) when (target is null || target.IsStandardOutput)
        {
            // The reader went away (llmecon report | head): it has all it wanted; nothing is wrong with the run.
        }
    }

    /// <summary>A catalog file merged over <paramref name="catalog"/>; its problems are reported as the problems of <paramref name="flag"/>'s file.</summary>
    protected static LlmCatalog Merge(LlmCatalog catalog, string path, string flag)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            return catalog.MergeFile(path, flag);
        }
        catch (CatalogException e)
        {
            throw new CatalogFileException(flag, path, e);
        }
    }

    /// <summary>
    /// <c>--table NAME</c> keeps one table; CSV, which holds one table, prints the first unless <c>--table</c> names another (the
    /// others are named in a note on standard error).
    /// </summary>
    private CommandResult Select(CommandResult result, Args a, OutputFormat format)
    {
        string[] keys = [.. result.Sheets.Select(s => s.Key)];
        if (a.Raw(O.Table) is { } name)
        {
            if (!keys.Contains(name, StringComparer.Ordinal))
            {
                throw Guard.Fail(O.Table.Name, $"one of this command's tables: {string.Join(", ", keys)}", $"'{name}'",
                    Suggest.Nearest(name, keys).Count > 0 ? Suggest.Hint(name, keys) : null);
            }

            return result with { Sheets = [.. result.Sheets.Where(s => s.Key == name)] };
        }

        if (format == OutputFormat.Csv && keys.Length > 1)
        {
            return result with
            {
                Sheets = [result.Sheets[0]],
                Notes = [.. result.Notes, $"CSV holds one table: this is '{keys[0]}'; the others are {string.Join(", ", keys.Skip(1).Select(k => $"--table {k}"))}."],
            };
        }

        return result;
    }
}

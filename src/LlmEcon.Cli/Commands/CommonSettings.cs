using System.ComponentModel;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using Spectre.Console.Cli;

namespace LlmEcon.Cli.Commands;

/// <summary>The flags every command takes.</summary>
internal class CommonSettings : CommandSettings
{
    /// <summary>--format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("table, json, csv or markdown (report: markdown, html or json). Default: table (report: markdown).")]
    public string? Format { get; init; }

    /// <summary>--explain.</summary>
    [CommandOption("--explain")]
    [Description("Print how every number was computed: formula, numbers substituted, inputs with their catalog source and date.")]
    public bool Explain { get; init; }

    /// <summary>--catalog.</summary>
    [CommandOption("--catalog <FILE>")]
    [Description("A JSON catalog file merged over the built-in one (same id replaces); validated as a whole.")]
    public string? Catalog { get; init; }

    /// <summary>--out.</summary>
    [CommandOption("--out <FILE>")]
    [Description("Write the output to FILE (whole or not at all) instead of standard output.")]
    public string? Out { get; init; }

    /// <summary>--debug.</summary>
    [CommandOption("--debug")]
    [Description("On failure, print the stack trace too.")]
    public bool Debug { get; init; }

    /// <summary>The catalog: built-in, with --catalog merged over it.</summary>
    public LlmCatalog LoadCatalog() => Catalog is null ? LlmCatalog.BuiltIn : LlmCatalog.BuiltIn.MergeFile(Catalog);
}

/// <summary>
/// A command: parse its flags into library inputs, call the library, render. Errors propagate as exceptions that
/// <see cref="LlmEconApp"/> turns into one <c>Error: …</c> line and an exit code.
/// </summary>
/// <typeparam name="TSettings">The command's settings.</typeparam>
internal abstract class LlmEconCommand<TSettings>(Io io) : Command<TSettings> where TSettings : CommonSettings
{
    /// <summary>The formats this command can print; the first is the default.</summary>
    protected virtual IReadOnlyList<OutputFormat> Formats => [OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv, OutputFormat.Markdown];

    /// <summary>Computes the result.</summary>
    protected abstract CommandResult Build(TSettings settings, LlmCatalog catalog);

    /// <summary>Renders the result; the report overrides it for its own layout.</summary>
    protected virtual string Render(CommandResult result, OutputFormat format, TSettings settings)
    {
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        Renderers.Render(result, format, settings.Explain, text, io.Error, io.Width);
        return text.ToString();
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        OutputFormat format = Flags.Choice(settings.Format, "--format", Formats);
        LlmCatalog catalog = settings.LoadCatalog();
        string text = Render(Build(settings, catalog), format, settings);
        if (settings.Out is { } path)
        {
            AtomicFile.Write(path, text);
        }
        else
        {
            io.Output.Write(text);
        }

        return 0;
    }
}

/// <summary>Writes a file whole or not at all: a temporary file beside it, then a rename.</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="path"/>.</summary>
    public static void Write(string path, string text)
    {
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (dir is null || !Directory.Exists(dir))
        {
            throw Guard.Fail("--out", "a file in an existing directory", $"'{path}'");
        }

        string temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            File.WriteAllText(temp, text, new System.Text.UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}

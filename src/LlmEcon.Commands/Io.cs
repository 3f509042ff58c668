namespace LlmEcon.Cli;

/// <summary>Where a run writes: standard output, standard error, and the table width.</summary>
/// <param name="Output">Results.</param>
/// <param name="Error">Errors, progress and (for CSV) derivations.</param>
/// <param name="Width">Columns for tables and help.</param>
internal sealed record Io(TextWriter Output, TextWriter Error, int Width)
{
    /// <summary>True when standard error is a terminal: progress is a bar redrawn in place there, lines otherwise.</summary>
    public bool ErrorIsTerminal { get; init; }
}

/// <summary>A usage error the CLI itself finds (unknown subcommand or option, a bad combination of flags): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A catalog file given to an option (<c>--catalog</c>, <c>FILE</c>) that does not validate: every problem, exit code 2.</summary>
internal sealed class CatalogFileException(string flag, string path, LlmEcon.Catalog.CatalogException inner)
    : Exception($"{flag} '{path}' has {inner.Problems.Count} problem{(inner.Problems.Count == 1 ? "" : "s")}:\n" + string.Join("\n", inner.Problems.Select(p => "  " + p)), inner);

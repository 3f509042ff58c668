namespace LlmEcon.Cli;

/// <summary>Where a run writes: standard output, standard error, and the table width.</summary>
/// <param name="Output">Results.</param>
/// <param name="Error">Errors, progress and (for CSV) derivations.</param>
/// <param name="Width">Columns for tables and help.</param>
internal sealed record Io(TextWriter Output, TextWriter Error, int Width);

/// <summary>A usage error the CLI itself finds (unknown subcommand or option, a bad combination of flags): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

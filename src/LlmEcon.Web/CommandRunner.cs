using System.Globalization;
using LlmEcon.Cli;
using LlmEcon.Cli.Commands;

namespace LlmEcon.Web;

/// <summary>What a command printed: its exit code, standard output and standard error.</summary>
/// <param name="Code">0 success, 2 bad input, 1 another failure.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error (the "Error: …" sentence on failure).</param>
internal sealed record CommandRun(int Code, string Output, string Error)
{
    /// <summary>The error's sentence without the "Error: " prefix.</summary>
    public string Sentence => Error.Split('\n', 2)[0] is var first && first.StartsWith("Error: ", StringComparison.Ordinal) ? first["Error: ".Length..] : first;
}

/// <summary>
/// Runs an llmecon command in-process, exactly as the tool does (the same options, rules and renderers), for the API and the pages.
/// Options that touch the file system are refused: over HTTP the tool reads and writes nothing.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Options a request may not give: files read or written.</summary>
    public static readonly IReadOnlySet<string> Forbidden = new HashSet<string>(StringComparer.Ordinal) { "out", "catalog", "save-law", "fit", "format", "debug" };

    /// <summary>The command at <paramref name="path"/> (words joined by '/'), and the words after it (its positional arguments), or null.</summary>
    public static (LlmEconCommand Command, string[] Arguments)? Find(string path)
    {
        string[] words = [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries)];
        for (int n = Math.Min(words.Length, 2); n >= 1; n--)
        {
            string name = string.Join(' ', words[..n]);
            if (LlmEconApp.Commands.FirstOrDefault(c => c.Path == name) is { } command)
            {
                return (command, words[n..]);
            }
        }

        return null;
    }

    /// <summary>Whether the command reads a file (scaling fit, catalog validate) or serves (web): not run over HTTP.</summary>
    public static bool ReadsFiles(LlmEconCommand command) => command.Positionals.Any(p => p.Name == "FILE") || command.Serves;

    /// <summary>Runs the command with <paramref name="flags"/> (option name without dashes → values) in <paramref name="format"/>.</summary>
    public static CommandRun Run(LlmEconCommand command, IReadOnlyList<string> arguments, IEnumerable<(string Name, string? Value)> flags, string format, int width = 100)
    {
        var args = new List<string>(command.Path.Split(' '));
        args.AddRange(arguments);
        foreach (var (name, value) in flags)
        {
            if (value is null)
            {
                args.Add("--" + name);
            }
            else
            {
                args.Add($"--{name}={value}");
            }
        }

        args.Add("--format=" + format);
        var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var error = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        int code = LlmEconApp.Run([.. args], new Io(output, error, width));
        return new CommandRun(code, output.ToString(), error.ToString());
    }
}

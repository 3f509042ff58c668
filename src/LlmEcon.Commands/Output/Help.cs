using System.Buffers;
using System.Text;
using LlmEcon.Cli.Commands;
using LlmEcon.Cli.Options;

namespace LlmEcon.Cli.Output;

/// <summary>
/// Help text: a command's summary, usage, every option with its value, meaning, rule and an example in the one grammar, and
/// examples of whole command lines written so that pasted into bash they run as shown (<c>'$2.50'</c> is quoted: unquoted, bash
/// would read <c>$2</c> as a parameter).
/// </summary>
internal static class Help
{
    /// <summary>Characters bash leaves alone outside quotes.</summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:%,=+@-");

    /// <summary><paramref name="word"/> as bash must read it: as it is when it is plain, else in single quotes.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length > 0 && !word.AsSpan().ContainsAnyExcept(Plain) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A command line of <paramref name="words"/>, each quoted as bash needs.</summary>
    public static string CommandLine(IEnumerable<string> words) => "llmecon " + string.Join(' ', words.Select(Quote));

    /// <summary>The top-level help: what llmecon is, its commands, and how to get more.</summary>
    public static string Root(int width)
    {
        var sb = new StringBuilder();
        sb.Append("llmecon ").Append(LlmEconApp.Version).Append(" — the economics of large language models: what a query, a thousand tokens, a training run or a\n")
          .Append("target loss costs, and exactly why. Every number traceable to its formula and its sourced catalog entry.\n\n")
          .Append("Usage: llmecon COMMAND [options]\n\nCommands:\n");
        var rows = LlmEconApp.Commands.Select(c => (c.Path, c.Summary)).ToList();
        AppendRows(sb, rows, width);
        sb.Append("\nOptions:\n");
        AppendRows(sb, [("--help", "Show help (also after any command: llmecon train --help)."), ("--version", "Show the version.")], width);
        sb.Append("\nExamples:\n  llmecon report\n  llmecon train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 46.2% --explain\n  llmecon train --help\n");
        return sb.ToString();
    }

    /// <summary>The help of a group of commands (<c>llmecon scaling</c>).</summary>
    public static string Group(string group, int width)
    {
        var sb = new StringBuilder();
        sb.Append("Usage: llmecon ").Append(group).Append(" COMMAND [options]\n\nCommands:\n");
        AppendRows(sb, LlmEconApp.Commands.Where(c => c.Path.StartsWith(group + " ", StringComparison.Ordinal)).Select(c => (c.Path, c.Summary)).ToList(), width);
        sb.Append("\nRun llmecon ").Append(group).Append(" COMMAND --help for a command's options.\n");
        return sb.ToString();
    }

    /// <summary>A command's help.</summary>
    public static string Command(LlmEconCommand command, int width)
    {
        ArgumentNullException.ThrowIfNull(command);
        var sb = new StringBuilder();
        sb.Append(Wrap(command.Summary, width, "")).Append("\n\nUsage: llmecon ").Append(command.Path);
        foreach (Positional p in command.Positionals)
        {
            sb.Append(' ').Append(p.Name);
        }

        sb.Append(" [options]\n");
        if (command.Positionals.Count > 0)
        {
            sb.Append("\nArguments:\n");
            AppendRows(sb, command.Positionals.Select(p => (p.Name, p.Help)).ToList(), width);
        }

        if (command.OwnOptions.Count > 0)
        {
            sb.Append("\nOptions:\n");
            AppendRows(sb, command.OwnOptions.Select(Row).ToList(), width);
        }

        sb.Append("\nEvery command:\n");
        AppendRows(sb, LlmEconCommand.CommonOptions.Select(o => o == O.Format ? (Left(o), $"How to print: {string.Join(", ", command.Formats)}. Default: {command.Formats[0]}.") : Row(o)).ToList(), width);
        sb.Append('\n').Append(Wrap("Numbers: 175B, 1.4T, 16K, 30.84M, 3.14e23, 30,840,000; fractions 21.3% or 0.213; money '$19.22' or '$10,000,000' "
                  + "(quote $ in bash); units where the option has one: 312T (FLOP/s), 80GB or 80GiB, 700W, 1287MWh, '$0.09/kWh', 14.8d, 4w, 4y.", width, "")).Append('\n');
        sb.Append("\nExamples:\n");
        foreach (string[] example in command.Examples)
        {
            sb.Append("  ").Append(CommandLine([.. command.Path.Split(' '), .. example])).Append('\n');
        }

        return sb.ToString();
    }

    private static (string Left, string Right) Row(Opt o)
    {
        string right = o.Help;
        if (o.Rule.Length > 0 && o is not ChoiceOpt)
        {
            right += $" Must be {o.Rule}.";
        }

        if (o.Example is { } e && o is not ChoiceOpt)
        {
            right += $" e.g. {o.Name} {Quote(e)}";
        }

        if (o.Repeatable)
        {
            right += " (repeatable)";
        }

        return (Left(o), right);
    }

    private static string Left(Opt o) => o.ValueName is null ? o.Name : o.Name + " " + o.ValueName;

    private static void AppendRows(StringBuilder sb, IReadOnlyList<(string Left, string Right)> rows, int width)
    {
        int left = Math.Min(30, rows.Max(r => r.Left.Length) + 2);
        foreach (var (l, r) in rows)
        {
            string head = "  " + l;
            string indent = new(' ', left + 2);
            if (head.Length >= left + 2)
            {
                sb.Append(head).Append('\n').Append(Wrap(r, width, indent)).Append('\n');
            }
            else
            {
                sb.Append(head.PadRight(left + 2)).Append(Wrap(r, width, indent)[indent.Length..]).Append('\n');
            }
        }
    }

    /// <summary>Words of <paramref name="text"/> in lines of at most <paramref name="width"/> columns, each starting with <paramref name="indent"/>.</summary>
    private static string Wrap(string text, int width, string indent)
    {
        var lines = new List<string>();
        var line = new StringBuilder(indent);
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear().Append(indent);
            }

            if (line.Length > indent.Length)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        lines.Add(line.ToString());
        return string.Join('\n', lines);
    }
}

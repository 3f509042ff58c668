using System.CommandLine;
using System.Reflection;
using LlmEcon.Catalog;
using LlmEcon.Cli.Commands;
using LlmEcon.Cli.Options;
using LlmEcon.Cli.Output;

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
        new InHouseCommand(), new TrajectoryCommand(), new RunsCommand(), new ServeCommand(), new SelfHostCommand(), new ValidateCommand(), new PlotCommand(), new WebCommand(),
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

        return command.Execute(Bind(command, rest), io);
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
        InputException or CatalogException or CatalogFileException or UsageException => Usage,
        OperationCanceledException => null,
        _ => Failure,
    };

    private static string Describe(Exception e) => e switch
    {
        CatalogException c when c.Problems.Count > 0 =>
            $"the catalog has {c.Problems.Count} problem{(c.Problems.Count == 1 ? "" : "s")}:\n" + string.Join("\n", c.Problems.Select(p => "  " + p)),
        InputException or UsageException or ResultException or CatalogFileException => e.Message,
        UnauthorizedAccessException or IOException => "could not read or write a file: " + e.Message,
        _ => "an internal error (" + e.GetType().Name + "): " + e.Message + " This is a bug: please report the command line (and run it with --debug for the stack trace).",
    };
}

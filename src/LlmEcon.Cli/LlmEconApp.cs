using System.Globalization;
using System.Reflection;
using LlmEcon.Catalog;
using LlmEcon.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LlmEcon.Cli;

/// <summary>
/// The <c>llmecon</c> application: the command tree, and the one place that turns a failure into
/// <c>Error: …</c> on standard error and an exit code (2 for usage and input errors, 1 for anything else).
/// </summary>
internal static class LlmEconApp
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for a failure that is not the user's input (I/O, a bug).</summary>
    public const int Failure = 1;

    /// <summary>Exit code for a usage or input error.</summary>
    public const int Usage = 2;

    /// <summary>The command tree: name → settings type (a branch has children and no settings of its own).</summary>
    internal static readonly IReadOnlyList<Node> Tree =
    [
        new("report", typeof(ReportSettings)),
        new("search", typeof(SearchSettings)),
        new("inference", typeof(InferenceSettings)),
        new("train", typeof(TrainSettings)),
        new("scaling", null, [new("loss", typeof(ScalingLossSettings)), new("optimal", typeof(ScalingOptimalSettings)),
            new("fit", typeof(ScalingFitSettings)), new("plan", typeof(ScalingPlanSettings))]),
        new("memory", typeof(MemorySettings)),
        new("hardware", null, [new("list", typeof(CommonSettings)), new("show", typeof(IdSettings)), new("generations", typeof(CommonSettings))]),
        new("inhouse", typeof(InHouseSettings)),
        new("trajectory", typeof(TrajectorySettings)),
        new("catalog", null, [new("list", typeof(CatalogListSettings)), new("show", typeof(IdSettings)), new("validate", typeof(CatalogValidateSettings))]),
    ];

    /// <summary>Runs <c>llmecon</c> with <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, Io io)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(io);
        bool debug = args.Contains("--debug", StringComparer.Ordinal);
        try
        {
            bool complete = CheckWords(args);
            int code = Build(io).Run(args);
            return complete || code == Ok ? code : Usage;
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

    private static int? Classify(Exception e) => e switch
    {
        InputException or CatalogException or UsageException or CommandParseException or CommandRuntimeException => Usage,
        OperationCanceledException => null,
        _ => Failure,
    };

    private static string Describe(Exception e) => e switch
    {
        CatalogException c when c.Problems.Count > 0 =>
            $"the catalog has {c.Problems.Count} problem{(c.Problems.Count == 1 ? "" : "s")}:\n" + string.Join("\n", c.Problems.Select(p => "  " + p)),
        CommandParseException or CommandRuntimeException => Sentence(e.Message),
        _ => e.Message,
    };

    private static string Sentence(string s) => s.EndsWith('.') || s.EndsWith('?') ? s : s + ".";

    private static CommandApp Build(Io io)
    {
        var app = new CommandApp();
        app.Configure(c =>
        {
            c.SetApplicationName("llmecon");
            c.Settings.Culture = CultureInfo.InvariantCulture;
            c.Settings.StrictParsing = true;
            c.PropagateExceptions();
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(io.Output),
            });
            console.Profile.Width = io.Width;
            c.ConfigureConsole(console);
            c.Settings.Registrar.RegisterInstance(io);

            c.AddCommand<ReportCommand>("report")
                .WithDescription("The article, section by section: every table recomputed beside its printed figures, then the audit of every figure that does not follow from its inputs.")
                .WithExample("report").WithExample("report", "--format", "html", "--out", "report.html").WithExample("report", "--format", "json");
            c.AddCommand<SearchCommand>("search")
                .WithDescription("Revenue and cost per query of LLM-powered search from API prices (eqs. 2–6), and its share of search revenue.")
                .WithExample("search").WithExample("search", "--architecture", "two-stage", "--cache-hit-rate", "50%", "--explain");
            c.AddCommand<InferenceCommand>("inference")
                .WithDescription("Cloud inference cost per 1000 and per 1M tokens (eq. 7) on a catalog offer or a machine you describe.")
                .WithExample("inference", "--params", "175B", "--offer", "aws-p4d-1yr", "--mfu", "21.3%")
                .WithExample("inference", "--params", "70B", "--chip", "h100-sxm", "--chips-per-machine", "8", "--machine-price-per-hour", "$98.32", "--mfu", "40%");
            c.AddCommand<TrainCommand>("train")
                .WithDescription("Training cost (eq. 8) and its inverse (eq. 9): solves whichever of cost, MFU, chip-hours and wall time is missing.")
                .WithExample("train", "--model", "gpt-3", "--offer", "gcp-tpu-v4-1yr", "--mfu", "46.2%")
                .WithExample("train", "--params", "175B", "--tokens", "300B", "--chip", "v100-sxm2", "--price-per-chip-hour", "$2.48", "--chips", "10000", "--days", "14.8");
            c.AddBranch("scaling", s =>
            {
                s.SetDescription("Chinchilla-form scaling laws L(N, D) = E + A/N^α + B/D^β (eqs. 13–14, 21–23): evaluate, fit, plan.");
                s.AddCommand<ScalingLossCommand>("loss").WithDescription("The loss of N parameters trained on D tokens.")
                    .WithExample("scaling", "loss", "--params", "70B", "--tokens", "1.4T");
                s.AddCommand<ScalingOptimalCommand>("optimal").WithDescription("The compute-optimal N and D for a FLOP budget, and their loss.")
                    .WithExample("scaling", "optimal", "--flops", "5.76e23");
                s.AddCommand<ScalingFitCommand>("fit")
                    .WithDescription("Fit L(N, D) to training runs from a CSV (Hoffmann et al. 2022 approach 3: Huber on log loss, L-BFGS from a grid), optionally bootstrapped.")
                    .WithExample("scaling", "fit", "data/chinchilla-figure4.csv", "--drop-highest", "5")
                    .WithExample("scaling", "fit", "data/chinchilla-figure4.csv", "--drop-highest", "5", "--bootstrap", "1000", "--seed", "1");
                s.AddCommand<ScalingPlanCommand>("plan")
                    .WithDescription("Plan a run with one or more laws: compute-optimal N and D for a FLOP or dollar budget, or the cheapest model reaching a target loss (optionally with its serving cost).")
                    .WithExample("scaling", "plan", "--flops", "1e24", "--law", "chinchilla-article", "--fit", "data/chinchilla-figure4.csv", "--drop-highest", "5")
                    .WithExample("scaling", "plan", "--budget", "$10M", "--offer", "gcp-tpu-v4-1yr", "--mfu", "46.2%")
                    .WithExample("scaling", "plan", "--target-loss", "2.0", "--lifetime-tokens", "10T", "--chip", "h100-sxm", "--price-per-chip-hour", "$2.50", "--mfu", "40%");
            });
            c.AddCommand<MemoryCommand>("memory")
                .WithDescription("Training memory (bytes per parameter, 20 for mixed-precision Adam) and the minimum chips to hold it.")
                .WithExample("memory", "--params", "175B", "--chip", "h100-sxm");
            c.AddBranch("hardware", h =>
            {
                h.SetDescription("Accelerators: peaks per precision (dense/sparse), memory, power, the article's generations.");
                h.AddCommand<HardwareListCommand>("list").WithDescription("Every accelerator in the catalog.").WithExample("hardware", "list");
                h.AddCommand<HardwareShowCommand>("show").WithDescription("One accelerator: every peak, memory, power, source and date.")
                    .WithExample("hardware", "show", "h100-sxm");
                h.AddCommand<HardwareGenerationsCommand>("generations").WithDescription("GFLOPS per $ and per watt across P100 → H100 (eq. 15).")
                    .WithExample("hardware", "generations");
            });
            c.AddCommand<InHouseCommand>("inhouse")
                .WithDescription("In-house cost: the article's V100 → H100 projection (eqs. 16–17), or any run from purchase price, lifetime, power and electricity.")
                .WithExample("inhouse").WithExample("inhouse", "--chip", "h100-sxm", "--chips", "1024", "--purchase-price", "$30000", "--lifetime", "4y",
                    "--run-time", "30d", "--pue", "1.2", "--electricity-price", "$0.08/kWh");
            c.AddCommand<TrajectoryCommand>("trajectory")
                .WithDescription("The cost trajectory (eqs. 10–12): levers, net reduction, and a cost projected by year.")
                .WithExample("trajectory").WithExample("trajectory", "--start-cost", "$1398072", "--annual-decline", "30%", "--years", "5");
            c.AddBranch("catalog", k =>
            {
                k.SetDescription("The catalog: accelerators, offers, models, API prices, scaling laws; each entry sourced and dated.");
                k.AddCommand<CatalogListCommand>("list").WithDescription("Every entry, or one section's.").WithExample("catalog", "list", "--section", "models");
                k.AddCommand<CatalogShowCommand>("show").WithDescription("One entry with its source and date.").WithExample("catalog", "show", "gpt-3");
                k.AddCommand<CatalogValidateCommand>("validate").WithDescription("Validates a catalog file merged over the built-in one; lists every problem.")
                    .WithExample("catalog", "validate", "my-catalog.json");
            });
        });
        return app;
    }

    /// <summary>
    /// Finds unknown subcommands and options before parsing, so the error names the token and suggests the nearest
    /// ("Did you mean '--mfu'?"). Returns false when the words stop before a command (the parser then prints help,
    /// and the run is a usage error unless help was asked for).
    /// </summary>
    private static bool CheckWords(string[] args)
    {
        IReadOnlyList<Node> level = Tree;
        string path = "llmecon";
        Node? command = null;
        int i = 0;
        for (; i < args.Length; i++)
        {
            string a = args[i];
            if (a.StartsWith('-'))
            {
                return false; // options before a command: let the parser show help or complain
            }

            Node? found = level.FirstOrDefault(n => n.Name == a);
            if (found is null)
            {
                var names = level.Select(n => n.Name).ToList();
                throw new UsageException($"{path} has no command '{a}'. " + InputException.Sentence(Suggest.Hint(a, names)));
            }

            path += " " + a;
            if (found.Children is null)
            {
                command = found;
                i++;
                break;
            }

            level = found.Children;
        }

        if (command?.Settings is not { } settings)
        {
            return false;
        }

        IReadOnlyDictionary<string, string?> options = Options(settings);
        for (; i < args.Length; i++)
        {
            string a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            string name = a.Split('=', 2)[0];
            if (options.TryGetValue(name, out string? valueName) && valueName is not null && !a.Contains('=', StringComparison.Ordinal)
                && (i + 1 == args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
            {
                throw new UsageException($"{name} needs a value ({valueName}); got none.");
            }

            if (name is "--help" || options.ContainsKey(name))
            {
                continue;
            }

            throw new UsageException($"{path} has no option '{name}'. " + InputException.Sentence(Suggest.Hint(name, [.. options.Keys])));
        }

        return true;
    }

    /// <summary>
    /// The long options a settings type declares (with its base classes), each with the name of the value it takes
    /// (e.g. <c>--mfu</c> → <c>FRACTION</c>), or null for a flag such as <c>--explain</c>.
    /// </summary>
    internal static IReadOnlyDictionary<string, string?> Options(Type settings) =>
        settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .SelectMany(a => a.LongNames.Select(n => (Name: "--" + n, Value: a.ValueIsOptional ? null : a.ValueName)))
            .ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal);

    /// <summary>A node of the command tree.</summary>
    internal sealed record Node(string Name, Type? Settings, IReadOnlyList<Node>? Children = null);
}

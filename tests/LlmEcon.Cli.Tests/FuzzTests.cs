using System.Text;
using System.Text.RegularExpressions;
using LlmEcon.Cli.Commands;
using LlmEcon.Cli.Options;

namespace LlmEcon.Cli.Tests;

/// <summary>
/// Hostile invocations (issue 8 §12), driven in-process: random combinations of every command's real options with valid values,
/// values of the wrong kind and hostile ones (NaN, ±∞, 1e400, −1, 0, empty, "175BB", "1,5", Unicode digits, >100%, huge counts,
/// directories, missing files, symbolic links, malformed catalogs). Each case must exit 0 or 2 (1 would be a bug), answer within a
/// minute, on 2 print one "Error:" line naming something the user typed, never a stack trace, never a NaN, ∞ or negative money in a
/// result, and leave every file it does not write, and every file it reads, as it was. Cases are seeded: a failure names its seed.
/// $LLMECON_FUZZ_CASES sets how many (default 10,000 in 20 batches).
/// </summary>
public partial class FuzzTests
{
    private const int Batches = 20;

    private static readonly int CasesPerBatch =
        (int.TryParse(Environment.GetEnvironmentVariable("LLMECON_FUZZ_CASES"), out int n) && n > 0 ? n : 10_000) / Batches;

    private static readonly string[] Hostile =
    [
        "NaN", "nan", "Infinity", "-Infinity", "∞", "-∞", "1e400", "-1e400", "-1", "0", "-0", "", " ", "175BB", "1,5", "0,213", "1.2.3",
        "١٧٥", "１７５", "150%", "100.1%", "-5%", "1e30", "9999999999999999999999", "4e-324", "1e-300", "$-5", "-$5", "$", "%", "e5",
        "0x10", "1_000", "12,34,567", "--", "-", "'", "\"", "a;b", "1e3", "16K", "2147483648", "-2147483649", "0.0000001",
        "/tmp", "/no/such/file", "/dev/null", "175B", "21.3%", "$19.22", "80GB", "700W", "14.8d", "312T", "5.76e23", "h100-sxm", "gpt-3",
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, Batches)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void HostileInvocations_AreAnsweredCleanly(int batch)
    {
        using var sandbox = new Sandbox();
        var failures = new List<string>();
        for (int k = 0; k < CasesPerBatch && failures.Count < 5; k++)
        {
            int seed = batch * 1_000_003 + k;
            string[] args = Generate(new Random(seed), sandbox);
            string? problem = Check(args, sandbox);
            if (problem is not null)
            {
                failures.Add($"seed {seed}: llmecon {string.Join(' ', args.Select(LlmEcon.Cli.Output.Help.Quote))}\n  {problem}");
            }

            sandbox.Reset();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>A command with a random handful of its options (and a few words it does not take).</summary>
    private static string[] Generate(Random r, Sandbox sandbox)
    {
        // `web` serves until stopped: the web app's own tests (tests/LlmEcon.Web.Tests) hammer it instead
        LlmEconCommand[] runnable = [.. LlmEconApp.Commands.Where(x => !x.Serves)];
        LlmEconCommand c = runnable[r.Next(runnable.Length)];
        var words = new List<string>(c.Path.Split(' '));
        foreach (Positional p in c.Positionals)
        {
            words.Add(r.Next(10) < 7 ? Valid(p.Name, c, sandbox, r)
                : p.Name == "FILE" ? Pick(r, ["", "/tmp", "/no/such/file", "/dev/null", .. sandbox.Paths]) : Pick(r, Hostile));
        }

        Opt[] options = [.. c.Options.Where(o => o != O.Debug)];
        int count = r.Next(0, 7);
        for (int i = 0; i < count; i++)
        {
            Opt o = options[r.Next(options.Length)];
            if (o.ValueName is null)
            {
                words.Add(o.Name);
                continue;
            }

            // Files are named by absolute paths only: a case must not write into the test's working directory.
            bool file = o.Name is "--out" or "--save-law" or "--catalog" or "--fit";
            string value = r.Next(10) switch
            {
                < 5 => Valid(o.Name, c, sandbox, r),
                < 9 when file => Pick(r, ["", "-", "/tmp", "/no/such/file", "/dev/null", .. sandbox.Paths]),
                < 9 => Pick(r, Hostile.Concat(sandbox.Paths).ToArray()),
                _ when file => Pick(r, sandbox.Paths.ToArray()),
                _ => Pick(r, options.Select(x => x.Example ?? "x").ToArray()), // a value of another option's kind
            };
            if (r.Next(20) == 0)
            {
                words.Add(o.Name + "=" + value);
            }
            else
            {
                words.Add(o.Name);
                words.Add(value);
            }
        }

        switch (r.Next(40))
        {
            case 0: words.Add("--no-such-option"); break;
            case 1: words.Add(options[r.Next(options.Length)].Name); break; // an option at the end, maybe without its value
            case 2: words.Insert(r.Next(words.Count + 1), Pick(r, Hostile.Where(h => h.StartsWith('-') || h.Contains('%', StringComparison.Ordinal)).ToArray())); break;
        }

        return [.. words];
    }

    /// <summary>A value the option (or argument) accepts, mostly.</summary>
    private static string Valid(string name, LlmEconCommand c, Sandbox sandbox, Random r) => name switch
    {
        "FILE" when c.Path == "catalog validate" => Pick(r, [sandbox.Catalog, sandbox.BadCatalog, sandbox.Csv]),
        "FILE" => Pick(r, [sandbox.Csv, sandbox.Csv, sandbox.CsvLink, sandbox.OneSizeCsv, sandbox.Catalog]),
        "KIND" => Pick(r, ["frontier", "roofline", "iso-loss", "gflops-per-watt", "implied-mfu", "gflops-per-usd", "training-cost", "cost-trajectory", "search", "frontir", ""]),
        "ID" => Pick(r, ["h100-sxm", "gpt-3", "tpu-v4", "aws-p4d-1yr", "chinchilla-article", "h10O", "GPT-3", "tpu-v5e", "gb200", "falcon-180b", "openai-gpt-4o-2024-08"]),
        "--catalog" => Pick(r, [sandbox.Catalog, sandbox.Catalog, sandbox.BadCatalog, sandbox.Csv]),
        "--fit" => Pick(r, [sandbox.Csv, sandbox.OneSizeCsv]),
        "--out" or "--save-law" => Pick(r, [sandbox.Fresh(), sandbox.Fresh(), sandbox.Existing, sandbox.Link, sandbox.Csv, sandbox.Catalog, "-", sandbox.Dir]),
        "--law-id" => Pick(r, ["mine", "palm", "Fitted", "a b"]),
        "--law" => Pick(r, ["chinchilla-article", "besiroglu-2024", "chinchila", ",", "chinchilla-article,besiroglu-2024"]),
        "--model" => Pick(r, ["gpt-3", "palm", "chinchilla", "gpt-2", "bert-large", "gpt3", "deepseek-v3", "opt-175b", "falcon-180b"]),
        "--offer" => Pick(r, ["aws-p4d-1yr", "gcp-tpu-v4-1yr", "aws-p4", "gcp-tpu-v5e-on-demand", "aws-p5-capacity-block"]),
        "--chip" => Pick(r, ["h100-sxm", "a100-40gb", "tpu-v4", "v100-sxm2", "h10", "tpu-v5e", "trainium2", "b200", "gaudi3"]),
        "--api-price" => Pick(r, ["openai-davinci-2022", "jasper-2022", "openai-gpt-4o-2024-08", "openai-davinci"]),
        "--grid-alpha" or "--grid-beta" or "--grid-e" or "--grid-a" or "--grid-b" => Pick(r, ["0:2:0.5", "0.5", "-1:1:0.5", "0,1,2", "2:0:1", "0:100:0.001", "a:b:c"]),
        "--bootstrap" => Pick(r, ["2", "10", "0", "1"]),
        _ => c.Options.First(o => o.Name == name).Example is { } e ? e : "x",
    };

    private static string Pick(Random r, string[] from) => from[r.Next(from.Length)];

    /// <summary>A non-finite number as .NET prints one (NaN, Infinity), not the word in a source's prose (AMD's "Infinity Fabric", also when a table wraps it).</summary>
    [GeneratedRegex(@"(?<![A-Za-z])(NaN|-?Infinity)(?![A-Za-z])(?![\s│|]*Fabric)")]
    private static partial Regex NonFinite();

    [GeneratedRegex(@"^(fit|bootstrap): [0-9,]+/[0-9,]+ (starts|resamples)$")]
    private static partial Regex ProgressLine();

    /// <summary>Null when the case was answered cleanly, else what went wrong.</summary>
    private static string? Check(string[] args, Sandbox sandbox)
    {
        var run = Task.Run(() => Cli.Run(args));
        if (!run.Wait(TimeSpan.FromMinutes(1)))
        {
            return "no answer within a minute";
        }

        var (code, output, error) = run.Result;
        string[] errorLines = [.. error.Split('\n').Where(l => l.Length > 0 && !ProgressLine().IsMatch(l))];
        if (error.Contains("   at ", StringComparison.Ordinal) || error.Contains("Exception", StringComparison.Ordinal))
        {
            return "a stack trace or exception name: " + error;
        }

        string? damage = sandbox.Damage(args, code);
        if (damage is not null)
        {
            return damage;
        }

        switch (code)
        {
            case 0:
                string shown = output + string.Concat(errorLines.Where(l => l.StartsWith("Note:", StringComparison.Ordinal)));
                foreach (string bad in new[] { "∞", "-$" })
                {
                    if (shown.Contains(bad, StringComparison.Ordinal))
                    {
                        return $"exit 0 with '{bad}' in the result";
                    }
                }

                if (NonFinite().Match(shown) is { Success: true } m)
                {
                    return $"exit 0 with '{m.Value}' in the result";
                }

                return errorLines.FirstOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal)) is { } e ? "exit 0 with an error: " + e : null;
            case 2:
                if (output.Length > 0 && !args.Contains("--help"))
                {
                    return "exit 2 with standard output: " + output[..Math.Min(200, output.Length)];
                }

                if (errorLines.Length == 0 || !errorLines[0].StartsWith("Error: ", StringComparison.Ordinal) || errorLines.Skip(1).Any(l => !l.StartsWith("  ", StringComparison.Ordinal)))
                {
                    return "exit 2 without one 'Error:' line (problems of a file indented under it): " + error;
                }

                // An option the user gave, or one the command needs and did not get ("--params must be given"), a positional, a file
                // the user named, or the command itself; never an internal variable ("seconds must be …").
                LlmEconCommand? command = LlmEconApp.Commands.Where(c => string.Join(' ', args).StartsWith(c.Path, StringComparison.Ordinal)).MaxBy(c => c.Path.Length);
                string[] named = [.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).Select(a => a.Split('=')[0]),
                    .. command?.Options.Select(o => o.Name) ?? [], .. command?.Positionals.Select(p => p.Name) ?? [], "FILE", "ID", "llmecon", command?.Path ?? "llmecon",
                    .. args.Where(a => a.Contains('/', StringComparison.Ordinal)).Select(Path.GetFileName).OfType<string>().Where(f => f.Length > 0)];
                return named.Any(n => errorLines[0].Contains(n, StringComparison.Ordinal)) ? null : "the error names no option, argument or file: " + errorLines[0];
            default:
                return $"exit {code}: {error}";
        }
    }

    /// <summary>
    /// Files a case may read or write: a small CSV of runs (and a link to it), a catalog, a malformed catalog, an existing output, a
    /// directory. After each case every file is compared with its snapshot: only the files the case wrote (--out, --save-law, not
    /// an input of the run) may differ, and no temporary file may be left.
    /// </summary>
    private sealed class Sandbox : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("llmecon-fuzz-").FullName;
        private readonly Dictionary<string, byte[]> _files = [];
        private int _fresh;

        public Sandbox()
        {
            Dir = Path.Combine(_root, "dir");
            Csv = Path.Combine(_root, "runs.csv");
            OneSizeCsv = Path.Combine(_root, "one-size.csv");
            Catalog = Path.Combine(_root, "catalog.json");
            BadCatalog = Path.Combine(_root, "bad.json");
            Existing = Path.Combine(_root, "existing.txt");
            CsvLink = Path.Combine(_root, "runs-link.csv");
            Link = Path.Combine(_root, "out-link.txt");
            Reset();
        }

        public string Dir { get; }

        public string Csv { get; }

        public string OneSizeCsv { get; }

        public string Catalog { get; }

        public string BadCatalog { get; }

        public string Existing { get; }

        public string CsvLink { get; }

        public string Link { get; }

        public IEnumerable<string> Paths => [Dir, Csv, Catalog, BadCatalog, Existing, CsvLink, Link, Path.Combine(_root, "missing", "x.txt"), Path.Combine(_root, "dangling")];

        public string Fresh() => Path.Combine(_root, $"out-{_fresh++}.txt");

        public void Reset()
        {
            foreach (string f in Directory.GetFiles(_root))
            {
                File.Delete(f);
            }

            Directory.CreateDirectory(Dir);
            // 4 sizes × 3 data sizes from the article's law (eq. 13): identifiable, and quick to fit.
            var csv = new StringBuilder("N,D,loss\n");
            foreach (double nn in new[] { 1e8, 3e8, 1e9, 3e9 })
            {
                foreach (double dd in new[] { 2e9, 6e9, 2e10 })
                {
                    csv.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{nn},{dd},{1.69 + 406.4 / Math.Pow(nn, 0.34) + 410.7 / Math.Pow(dd, 0.28)}\n"));
                }
            }

            File.WriteAllText(Csv, csv.ToString());
            File.WriteAllText(OneSizeCsv, "N,D,loss\n1e9,1e10,2.9\n1e9,2e10,2.8\n1e9,3e10,2.7\n1e9,4e10,2.65\n1e9,5e10,2.6\n1e9,6e10,2.55\n");
            File.WriteAllText(Catalog, "{ // mine\n \"offers\": [ { \"id\": \"my-offer\", \"name\": \"M\", \"provider\": \"P\", \"acceleratorId\": \"h100-sxm\", \"chipsPerMachine\": 8, \"usdPerHour\": 20, \"commitment\": \"on-demand\", \"source\": \"s\", \"published\": \"2026\" }, ], }\n");
            File.WriteAllText(BadCatalog, "{ \"offers\": [ { \"id\": \"x\", \"usdPerHour\": -1 } ], \"models\": [], \"models\": [] }\n");
            File.WriteAllText(Existing, "keep\n");
            File.CreateSymbolicLink(CsvLink, Csv);
            File.CreateSymbolicLink(Link, Existing);
            File.CreateSymbolicLink(Path.Combine(_root, "dangling"), Path.Combine(_root, "nowhere.txt"));
            _files.Clear();
            foreach (string f in Directory.GetFiles(_root))
            {
                _files[f] = new FileInfo(f).LinkTarget is null ? File.ReadAllBytes(f) : Encoding.UTF8.GetBytes("link:" + new FileInfo(f).LinkTarget);
            }
        }

        /// <summary>What the case damaged, or null.</summary>
        public string? Damage(string[] args, int code)
        {
            var written = new HashSet<string>(StringComparer.Ordinal);
            var read = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < args.Length; i++)
            {
                string[] parts = args[i].Split('=', 2);
                if (parts[0] is "--out" or "--save-law")
                {
                    if (parts.Length == 2)
                    {
                        written.Add(Resolve(parts[1]));
                    }
                    else if (i + 1 < args.Length)
                    {
                        written.Add(Resolve(args[++i]));
                    }
                }
                else if ((parts.Length == 2 ? parts[1] : args[i]).StartsWith(_root, StringComparison.Ordinal))
                {
                    read.Add(Resolve(parts.Length == 2 ? parts[1] : args[i]));
                }
            }

            foreach (var (file, before) in _files)
            {
                byte[] now = !File.Exists(file) && new FileInfo(file).LinkTarget is null ? [] : new FileInfo(file).LinkTarget is { } t ? Encoding.UTF8.GetBytes("link:" + t) : File.ReadAllBytes(file);
                bool mayChange = written.Contains(Resolve(file)) && !read.Contains(Resolve(file)) && code == 0;
                if (!mayChange && !now.AsSpan().SequenceEqual(before))
                {
                    return $"{file} changed (exit {code})";
                }
            }

            return Directory.GetFiles(_root, "*.tmp").FirstOrDefault() is { } temp ? $"a temporary file was left: {temp}" : null;
        }

        private static string Resolve(string path)
        {
            try
            {
                string full = Path.GetFullPath(path.Length == 0 ? "." : path);
                return new FileInfo(full).ResolveLinkTarget(true)?.FullName ?? full;
            }
            catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
            {
                return path;
            }
        }

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}

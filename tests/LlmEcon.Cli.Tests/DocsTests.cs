using System.Diagnostics;
using System.Text.RegularExpressions;
using LlmEcon.Cli.Commands;
using LlmEcon.Cli.Output;

namespace LlmEcon.Cli.Tests;

/// <summary>
/// Every example a user can paste runs as written. The examples of README.md and docs/*.md are run through <c>bash -c</c> exactly as
/// the page writes them, with an <c>llmecon</c> on the PATH (the built tool, or the native one named by $LLMECON_EXE) and the
/// repository as the working directory, and must print what the page shows ("…" on a line of its own stands for lines left out).
/// Every --help example goes through bash too: bash must hand the tool exactly the words the example means (an unquoted '$2.48'
/// would arrive as '.48'), and the tool must run it.
/// </summary>
public partial class DocsTests
{
    /// <summary>A fenced block that starts with "$ llmecon …": the command, then what it prints.</summary>
    [GeneratedRegex(@"```(?:text|console)?\n\$ (?<command>llmecon [^\n]*)\n(?<output>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    /// <summary>A fit's progress line: when it appears depends on the machine's speed, so pages leave it out (docs/tools/examples.py).</summary>
    // lines a run prints on standard error only when it takes over a second: how fast this machine is, not what the page shows
    [GeneratedRegex(@"(?m)^(fit: [0-9,]+/[0-9,]+ starts|sweep: [0-9,]+/[0-9,]+ points|Monte Carlo: (pass .*|[0-9,]+ samples in .*))\n")]
    private static partial Regex SlowRunLines();

    /// <summary>Any line of a fenced block that is a command to run (no output shown).</summary>
    [GeneratedRegex(@"```(?:bash|sh)?\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();

    private static readonly string Root = Path.GetDirectoryName(Path.GetDirectoryName(Cli.Repository("docs", "cli.md")))!;

    private static IEnumerable<string> Pages() =>
        [Path.Combine(Root, "README.md"), .. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal)];

    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string page in Pages())
        {
            foreach (Match m in Example().Matches(File.ReadAllText(page).ReplaceLineEndings("\n")))
            {
                data.Add(Path.GetFileName(page), m.Groups["command"].Value, m.Groups["output"].Value);
            }
        }

        return data;
    }

    /// <summary>Lines "llmecon …" in code blocks that show no output: they must run (exit 0, nothing on standard error).</summary>
    public static TheoryData<string, string> Commands()
    {
        var data = new TheoryData<string, string>();
        foreach (string page in Pages())
        {
            string text = File.ReadAllText(page).ReplaceLineEndings("\n");
            foreach (Match m in Block().Matches(text))
            {
                if (m.Groups["body"].Value.StartsWith("$ ", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (string line in m.Groups["body"].Value.Split('\n'))
                {
                    string command = line.Split(" #", 2)[0].TrimEnd();
                    if (command.StartsWith("llmecon ", StringComparison.Ordinal) && !command.Contains("--help", StringComparison.Ordinal))
                    {
                        data.Add(Path.GetFileName(page), command);
                    }
                }
            }
        }

        return data;
    }

    public static TheoryData<string, string[]> HelpExamples()
    {
        var data = new TheoryData<string, string[]>();
        foreach (LlmEconCommand c in LlmEconApp.Commands)
        {
            foreach (string[] example in c.Examples)
            {
                data.Add(c.Path, [.. c.Path.Split(' '), .. example]);
            }
        }

        return data;
    }

    [Fact]
    public void Docs_HaveAnExampleOfEveryCommand()
    {
        var shown = Examples().Select(row => (string)row[1]).Concat(Commands().Select(row => (string)row[1])).ToList();
        // `web` serves until stopped, so its page shows it in a text block that no test runs
        Assert.Contains("llmecon web --port 5180", File.ReadAllText(Path.Combine(Root, "docs", "web.md")), StringComparison.Ordinal);
        Assert.All(LlmEconApp.Commands.Where(c => !c.Serves), c => Assert.Contains(shown, s => s.StartsWith("llmecon " + c.Path + " ", StringComparison.Ordinal)
                                                                        || s == "llmecon " + c.Path));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_ThroughBash_PrintsWhatThePageShows(string page, string command, string documented)
    {
        var (code, output) = Bash(command);
        output = SlowRunLines().Replace(output, "");
        Assert.True(Matches(documented, output), $"{page}: `{command}` (exit {code}) printed\n{output}\nbut the page shows\n{documented}");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_ThroughBash_Runs(string page, string command)
    {
        var (code, output) = Bash(command + " >/dev/null");
        output = SlowRunLines().Replace(output, "");
        output = Regex.Replace(output, @"(?m)^bootstrap: [0-9,]+/[0-9,]+ resamples\n", "");
        Assert.True(code == 0 && output.Length == 0, $"{page}: `{command}` exited {code}: {output}");
    }

    [Theory]
    [MemberData(nameof(HelpExamples))]
    public void HelpExample_ThroughBash_GivesTheToolItsWords_AndRuns(string command, string[] words)
    {
        string line = Help.CommandLine(words);
        Assert.Contains(line, Cli.Ok([.. command.Split(' '), "--help"]), StringComparison.Ordinal);
        // What bash hands the program: one word per line.
        var (_, argv) = Bash("printf '%s\\n' " + line["llmecon ".Length..]);
        Assert.Equal(words, argv.TrimEnd('\n').Split('\n'));
        string dir = Directory.CreateTempSubdirectory("llmecon-help-").FullName;
        try
        {
            // Run where the example's data/ path resolves and any file it writes lands in a scratch copy.
            foreach (string file in new[] { "data/chinchilla-figure4.csv", "docs/examples/my-catalog.json", "examples/article.yaml", "examples/serving-70b.yaml", "examples/compute-optimal-budget.yaml" })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, file))!);
                File.Copy(Path.Combine(Root, file), Path.Combine(dir, file));
            }

            if (LlmEconApp.Commands.Single(c => c.Path == command).Serves)
            {
                // it serves until stopped: it must come up and say where, then timeout stops it (exit 124)
                var (served, said) = Bash("timeout 4 " + line + " >/dev/null", dir);
                Assert.True(served == 124 && said.Contains("LlmEcon on http://127.0.0.1:", StringComparison.Ordinal), $"`{line}` exited {served}: {said}");
                return;
            }

            var (code, output) = Bash(line + " >/dev/null", dir);
            Assert.True(code == 0, $"`{line}` exited {code}: {output}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// True when <paramref name="actual"/> is <paramref name="documented"/>, where a documented line that is only "…" stands for any
    /// number of lines.
    /// </summary>
    internal static bool Matches(string documented, string actual)
    {
        string[] want = documented.Split('\n'), got = actual.Split('\n');
        bool Match(int i, int j)
        {
            if (i == want.Length)
            {
                return j == got.Length;
            }

            if (want[i] == "…")
            {
                for (int k = j; k <= got.Length; k++)
                {
                    if (Match(i + 1, k))
                    {
                        return true;
                    }
                }

                return false;
            }

            return j < got.Length && Line(want[i], got[j]) && Match(i + 1, j + 1);
        }

        return Match(0, 0);
    }

    /// <summary>A line as documented, where "…" inside it stands for any text (a shortened source).</summary>
    private static bool Line(string documented, string actual) =>
        documented == actual || (documented.Contains('…', StringComparison.Ordinal)
            && Regex.IsMatch(actual, "^" + string.Join(".*", documented.Split('…').Select(Regex.Escape)) + "$"));

    [Fact]
    public void Readme_LibraryExample_PrintsWhatItShows()
    {
        string readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        const string code = """
            var inputs = InferenceCostInputs.FromOffer(LlmCatalog.BuiltIn, "aws-p4d-1yr",
                QuantityParser.ParameterCount("175B"), QuantityParser.Ratio("21.3%"));
            Console.Write(InferenceCost.Per1kTokens(inputs).Derivation.Explain());
            """;
        Assert.Contains(code.ReplaceLineEndings("\n"), readme, StringComparison.Ordinal);
        var inputs = LlmEcon.Costs.InferenceCostInputs.FromOffer(LlmEcon.Catalog.LlmCatalog.BuiltIn, "aws-p4d-1yr",
            LlmEcon.Quantities.QuantityParser.ParameterCount("175B"), LlmEcon.Quantities.QuantityParser.Ratio("21.3%"));
        string printed = LlmEcon.Costs.InferenceCost.Per1kTokens(inputs).Derivation.Explain();
        Match shown = Regex.Match(readme, @"prints \(real output[^\n]*\n\n```\n(?<output>.*?)```", RegexOptions.Singleline);
        Assert.True(shown.Success, "README.md shows no output of its library example");
        Assert.True(Matches(shown.Groups["output"].Value, printed), $"README.md shows\n{shown.Groups["output"].Value}\nbut the code prints\n{printed}");
    }

    /// <summary>Runs <paramref name="command"/> with bash in <paramref name="directory"/> (the repository by default), COLUMNS=100.</summary>
    private static (int Code, string Output) Bash(string command, string? directory = null)
    {
        var start = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = directory ?? Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = Tool.Directory + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["COLUMNS"] = "100";
        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync(), stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` ran over two minutes.");
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>A directory holding an <c>llmecon</c> that runs this build of the tool (or $LLMECON_EXE, a native build).</summary>
    private static class Tool
    {
        public static string Directory { get; } = Make();

        private static string Make()
        {
            string dir = Path.Combine(AppContext.BaseDirectory, "llmecon-on-path");
            System.IO.Directory.CreateDirectory(dir);
            string? native = Environment.GetEnvironmentVariable("LLMECON_EXE");
            string dll = Path.Combine(AppContext.BaseDirectory, "LlmEcon.Cli.dll");
            string script = native is { Length: > 0 }
                ? $"#!/bin/sh\nexec '{native}' \"$@\"\n"
                : $"#!/bin/sh\nexec dotnet '{dll}' \"$@\"\n";
            string path = Path.Combine(dir, "llmecon");
            File.WriteAllText(path, script);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            return dir;
        }
    }
}

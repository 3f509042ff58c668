using System.Runtime.CompilerServices;
using System.Text;

namespace LlmEcon.Cli.Tests;

/// <summary>Runs <c>llmecon</c> in-process, as Program.Main does, capturing both streams.</summary>
internal static class Cli
{
    /// <summary>The fixed table width of every test.</summary>
    public const int Width = 100;

    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = LlmEconApp.Run(args, new Io(output, error, Width));
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The Chinchilla Figure 4 runs shipped in data/.</summary>
    public static string Figure4 { get; } = Repository("data", "chinchilla-figure4.csv");

    /// <summary>A path inside the repository.</summary>
    public static string Repository(string first, string second, [CallerFilePath] string caller = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", first, second));

    /// <summary>Runs and asserts success with nothing on standard error but progress lines (a fit over a second shows them); returns standard output.</summary>
    public static string Ok(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Equal("", WithoutProgress(error));
        return output;
    }

    /// <summary>Standard error without its progress lines ("fit: 1,510/4,500 starts").</summary>
    public static string WithoutProgress(string error) =>
        string.Concat(error.Split('\n').Where(l => l.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(l, @"^(fit|bootstrap): [0-9,]+/[0-9,]+ (starts|resamples)$"))
            .Select(l => l + "\n"));
}

/// <summary>
/// Golden files: the expected text lives in Golden/NAME.txt beside this file. On a mismatch the actual text is written to
/// Golden/NAME.received.txt for review; with LLMECON_ACCEPT_GOLDEN=1 the golden file is overwritten instead.
/// </summary>
internal static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string caller = "")
    {
        string dir = Path.Combine(Path.GetDirectoryName(caller)!, "Golden");
        string expectedPath = Path.Combine(dir, name + ".txt");
        string receivedPath = Path.Combine(dir, name + ".received.txt");
        if (Environment.GetEnvironmentVariable("LLMECON_ACCEPT_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
        }

        string expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : "";
        if (expected == actual)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        Assert.Fail($"{name}: output differs from {expectedPath}; the actual output is in {receivedPath} "
                    + "(review it, then accept with LLMECON_ACCEPT_GOLDEN=1).");
    }
}

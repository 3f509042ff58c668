using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace LlmEcon.Cli.Tests;

/// <summary>docs/cli.md shows real output: every "$ llmecon …" example block is re-run here and must match.</summary>
public partial class DocsTests
{
    [GeneratedRegex(@"```\n\$ llmecon (?<args>[^\n|]*)\n(?<output>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    private static string DocsPath(string name, [CallerFilePath] string caller = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", "docs", name));

    /// <summary>Examples of docs/cli.md and docs/scaling.md, the runs' file paths relative to the repository root.</summary>
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (string doc in new[] { "cli.md", "scaling.md" })
        {
            foreach (Match m in Example().Matches(File.ReadAllText(DocsPath(doc)).ReplaceLineEndings("\n")))
            {
                data.Add(m.Groups["args"].Value, m.Groups["output"].Value);
            }
        }

        return data;
    }

    [Fact]
    public void CliDoc_HasAnExampleForEveryCommand()
    {
        var commands = Examples().Select(row => (string)row[0]).Select(a => a.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (LlmEconApp.Node node in LlmEconApp.Tree)
        {
            Assert.True(node.Name == "report" || commands.Contains(node.Name), $"docs/cli.md has no example of '{node.Name}'");
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void CliDoc_Example_IsTheRealOutput(string args, string documented)
    {
        string root = Path.GetDirectoryName(Path.GetDirectoryName(DocsPath("cli.md")))!;
        var (_, output, error) = Cli.Run([.. args.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.StartsWith("data/", StringComparison.Ordinal) ? Path.Combine(root, a) : a)]);
        Assert.Equal(documented, output + error);
    }
}

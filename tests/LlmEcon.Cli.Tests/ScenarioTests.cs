namespace LlmEcon.Cli.Tests;

/// <summary>Scenario files: the article's is the report, the examples run, and every mistake of a file is reported at once, located.</summary>
public class ScenarioTests
{
    private static string Example(string name) => Cli.Repository("examples", name);

    [Theory]
    [InlineData("")]
    [InlineData("json")]
    public void RunningTheArticlesScenario_IsTheReport(string asked)
    {
        string[] format = asked.Length == 0 ? [] : ["--format", asked];
        var (code, run, _) = Cli.Run(["run", Example("article.yaml"), .. format]);
        var (_, report, _) = Cli.Run(["report", .. format]);
        Assert.Equal(0, code);
        Assert.Equal(report, run);
    }

    [Fact]
    public void TheReportsDefaults_AreTheExampleFile()
    {
        // one source of truth: the library embeds examples/article.yaml itself
        Assert.Equal(File.ReadAllText(Example("article.yaml")), Scenarios.ScenarioFile.ArticleExampleText);
    }

    [Fact]
    public void AnEditedArticleScenario_ChangesTheReport()
    {
        // eq. 7 in the report: $0.0035 per 1000 tokens at 21.3% MFU on p4d; at twice the MFU, half
        WithFile(File.ReadAllText(Example("article.yaml")).Replace("    mfu: 21.3%", "    mfu: 42.6%", StringComparison.Ordinal), "yaml", file =>
        {
            var (code, edited, _) = Cli.Run("run", file, "--format", "json");
            var (_, report, _) = Cli.Run("report", "--format", "json");
            Assert.Equal(0, code);
            // eq. 7 ∝ 1 / MFU: every inference row of the report costs half as much at 42.6% as at 21.3%
            using var before = System.Text.Json.JsonDocument.Parse(report);
            using var after = System.Text.Json.JsonDocument.Parse(edited);
            double[] Costs(System.Text.Json.JsonDocument d) => [.. d.RootElement.GetProperty("inference").EnumerateArray().Select(r => r.GetProperty("costPer1kTokensUsd").GetDouble())];
            Assert.Equal(2, Costs(before).Length);
            Assert.All(Costs(before).Zip(Costs(after)), c => Assert.Equal(c.First / 2, c.Second, 12));
        });
    }

    [Theory]
    [InlineData("serving-70b.yaml", 4)]
    [InlineData("compute-optimal-budget.yaml", 3)]
    public void TheExamples_Run(string name, int runs)
    {
        var (code, output, _) = Cli.Run("run", Example(name), "--format", "json");
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(runs, doc.RootElement.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public void AFileWithTenMistakes_GivesTenLocatedErrors_AndNoOutput()
    {
        string file = Cli.Repository("tests", "LlmEcon.Cli.Tests/Data/ten-mistakes.yaml");
        var (code, output, error) = Cli.Run("run", file);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        string[] lines = error.TrimEnd('\n').Split('\n');
        Assert.Equal($"Error: {file} has 10 problems:", lines[0]);
        string[] expected =
        [
            ":2:1: unknown key 'descripton'. Did you mean 'description'?",
            ":5:8: assumptions.gpu must be one value with its unit (e.g. 21.3%, $19.22, 175B); got a mapping.",
            ":7:14: no command 'trian' can run in a scenario. Did you mean 'train'?",
            ":9:86: llmecon train has no option 'mfuu'. Did you mean 'mfu'?",
            ":11:53: --peak-flops must be a throughput such as 312T, 312TFLOP/s or 3.12e14 (FLOP/s); got '312GB'.",
            ":13:52: --mfu must be a fraction in [1e-6, 1] (0.0001% to 100%); got 1.5 ('150%').",
            ":15:83: with.machine-price-per-hour names the assumption 'prise', which the file does not define. Did you mean 'price'?",
            ":17:34: inference: --offer must be an id in the catalog; got 'aws-p4d-1yrr'. Did you mean 'aws-p4d-1yr'?",
            ":18:14: train: --offer, --chip or --peak-flops must be given (the hardware); got none of them. See --help for examples.",
            ":21:5: unknown key 'tilte' in a run. Did you mean 'title'?",
        ];
        Assert.Equal(expected.Select(e => "  " + file + e), lines[1..]);
    }

    [Fact]
    public void TheSameStructureInJson_Runs_AndItsMistakesAreLocated()
    {
        WithFile("""
            {
              "name": "gpt-3 inference",
              "assumptions": { "mfu": "21.3%" },
              "runs": [ { "command": "inference", "with": { "params": "175B", "offer": "aws-p4d-1yr", "mfu": "$mfu" } } ]
            }
            """, "json", file =>
        {
            var (code, output, _) = Cli.Run("run", file, "--format", "json");
            Assert.Equal(0, code);
            var (_, direct, _) = Cli.Run("inference", "--params", "175B", "--offer", "aws-p4d-1yr", "--mfu", "21.3%", "--format", "json");
            Assert.Equal(direct, output);
            File.WriteAllText(file, File.ReadAllText(file).Replace("\"mfu\": \"$mfu\"", "\"mfu\": \"$mfx\"", StringComparison.Ordinal));
            var (bad, _, error) = Cli.Run("run", file);
            Assert.Equal(2, bad);
            // line 4, column 98: the quoted value "$mfx" (counted in the line as the raw string leaves it)
            Assert.Contains($"{file}:4:98: with.mfu names the assumption 'mfx', which the file does not define. Did you mean 'mfu'?", error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AFileThatIsNotYaml_IsOneLocatedError()
    {
        WithFile("runs:\n  - command: [report\n", "yaml", file =>
        {
            var (code, output, error) = Cli.Run("run", file);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.StartsWith($"Error: {file} has 1 problem:\n  {file}:", error, StringComparison.Ordinal);
            Assert.Contains("the file is not valid YAML or JSON", error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ACatalogEntrysMistakes_AreLocatedAtTheirFields()
    {
        // an offer with a negative price (line 8) and no commitment (a field missing: the entry, line 4): each error where it is, not
        // at the catalog key (line 2)
        WithFile("""
            name: catalog mistakes
            catalog:
              offers:
                - id: my-offer
                  name: My offer
                  provider: me
                  chipsPerMachine: 8
                  usdPerHour: -3
                  acceleratorId: h100-sxm
                  source: my quote
                  published: 2026-11
            runs:
              - command: report
            """, "yaml", file =>
        {
            var (code, output, error) = Cli.Run("run", file);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length); // the heading and the two problems
            Assert.Contains(lines, l => l.StartsWith($"  {file}:8:7: catalog: offers[my-offer].usdPerHour", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith($"  {file}:4:7: catalog: offers[my-offer].commitment", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void AFileThatFails_ShowsNoRunsNotes_OnlyItsProblems()
    {
        // the first run's goal seek would say "Solved: …" on standard error; the second run fails, so nothing of the first is shown
        WithFile("runs:\n  - command: train\n    with: { params: 175B, tokens: 300B, chip: h100-sxm, price-per-chip-hour: $2.50, solve: mfu, target: costUsd=1e6 }\n"
            + "  - command: inference\n    with: { params: 175B }\n", "yaml", file =>
        {
            var (code, output, error) = Cli.Run("run", file);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Equal($"Error: {file} has 1 problem:\n  {file}:4:14: inference: --mfu must be given (model FLOPs utilization, e.g. --mfu 21.3%); got nothing.\n", error);
        });
    }

    /// <summary>Runs <paramref name="test"/> on a temporary file holding <paramref name="text"/>, deleted afterwards.</summary>
    private static void WithFile(string text, string extension, Action<string> test)
    {
        string file = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.{extension}");
        File.WriteAllText(file, text);
        try
        {
            test(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AMissingFile_IsOneSentence()
    {
        var (code, _, error) = Cli.Run("run", "no-such-scenario.yaml");
        Assert.Equal(2, code);
        Assert.Equal("Error: FILE must be a scenario file that can be read; got 'no-such-scenario.yaml'. No such file.\n", error);
    }
}

namespace LlmEcon.Cli.Tests;

/// <summary>Bad input: exactly one "Error: …" line on stderr naming the parameter, rule and value; exit 2; nothing on stdout.</summary>
public class ErrorTests
{
    [Theory]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfu 1.7",
        "Error: --mfu must be in (0, 1]; got 1.7. A fraction is expected: did you mean 1.7% = 0.017?")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfu NaN",
        "Error: --mfu must be a ratio such as 21.3% or 0.213; got 'NaN'.")]
    [InlineData("inference --params -5B --offer aws-p4d-1yr --mfu 0.2",
        "Error: --params must be a finite number ≥ 0; got -5000000000.")]
    [InlineData("inference --params 175B --offer aws-p4 --mfu 0.2",
        "Error: --offer must be an id in the catalog; got 'aws-p4'. Did you mean 'aws-p4d-1yr'?")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfux 0.2",
        "Error: llmecon inference has no option '--mfux'. Did you mean '--mfu'?")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfu",
        "Error: --mfu needs a value (FRACTION); got none.")]
    [InlineData("inference --params --offer aws-p4d-1yr --mfu 0.2",
        "Error: --params needs a value (N); got none.")]
    [InlineData("hardware show",
        "Error: Command 'show' is missing required argument 'ID'.")]
    [InlineData("infrence --params 175B",
        "Error: llmecon has no command 'infrence'. Did you mean 'inference'?")]
    [InlineData("scaling los --params 1B --tokens 1B",
        "Error: llmecon scaling has no command 'los'. Did you mean 'loss'?")]
    [InlineData("inference --offer aws-p4d-1yr --mfu 0.2",
        "Error: --params must be given (e.g. 175B), or --model; got nothing.")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --chip h100-sxm --mfu 0.2",
        "Error: --offer and --chip conflict: an offer names its own accelerator; give one of them.")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfu 0.2 --format xml",
        "Error: --format must be one of table, json, csv, markdown; got 'xml'.")]
    [InlineData("report --format csv",
        "Error: --format must be one of markdown, html, json; got 'csv'.")]
    [InlineData("train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 46.2% --cost $5M",
        "Error: --mfu and --cost must be consistent (they imply the same chip-hours within 0.5%); got 688.7e3 vs 2.463e6 chip-hours. Give only one of them, or make them agree.")]
    [InlineData("train --params 175B --tokens 300B --chip h100-sxm --price-per-chip-hour $2",
        "Error: --mfu, --chip-hours, --chips with --days, or --cost must be given (one of them settles the rest); got none of them.")]
    [InlineData("train --model gpt-2 --offer gcp-tpu-v4-1yr --mfu 0.4",
        "Error: --tokens must be given: the catalog has no training tokens for gpt-2; got nothing.")]
    [InlineData("inference --params 175B --chip h100-sxm --precision fp4 --price-per-chip-hour $2 --mfu 0.3",
        "Error: --precision must be one of fp64, fp32, tf32, fp16, bf16, fp8, int8; got 'fp4'. Did you mean 'fp64' or 'fp8'?")]
    [InlineData("inference --params 175B --chip tpu-v4 --precision fp8 --price-per-chip-hour $2 --mfu 0.3",
        "Error: precision must be one of tpu-v4's peaks (bf16 dense, int8 dense); got fp8 dense.")]
    [InlineData("memory --params 175B --chip h10",
        "Error: --chip must be an id in the catalog; got 'h10'. Did you mean 'h100-sxm'?")]
    [InlineData("hardware show h10",
        "Error: accelerator must be an id in the catalog; got 'h10'. Did you mean 'h100-sxm'?")]
    [InlineData("search --cache-hit-rate 1",
        "Error: --cache-hit-rate must be in [0, 1); got 1.")]
    [InlineData("search --words-per-1k-tokens 7,5",
        "Error: --words-per-1k-tokens must be a number; got '7,5'. Use '.' as the decimal point.")]
    [InlineData("catalog validate /no/such/file.json",
        "Error: catalog must be an existing JSON file; got '/no/such/file.json' (no such file).")]
    [InlineData("report --out /no/such/dir/report.md",
        "Error: --out must be a file in an existing directory; got '/no/such/dir/report.md'.")]
    public void BadInput_PrintsOneSentence_AndExits2(string commandLine, string expected)
    {
        var (code, output, error) = Cli.Run(commandLine.Split(' '));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal(expected + "\n", error);
    }

    [Fact]
    public void Debug_AddsTheStackTrace()
    {
        var (code, _, error) = Cli.Run("inference", "--params", "175B", "--offer", "aws-p4d-1yr", "--mfu", "2", "--debug");
        Assert.Equal(2, code);
        Assert.StartsWith("Error: --mfu must be in (0, 1]", error, StringComparison.Ordinal);
        Assert.Contains("   at LlmEcon.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSubcommand_ShowsHelp_AndExits2()
    {
        var (code, output, _) = Cli.Run("scaling");
        Assert.Equal(2, code);
        Assert.Contains("llmecon scaling loss --params 70B --tokens 1.4T", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ShowsExamples_AndExits0()
    {
        var (code, output, error) = Cli.Run("train", "--help");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("llmecon train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 46.2%", output, StringComparison.Ordinal);
        Assert.Contains("--chip-hours", output, StringComparison.Ordinal);
    }

    public static TheoryData<string> EveryCommand()
    {
        var data = new TheoryData<string>();
        foreach (LlmEconApp.Node node in LlmEconApp.Tree)
        {
            foreach (LlmEconApp.Node leaf in node.Children ?? [node])
            {
                data.Add(node.Children is null ? node.Name : node.Name + " " + leaf.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Help_RendersForEveryCommand(string command)
    {
        // Descriptions are Spectre markup: an unescaped bracket ("in (0, 1]") would make help itself fail.
        var (code, output, error) = Cli.Run([.. command.Split(' '), "--help"]);
        Assert.True(code == 0, error);
        Assert.Contains("llmecon " + command, output, StringComparison.Ordinal);
        Assert.Contains("--format", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedCatalog_ListsEveryProblem_AndExits2()
    {
        string path = Path.Combine(Path.GetTempPath(), $"llmecon-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "offers": [
              { "id": "my-offer", "name": "x", "provider": "y", "acceleratorId": "a100-40gb", "chipsPerMachine": 8,
                "usdPerHour": -1, "commitment": "on-demand", "source": "me", "published": "2026-11" },
              { "id": "my-other", "name": "x", "provider": "y", "acceleratorId": "h10", "chipsPerMachine": 8,
                "usdPerHour": 20, "commitment": "on-demand", "source": "me", "published": "2026-11" } ] }
            """);
        try
        {
            var (code, output, error) = Cli.Run("catalog", "validate", path);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            string[] lines = error.TrimEnd('\n').Split('\n');
            string file = Path.GetFileName(path);
            Assert.Equal(
            [
                "Error: the catalog has 2 problems:",
                $"  {file}: offers[my-offer].usdPerHour must be in [0.01, 100e3] USD per machine-hour; got -1.",
                $"  {file}: offers[my-other].acceleratorId must be the id of a catalog accelerator; got 'h10'. Did you mean 'h100-sxm'?",
            ], lines);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FailedRun_LeavesAnExistingOutFileUntouched()
    {
        string path = Path.Combine(Path.GetTempPath(), $"llmecon-out-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "keep me");
        try
        {
            var (code, _, _) = Cli.Run("inference", "--params", "175B", "--offer", "aws-p4d-1yr", "--mfu", "7", "--out", path);
            Assert.Equal(2, code);
            Assert.Equal("keep me", File.ReadAllText(path));
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), $".{Path.GetFileName(path)}.*.tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

namespace LlmEcon.Cli.Tests;

/// <summary>Rendered output at a fixed width, invariant culture: any change to a table or the report shows up as a diff.</summary>
public class GoldenTests
{
    [Fact]
    public void Report_Markdown_MatchesGolden() => Golden.Verify("report.md", Cli.Ok("report"));

    [Theory]
    [InlineData("inference", "inference --params 175B --offer aws-p4d-1yr --mfu 21.3%")]
    [InlineData("train", "train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 46.2%")]
    [InlineData("train-inverse", "train --params 175B --tokens 300B --chip v100-sxm2 --price-per-chip-hour $2.48 --chips 10000 --days 14.8")]
    [InlineData("search", "search")]
    [InlineData("scaling-loss", "scaling loss --params 70B --tokens 1.4T")]
    [InlineData("scaling-optimal", "scaling optimal --flops 5.76e23")]
    [InlineData("memory", "memory --params 175B --chip h100-sxm")]
    [InlineData("hardware-list", "hardware list")]
    [InlineData("hardware-show", "hardware show a100-40gb")]
    [InlineData("hardware-generations", "hardware generations")]
    [InlineData("inhouse", "inhouse")]
    [InlineData("inhouse-run", "inhouse --chip h100-sxm --chips 1024 --purchase-price $30000 --lifetime 4y --run-time 30d --pue 1.2 --electricity-price $0.08/kWh")]
    [InlineData("trajectory", "trajectory")]
    [InlineData("catalog-list", "catalog list --section offers")]
    [InlineData("catalog-show", "catalog show gcp-tpu-v4-1yr")]
    [InlineData("inference-explain", "inference --params 175B --offer gcp-tpu-v4-1yr --mfu 21.3% --explain")]
    [InlineData("scaling-fit", "scaling fit FIGURE4 --drop-highest 5")]
    [InlineData("scaling-plan", "scaling plan --flops 5.76e23 --law chinchilla-article,besiroglu-2024 --fit FIGURE4 --drop-highest 5")]
    [InlineData("scaling-plan-lifetime", "scaling plan --target-loss 2.0 --lifetime-tokens 10T --chip h100-sxm --price-per-chip-hour $2.50 --mfu 40% --law besiroglu-2024")]
    public void Command_Table_MatchesGolden(string name, string commandLine) =>
        Golden.Verify(name, Cli.Ok([.. commandLine.Split(' ').Select(a => a == "FIGURE4" ? Figure4() : a)]));

    private static string Figure4([System.Runtime.CompilerServices.CallerFilePath] string caller = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", "data", "chinchilla-figure4.csv"));
}

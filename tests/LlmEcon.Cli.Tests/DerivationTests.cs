using System.Text.Json;
using LlmEcon.Audit;
using LlmEcon.Derivations;

namespace LlmEcon.Cli.Tests;

/// <summary>
/// Every derivation the report and every command print is read back (issue 9): its substituted line, evaluated, gives its value, and
/// its value is the number the command reports. Inputs are shown to 4 significant digits, so a line evaluates to its value within
/// a few parts in 10^4 (the tolerance below); procedures (a fit) state no line and are named.
/// </summary>
public class DerivationTests
{
    /// <summary>
    /// Relative tolerance: inputs are shown to 4 significant digits. The worst line here is 2.4e-4 off (D_opt = C / (6 × 145.4e9),
    /// N_opt rounded), then 2.0e-4 (a yearly fall of 28.57% raised to the 10th power).
    /// </summary>
    private const double Tolerance = 1e-3;

    public static TheoryData<string> Invocations()
    {
        var data = new TheoryData<string>();
        string[] lines =
        [
            "report", "search", "search --architecture two-stage --cache-hit-rate 50% --price-per-1k-tokens $2/1M",
            "inference --params 175B --offer aws-p4d-1yr --mfu 21.3%", "inference --params 70B --chip h100-sxm --price-per-chip-hour $2.50 --mfu 40%",
            "train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 46.2%", "train --model gpt-3 --chip v100-sxm2 --price-per-chip-hour $2.48 --chips 10000 --days 14.8",
            "train --params 405B --tokens 15.6T --chip h100-sxm --price-per-chip-hour $2.50 --chip-hours 30.84M --chips 16K",
            "train --model palm --offer gcp-tpu-v4-1yr --cost $11.2M",
            "train --model deepseek-v3 --chip h100-sxm --precision fp8 --price-per-chip-hour $2 --chip-hours 2.788M --context 4096",
            "train --model llama-3.1-8b --offer aws-p4d-1yr --mfu 40% --context 8192 --attention full", "inference --model mixtral-8x7b --offer aws-p4d-1yr --mfu 30%", "runs", "train --model llama-65b --chip a100-80gb --price-per-chip-hour $2 --context 2048 --recompute selective",
            "memory --model llama-3.1-70b --serving --batch 8 --context 8192 --chip h100-sxm", "memory --model deepseek-v3 --serving --weights-precision fp8 --kv-precision bf16", "train --model gpt-3 --offer gcp-tpu-v4-1yr --days 30 --chips 4096",
            "scaling loss --params 70B --tokens 1.4T", "scaling optimal --flops 5.76e23", "scaling optimal --flops 1e25 --law besiroglu-2024",
            "scaling plan --budget $10M --offer gcp-tpu-v4-1yr --mfu 46.2% --law chinchilla-article --law besiroglu-2024",
            "scaling plan --target-loss 2.0 --lifetime-tokens 10T --chip h100-sxm --price-per-chip-hour $2.50 --mfu 40%",
            "scaling plan --target-loss 2.1 --law besiroglu-2024", "memory --params 175B --chip h100-sxm", "memory --params 7B --chip-memory 24GB",
            "hardware generations", "inhouse", "inhouse --chip h100-sxm --chips 1024 --purchase-price $30000 --run-time 30d --pue 1.2",
            "trajectory", "trajectory --params-after 8B --efficiency-growth 40% --years 10",
        ];
        foreach (string line in lines)
        {
            data.Add(line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Invocations))]
    public void EveryDerivation_EvaluatesToItsValue(string commandLine)
    {
        JsonElement root = JsonDocument.Parse(Cli.Ok([.. commandLine.Split(' '), "--format", "json", "--explain"])).RootElement;
        JsonElement derivations = root.GetProperty("derivations");
        Assert.True(derivations.GetArrayLength() > 0, "no derivation printed");
        foreach (JsonElement d in derivations.EnumerateArray())
        {
            string quantity = d.GetProperty("quantity").GetString()!;
            Assert.Equal(JsonValueKind.Number, d.GetProperty("value").ValueKind); // every command's derivation is an expression
            double value = d.GetProperty("value").GetDouble();
            string line = d.GetProperty("substituted").GetString()!;
            double evaluated = SubstitutedLine.Evaluate(line);
            Assert.True(Math.Abs(evaluated - value) <= Tolerance * Math.Abs(value) + 1e-300,
                $"{quantity}: '{line}' evaluates to {evaluated:R}, the derivation's value is {value:R}");
        }
    }

    [Fact]
    public void EveryFigureOfTheArticle_IsItsDerivationsValue_AndItsLineEvaluatesToIt()
    {
        ArticleReproduction r = ArticleReproduction.Default();
        Assert.Equal(56, r.Figures.Count);
        foreach (FigureValue f in r.Figures.Values)
        {
            Assert.True(f.Derivation.Value is not null, $"{f.Id}: its derivation states no value");
            Assert.True(Math.Abs(f.Derivation.Value!.Value - f.Value) <= 1e-12 * Math.Abs(f.Value), $"{f.Id}: figure {f.Value:R}, derivation {f.Derivation.Value:R}");
            double evaluated = SubstitutedLine.Evaluate(f.Derivation.Substituted);
            Assert.True(Math.Abs(evaluated - f.Value) <= Tolerance * Math.Abs(f.Value), $"{f.Id}: '{f.Derivation.Substituted}' = {evaluated:R}, figure {f.Value:R}");
        }
    }

    [Fact]
    public void TheOnlyProcedure_IsTheFit_AndItSaysSo()
    {
        JsonElement d = JsonDocument.Parse(Cli.Ok("scaling", "fit", Cli.Figure4, "--drop-highest", "5", "--format", "json", "--explain")).RootElement.GetProperty("derivations");
        JsonElement fit = d.EnumerateArray().Single(x => x.GetProperty("value").ValueKind == JsonValueKind.Null);
        Assert.Equal("fitted scaling law", fit.GetProperty("quantity").GetString());
    }

    [Fact]
    public void ReportLabels_AreRenderedFromTheInputs_SoACatalogOverrideShowsInThem()
    {
        // GPT-3's training energy set to 2,000 MWh: the energy line's label and value both follow (2,000 MWh × $0.09/kWh = $180,000).
        string path = Path.Combine(Path.GetTempPath(), $"llmecon-energy-{Guid.NewGuid():N}.json");
        string gpt3 = Cli.Ok("catalog", "show", "gpt-3", "--format", "json").Replace("\"trainingEnergyMegawattHours\": 1287", "\"trainingEnergyMegawattHours\": 2000", StringComparison.Ordinal);
        File.WriteAllText(path, gpt3);
        try
        {
            Assert.Contains("| Energy with v100-sxm2 (2,000 MWh × $0.09/kWh) | $180,000 | USD |", Cli.Ok("report", "--catalog", path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

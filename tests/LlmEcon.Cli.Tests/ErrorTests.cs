namespace LlmEcon.Cli.Tests;

/// <summary>Bad input: exactly one "Error: …" line on stderr naming the parameter, rule and value; exit 2; nothing on stdout.</summary>
public class ErrorTests
{
    [Theory]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfu 1.7",
        "Error: --mfu must be a fraction in [1e-6, 1] (0.0001% to 100%); got 1.7. A fraction is expected: did you mean 1.7% = 0.017?")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfu 100.1%",
        "Error: --mfu must be a fraction in [1e-6, 1] (0.0001% to 100%); got 1.001 ('100.1%').")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfu 4e-324",
        "Error: --mfu must be a fraction in [1e-6, 1] (0.0001% to 100%); got 5E-324 ('4e-324').")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfu NaN",
        "Error: --mfu must be a ratio such as 21.3% or 0.213; got 'NaN'.")]
    [InlineData("inference --params -5B --offer aws-p4d-1yr --mfu 0.2",
        "Error: --params must be a parameter count in [1, 1e15]; got -5000000000 ('-5B').")]
    [InlineData("train --params 8B --tokens 15T --context 8192 --offer aws-p4d-1yr --mfu 0.4",
        "Error: --model must be a catalog model with an architecture, with --context (the attention's layers, heads and head size); got nothing. 22 models have one, e.g. gpt-3: llmecon catalog show MODEL prints it.")]
    [InlineData("train --model gpt-2 --tokens 15T --context 1024 --offer aws-p4d-1yr --mfu 0.4",
        "Error: --model must be a catalog model with an architecture, with --context (the attention's layers, heads and head size); got gpt-2, which has none. 22 models have one, e.g. gpt-3: llmecon catalog show MODEL prints it.")]
    [InlineData("train --model llama-3.1-8b --attention full --offer aws-p4d-1yr --mfu 0.4",
        "Error: --context must be given with --attention (the sequence length the attention spans); got nothing.")]
    [InlineData("catalog list --vendor nvidai",
        "Error: --vendor must be a vendor, provider or organization of the catalog; got 'nvidai'. Did you mean 'NVIDIA'?")]
    [InlineData("catalog list --since 2023-13",
        "Error: --since must be an ISO date (yyyy, yyyy-mm or yyyy-mm-dd); got '2023-13'.")]
    [InlineData("memory --params 7B --data-parallel 8",
        "Error: --data-parallel must be given with --zero (per-chip training memory); got --data-parallel 8.")]
    [InlineData("memory --params 7B --zero 1 --sequence 2048",
        "Error: --model must be a catalog model with an architecture, with --sequence (its layers, width and heads); got nothing. 22 models have one, e.g. gpt-3: llmecon catalog show MODEL prints it.")]
    [InlineData("memory --model gpt-3 --zero 1 --recompute full",
        "Error: --recompute must be given with --sequence (the activations of a micro-batch); got --recompute full.")]
    [InlineData("memory --params 7B --zero 4",
        "Error: --zero must be a whole number in [0, 3]; got 4.")]
    [InlineData("memory --params 7B --zero 2 --bytes-per-param 16",
        "Error: --bytes-per-param must be left out with --zero (ZeRO counts 2 + 2 + 12 bytes per parameter); got --bytes-per-param 16.")]
    [InlineData("memory --model gpt-2 --serving",
        "Error: --model must be a catalog model with an architecture, with --serving (its KV cache per token); got gpt-2, which has none. 22 models have one, e.g. gpt-3: llmecon catalog show MODEL prints it.")]
    // Llama 3.1 70B's architecture holds 70.55e9 weights: × 2 B = 141.1 GB; 90% of an 80 GB H100 is 72 GB: ⌈141.1 / 72⌉ = 2 chips
    [InlineData("serve --model llama-3.1-70b --chip h100-sxm --batch 8 --input-tokens 100 --output-tokens 100",
        "Error: --chips must be at least 2 to hold 141.1 GB of bf16 weights in 90% of h100-sxm's 80 GB each; got 1. Or lower --precision.")]
    [InlineData("serve --model llama-3.1-70b --chip a100-80gb --chips 4 --precision fp8 --input-tokens 100 --output-tokens 100",
        "Error: --precision must be a precision a100-80gb has a dense peak at (fp16, bf16, tf32, fp32, int8, fp64); got fp8.")]
    [InlineData("serve --model llama-3.1-70b --chip a100-80gb --chips 4 --precision int8 --compute-precision fp8 --input-tokens 100 --output-tokens 100",
        "Error: --compute-precision must be a precision a100-80gb has a dense peak at (fp16, bf16, tf32, fp32, int8, fp64); got fp8.")]
    // Llama 3.1 8B at BF16 on one H100: 0.9 × 80e9 B − 2 × 8,029,995,008 B of weights − 34 × 4096 × max(1000, 5000) B of activations
    // = 55,243,689,984 B for KV; a sequence of 2,000 tokens × 131,072 B holds 262,144,000 B: ⌊210.7⌋ = 210 sequences
    [InlineData("serve --model llama-3.1-8b --chip h100-sxm --batch 5000 --input-tokens 1000 --output-tokens 1000",
        "Error: --batch must be at most 210 here (the batch's KV cache must fit beside the weights in 90% of each chip's memory); got 5,000.")]
    [InlineData("serve --model llama-3.1-8b --chip h100-sxm --batch 1..x --input-tokens 1 --output-tokens 1",
        "Error: --batch must be a whole number, a list (1,8,64) or a range (1..1024:x2, 8..64:+8); got '1..x'.")]
    [InlineData("serve --model llama-3.1-8b --chip h100-sxm --batch 64..8 --input-tokens 1 --output-tokens 1",
        "Error: --batch must be a range from a smaller to a larger number; got '64..8'.")]
    [InlineData("serve --model llama-3.1-8b --chip l4 --chips 2 --input-tokens 1 --output-tokens 1",
        "Error: --chips must be 1: l4 has no published scale-up link to split the model over; got 2.")]
    [InlineData("serve --model llama-3.1-8b --chip h100-sxm --input-tokens 1",
        "Error: --output-tokens must be given (generated tokens per request, e.g. --output-tokens 500); got nothing.")]
    [InlineData("serve --model llama-3.1-8b --input-tokens 1 --output-tokens 1",
        "Error: --offer or --chip must be given (the accelerator); got neither. E.g. --chip h100-sxm.")]
    [InlineData("serve --model llama-3.1-405b --offer aws-p4d-on-demand --max-tpot 1s --input-tokens 1000 --output-tokens 500",
        "Error: --max-tpot must be a target that some offer, precision, chip count and batch meets; got --max-tpot 1s. No configuration tried fits the model in memory.")]
    [InlineData("serve --model llama-3.1-8b --chip h100-sxm --max-ttft 2s --input-tokens 1 --output-tokens 1",
        "Error: --max-ttft must be given with --max-tpot (a search under latency targets); got --max-ttft 2s.")]
    [InlineData("selfhost --volume 3B --input-share 80% --peak-to-average 3 --model llama-3.1-70b",
        "Error: --api must be given (the API to compare with, e.g. --api openai-gpt-4o-2024-08); got nothing.")]
    [InlineData("selfhost --volume 3B --input-share 80% --peak-to-average 0.5 --api openai-gpt-4o-2024-08 --model llama-3.1-70b",
        "Error: --peak-to-average must be a factor ≥ 1 in [1, 1000]; got 0.5.")]
    [InlineData("selfhost --volume 3B --input-share 100% --peak-to-average 3 --api openai-gpt-4o-2024-08 --model llama-3.1-70b",
        "Error: --input-share must be a fraction in [0, 1) (0% to 100%); got 1 ('100%').")]
    [InlineData("serve --model llama-3.1-8b --chip tpu-v5e --purchase-price $5,000 --input-tokens 10 --output-tokens 10",
        "Error: --power must be given: tpu-v5e's vendor publishes no power per chip; got nothing.")]
    [InlineData("serve --model llama-3.1-8b --chip h100-sxm --pue 1.2 --input-tokens 10 --output-tokens 10",
        "Error: --pue must be given with --purchase-price (an owned chip's cost per hour); got --pue 1.2.")]
    [InlineData("serve --model llama-3.1-8b --offer aws-p5-on-demand --purchase-price $30,000 --input-tokens 10 --output-tokens 10",
        "Error: --purchase-price must be given with --chip alone (an owned chip: its own price per hour; not an offer's or --price-per-chip-hour); got --purchase-price $30,000.")]
    [InlineData("serve --params 70B --layers 80 --hidden 8192 --chip h100-sxm --input-tokens 10 --output-tokens 10",
        "Error: --heads must be given with --params (the attention shape serve reads); got nothing. E.g. --heads 64.")]
    [InlineData("serve --params 70B --layers 80 --hidden 8192 --heads 64 --kv-heads 7 --chip h100-sxm --input-tokens 10 --output-tokens 10",
        "Error: --kv-heads must be a divisor of the 64 heads; got 7.")]
    [InlineData("serve --model llama-3.1-8b --params 8B --chip h100-sxm --input-tokens 10 --output-tokens 10",
        "Error: --params must be left out with --model (the catalog's architecture and counts are used); got --params 8B.")]
    [InlineData("memory --model gpt-3 --batch 8",
        "Error: --batch must be given with --serving (training memory has no KV cache); got --batch 8.")]
    [InlineData("memory --model gpt-3 --serving --bytes-per-param 2",
        "Error: --bytes-per-param must be left out with --serving (the weights' bytes follow --weights-precision); got --bytes-per-param 2.")]
    [InlineData("inference --params 46.7B --active-params 50B --offer aws-p4d-1yr --mfu 0.2",
        "Error: --active-params must be at most the parameters (46.7B); got 50B.")]
    [InlineData("train --model deepseek-v3 --active-params 700B --offer aws-p4d-1yr --mfu 0.2",
        "Error: --active-params must be at most the parameters (671B); got 700B.")]
    [InlineData("inference --params 0 --offer aws-p4d-1yr --mfu 0.2",
        "Error: --params must be a parameter count in [1, 1e15]; got 0.")]
    [InlineData("inference --params 175BB --offer aws-p4d-1yr --mfu 0.2",
        "Error: --params must be a parameter count such as 175B, 340M or 70e9; got '175BB'.")]
    [InlineData("inference --params 175B --offer aws-p4 --mfu 0.2",
        "Error: --offer must be an id in the catalog; got 'aws-p4'. Did you mean 'aws-p4d-1yr', 'aws-p4d-on-demand' or 'aws-p4de-on-demand'?")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfux 0.2",
        "Error: llmecon inference has no option '--mfux'. Did you mean '--mfu'?")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfu",
        "Error: --mfu needs a value (FRACTION, e.g. --mfu 21.3%); got none.")]
    [InlineData("inference --params --offer aws-p4d-1yr --mfu 0.2",
        "Error: --params needs a value (N, e.g. --params 175B); got none.")]
    [InlineData("inference --params 175B --params 70B --offer aws-p4d-1yr --mfu 0.2",
        "Error: --params was given twice ('175B' and '70B'); give it once.")]
    [InlineData("inference --explain --explain --params 175B --offer aws-p4d-1yr --mfu 0.2",
        "Error: --explain was given twice; give it once.")]
    [InlineData("hardware show",
        "Error: llmecon hardware show needs ID; got none. Usage: llmecon hardware show ID [options].")]
    [InlineData("hardware show h100-sxm a100-40gb",
        "Error: llmecon hardware show takes one ID; got 2: 'h100-sxm', 'a100-40gb'.")]
    [InlineData("infrence --params 175B",
        "Error: llmecon has no command 'infrence'. Did you mean 'inference'?")]
    [InlineData("scaling los --params 1B --tokens 1B",
        "Error: llmecon scaling has no command 'los'. Did you mean 'loss'?")]
    [InlineData("--format json report",
        "Error: llmecon needs a command before its options; got '--format'. Commands: report, search, inference, train, scaling, memory, hardware, inhouse, trajectory, runs, serve, selfhost, validate, plot, run, web, catalog.")]
    [InlineData("inference --offer aws-p4d-1yr --mfu 0.2",
        "Error: --params must be given (e.g. --params 175B), or --model; got nothing.")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --chip h100-sxm --mfu 0.2",
        "Error: --offer and --chip conflict: an offer names its own accelerator; give one of them.")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfu 0.2 --format xml",
        "Error: --format must be one of table, json, csv, markdown, html; got 'xml'. Did you mean 'html'?")]
    [InlineData("report --format csv",
        "Error: --format must be one of markdown, html, json; got 'csv'.")]
    [InlineData("train --model gpt-3 --offer gcp-tpu-v4-1yr --mfu 46.2% --cost $5M",
        "Error: --mfu and --cost must be consistent (they imply the same chip-hours within 0.5%); got 688.7e3 vs 2.463e6 chip-hours. Give only one of them, or make them agree.")]
    [InlineData("train --params 175B --tokens 300B --chip h100-sxm --price-per-chip-hour $2",
        "Error: --mfu, --chip-hours, --chips with --days, or --cost must be given (one of them settles the rest); got none of them.")]
    [InlineData("train --model gpt-3 --offer gcp-tpu-v4-1yr --chip-hours 1",
        "Error: the MFU implied by --chip-hours must be in (0, 1]; got 318181.8181818182. A run cannot beat the chips' peak: check the hours, chips, days or cost against N, D and the peak.")]
    [InlineData("train --model gpt-2 --offer gcp-tpu-v4-1yr --mfu 0.4",
        "Error: --tokens must be given: the catalog has no training tokens for gpt-2; got nothing.")]
    [InlineData("train --model gpt-3 --offer gcp-tpu-v4-1yr --chips 1.5 --days 10",
        "Error: --chips must be a whole number such as 16384, 16K or 1e3; got '1.5'.")]
    [InlineData("inference --params 175B --chip h100-sxm --precision fp4 --price-per-chip-hour $2 --mfu 0.3",
        "Error: --precision must be one of fp64, fp32, tf32, fp16, bf16, fp8, int8; got 'fp4'. Did you mean 'fp8' or 'fp64'?")]
    [InlineData("inference --params 175B --chip tpu-v4 --precision fp8 --price-per-chip-hour $2 --mfu 0.3",
        "Error: --precision must be one of tpu-v4's peaks (bf16 dense, int8 dense); got fp8 dense.")]
    [InlineData("memory --params 175B --chip h10",
        "Error: --chip must be an id in the catalog; got 'h10'. Did you mean 'h100-nvl', 'h100-sxm' or 'h100-pcie'?")]
    [InlineData("hardware show h10O",
        "Error: ID must be an id in the catalog; got 'h10O'. Did you mean 'h100-nvl', 'h100-sxm' or 'h100-pcie'?")]
    [InlineData("search --cache-hit-rate 1",
        "Error: --cache-hit-rate must be a fraction in [0, 1) (0% to 100%); got 1.")]
    [InlineData("search --words-per-1k-tokens 7,5",
        "Error: --words-per-1k-tokens must be a number such as 2.5, 1e-3 or 1,000; got '7,5'. Use '.' as the decimal point; ',' only separates thousands (1,000).")]
    [InlineData("search --links 0",
        "Error: --links must be a whole number in [1, 1000]; got 0.")]
    [InlineData("catalog validate /no/such/file.json",
        "Error: FILE must be an existing JSON file; got '/no/such/file.json' (no such file).")]
    [InlineData("catalog validate /tmp",
        "Error: FILE must be an existing JSON file; got '/tmp' (a directory).")]
    [InlineData("inference --params 175B --offer aws-p4d-1yr --mfu 0.2 --catalog /tmp",
        "Error: --catalog must be an existing JSON file; got '/tmp' (a directory).")]
    [InlineData("report --out /no/such/dir/report.md",
        "Error: --out must be a file in an existing directory; got '/no/such/dir/report.md'.")]
    [InlineData("report --out /tmp",
        "Error: --out must be a file, not a directory; got '/tmp'.")]
    [InlineData("report --table nosuch",
        "Error: --table must be one of this command's tables: search, searchRevenue, figuresSection3, inference, figuresDeepDive, training, mfu, figuresSection4, levers, netReduction, chinchilla, generations, inHouse, memory, figuresSection5, figuresSection6, audit; got 'nosuch'.")]
    [InlineData("inhouse --purchase-price -30000 --chips 8 --power 700W --run-time 30d",
        "Error: --purchase-price must be an amount in USD in [0, 1e9]; got -30000.")]
    [InlineData("inhouse --chip tpu-v5e --chips 8 --purchase-price $10000 --run-time 30d",
        "Error: --power must be given for tpu-v5e, whose vendor publishes no power per chip (e.g. --power 500W); got nothing.")]
    [InlineData("search --api-price openai-gpt-4o-2024-08",
        "Error: --api-price must be a price that is the same for every token (the search model charges one); got openai-gpt-4o-2024-08: $2.5 per 1M input and $10 per 1M output tokens. Give a blended price with --price-per-1k-tokens.")]
    [InlineData("inhouse --chips 8 --power 700W --purchase-price $30000 --run-time 5y --lifetime 4y",
        "Error: --run-time must be at most the depreciation lifetime (1461 days); got 1826 days.")]
    [InlineData("trajectory --start-cost -5",
        "Error: --start-cost must be an amount in USD in [0, 1e13]; got -5.")]
    [InlineData("scaling loss --params 1e300 --tokens 1e300",
        "Error: --params must be a parameter count in [1, 1e15]; got 1E+300 ('1e300').")]
    [InlineData("scaling optimal --flops 1",
        "Error: --flops must be an amount of work in FLOP in [1e10, 1e35]; got 1.")]
    [InlineData("scaling optimal --law chinchilla-article --law besiroglu-2024 --flops 1e24",
        "Error: --law was given twice ('chinchilla-article' and 'besiroglu-2024'); give it once.")]
    [InlineData("scaling plan --flops 1e24 --law ,",
        "Error: --law must be at least one id; got ','.")]
    [InlineData("scaling fit data.csv --bootstrap 0",
        "Error: --bootstrap must be a whole number in [2, 1e5]; got 0.")]
    [InlineData("scaling fit data.csv --bootstrap 1",
        "Error: --bootstrap must be a whole number in [2, 1e5]; got 1.")]
    [InlineData("scaling fit data.csv --bootstrap 2147483647",
        "Error: --bootstrap must be a whole number in [2, 1e5]; got 2147483647.")]
    [InlineData("scaling fit data.csv --law-id Fitted",
        "Error: --law-id must be a lower-case id of letters, digits, '.' and '-'; got 'Fitted'.")]
    [InlineData("scaling fit data.csv --law-id palm",
        "Error: --law-id must be an id the catalog does not have yet; got 'palm' (already in the catalog's models).")]
    [InlineData("report --out ''",
        "Error: --out must be a file path (or - for standard output); got an empty value.")]
    public void BadInput_PrintsOneSentence_AndExits2(string commandLine, string expected)
    {
        var (code, output, error) = Cli.Run([.. commandLine.Split(' ').Select(a => a == "''" ? "" : a == "data.csv" ? Cli.Figure4 : a)]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal(expected + "\n", error);
    }

    [Fact]
    public void AMixtureOfExpertsTotal_GivenAsN_IsNamedAsSuch()
    {
        // 6 × 671e9 × 14.8e12 / (2.788e6 h × 3600 × 989.4e12) ≈ 6: the run's 2.788M hours cannot do 6ND on all 671B
        var (code, output, error) = Cli.Run("train", "--params", "671B", "--tokens", "14.8T", "--chip", "h100-sxm", "--price-per-chip-hour", "$2", "--chip-hours", "2.788M");
        Assert.Equal((2, ""), (code, output));
        Assert.StartsWith("Error: the MFU implied by --chip-hours must be in (0, 1]; got 6.000", error, StringComparison.Ordinal);
        Assert.EndsWith(". 671B is deepseek-v3's total; 37B are active per token: give --active-params 37B, or --model deepseek-v3.\n", error, StringComparison.Ordinal);
        var (withModel, _, why) = Cli.Run("train", "--model", "deepseek-v3", "--params", "671B", "--chip", "h100-sxm", "--price-per-chip-hour", "$2", "--chip-hours", "2.788M");
        Assert.Equal(2, withModel);
        Assert.EndsWith("active per token: leave out --params, or give --active-params 37B.\n", why, StringComparison.Ordinal);
        // a dense N that beats the peak keeps the general hint
        Assert.EndsWith("A run cannot beat the chips' peak: check the hours, chips, days or cost against N, D and the peak.\n",
            Cli.Run("train", "--params", "600B", "--tokens", "14.8T", "--chip", "h100-sxm", "--price-per-chip-hour", "$2", "--chip-hours", "2.788M").Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Debug_AddsTheStackTrace()
    {
        var (code, _, error) = Cli.Run("inference", "--params", "175B", "--offer", "aws-p4d-1yr", "--mfu", "2", "--debug");
        Assert.Equal(2, code);
        Assert.StartsWith("Error: --mfu must be a fraction in [1e-6, 1]", error, StringComparison.Ordinal);
        Assert.Contains("   at LlmEcon.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("scaling")]
    [InlineData("hardware")]
    [InlineData("catalog --help")]
    public void NoCommand_ShowsHelp_AndExits0_AtEveryLevel(string words)
    {
        // `llmecon` alone and `llmecon hardware` alone do the same thing: list what can follow.
        var (code, output, error) = Cli.Run(words.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Commands:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_PrintsTheToolsVersion()
    {
        var (code, output, _) = Cli.Run("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^llmecon \d+\.\d+\.\d+\n$", output);
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

    public static TheoryData<string> EveryCommand() => [.. LlmEconApp.Commands.Select(c => c.Path)];

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Help_RendersForEveryCommand_WithEveryOptionAndAnExample(string command)
    {
        var (code, output, error) = Cli.Run([.. command.Split(' '), "--help"]);
        Assert.True(code == 0, error);
        Assert.Contains("Usage: llmecon " + command, output, StringComparison.Ordinal);
        LlmEcon.Cli.Commands.LlmEconCommand c = LlmEconApp.Commands.Single(x => x.Path == command);
        Assert.All(c.Options, o => Assert.Contains("  " + o.Name, output, StringComparison.Ordinal));
        // Every option that takes a number shows an example in the grammar, and the example keeps the option's rule.
        Assert.All(c.Options.Where(o => o.ValueName is not null && o is not LlmEcon.Cli.Options.ChoiceOpt), o =>
        {
            Assert.NotNull(o.Example);
            o.Check(o.Example!);
        });
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
                $"Error: FILE '{path}' has 2 problems:",
                $"  {file}: offers[my-offer].usdPerHour must be in [0.01, 100e3] USD per machine-hour; got -1.",
                $"  {file}: offers[my-other].acceleratorId must be the id of a catalog accelerator; got 'h10'. Did you mean 'h100-nvl', 'h100-sxm' or 'h100-pcie'?",
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

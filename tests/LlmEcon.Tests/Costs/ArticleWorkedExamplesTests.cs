using LlmEcon.Catalog;
using LlmEcon.Costs;
using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Costs;

/// <summary>Sun 2023, "Deep dive: cloud compute cost" and §4 (SPEC.md §3–4): every printed figure at its printed digits.</summary>
public class ArticleWorkedExamplesTests
{
    private static readonly LlmCatalog Catalog = LlmCatalog.BuiltIn;
    private static ParameterCount Gpt3 => ParameterCount.FromBillions(175);

    [Fact]
    public void InferenceCost_Gpt3OnAwsP4_Is0_0035UsdPer1kTokens()
    {
        // Given the article's 175B, 8 × A100 at 312 TFLOP/s, MFU 21.3%, $19.22/h
        var inputs = InferenceCostInputs.FromOffer(Catalog, "aws-p4d-1yr", Gpt3, Ratio.Utilization(0.213));
        // When
        var result = InferenceCost.Per1kTokens(inputs);
        // Then: SPEC.md §3 prints $0.0035 (exactly $0.003515)
        Printed.Equal(0.0035, 0.0001, result.Cost.UsdPer1kTokens);
        Printed.Equal(0.003515, 0.000001, result.Cost.UsdPer1kTokens);
    }

    [Fact]
    public void InferenceCost_Gpt3OnGcpTpuV4_Is0_0034UsdPer1kTokens()
    {
        var result = InferenceCost.Per1kTokens(InferenceCostInputs.FromOffer(Catalog, "gcp-tpu-v4-1yr", Gpt3, Ratio.Utilization(0.213)));
        Printed.Equal(0.0034, 0.0001, result.Cost.UsdPer1kTokens);
        Printed.Equal(0.003369, 0.000001, result.Cost.UsdPer1kTokens);
    }

    [Fact]
    public void InferenceCost_WithExplicitNumbers_MatchesTheArticlesFormulaByHand()
    {
        // 2 × 175e9 × 1000 / (8 × 312e12 × 0.213) = 0.65843 s; × 19.22 / 3600 = $0.0035153
        var inputs = new InferenceCostInputs(Gpt3, 8, FlopRate.FromTeraflopPerSecond(312), Ratio.Utilization(0.213), MoneyRate.FromUsdPerHour(19.22));
        var result = InferenceCost.Per1kTokens(inputs);
        Assert.Equal(2 * 175e9 * 1000 / (8 * 312e12 * 0.213) * 19.22 / 3600, result.Cost.UsdPer1kTokens, 12);
        Assert.Equal("175e9 params × 2 FLOP/param/token × 1000 tokens / (8 × 312e12 FLOP/s × 21.3%) × $19.22/h / 3600 s/h = $0.003515",
            result.Derivation.OneLine);
    }

    [Theory]
    [InlineData("gpt-3", 0.0047, 1398072)]
    [InlineData("gopher", 0.0075, 2236915)]
    [InlineData("mt-nlg", 0.0141, 3810744)]
    [InlineData("palm", 0.0144, 11216529)]
    public void TrainingCost_OnTpuV4AtPalmMfu_MatchesSpecTable(string model, double per1kPrinted, double costPrinted)
    {
        // SPEC.md §4: TPU v4, 4 chips, 275 TFLOP/s, $8.12/machine-hour, MFU 46.2%; whole dollars ±$1
        ModelCard m = Catalog.Model(model);
        var solution = TrainingCost.Cost(TrainingInputs.FromOffer(Catalog, "gcp-tpu-v4-1yr", m.ParametersSourced, m.TrainingTokensSourced),
            Ratio.Utilization(0.462));
        Printed.Equal(per1kPrinted, 0.0001, solution.CostPer1kTokens.UsdPer1kTokens);
        Printed.Equal(costPrinted, 2, solution.Cost.Usd);
    }

    [Fact]
    public void TrainingCost_Gpt3OnTpuV4_Is1398072Usd()
    {
        var inputs = TrainingInputs.FromOffer(Catalog, "gcp-tpu-v4-1yr", Gpt3, TokenCount.FromCount(300e9));
        var solution = TrainingCost.Cost(inputs, Ratio.Utilization(0.462));
        Printed.Equal(1398072, 2, solution.Cost.Usd);
        Assert.Equal(["chipHours", "cost"], solution.Solved);
    }

    [Fact]
    public void TrainingInverse_Gpt3On10000V100For14_8Days_ImpliesMfuFromHandArithmetic()
    {
        // Patterson et al. 2021: 10,000 V100 × 14.8 days. 6 × 175e9 × 300e9 = 3.15e23 FLOP;
        // 10,000 × 14.8 × 86,400 s × 125e12 FLOP/s = 1.5984e24 FLOP of peak → MFU = 0.19707
        var inputs = new TrainingInputs(Gpt3, TokenCount.FromCount(300e9), FlopRate.FromTeraflopPerSecond(125), 1, MoneyRate.FromUsdPerHour(1));
        var solution = TrainingCost.Solve(inputs, new TrainingKnowns(Chips: 10000, WallTime: Duration.FromDays(14.8)));
        Assert.Equal(3.15e23 / 1.5984e24, solution.Mfu.Fraction, 6);
        Assert.Equal(3_552_000, solution.ChipHours.ChipHours, 6);
        Assert.Equal(3_552_000, solution.Cost.Usd, 6);
        Assert.Contains("mfu", solution.Solved);
    }

    [Fact]
    public void TrainingInverse_FromCost_RecoversMfuAndChipHours()
    {
        var inputs = TrainingInputs.FromOffer(Catalog, "gcp-tpu-v4-1yr", Gpt3, TokenCount.FromCount(300e9));
        var forward = TrainingCost.Cost(inputs, Ratio.Utilization(0.462));
        var inverse = TrainingCost.Solve(inputs, new TrainingKnowns(Cost: forward.Cost));
        Assert.Equal(0.462, inverse.Mfu.Fraction, 10);
        Assert.Equal(forward.ChipHours.ChipHours, inverse.ChipHours.ChipHours, 6);
    }

    [Fact]
    public void TrainingSolve_InconsistentKnowns_NameBoth()
    {
        var inputs = TrainingInputs.FromOffer(Catalog, "gcp-tpu-v4-1yr", Gpt3, TokenCount.FromCount(300e9));
        var e = Assert.Throws<InputException>(() =>
            TrainingCost.Solve(inputs, new TrainingKnowns(Mfu: Ratio.Utilization(0.462), Cost: Money.FromUsd(1_000_000))));
        // The library names its own parameters; the tool says which option each one is.
        Assert.StartsWith("mfu and cost must be consistent (they imply the same chip-hours within 0.5%); got ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainingSolve_NothingKnown_SaysWhatIsNeeded()
    {
        var inputs = TrainingInputs.FromOffer(Catalog, "gcp-tpu-v4-1yr", Gpt3, TokenCount.FromCount(300e9));
        var e = Assert.Throws<InputException>(() => TrainingCost.Solve(inputs, new TrainingKnowns()));
        Assert.Equal("knowns must be at least one of MFU, chip-hours, chips with wall time, or cost; got none of them.", e.Message);
    }

    [Fact]
    public void EncoderDecoder_UsesNAnd3N()
    {
        // The article's notes 14 and 20: encoder-decoder ≈ N FLOP/token inference, 3N training
        Assert.Equal(1, FlopsPerToken.Inference(ModelArchitecture.EncoderDecoder));
        Assert.Equal(3, FlopsPerToken.Training(ModelArchitecture.EncoderDecoder));
        Assert.Equal(6 * 1e9 * 1e9, FlopsPerToken.TrainingWork(ParameterCount.FromCount(1e9), TokenCount.FromCount(1e9)).Flop);
    }
}

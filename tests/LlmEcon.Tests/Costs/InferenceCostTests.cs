using LlmEcon.Catalog;
using LlmEcon.Costs;
using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Costs;

/// <summary>
/// Eq. 7 term by term. The machine: 8 chips of 100e12 FLOP/s at MFU 50% = 400e12 FLOP/s realised, $24 per machine-hour. A 10e9
/// model: 2 × 10e9 × 1000 = 2e13 FLOP per 1000 tokens = 0.05 machine-seconds = $24 × 0.05 / 3600 = $0.000333… per 1000 tokens.
/// </summary>
public class InferenceCostTests
{
    private static InferenceCostInputs Machine(int chips = 8, double mfu = 0.5, double peak = 100e12) => new(
        ParameterCount.FromCount(10e9), chips, FlopRate.FromFlopPerSecond(peak), Ratio.FromFraction(mfu), MoneyRate.FromUsdPerHour(24));

    [Fact]
    public void EveryTermOfEquation7()
    {
        InferenceCostResult r = InferenceCost.Per1kTokens(Machine());
        Assert.Equal(2e13, r.FlopPer1kTokens.Flop, 1);
        Assert.Equal(400e12, r.RealisedPerMachine.FlopPerSecond, 1);
        Assert.Equal(0.05, r.MachineSecondsPer1kTokens.Seconds, 15);
        Assert.Equal(24 * 0.05 / 3600, r.Cost.UsdPer1kTokens, 15);
        Assert.Equal(r.Cost.UsdPer1kTokens, r.Derivation.Value!.Value, 15);
        Assert.Equal("inference cost per 1000 tokens (USD)", r.Derivation.Quantity);
        Assert.Equal("(7) Sun 2023, cloud compute cost", r.Derivation.Equation);
        Sound.Derivation(r.Derivation);
    }

    [Fact]
    public void EncoderDecoder_RunsAtN_HalfTheDecoderOnlyCost()
    {
        InferenceCostResult r = InferenceCost.Per1kTokens(Machine() with { Architecture = ModelArchitecture.EncoderDecoder });
        Assert.Equal(1e13, r.FlopPer1kTokens.Flop, 1);
        Assert.Equal(24 * 0.025 / 3600, r.Cost.UsdPer1kTokens, 15);
    }

    public static TheoryData<string, InferenceCostInputs> Bad() => new()
    {
        { "chipsPerMachine", Machine(chips: 0) },
        { "mfu", Machine(mfu: 1.2) },
        { "mfu", Machine(mfu: 0) },
        { "peakFlops", Machine(peak: 0) },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void ABadInput_IsNamed(string parameter, InferenceCostInputs inputs) =>
        Assert.Equal(parameter, Assert.Throws<InputException>(() => InferenceCost.Per1kTokens(inputs)).Parameter);

    [Fact]
    public void NullInputs_AreRefused() => Assert.Throws<ArgumentNullException>(() => InferenceCost.Per1kTokens(null!));

    [Fact]
    public void FlopsPerToken_AreEquation1()
    {
        // Kaplan et al. 2020 as the article uses them: 2N to run and 6N to train a decoder; N and 3N an encoder-decoder (notes 14, 20)
        Assert.Equal(2, FlopsPerToken.Inference(ModelArchitecture.DecoderOnly));
        Assert.Equal(1, FlopsPerToken.Inference(ModelArchitecture.EncoderDecoder));
        Assert.Equal(6, FlopsPerToken.Training(ModelArchitecture.DecoderOnly));
        Assert.Equal(3, FlopsPerToken.Training(ModelArchitecture.EncoderDecoder));
        Assert.Equal(2 * 175e9 * 1000, FlopsPerToken.InferenceWork(ParameterCount.FromBillions(175), TokenCount.FromCount(1000)).Flop);
        Assert.Equal(3.15e23, FlopsPerToken.TrainingWork(ParameterCount.FromBillions(175), TokenCount.FromCount(300e9)).Flop, 1e9);
        Assert.Equal(1.575e23, FlopsPerToken.TrainingWork(ParameterCount.FromBillions(175), TokenCount.FromCount(300e9), ModelArchitecture.EncoderDecoder).Flop, 1e9);
    }
}

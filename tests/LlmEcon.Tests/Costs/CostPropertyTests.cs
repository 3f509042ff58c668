using FsCheck;
using FsCheck.Xunit;
using LlmEcon.Costs;
using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Costs;

/// <summary>Invariants of eqs. 7–9: monotone in N, linear in tokens and price, inverse(forward(x)) = x.</summary>
public class CostPropertyTests
{
    private static InferenceCostInputs Inputs(double n, double price) =>
        new(ParameterCount.FromCount(n), 8, FlopRate.FromTeraflopPerSecond(312), Ratio.Utilization(0.213), MoneyRate.FromUsdPerHour(price));

    [Property]
    public void Inference_IncreasesWithN_AndIsLinearInPrice(PositiveInt a, PositiveInt b)
    {
        double n = a.Get * 1e8, price = b.Get / 10.0;
        double c = InferenceCost.Per1kTokens(Inputs(n, price)).Cost.UsdPerToken;
        Assert.True(InferenceCost.Per1kTokens(Inputs(n * 1.5, price)).Cost.UsdPerToken > c);
        Assert.Equal(3 * c, InferenceCost.Per1kTokens(Inputs(n, 3 * price)).Cost.UsdPerToken, c * 1e-9);
    }

    [Property]
    public void Training_IsLinearInTokens_AndInverseRecoversMfu(PositiveInt tokensBillions, PositiveInt mfuPercent)
    {
        double d = tokensBillions.Get * 1e9;
        double mfu = Math.Min(mfuPercent.Get, 100) / 100.0;
        var inputs = new TrainingInputs(ParameterCount.FromBillions(7), TokenCount.FromCount(d), FlopRate.FromTeraflopPerSecond(989.4), 8, MoneyRate.FromUsdPerHour(30));
        var twice = inputs with { Tokens = TokenCount.FromCount(2 * d) };
        var forward = TrainingCost.Cost(inputs, Ratio.Utilization(mfu));
        Assert.Equal(2 * forward.Cost.Usd, TrainingCost.Cost(twice, Ratio.Utilization(mfu)).Cost.Usd, forward.Cost.Usd * 1e-9);
        var back = TrainingCost.Solve(inputs, new TrainingKnowns(ChipHours: forward.ChipHours));
        Assert.Equal(mfu, back.Mfu.Fraction, 9);
        var fromCost = TrainingCost.Solve(inputs, new TrainingKnowns(Cost: forward.Cost));
        Assert.Equal(forward.ChipHours.ChipHours, fromCost.ChipHours.ChipHours, forward.ChipHours.ChipHours * 1e-9);
    }
}

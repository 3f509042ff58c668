using FsCheck;
using FsCheck.Xunit;
using LlmEcon.Costs;
using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Costs;

/// <summary>Invariants of eqs. 7–9: monotone in N, linear in tokens and price, inverse(forward(x)) = x.</summary>
public class CostPropertyTests
{
    private static InferenceCostInputs Inputs(double n, double price, int chips = 8, double mfu = 0.213, double peak = 312e12) =>
        new(ParameterCount.FromCount(n), chips, FlopRate.FromFlopPerSecond(peak), Ratio.Utilization(mfu), MoneyRate.FromUsdPerHour(price));

    [Property]
    public void Inference_IsEquation7_ForAnyInputs(PositiveInt a, PositiveInt b, PositiveInt c, PositiveInt m)
    {
        // Eq. 7 restated: cost per 1000 tokens = 2N × 1000 / (chips × peak × MFU) × price per machine-hour / 3600 s/h.
        double n = a.Get * 1e8, price = b.Get / 10.0, mfu = (m.Get % 100 + 1) / 100.0;
        int chips = c.Get % 64 + 1;
        double expected = 2 * n * 1000 / (chips * 312e12 * mfu) * price / 3600;
        double actual = InferenceCost.Per1kTokens(Inputs(n, price, chips, mfu)).Cost.UsdPer1kTokens;
        Assert.Equal(expected, actual, expected * 1e-12);
        // and it is exactly proportional to N and to the price (a wrong power of either would break this)
        Assert.Equal(1.5 * actual, InferenceCost.Per1kTokens(Inputs(n * 1.5, price, chips, mfu)).Cost.UsdPer1kTokens, actual * 1e-12);
        Assert.Equal(3 * actual, InferenceCost.Per1kTokens(Inputs(n, 3 * price, chips, mfu)).Cost.UsdPer1kTokens, actual * 1e-12);
    }

    [Property]
    public void Training_IsLinearInTokens_AndInverseRecoversMfu(PositiveInt tokensBillions, PositiveInt mfuPercent)
    {
        double d = tokensBillions.Get * 1e9;
        double mfu = Math.Min(mfuPercent.Get, 100) / 100.0;
        var inputs = new TrainingInputs(ParameterCount.FromBillions(7), TokenCount.FromCount(d), FlopRate.FromTeraflopPerSecond(989.4), 8, MoneyRate.FromUsdPerHour(30));
        var twice = inputs with { Tokens = TokenCount.FromCount(2 * d) };
        var forward = TrainingCost.Cost(inputs, Ratio.Utilization(mfu));
        // Eqs. 8–9 restated: chip-hours = 6ND / (peak × MFU × 3600 s/h); cost = chip-hours × $30 / 8 chips per machine.
        double chipHours = 6 * 7e9 * d / (989.4e12 * mfu * 3600);
        Assert.Equal(chipHours, forward.ChipHours.ChipHours, chipHours * 1e-12);
        Assert.Equal(chipHours * 30 / 8, forward.Cost.Usd, chipHours * 30 / 8 * 1e-12);
        Assert.Equal(2 * forward.Cost.Usd, TrainingCost.Cost(twice, Ratio.Utilization(mfu)).Cost.Usd, forward.Cost.Usd * 1e-9);
        var back = TrainingCost.Solve(inputs, new TrainingKnowns(ChipHours: forward.ChipHours));
        Assert.Equal(mfu, back.Mfu.Fraction, 9);
        var fromCost = TrainingCost.Solve(inputs, new TrainingKnowns(Cost: forward.Cost));
        Assert.Equal(forward.ChipHours.ChipHours, fromCost.ChipHours.ChipHours, forward.ChipHours.ChipHours * 1e-9);
    }
}

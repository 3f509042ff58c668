using LlmEcon.Costs;
using LlmEcon.Derivations;
using LlmEcon.Models;
using LlmEcon.Quantities;
using Xunit;

namespace LlmEcon.Tests.Costs;

/// <summary>
/// Eqs. 8–9 solved from each kind of known. The run: N = 10e9, D = 200e9 (C = 6ND = 1.2e22 FLOP) on chips of 100e12 FLOP/s,
/// 8 to a machine at $24 per machine-hour ($3 per chip-hour). At MFU 50%: chip-hours = 1.2e22 / (100e12 × 0.5 × 3600) = 66,666.67;
/// cost = 66,666.67 × $3 = $200,000; per 1000 tokens $200,000 / 200e9 × 1000 = $0.001.
/// </summary>
public class TrainingCostTests
{
    private const double ChipHours = 1.2e22 / (100e12 * 0.5 * 3600);

    private static TrainingInputs Run(int chipsPerMachine = 8, double machinePrice = 24) => new(
        ParameterCount.FromCount(10e9), TokenCount.FromCount(200e9), FlopRate.FromTeraflopPerSecond(100), chipsPerMachine, MoneyRate.FromUsdPerHour(machinePrice));

    private static void IsTheRun(TrainingSolution s)
    {
        Assert.Equal(1.2e22, s.Work.Flop, 1e9);
        Assert.Equal(0.5, s.Mfu.Fraction, 12);
        Assert.Equal(ChipHours, s.ChipHours.ChipHours, 1e-6);
        Assert.Equal(200_000, s.Cost.Usd, 1e-6);
        Assert.Equal(0.001, s.CostPer1kTokens.UsdPer1kTokens, 15);
        Assert.Equal(s.Cost.Usd, s.Derivation.Value!.Value, 1e-6);
        Assert.Equal(0.001, s.CostPer1kTokensDerivation.Value!.Value, 15);
        Sound.Derivations([.. s.Steps, s.CostPer1kTokensDerivation]);
        // each step shows the number the solution holds (one expression for both)
        foreach (Derivation step in s.Steps)
        {
            double held = step.Quantity switch
            {
                "implied MFU" => s.Mfu.Fraction,
                "chip-hours" => s.ChipHours.ChipHours,
                "wall time (days)" => s.WallTime!.Value.Days,
                "chips" => s.Chips!.Value,
                _ => s.Cost.Usd,
            };
            Assert.Equal(held, step.Value!.Value, held * 1e-12);
        }
    }

    [Fact]
    public void FromMfu_SolvesChipHoursAndCost_InTheArticlesForwardForm()
    {
        TrainingSolution s = TrainingCost.Solve(Run(), new TrainingKnowns(Mfu: Ratio.FromFraction(0.5)));
        IsTheRun(s);
        Assert.Equal(["chipHours", "cost"], s.Solved);
        Assert.Equal(["chip-hours", "training cost (USD)"], s.Steps.Select(d => d.Quantity));
        Assert.Equal("(8) Sun 2023 §4", s.Derivation.Equation);
        Assert.Equal("(8) cost / D × 1000", s.CostPer1kTokensDerivation.Equation);
        Assert.Equal("training cost per 1000 training tokens (USD)", s.CostPer1kTokensDerivation.Quantity);
        Assert.Null(s.Chips);
        Assert.Null(s.WallTime);
        // eq. 8's forward form divides by chips per machine: the price input reads per machine-hour
        Assert.Contains(s.Derivation.Inputs, t => t.Meaning == "USD per machine-hour");
    }

    [Fact]
    public void FromChipHours_ImpliesTheMfu()
    {
        TrainingSolution s = TrainingCost.Solve(Run(), new TrainingKnowns(ChipHours: AcceleratorTime.FromChipHours(ChipHours)));
        IsTheRun(s);
        Assert.Equal(["mfu", "cost"], s.Solved);
        Assert.Equal(["implied MFU", "training cost (USD)"], s.Steps.Select(d => d.Quantity));
        // the given chip-hours are an input of the MFU, not a step: 1.2e22 / (66,670 chip-h × 3600 s/h × 100 TFLOP/s) at 4 digits
        Assert.Equal("(9a) MFU = k·N·D / (chip-hours × 3600 s/h × peak)", s.Steps[0].Equation);
        Assert.Contains("66670 chip-h", s.Steps[0].Substituted, StringComparison.Ordinal);
        Assert.Equal("(8) cost = chip-hours × price per chip-hour", s.Derivation.Equation);
    }

    [Fact]
    public void FromChipsAndDays_ImpliesTheMfu()
    {
        // 66,666.67 chip-hours on 1,000 chips = 66.67 h = 2.7778 days
        TrainingSolution s = TrainingCost.Solve(Run(), new TrainingKnowns(Chips: 1000, WallTime: Duration.FromHours(ChipHours / 1000)));
        IsTheRun(s);
        Assert.Equal(["chipHours", "mfu", "cost"], s.Solved);
        Assert.Equal(1000, s.Chips);
        // the chip-hours are the chips × days given: 1,000 × 2.778 d × 24 h/d = 66,670 chip-h (to 4 digits)
        Derivation hours = s.Steps.Single(x => x.Quantity == "chip-hours");
        Assert.Equal(("(9c) chip-hours = chips × wall time", "chips × days × 24 h/d", "1,000 × 2.778 d × 24 h/d", "66670 chip-h"),
            (hours.Equation, hours.Formula, hours.Substituted, hours.Result));
        Assert.Equal(("days", "wall-clock days"), (hours.Inputs[1].Symbol, hours.Inputs[1].Meaning));
    }

    [Fact]
    public void FromChips_SolvesTheWallTime()
    {
        TrainingSolution s = TrainingCost.Solve(Run(), new TrainingKnowns(Mfu: Ratio.FromFraction(0.5), Chips: 1000));
        IsTheRun(s);
        Assert.Equal(ChipHours / 1000 / 24, s.WallTime!.Value.Days, 9);
        Assert.Equal(["chipHours", "wallTime", "cost"], s.Solved);
        Derivation wall = s.Steps.Single(d => d.Quantity == "wall time (days)");
        Assert.Equal(("(9c) wall time = chip-hours / chips", "2.778 days"), (wall.Equation, wall.Result));
        Assert.Equal("66670 chip-h", s.Steps.Single(d => d.Quantity == "chip-hours").Result);
    }

    [Fact]
    public void FromWallTime_SolvesTheChips()
    {
        TrainingSolution s = TrainingCost.Solve(Run(), new TrainingKnowns(Mfu: Ratio.FromFraction(0.5), WallTime: Duration.FromHours(ChipHours / 500)));
        IsTheRun(s);
        Assert.Equal(500, s.Chips!.Value, 9);
        Assert.Equal(["chipHours", "chips", "cost"], s.Solved);
        Derivation chips = s.Steps.Single(d => d.Quantity == "chips");
        Assert.Equal(("(9c) chips = chip-hours / wall time", "chip-hours / (days × 24 h/d)", "500 chips"), (chips.Equation, chips.Formula, chips.Result));
        Assert.Equal(("days", "wall-clock days", "5.556 d"), (chips.Inputs[1].Symbol, chips.Inputs[1].Meaning, chips.Inputs[1].Value));
    }

    [Fact]
    public void FromCost_ImpliesChipHoursAndMfu()
    {
        TrainingSolution s = TrainingCost.Solve(Run(), new TrainingKnowns(Cost: Money.FromUsd(200_000)));
        IsTheRun(s);
        Assert.Equal(["chipHours", "mfu"], s.Solved);
        Assert.Equal(200_000, s.Derivation.Value!.Value, 1e-6);
        Derivation hours = s.Steps.Single(x => x.Quantity == "chip-hours");
        Assert.Equal(("(9d) chip-hours = cost / price per chip-hour", "cost / (price / chips)", "$200,000 / ($24/h / 8)"),
            (hours.Equation, hours.Formula, hours.Substituted));
        Assert.Equal("training cost (USD), given", hours.Inputs[0].Meaning);
    }

    [Fact]
    public void AttentionWork_AddsToKND_InEveryStep()
    {
        // 100 layers × 100 heads of 100 at 1,000 tokens, full: 6 × 100 × 1,000 × 100 × (100 + 100) = 1.2e10 FLOP per token;
        // × D = 200e9 → 2.4e21 beside 6ND = 1.2e22: C = 1.44e22; at MFU 50% chip-hours = 1.44e22 / (100e12 × 0.5 × 3600) = 80,000
        // and the cost 80,000 × $3 = $240,000.
        var shape = new Transformer(100, 10_000, 100, 100, 100, 40_000, false, 1000, false, 1000, null, null, "s", "2024");
        TrainingInputs x = Run() with { Attention = new AttentionWork(shape, 1000, AttentionMask.Full) };
        TrainingSolution s = TrainingCost.Solve(x, new TrainingKnowns(Mfu: Ratio.FromFraction(0.5)));
        Assert.Equal(1.44e22, s.Work.Flop, 1e7);
        Assert.Equal(80_000, s.ChipHours.ChipHours, 1e-6);
        Assert.Equal(240_000, s.Cost.Usd, 1e-6);
        Assert.Equal("(9b) chip-hours = (k·N·D + attention × D) / (peak × MFU × 3600 s/h)", s.Steps[0].Equation);
        Sound.Derivations([.. s.Steps]);
        // and back: 80,000 chip-hours imply the 50%
        TrainingSolution back = TrainingCost.Solve(x, new TrainingKnowns(ChipHours: AcceleratorTime.FromChipHours(80_000)));
        Assert.Equal(0.5, back.Mfu.Fraction, 12);
        Assert.Equal("(9a) MFU = (k·N·D + attention × D) / (chip-hours × 3600 s/h × peak)", back.Steps[0].Equation);
        Sound.Derivations([.. back.Steps]);
    }

    [Fact]
    public void HardwareFlops_CountTheRecomputation_AndHfuFollows()
    {
        // 6ND = 1.2e22 at MFU 50%: full recomputation adds a forward pass, 2ND = 4e21: HFU = 1.6e22 / (66,666.67 × 3600 × 100e12) = 2/3
        TrainingSolution s = TrainingCost.Solve(Run(), new TrainingKnowns(Mfu: Ratio.FromFraction(0.5)));
        var (flops, hfu) = HardwareUtilization.Of(s, LlmEcon.Memory.Recompute.Full);
        Assert.Equal(1.6e22, flops.Value!.Value, 1e7);
        Assert.Equal(2.0 / 3, hfu.Value!.Value, 12);
        Assert.Equal(0.5, HardwareUtilization.Of(s, LlmEcon.Memory.Recompute.None).Hfu.Value!.Value, 12);
        Assert.Equal(0.5, HardwareUtilization.Of(s, LlmEcon.Memory.Recompute.Selective).Hfu.Value!.Value, 12); // no attention term to redo
        // with attention (the run of AttentionWork_AddsToKND_InEveryStep: 1.2e10 FLOP per token in training, so 4e9 forward, × 200e9 =
        // 8e20): C = 1.44e22 on 80,000 chip-hours; full 1.44e22 + 4e21 + 8e20 = 1.92e22 → 2/3; selective 1.44e22 + 8e20 → 0.52778
        var shape = new Transformer(100, 10_000, 100, 100, 100, 40_000, false, 1000, false, 1000, null, null, "s", "2024");
        TrainingSolution a = TrainingCost.Solve(Run() with { Attention = new AttentionWork(shape, 1000, AttentionMask.Full) }, new TrainingKnowns(Mfu: Ratio.FromFraction(0.5)));
        Assert.Equal(1.92e22, HardwareUtilization.Of(a, LlmEcon.Memory.Recompute.Full).HardwareFlops.Value!.Value, 1e7);
        Assert.Equal(2.0 / 3, HardwareUtilization.Of(a, LlmEcon.Memory.Recompute.Full).Hfu.Value!.Value, 12);
        Assert.Equal(1.52e22 / (80_000 * 3600 * 100e12), HardwareUtilization.Of(a, LlmEcon.Memory.Recompute.Selective).Hfu.Value!.Value, 12);
        Sound.Derivations([flops, hfu, HardwareUtilization.Of(a, LlmEcon.Memory.Recompute.Selective).HardwareFlops]);
    }

    [Fact]
    public void ChipsPricedOneByOne_ReadPerChipHour()
    {
        // One chip per "machine" at $3: the same run, its price read per chip-hour.
        TrainingSolution s = TrainingCost.Solve(Run(1, 3), new TrainingKnowns(Mfu: Ratio.FromFraction(0.5)));
        IsTheRun(s);
        Assert.Contains(s.Derivation.Inputs, t => t.Meaning == "USD per chip-hour");
        Assert.Equal(3, Run(1, 3).PricePerChipHour.UsdPerHour);
        Assert.Equal(3, Run().PricePerChipHour.UsdPerHour);
    }

    [Fact]
    public void AGivenMfu_KeepsItsSource_ASolvedOneHasNone()
    {
        var from = new Provenance("palm", "mfu", "Chowdhery et al. 2022", "2022-04");
        TrainingSolution given = TrainingCost.Cost(Run(), new Sourced<Ratio>(Ratio.FromFraction(0.5), from));
        Assert.Contains(given.Steps.SelectMany(d => d.Inputs), t => t.From == from);
        TrainingSolution solved = TrainingCost.Solve(Run(), new TrainingKnowns(ChipHours: AcceleratorTime.FromChipHours(ChipHours)), from);
        Assert.DoesNotContain(solved.Steps.SelectMany(d => d.Inputs), t => t.From == from);
    }

    [Fact]
    public void TwoKnownsThatAgree_AreAccepted_TwoThatDoNot_AreNamed()
    {
        var agree = new TrainingKnowns(Mfu: Ratio.FromFraction(0.5), Cost: Money.FromUsd(200_000 * 1.004));
        Assert.Equal(0.5, TrainingCost.Solve(Run(), agree).Mfu.Fraction, 12);
        var e = Assert.Throws<InputException>(() => TrainingCost.Solve(Run(), new TrainingKnowns(Mfu: Ratio.FromFraction(0.5), Cost: Money.FromUsd(200_000 * 1.006))));
        Assert.Equal("mfu and cost", e.Parameter);
        Assert.Equal("consistent (they imply the same chip-hours within 0.5%)", e.Rule);
        Assert.Equal("66670 vs 67070 chip-hours", e.Actual); // 66,666.67 and × 1.006 = 67,066.67, to 4 digits
        Assert.Equal("give only one of them, or make them agree", e.Hint);
        var lower = Assert.Throws<InputException>(() => TrainingCost.Solve(Run(), new TrainingKnowns(Mfu: Ratio.FromFraction(0.5), Cost: Money.FromUsd(200_000 / 1.006))));
        Assert.Equal("mfu and cost", lower.Parameter);
    }

    [Fact]
    public void NothingKnown_IsAnError()
    {
        var e = Assert.Throws<InputException>(() => TrainingCost.Solve(Run(), new TrainingKnowns()));
        Assert.Equal("knowns must be at least one of MFU, chip-hours, chips with wall time, or cost; got none of them.", e.Message);
    }

    [Fact]
    public void KnownsBeyondThePeak_AreRefused_NamingWhatImpliedIt()
    {
        // a tenth of the chip-hours would need MFU 500%
        var e = Assert.Throws<InputException>(() => TrainingCost.Solve(Run(), new TrainingKnowns(ChipHours: AcceleratorTime.FromChipHours(ChipHours / 10))));
        Assert.Equal("the MFU implied by chipHours", e.Parameter);
        Assert.Equal("in (0, 1]", e.Rule);
        Assert.Equal("a run cannot beat the chips' peak: check the hours, chips, days or cost against N, D and the peak", e.Hint);
        // exactly the peak is possible
        Assert.Equal(1, TrainingCost.Solve(Run(), new TrainingKnowns(ChipHours: AcceleratorTime.FromChipHours(ChipHours / 2))).Mfu.Fraction, 12);
        // 100 chips for a tenth of the run's 2.778 days: the same 500%, named by the knowns that imply it
        var days = Assert.Throws<InputException>(() => TrainingCost.Solve(Run(), new TrainingKnowns(Chips: 100, WallTime: Duration.FromHours(ChipHours / 1000))));
        Assert.Equal("the MFU implied by chips × wallTime", days.Parameter);
    }

    public static TheoryData<string, Func<TrainingSolution>> BadKnowns() => new()
    {
        { "mfu", () => TrainingCost.Solve(Run(), new TrainingKnowns(Mfu: Ratio.FromFraction(1.5))) },
        { "mfu", () => TrainingCost.Solve(Run(), new TrainingKnowns(Mfu: Ratio.FromFraction(0))) },
        { "chipHours", () => TrainingCost.Solve(Run(), new TrainingKnowns(ChipHours: AcceleratorTime.FromChipHours(0))) },
        { "chips", () => TrainingCost.Solve(Run(), new TrainingKnowns(Chips: 0, WallTime: Duration.FromDays(1))) },
        { "wallTime", () => TrainingCost.Solve(Run(), new TrainingKnowns(Chips: 8, WallTime: Duration.FromDays(0))) },
        { "cost", () => TrainingCost.Solve(Run(), new TrainingKnowns(Cost: Money.FromUsd(0))) },
        { "pricePerChipHour", () => TrainingCost.Solve(Run(8, 0), new TrainingKnowns(Cost: Money.FromUsd(1))) },
        { "peakFlops", () => TrainingCost.Solve(Run() with { PeakPerChip = FlopRate.FromFlopPerSecond(0) }, new TrainingKnowns(Mfu: Ratio.FromFraction(0.5))) },
        { "chipsPerMachine", () => TrainingCost.Solve(Run(0), new TrainingKnowns(Mfu: Ratio.FromFraction(0.5))) },
    };

    [Theory]
    [MemberData(nameof(BadKnowns))]
    public void ABadKnown_IsNamed(string parameter, Func<TrainingSolution> solve) =>
        Assert.Equal(parameter, Assert.Throws<InputException>(() => solve()).Parameter);

    [Fact]
    public void NullInputs_AreRefused()
    {
        Assert.Throws<ArgumentNullException>(() => TrainingCost.Solve(null!, new TrainingKnowns(Mfu: Ratio.FromFraction(0.5))));
        Assert.Throws<ArgumentNullException>(() => TrainingCost.Solve(Run(), null!));
    }

    [Fact]
    public void NoTokens_CostNothingPerToken()
    {
        TrainingSolution s = TrainingCost.Solve(Run() with { Tokens = TokenCount.FromCount(0) }, new TrainingKnowns(Mfu: Ratio.FromFraction(0.5)));
        Assert.Equal(0, s.Cost.Usd);
        Assert.Equal(0, s.CostPer1kTokens.UsdPerToken);
    }

    [Fact]
    public void EncoderDecoder_Trains_At3N()
    {
        // 3 FLOP per parameter per token (the article's note 20): half the decoder-only chip-hours
        TrainingSolution s = TrainingCost.Solve(Run() with { Architecture = LlmEcon.Catalog.ModelArchitecture.EncoderDecoder }, new TrainingKnowns(Mfu: Ratio.FromFraction(0.5)));
        Assert.Equal(ChipHours / 2, s.ChipHours.ChipHours, 1e-6);
        Assert.Equal(6e21, s.Work.Flop, 1e9);
    }
}

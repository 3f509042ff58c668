using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Costs;

/// <summary>Inputs of the cloud inference cost (eq. 7): model size, machine, peak, MFU and price.</summary>
/// <param name="Parameters">N.</param>
/// <param name="ChipsPerMachine">Accelerators per rented machine.</param>
/// <param name="PeakPerChip">Peak FLOP/s per chip at the serving precision.</param>
/// <param name="Mfu">Model FLOPs utilization, in (0, 1].</param>
/// <param name="MachinePrice">Price per machine-hour.</param>
/// <param name="Architecture">Sets FLOP per parameter per token (eq. 1).</param>
public sealed record InferenceCostInputs(
    Sourced<ParameterCount> Parameters, Sourced<int> ChipsPerMachine, Sourced<FlopRate> PeakPerChip, Sourced<Ratio> Mfu,
    Sourced<MoneyRate> MachinePrice, ModelArchitecture Architecture = ModelArchitecture.DecoderOnly)
{
    /// <summary>
    /// Inputs from a catalog offer: its chips, price and its accelerator's peak (<see cref="Accelerator.TrainingPeak"/>:
    /// mixed FP16/BF16 unless <paramref name="precision"/> says otherwise).
    /// </summary>
    public static InferenceCostInputs FromOffer(LlmCatalog catalog, string offerId, Sourced<ParameterCount> parameters, Sourced<Ratio> mfu,
        Precision? precision = null, Sparsity sparsity = Sparsity.Dense)
    {
        Hardware.Machine m = Hardware.Machine.FromOffer(catalog, offerId, precision, sparsity);
        return new InferenceCostInputs(parameters, m.ChipsPerMachine, m.Peak, mfu, m.Price);
    }
}

/// <summary>The cloud inference cost per 1000 tokens and its terms.</summary>
/// <param name="Inputs">What it was computed from.</param>
/// <param name="FlopPer1kTokens">k × N × 1000.</param>
/// <param name="RealisedPerMachine">chips × peak × MFU.</param>
/// <param name="MachineSecondsPer1kTokens">Machine time for 1000 tokens.</param>
/// <param name="Cost">Cost per token (read out per 1K or 1M).</param>
/// <param name="Derivation">The formula with numbers substituted.</param>
public sealed record InferenceCostResult(
    InferenceCostInputs Inputs, FlopCount FlopPer1kTokens, FlopRate RealisedPerMachine, Duration MachineSecondsPer1kTokens,
    MoneyPerToken Cost, Derivation Derivation);

/// <summary>Cloud inference cost (eq. 7; Sun 2023, "Deep dive: cloud compute cost").</summary>
public static class InferenceCost
{
    /// <summary>
    /// cost / 1000 tokens = (k·N × 1000) / (chips × peak × MFU) × price per machine-hour / 3600 s/h, k = 2 for a decoder-only model.
    /// </summary>
    public static InferenceCostResult Per1kTokens(InferenceCostInputs x)
    {
        ArgumentNullException.ThrowIfNull(x);
        Guard.PositiveCount(x.ChipsPerMachine.Value, "chipsPerMachine");
        Guard.Utilization(x.Mfu.Value.Fraction, "mfu");
        Guard.Positive(x.PeakPerChip.Value.FlopPerSecond, "peakFlops");
        Input n = Symbols.Parameters(x.Parameters), k = Symbols.FlopPerParameterPerToken(FlopsPerToken.Inference(x.Architecture));
        Input chips = Symbols.ChipsPerMachine(x.ChipsPerMachine), peak = Symbols.Peak(x.PeakPerChip), mfu = Symbols.Mfu(x.Mfu);
        Input price = Symbols.PricePerHour(x.MachinePrice);
        var (work, realised, seconds, cost) = Terms<Expr>(n, k, chips, peak, mfu, price);
        var d = Derivation.Of("inference cost per 1000 tokens (USD)", "(7) Sun 2023, cloud compute cost", cost, Usd);
        return new InferenceCostResult(x, FlopCount.FromFlop(work.Value), FlopRate.FromFlopPerSecond(realised.Value),
            Duration.FromSeconds(seconds.Value), MoneyPerToken.FromUsdPer1kTokens(cost.Value), d);
    }

    /// <summary>
    /// Eq. 7 written once over <see cref="ITerm{T}"/> (over <see cref="Expr"/> for the derivation, over <see cref="Num"/> for sweeps and
    /// Monte Carlo): work = N × k × 1000 tokens; realised = chips × peak × MFU; seconds = work / realised; cost = seconds × price / 3600 s/h.
    /// </summary>
    public static (T Work, T Realised, T Seconds, T Cost) Terms<T>(T n, T k, T chips, T peak, T mfu, T pricePerMachineHour) where T : ITerm<T>
    {
        T work = n * k * T.Const(1000, "1000 tokens"), realised = chips * peak * mfu, seconds = work / realised;
        return (work, realised, seconds, seconds * pricePerMachineHour / T.Const(Duration.SecondsPerHour, "3600 s/h"));
    }
}

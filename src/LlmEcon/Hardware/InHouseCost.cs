using LlmEcon.Derivations;
using LlmEcon.Quantities;
using static LlmEcon.NumberFormat;

namespace LlmEcon.Hardware;

/// <summary>An owned cluster's run: hardware bought and depreciated linearly, plus the energy it draws (eq. 16).</summary>
/// <param name="Chips">Accelerators used.</param>
/// <param name="PurchasePricePerChip">Purchase price per chip, including its share of the server.</param>
/// <param name="Lifetime">Depreciation lifetime.</param>
/// <param name="RunTime">Wall time of the run.</param>
/// <param name="PowerPerChip">Power per chip (with its share of the server).</param>
/// <param name="Pue">Power usage effectiveness of the data centre, ≥ 1.</param>
/// <param name="Electricity">Price of electricity.</param>
public sealed record InHouseRun(int Chips, Money PurchasePricePerChip, Duration Lifetime, Duration RunTime, Power PowerPerChip, double Pue, ElectricityPrice Electricity);

/// <summary>Hardware and energy cost of a run.</summary>
/// <param name="Hardware">Depreciation over the run.</param>
/// <param name="Energy">Energy drawn, PUE included.</param>
/// <param name="EnergyCost">Cost of that energy.</param>
/// <param name="Total">Hardware + energy.</param>
/// <param name="Derivation">Eq. 16 substituted.</param>
public sealed record InHouseCostResult(Money Hardware, Energy Energy, Money EnergyCost, Money Total, Derivation Derivation);

/// <summary>The article's V100 → H100 projection of an in-house run (eq. 17; Sun 2023 §5).</summary>
/// <param name="HardwareBefore">Hardware cost on the old generation.</param>
/// <param name="EnergyCostBefore">Energy cost on the old generation.</param>
/// <param name="PerUsdGain">Throughput per dollar, new over old.</param>
/// <param name="PerWattGain">Throughput per watt, new over old.</param>
/// <param name="HardwareAfter">HardwareBefore / PerUsdGain.</param>
/// <param name="EnergyCostAfter">EnergyCostBefore / PerWattGain.</param>
/// <param name="TotalBefore">Old total.</param>
/// <param name="TotalAfter">New total.</param>
/// <param name="Reduction">1 − new / old.</param>
/// <param name="Derivation">Eq. 17 substituted.</param>
public sealed record InHouseProjection(
    Money HardwareBefore, Money EnergyCostBefore, double PerUsdGain, double PerWattGain, Money HardwareAfter, Money EnergyCostAfter,
    Money TotalBefore, Money TotalAfter, Ratio Reduction, Derivation Derivation);

/// <summary>In-house training cost vs cloud rental (eqs. 16–17).</summary>
public static class InHouseCost
{
    /// <summary>
    /// hardware = chips × purchase price × run time / lifetime (linear depreciation);
    /// energy = chips × power × PUE × run time; energy cost = energy × $/kWh (eq. 16).
    /// </summary>
    public static InHouseCostResult Run(InHouseRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Guard.PositiveCount(run.Chips, "chips");
        Guard.Positive(run.Lifetime.Seconds, "lifetime");
        Guard.InRange(run.Pue, "pue", 1, 10, false, false);
        Money hardware = run.PurchasePricePerChip * run.Chips * (run.RunTime / run.Lifetime);
        Energy energy = run.PowerPerChip * run.Chips * run.Pue * run.RunTime;
        Money energyCost = energy * run.Electricity;
        Money total = hardware + energyCost;
        var d = new Derivation("in-house cost of a run (USD)", "(16) linear depreciation + energy",
            "chips × price × run time / lifetime + chips × power × PUE × run time × $/kWh",
            $"{run.Chips} × {Usd(run.PurchasePricePerChip.Usd)} × {Compact(run.RunTime.Days)} d / {Compact(run.Lifetime.Days)} d + {run.Chips} × {Compact(run.PowerPerChip.Watts)} W × {Compact(run.Pue)} × {Compact(run.RunTime.Hours)} h × ${Compact(run.Electricity.UsdPerKilowattHour)}/kWh",
            $"{Usd(hardware.Usd)} + {Usd(energyCost.Usd)} ({Compact(energy.MegawattHours)} MWh) = {Usd(total.Usd)}", []);
        return new InHouseCostResult(hardware, energy, energyCost, total, d);
    }

    /// <summary>Energy cost of a known energy: MWh × 1000 kWh/MWh × $/kWh (1,287 MWh × $0.09 = $115,830).</summary>
    public static Money EnergyCost(Energy energy, ElectricityPrice price) => energy * price;

    /// <summary>The energy cost of a known energy with its derivation (eq. 16): MWh × 1000 kWh/MWh × $/kWh.</summary>
    public static (Money Cost, Derivation Derivation) EnergyCost(Sourced<Energy> energy, ElectricityPrice price, string what = "energy cost (USD)")
    {
        Money cost = EnergyCost(energy.Value, price);
        return (cost, new Derivation(what, "(16) energy × $/kWh", "MWh × 1000 kWh/MWh × $/kWh",
            $"{Compact(energy.Value.MegawattHours)} MWh × 1000 × ${Compact(price.UsdPerKilowattHour)}/kWh", Usd(cost.Usd),
            [Term.Of("energy", "energy of the run", energy, Compact(energy.Value.MegawattHours) + " MWh")]));
    }

    /// <summary>
    /// new hardware = old hardware / throughput-per-$ gain; new energy = old energy / throughput-per-W gain;
    /// reduction = 1 − new total / old total (eq. 17).
    /// </summary>
    public static InHouseProjection Project(Money hardwareBefore, Money energyCostBefore, double perUsdGain, double perWattGain)
    {
        Guard.Positive(perUsdGain, "perUsdGain");
        Guard.Positive(perWattGain, "perWattGain");
        Guard.NonNegative(hardwareBefore.Usd, "hardwareBefore");
        Guard.NonNegative(energyCostBefore.Usd, "energyCostBefore");
        Money hw = hardwareBefore / perUsdGain;
        Money en = energyCostBefore / perWattGain;
        Money before = hardwareBefore + energyCostBefore;
        Money after = hw + en;
        Ratio reduction = Ratio.FromFraction(1 - after.Usd / before.Usd);
        var d = new Derivation("in-house cost on the newer generation (USD)", "(17) Sun 2023 §5",
            "hardware / (throughput per $ gain) + energy / (throughput per W gain)",
            $"{Usd(hardwareBefore.Usd)} / {Compact(perUsdGain)} + {Usd(energyCostBefore.Usd)} / {Compact(perWattGain)} = {Usd(hw.Usd)} + {Usd(en.Usd)}",
            $"{Usd(after.Usd)} (from {Usd(before.Usd)}: −{Percent(reduction.Fraction)})", []);
        return new InHouseProjection(hardwareBefore, energyCostBefore, perUsdGain, perWattGain, hw, en, before, after, reduction, d);
    }
}

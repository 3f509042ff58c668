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
/// <param name="Derivation">Eq. 16: the total.</param>
/// <param name="Steps">Eq. 16 step by step: hardware, energy, energy cost, total.</param>
public sealed record InHouseCostResult(Money Hardware, Energy Energy, Money EnergyCost, Money Total, Derivation Derivation, IReadOnlyList<Derivation> Steps);

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
/// <param name="Steps">Eq. 17 step by step: hardware after, energy after, total before, total after, reduction.</param>
public sealed record InHouseProjection(
    Money HardwareBefore, Money EnergyCostBefore, double PerUsdGain, double PerWattGain, Money HardwareAfter, Money EnergyCostAfter,
    Money TotalBefore, Money TotalAfter, Ratio Reduction, IReadOnlyList<Derivation> Steps)
{
    /// <summary>Hardware on the new generation.</summary>
    public Derivation HardwareAfterDerivation => Steps[0];

    /// <summary>Energy cost on the new generation.</summary>
    public Derivation EnergyAfterDerivation => Steps[1];

    /// <summary>Total on the old generation.</summary>
    public Derivation TotalBeforeDerivation => Steps[2];

    /// <summary>Total on the new generation.</summary>
    public Derivation TotalAfterDerivation => Steps[3];

    /// <summary>The reduction.</summary>
    public Derivation ReductionDerivation => Steps[4];
}

/// <summary>In-house training cost vs cloud rental (eqs. 16–17).</summary>
public static class InHouseCost
{
    /// <summary>Default depreciation lifetime, years (a common accounting life for servers).</summary>
    public const double DefaultLifetimeYears = 4;

    /// <summary>Default PUE (a modern hyperscale data centre; an assumption, shown wherever it is used).</summary>
    public const double DefaultPue = 1.1;

    /// <summary>
    /// An owned chip's cost per hour (eq. 16 per hour): purchase price / lifetime in hours (linear depreciation, the chip busy or
    /// not) + power × PUE × $/kWh.
    /// </summary>
    public static (MoneyRate Rate, Derivation Derivation) PerChipHour(Money purchasePrice, Duration lifetime, Sourced<Power> power, double pue, ElectricityPrice electricity)
    {
        Guard.Positive(purchasePrice.Usd, "purchasePrice");
        Guard.Positive(lifetime.Seconds, "lifetime");
        Guard.InRange(pue, "pue", 1, 10, false, false);
        Expr rate = Expr.In("price", "purchase price per chip", purchasePrice.Usd, Usd(purchasePrice.Usd))
                    / Expr.In("life", "depreciation lifetime (hours)", lifetime.Hours, Compact(lifetime.Hours) + " h")
                    + Expr.In("power", "power per chip (kW)", power.Value.Kilowatts, Compact(power.Value.Kilowatts) + " kW", power.From)
                    * Expr.In("PUE", "power usage effectiveness", pue, Compact(pue))
                    * Expr.In("$/kWh", "electricity price", electricity.UsdPerKilowattHour, Usd(electricity.UsdPerKilowattHour) + "/kWh");
        return (MoneyRate.FromUsdPerHour(rate.Value), Derivation.Of("in-house cost per chip-hour (USD)", "(16) price / lifetime + power × PUE × $/kWh", rate, v => Usd(v) + "/h"));
    }

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
        Input chips = Expr.In("chips", "chips", run.Chips, NumberFormat.Integer(run.Chips));
        Input days = Expr.In("t", "run time", run.RunTime.Days, Compact(run.RunTime.Days) + " d");
        Expr hardware = chips * Expr.In("price", "purchase price per chip", run.PurchasePricePerChip.Usd, Usd(run.PurchasePricePerChip.Usd))
            * days / Expr.In("life", "depreciation lifetime", run.Lifetime.Days, Compact(run.Lifetime.Days) + " d");
        Expr energyMwh = chips * Expr.In("power", "power per chip", run.PowerPerChip.Watts, Compact(run.PowerPerChip.Watts) + " W")
            * Expr.In("PUE", "power usage effectiveness", run.Pue, Compact(run.Pue)) * days * Expr.Const(24, "24 h/d") / Expr.Const(1e6, "1e6 Wh/MWh");
        Input energyIn = Expr.In("energy", "energy of the run", energyMwh.Value, Compact(energyMwh.Value) + " MWh");
        Expr energyCost = EnergyCostExpr(energyIn, run.Electricity);
        Expr total = Expr.In("hardware", "hardware (depreciation)", hardware.Value, Usd(hardware.Value))
            + Expr.In("energy cost", "energy cost", energyCost.Value, Usd(energyCost.Value));
        var steps = new List<Derivation>
        {
            Derivation.Of("hardware depreciation of the run (USD)", "(16) chips × price × run time / lifetime", hardware, Usd),
            Derivation.Of("energy of the run (MWh)", "(16) chips × power × PUE × run time", energyMwh, v => Compact(v) + " MWh"),
            Derivation.Of("energy cost of the run (USD)", "(16) energy × $/kWh", energyCost, Usd),
            Derivation.Of("in-house cost of a run (USD)", "(16) hardware + energy", total, Usd),
        };
        return new InHouseCostResult(Money.FromUsd(hardware.Value), Energy.FromMegawattHours(energyMwh.Value), Money.FromUsd(energyCost.Value),
            Money.FromUsd(total.Value), steps[^1], steps);
    }

    private static Expr EnergyCostExpr(Input energyMwh, ElectricityPrice price) =>
        energyMwh * Expr.Const(1000, "1000 kWh/MWh") * Expr.In("$/kWh", "electricity price", price.UsdPerKilowattHour, Usd(price.UsdPerKilowattHour) + "/kWh");

    /// <summary>Energy cost of a known energy: MWh × 1000 kWh/MWh × $/kWh (1,287 MWh × $0.09 = $115,830).</summary>
    public static Money EnergyCost(Energy energy, ElectricityPrice price) => energy * price;

    /// <summary>The energy cost of a known energy with its derivation (eq. 16): MWh × 1000 kWh/MWh × $/kWh.</summary>
    public static (Money Cost, Derivation Derivation) EnergyCost(Sourced<Energy> energy, ElectricityPrice price, string what = "energy cost (USD)")
    {
        Expr cost = EnergyCostExpr(Expr.In("energy", "energy of the run", energy.Value.MegawattHours, Compact(energy.Value.MegawattHours) + " MWh", energy.From), price);
        return (Money.FromUsd(cost.Value), Derivation.Of(what, "(16) energy × $/kWh", cost, Usd));
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
        Input hwBefore = Expr.In("hardware", "hardware on the old generation", hardwareBefore.Usd, Usd(hardwareBefore.Usd));
        Input enBefore = Expr.In("energy", "energy cost on the old generation", energyCostBefore.Usd, Usd(energyCostBefore.Usd));
        Expr hw = hwBefore / Expr.In("g$", "throughput per $, new over old", perUsdGain, Compact(perUsdGain) + "×");
        Expr en = enBefore / Expr.In("gW", "throughput per W, new over old", perWattGain, Compact(perWattGain) + "×");
        Expr before = hwBefore + enBefore;
        Expr after = Expr.In("hardware′", "hardware on the new generation", hw.Value, Usd(hw.Value)) + Expr.In("energy′", "energy cost on the new generation", en.Value, Usd(en.Value));
        Expr reduction = Expr.Const(1) - Expr.In("after", "total on the new generation", after.Value, Usd(after.Value))
            / Expr.In("before", "total on the old generation", before.Value, Usd(before.Value));
        Derivation[] steps =
        [
            Derivation.Of("hardware on the newer generation (USD)", "(17) hardware / gain in throughput per $", hw, Usd),
            Derivation.Of("energy cost on the newer generation (USD)", "(17) energy / gain in throughput per W", en, Usd),
            Derivation.Of("in-house total on the older generation (USD)", "(17) hardware + energy", before, Usd),
            Derivation.Of("in-house total on the newer generation (USD)", "(17) hardware′ + energy′", after, Usd),
            Derivation.Of("in-house reduction", "(17) 1 − after / before", reduction, v => Percent(v, 2)),
        ];
        return new InHouseProjection(hardwareBefore, energyCostBefore, perUsdGain, perWattGain, Money.FromUsd(hw.Value), Money.FromUsd(en.Value),
            Money.FromUsd(before.Value), Money.FromUsd(after.Value), Ratio.FromFraction(reduction.Value), steps);
    }
}

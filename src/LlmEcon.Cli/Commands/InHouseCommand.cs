using System.ComponentModel;
using LlmEcon.Audit;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Hardware;
using LlmEcon.Quantities;
using Spectre.Console.Cli;

namespace LlmEcon.Cli.Commands;

/// <summary>Flags of <c>llmecon inhouse</c>: the article's projection by default, or a run when --chips is given.</summary>
internal sealed class InHouseSettings : CommonSettings
{
    /// <summary>--hardware-before.</summary>
    [CommandOption("--hardware-before <USD>")]
    [Description("Projection: hardware cost on the old generation. Default: $628,080 (GPT-3 on V100, as the article gives it).")]
    public string? HardwareBefore { get; init; }

    /// <summary>--energy.</summary>
    [CommandOption("--energy <ENERGY>")]
    [Description("Projection: energy of the run on the old generation. Default: 1287MWh (GPT-3, Patterson et al. 2021).")]
    public string? Energy { get; init; }

    /// <summary>--per-usd-gain.</summary>
    [CommandOption("--per-usd-gain <X>")]
    [Description("Projection: throughput per $, new over old. Default: 2.3 (H100 over V100).")]
    public string? PerUsdGain { get; init; }

    /// <summary>--per-watt-gain.</summary>
    [CommandOption("--per-watt-gain <X>")]
    [Description("Projection: throughput per watt, new over old. Default: 3.4.")]
    public string? PerWattGain { get; init; }

    /// <summary>--electricity-price.</summary>
    [CommandOption("--electricity-price <USD/KWH>")]
    [Description("Electricity price. Default: $0.09/kWh.")]
    public string? ElectricityPrice { get; init; }

    /// <summary>--chip.</summary>
    [CommandOption("--chip <ID>")]
    [Description("Run: an accelerator from the catalog (its power).")]
    public string? Chip { get; init; }

    /// <summary>--chips.</summary>
    [CommandOption("--chips <K>")]
    [Description("Run: chips used (switches from the projection to a run).")]
    public string? Chips { get; init; }

    /// <summary>--purchase-price.</summary>
    [CommandOption("--purchase-price <USD>")]
    [Description("Run: purchase price per chip, with its share of the server.")]
    public string? PurchasePrice { get; init; }

    /// <summary>--lifetime.</summary>
    [CommandOption("--lifetime <DURATION>")]
    [Description("Run: depreciation lifetime, e.g. 4y. Default: 4y.")]
    public string? Lifetime { get; init; }

    /// <summary>--run-time.</summary>
    [CommandOption("--run-time <DURATION>")]
    [Description("Run: wall time, e.g. 30d.")]
    public string? RunTime { get; init; }

    /// <summary>--power.</summary>
    [CommandOption("--power <W>")]
    [Description("Run: power per chip (overrides --chip's), e.g. 700W.")]
    public string? Power { get; init; }

    /// <summary>--pue.</summary>
    [CommandOption("--pue <X>")]
    [Description("Run: data-centre power usage effectiveness, ≥ 1. Default: 1.1.")]
    public string? Pue { get; init; }
}

/// <summary><c>llmecon inhouse</c>: eqs. 16–17.</summary>
internal sealed class InHouseCommand(Io io) : LlmEconCommand<InHouseSettings>(io)
{
    /// <summary>Default depreciation lifetime of a run, years (a common accounting life for servers).</summary>
    private const double DefaultLifetimeYears = 4;

    /// <summary>Default PUE of a run (a modern hyperscale data centre; an assumption, shown in the output).</summary>
    private const double DefaultPue = 1.1;

    /// <inheritdoc/>
    protected override CommandResult Build(InHouseSettings s, LlmCatalog catalog)
    {
        InHouseScenario d = ArticleScenario.Default.InHouse;
        ElectricityPrice electricity = s.ElectricityPrice is null
            ? Quantities.ElectricityPrice.FromUsdPerKilowattHour(d.ElectricityUsdPerKilowattHour)
            : QuantityParser.ElectricityPrice(s.ElectricityPrice, "--electricity-price");
        return s.Chips is not null ? Run(s, catalog, electricity) : Projection(s, catalog, d, electricity);
    }

    private static CommandResult Projection(InHouseSettings s, LlmCatalog catalog, InHouseScenario d, ElectricityPrice electricity)
    {
        foreach (var (flag, value) in new[] { ("--chip", s.Chip), ("--purchase-price", s.PurchasePrice), ("--run-time", s.RunTime), ("--power", s.Power), ("--pue", s.Pue), ("--lifetime", s.Lifetime) })
        {
            if (value is not null)
            {
                throw new UsageException($"{flag} describes a run: give --chips too (or leave it out for the projection).");
            }
        }

        Money hardware = s.HardwareBefore is null ? Money.FromUsd(d.HardwareCostBeforeUsd) : QuantityParser.Money(s.HardwareBefore, "--hardware-before");
        Sourced<Energy> energy = s.Energy is null ? catalog.Model(d.ModelId).TrainingEnergySourced : QuantityParser.Energy(s.Energy, "--energy");
        double usdGain = s.PerUsdGain is null ? d.PerUsdGainStated : Guard.Positive(Flags.Number(s.PerUsdGain, "--per-usd-gain"), "--per-usd-gain");
        double wattGain = s.PerWattGain is null ? d.PerWattGainStated : Guard.Positive(Flags.Number(s.PerWattGain, "--per-watt-gain"), "--per-watt-gain");
        var (energyCost, energyD) = InHouseCost.EnergyCost(energy, electricity, "energy cost on the old generation (USD)");
        InHouseProjection p = InHouseCost.Project(hardware, energyCost, usdGain, wattGain);
        Sheet sheet = Sheet.Record("inHouse", "In-house run on a new generation (eq. 17)")
            .Add("hardwareBeforeUsd", "Hardware, old generation", Kind.Usd, p.HardwareBefore.Usd)
            .Add("energyMegawattHours", "Energy, old generation", Kind.Number, energy.Value.MegawattHours, "MWh")
            .Add("electricityUsdPerKilowattHour", "Electricity price", Kind.Number, electricity.UsdPerKilowattHour, "USD/kWh")
            .Add("energyCostBeforeUsd", "Energy cost, old generation", Kind.Usd, p.EnergyCostBefore.Usd)
            .Add("totalBeforeUsd", "Total, old generation", Kind.Usd, p.TotalBefore.Usd)
            .Add("perUsdGain", "Throughput per $ gain", Kind.Number, p.PerUsdGain, "×")
            .Add("perWattGain", "Throughput per watt gain", Kind.Number, p.PerWattGain, "×")
            .Add("hardwareAfterUsd", "Hardware, new generation", Kind.Usd, p.HardwareAfter.Usd)
            .Add("energyCostAfterUsd", "Energy cost, new generation", Kind.Usd, p.EnergyCostAfter.Usd)
            .Add("totalAfterUsd", "Total, new generation", Kind.Usd, p.TotalAfter.Usd)
            .Add("reduction", "Reduction", Kind.Fraction, p.Reduction.Fraction);
        return CommandResult.Of("In-house cost", sheet, [energyD, p.Derivation]);
    }

    private static CommandResult Run(InHouseSettings s, LlmCatalog catalog, ElectricityPrice electricity)
    {
        foreach (var (flag, value) in new[] { ("--hardware-before", s.HardwareBefore), ("--energy", s.Energy), ("--per-usd-gain", s.PerUsdGain), ("--per-watt-gain", s.PerWattGain) })
        {
            if (value is not null)
            {
                throw new UsageException($"{flag} belongs to the projection and --chips to a run: give one or the other.");
            }
        }

        int chips = Flags.Count(s.Chips!, "--chips");
        Accelerator? chip = s.Chip is null ? null : Flags.Lookup(() => catalog.Accelerator(s.Chip), "--chip");
        Power power = s.Power is not null ? QuantityParser.Power(s.Power, "--power")
            : chip?.Power ?? throw Guard.Fail("--power", "given when no --chip is", "nothing");
        Money price = QuantityParser.Money(Flags.Required(s.PurchasePrice, "--purchase-price", "per chip, e.g. $30000"), "--purchase-price");
        Duration runTime = QuantityParser.Duration(Flags.Required(s.RunTime, "--run-time", "e.g. 30d"), "--run-time");
        Duration lifetime = s.Lifetime is null ? Duration.FromYears(DefaultLifetimeYears) : QuantityParser.Duration(s.Lifetime, "--lifetime");
        double pue = s.Pue is null ? DefaultPue : Flags.Number(s.Pue, "--pue");
        Guard.InRange(pue, "--pue", 1, 10, false, false);
        InHouseCostResult r = InHouseCost.Run(new InHouseRun(chips, price, lifetime, runTime, power, pue, electricity));
        Sheet sheet = Sheet.Record("inHouseRun", $"In-house run: {chips} × {chip?.Id ?? "chips"} for {NumberFormat.Compact(runTime.Days)} days (eq. 16)")
            .Add("chips", "Chips", Kind.Integer, (double)chips, "chips")
            .Add("purchasePricePerChipUsd", "Purchase price per chip", Kind.Usd, price.Usd)
            .Add("lifetimeYears", "Depreciation lifetime", Kind.Number, lifetime.Years, "years")
            .Add("runTimeDays", "Run time", Kind.Number, runTime.Days, "days")
            .Add("powerPerChipWatts", "Power per chip", Kind.Number, power.Watts, "W")
            .Add("pue", "PUE", Kind.Number, pue, "facility/IT power")
            .Add("electricityUsdPerKilowattHour", "Electricity price", Kind.Number, electricity.UsdPerKilowattHour, "USD/kWh")
            .Add("hardwareUsd", "Hardware (depreciation)", Kind.Usd, r.Hardware.Usd)
            .Add("energyMegawattHours", "Energy", Kind.Number, r.Energy.MegawattHours, "MWh")
            .Add("energyCostUsd", "Energy cost", Kind.Usd, r.EnergyCost.Usd)
            .Add("totalUsd", "Total", Kind.Usd, r.Total.Usd);
        return CommandResult.Of("In-house cost", sheet, [r.Derivation]);
    }
}

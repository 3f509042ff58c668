using LlmEcon.Audit;
using LlmEcon.Catalog;
using LlmEcon.Cli.Output;
using LlmEcon.Derivations;
using LlmEcon.Hardware;
using LlmEcon.Quantities;
using LlmEcon.Cli.Options;

namespace LlmEcon.Cli.Commands;

/// <summary><c>llmecon inhouse</c>: eqs. 16–17.</summary>
internal sealed class InHouseCommand : LlmEconCommand
{
    /// <inheritdoc/>
    public override string Path => "inhouse";

    /// <inheritdoc/>
    public override string Summary =>
        "In-house cost: the article's V100 → H100 projection (eqs. 16–17), or with --chips any run, from purchase price, lifetime, power and electricity.";

    /// <inheritdoc/>
    public override IReadOnlyList<Opt> OwnOptions =>
    [
        O.HardwareBefore, O.Energy, O.PerUsdGain, O.PerWattGain, O.ElectricityPrice,
        O.Chip, O.RunChips, O.PurchasePrice, O.Lifetime, O.RunTime, O.Power, O.Pue,
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string[]> Examples =>
    [
        [],
        ["--chip", "h100-sxm", "--chips", "1024", "--purchase-price", "$30,000", "--lifetime", "4y", "--run-time", "30d", "--pue", "1.2", "--electricity-price", "$0.08/kWh"],
    ];

    /// <inheritdoc/>
    protected override CommandResult Build(Args s, LlmCatalog catalog, Io io)
    {
        InHouseScenario d = ScenarioContext.Article.InHouse;
        ElectricityPrice electricity = s.Value(O.ElectricityPrice, d.Electricity);
        return s.Has(O.RunChips) ? Run(s, catalog, electricity) : Projection(s, catalog, d, electricity);
    }

    private static CommandResult Projection(Args s, LlmCatalog catalog, InHouseScenario d, ElectricityPrice electricity)
    {
        foreach (Opt run in new Opt[] { O.Chip, O.PurchasePrice, O.RunTime, O.Power, O.Pue, O.Lifetime }.Where(s.Has))
        {
            throw new UsageException($"{run.Name} describes a run: give --chips too (or leave it out for the projection).");
        }

        Money hardware = s.Value(O.HardwareBefore, d.HardwareCostBefore);
        Sourced<Energy> energy = s.Value(O.Energy) is { } given ? given : catalog.Model(d.ModelId).TrainingEnergySourced;
        double usdGain = s.Value(O.PerUsdGain, d.PerUsdGainStated);
        double wattGain = s.Value(O.PerWattGain, d.PerWattGainStated);
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
        return CommandResult.Of("In-house cost", sheet, [energyD, .. p.Steps]);
    }

    private static CommandResult Run(Args s, LlmCatalog catalog, ElectricityPrice electricity)
    {
        foreach (Opt projection in new Opt[] { O.HardwareBefore, O.Energy, O.PerUsdGain, O.PerWattGain }.Where(s.Has))
        {
            throw new UsageException($"{projection.Name} belongs to the projection and --chips to a run: give one or the other.");
        }

        int chips = (int)s.Required(O.RunChips, "chips");
        Accelerator? chip = s.Text(O.Chip) is { } id ? MachineFlags.Lookup(() => catalog.Accelerator(id), O.Chip.Name) : null;
        var notes = new List<string>();
        Power power = s.Value(O.Power) is { } given ? given
            : chip is null ? throw Guard.Fail(O.Power.Name, "given when no --chip is (e.g. --power 700W)", "nothing")
            : chip.Power ?? throw Guard.Fail(O.Power.Name, $"given for {chip.Id}, whose vendor publishes no power per chip (e.g. --power 500W)", "nothing");
        if (chip is not null && s.Has(O.Power))
        {
            notes.Add($"{s.Given(O.Power)} replaces {chip.Id}'s {chip.Power}.");
        }

        Money price = s.Required(O.PurchasePrice, "the purchase price per chip");
        Duration runTime = s.Required(O.RunTime, "the run's wall time");
        Duration lifetime = s.Value(O.Lifetime, Duration.FromYears(InHouseCost.DefaultLifetimeYears));
        if (runTime.Seconds > lifetime.Seconds)
        {
            // Depreciation charges the run its share of the hardware's life: a run longer than the life would be charged more than the price.
            throw Guard.Fail(O.RunTime.Name, $"at most the depreciation lifetime ({NumberFormat.Compact(lifetime.Days)} days{(s.Has(O.Lifetime) ? "" : ", the default --lifetime 4y")})",
                $"{NumberFormat.Compact(runTime.Days)} days");
        }

        double pue = s.Value(O.Pue, InHouseCost.DefaultPue);
        InHouseCostResult r = InHouseCost.Run(new InHouseRun(chips, price, lifetime, runTime, power, pue, electricity));
        Sheet sheet = Sheet.Record("inHouseRun", $"In-house run: {NumberFormat.Integer(chips)} × {chip?.Id ?? "chips"} for {NumberFormat.Compact(runTime.Days)} days (eq. 16)")
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
        return CommandResult.Of("In-house cost", sheet, r.Steps, notes);
    }
}

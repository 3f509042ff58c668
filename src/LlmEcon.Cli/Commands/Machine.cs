using System.ComponentModel;
using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Quantities;
using Spectre.Console.Cli;

namespace LlmEcon.Cli.Commands;

/// <summary>Flags that describe the hardware and its price: a catalog offer or chip, each number overridable.</summary>
internal class MachineSettings : CommonSettings
{
    /// <summary>--offer.</summary>
    [CommandOption("--offer <ID>")]
    [Description("A cloud offer from the catalog (chips per machine, price per machine-hour, accelerator), e.g. aws-p4d-1yr.")]
    public string? Offer { get; init; }

    /// <summary>--chip.</summary>
    [CommandOption("--chip <ID>")]
    [Description("An accelerator from the catalog (its peak), e.g. h100-sxm; give the price with --machine-price-per-hour or --price-per-chip-hour.")]
    public string? Chip { get; init; }

    /// <summary>--chips-per-machine.</summary>
    [CommandOption("--chips-per-machine <N>")]
    [Description("Accelerators per rented machine (overrides the offer's).")]
    public string? ChipsPerMachine { get; init; }

    /// <summary>--machine-price-per-hour.</summary>
    [CommandOption("--machine-price-per-hour <USD>")]
    [Description("Price per machine-hour, e.g. $19.22 (overrides the offer's).")]
    public string? MachinePricePerHour { get; init; }

    /// <summary>--price-per-chip-hour.</summary>
    [CommandOption("--price-per-chip-hour <USD>")]
    [Description("Price per accelerator-hour, e.g. $2.03 (instead of a machine price).")]
    public string? PricePerChipHour { get; init; }

    /// <summary>--peak-flops.</summary>
    [CommandOption("--peak-flops <FLOP/S>")]
    [Description("Peak FLOP/s per chip, e.g. 312T or 3.12e14 (overrides the catalog's).")]
    public string? PeakFlops { get; init; }

    /// <summary>--precision.</summary>
    [CommandOption("--precision <P>")]
    [Description("Which catalog peak: fp64, fp32, tf32, fp16, bf16, fp8, int8. Default: mixed fp16 (bf16 on TPUs).")]
    public string? Precision { get; init; }

    /// <summary>--sparsity.</summary>
    [CommandOption("--sparsity <S>")]
    [Description("dense or sparse (2:4 structured) peak. Default: dense.")]
    public string? Sparsity { get; init; }
}

/// <summary>The machine resolved from flags and catalog: peak per chip, chips per machine, price per machine-hour.</summary>
/// <param name="Peak">Peak FLOP/s per chip.</param>
/// <param name="ChipsPerMachine">Chips per machine.</param>
/// <param name="MachinePrice">Price per machine-hour.</param>
/// <param name="Name">What it is, e.g. <c>aws-p4d-1yr</c> or <c>h100-sxm</c>.</param>
internal sealed record Machine(Sourced<FlopRate> Peak, Sourced<int> ChipsPerMachine, Sourced<MoneyRate> MachinePrice, string Name)
{
    /// <summary>Resolves the machine; every missing or conflicting flag is an error naming it.</summary>
    public static Machine From(MachineSettings s, LlmCatalog catalog)
    {
        if (s.Offer is not null && s.Chip is not null)
        {
            throw new UsageException("--offer and --chip conflict: an offer names its own accelerator; give one of them.");
        }

        if (s.MachinePricePerHour is not null && s.PricePerChipHour is not null)
        {
            throw new UsageException("--machine-price-per-hour and --price-per-chip-hour conflict: give one of them.");
        }

        Precision? precision = s.Precision is null ? null : Flags.Choice(s.Precision, "--precision", Enum.GetValues<Precision>(), CatalogNames.Of);
        Sparsity sparsity = Flags.Choice(s.Sparsity, "--sparsity", Enum.GetValues<Sparsity>(), CatalogNames.Of);
        Sourced<FlopRate>? peak = s.PeakFlops is null ? null : QuantityParser.FlopRate(s.PeakFlops, "--peak-flops");
        Sourced<int>? chips = s.ChipsPerMachine is null ? null : Flags.Count(s.ChipsPerMachine, "--chips-per-machine");
        MoneyRate? machinePrice = s.MachinePricePerHour is null ? null : QuantityParser.MoneyRate(s.MachinePricePerHour, "--machine-price-per-hour");
        MoneyRate? chipPrice = s.PricePerChipHour is null ? null : QuantityParser.MoneyRate(s.PricePerChipHour, "--price-per-chip-hour");

        string name;
        if (s.Offer is not null)
        {
            CloudOffer offer = Flags.Lookup(() => catalog.Offer(s.Offer), "--offer");
            name = offer.Id;
            peak ??= catalog.Accelerator(offer.AcceleratorId).TrainingPeak(precision, sparsity);
            chips ??= offer.ChipsSourced;
            if (chipPrice is { } cp)
            {
                return new Machine(peak.Value, chips.Value, cp * chips.Value.Value, name);
            }

            return new Machine(peak.Value, chips.Value, machinePrice is { } mp ? mp : offer.MachinePriceSourced, name);
        }

        if (s.Chip is not null)
        {
            Accelerator chip = Flags.Lookup(() => catalog.Accelerator(s.Chip), "--chip");
            name = chip.Id;
            peak ??= chip.TrainingPeak(precision, sparsity);
        }
        else if (peak is null)
        {
            throw Guard.Fail("--offer, --chip or --peak-flops", "given (the hardware)", "none of them", "see --help for examples");
        }
        else
        {
            name = "given peak";
        }

        if (chipPrice is { } perChip)
        {
            int n = chips?.Value ?? 1;
            return new Machine(peak.Value, n, perChip * n, name);
        }

        if (machinePrice is not { } perMachine)
        {
            throw Guard.Fail("--machine-price-per-hour or --price-per-chip-hour", "given when no --offer is", "neither");
        }

        if (chips is null)
        {
            throw Guard.Fail("--chips-per-machine", "given with --machine-price-per-hour", "nothing", "or give --price-per-chip-hour instead");
        }

        return new Machine(peak.Value, chips.Value, perMachine, name);
    }
}

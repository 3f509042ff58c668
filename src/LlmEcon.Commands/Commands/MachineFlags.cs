using LlmEcon.Catalog;
using LlmEcon.Cli.Options;
using LlmEcon.Derivations;
using LlmEcon.Hardware;
using LlmEcon.Quantities;

namespace LlmEcon.Cli.Commands;

/// <summary>The machine from options and catalog (an offer, a chip with a price, or a peak with a price), and which option replaced which catalog value.</summary>
/// <param name="Machine">Peak per chip, chips per machine, price per machine-hour, each sourced.</param>
/// <param name="Notes">Which option replaced which catalog value.</param>
internal sealed record MachineFlags(Machine Machine, IReadOnlyList<string> Notes)
{
    /// <summary>The options that describe a machine.</summary>
    public static readonly IReadOnlyList<Opt> Options =
        [O.Offer, O.Chip, O.ChipsPerMachine, O.MachinePricePerHour, O.PricePerChipHour, O.PeakFlops, O.Precision, O.Sparsity];

    /// <summary>True when any option names hardware (an offer, a chip or a peak).</summary>
    public static bool Given(Args a) => a.Has(O.Offer) || a.Has(O.Chip) || a.Has(O.PeakFlops);

    /// <summary>Resolves the machine; every missing or conflicting option is an error naming it; every replaced catalog value is noted.</summary>
    /// <param name="a">The parsed options.</param>
    /// <param name="catalog">The catalog.</param>
    /// <param name="runPrecision">A model's training precision: the peak to use when --precision is not given and the chip has it.</param>
    public static MachineFlags From(Args a, LlmCatalog catalog, Precision? runPrecision = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(catalog);
        if (a.Has(O.Offer) && a.Has(O.Chip))
        {
            throw new UsageException("--offer and --chip conflict: an offer names its own accelerator; give one of them.");
        }

        if (a.Has(O.MachinePricePerHour) && a.Has(O.PricePerChipHour))
        {
            throw new UsageException("--machine-price-per-hour and --price-per-chip-hour conflict: give one of them.");
        }

        Precision? precision = a.Has(O.Precision) ? CatalogNames.PrecisionOf(a.Choice(O.Precision)) : null;
        Sparsity sparsity = Enum.GetValues<Sparsity>().Single(s => CatalogNames.Of(s) == a.Choice(O.Sparsity));
        FlopRate? peakGiven = a.Value(O.PeakFlops);
        int? chipsGiven = a.Value(O.ChipsPerMachine) is { } c ? (int)c : null;
        MoneyRate? machinePrice = a.Value(O.MachinePricePerHour);
        MoneyRate? chipPrice = a.Value(O.PricePerChipHour);
        var notes = new List<string>();

        if (a.Text(O.Offer) is { } offerId)
        {
            CloudOffer offer = Lookup(() => catalog.Offer(offerId), O.Offer.Name);
            Accelerator chip = catalog.Accelerator(offer.AcceleratorId);
            precision ??= RunPrecision(chip, runPrecision, sparsity, notes);
            Machine catalogMachine = peakGiven is null ? Peaked(() => Machine.FromOffer(catalog, offer.Id, precision, sparsity), precision)
                : Machine.FromOffer(catalog, offer.Id);
            Sourced<FlopRate> peak = peakGiven is { } pg ? Noted(pg, notes, a, O.PeakFlops, $"{chip.Id}'s catalog peak") : catalogMachine.Peak;
            Sourced<int> chips = chipsGiven is { } cg ? Noted(cg, notes, a, O.ChipsPerMachine, $"{offer.Id}'s {offer.ChipsPerMachine} chips per machine") : catalogMachine.ChipsPerMachine;
            Sourced<MoneyRate> price = chipPrice is { } cp ? Noted(cp * chips.Value, notes, a, O.PricePerChipHour, $"{offer.Id}'s price per machine-hour")
                : machinePrice is { } mp ? Noted(mp, notes, a, O.MachinePricePerHour, $"{offer.Id}'s price per machine-hour")
                : catalogMachine.Price;
            return new MachineFlags(new Machine(peak, chips, price, offer.Id), notes);
        }

        string name;
        Sourced<FlopRate> rate;
        if (a.Text(O.Chip) is { } chipId)
        {
            Accelerator chip = Lookup(() => catalog.Accelerator(chipId), O.Chip.Name);
            name = chip.Id;
            precision ??= peakGiven is null ? RunPrecision(chip, runPrecision, sparsity, notes) : null;
            rate = peakGiven is { } pg ? Noted(pg, notes, a, O.PeakFlops, $"{chip.Id}'s catalog peak") : Peaked(() => chip.TrainingPeak(precision, sparsity), precision);
        }
        else if (peakGiven is { } pg)
        {
            if (a.Has(O.Precision) || a.Has(O.Sparsity))
            {
                throw new UsageException($"{(a.Has(O.Precision) ? "--precision" : "--sparsity")} picks one of a catalog chip's peaks: give --chip or --offer too, or leave it out with --peak-flops.");
            }

            name = "given peak";
            rate = pg;
        }
        else
        {
            throw Guard.Fail("--offer, --chip or --peak-flops", "given (the hardware)", "none of them", "see --help for examples");
        }

        if (chipPrice is { } perChip)
        {
            int n = chipsGiven ?? 1;
            return new MachineFlags(new Machine(rate, n, perChip * n, name), notes);
        }

        if (machinePrice is not { } perMachine)
        {
            throw Guard.Fail("--machine-price-per-hour or --price-per-chip-hour", "given when no --offer is", "neither");
        }

        if (chipsGiven is not { } chipsPerMachine)
        {
            throw Guard.Fail("--chips-per-machine", "given with --machine-price-per-hour", "nothing", "or give --price-per-chip-hour instead");
        }

        return new MachineFlags(new Machine(rate, chipsPerMachine, perMachine, name), notes);
    }

    /// <summary>The run's precision when the chip has a peak at it (and says so), else null: the chip's training default.</summary>
    private static Precision? RunPrecision(Accelerator chip, Precision? run, Sparsity sparsity, List<string> notes)
    {
        if (run is not { } p || p == chip.TrainingPrecision(sparsity) || !chip.Peaks.Any(x => x.Precision == p && x.Sparsity == sparsity))
        {
            return null;
        }

        notes.Add($"The peak is {chip.Id}'s {CatalogNames.Of(p)}, the model's training precision (--precision to choose another).");
        return p;
    }

    /// <summary>A catalog peak at the asked precision, an error naming --precision (or --sparsity) when the chip has none.</summary>
    private static T Peaked<T>(Func<T> peak, Precision? precision)
    {
        try
        {
            return peak();
        }
        catch (InputException e) when (e.Parameter == "precision")
        {
            throw new InputException(precision is null ? O.Sparsity.Name : O.Precision.Name, e.Rule, e.Actual, e.Hint);
        }
    }

    private static T Noted<T>(T value, List<string> notes, Args a, Opt option, string replaced)
    {
        notes.Add($"{a.Given(option)} replaces {replaced}.");
        return value;
    }

    /// <summary>Runs <paramref name="read"/>, naming <paramref name="flag"/> where its error names the library's <paramref name="parameter"/>.</summary>
    public static T Renamed<T>(Func<T> read, string parameter, string flag) => Rethrown(read, e => e.Parameter == parameter ? flag : null);

    /// <summary>Runs <paramref name="read"/>, naming the flag <paramref name="flags"/> maps the library's parameter to (where it maps it).</summary>
    public static T Renamed<T>(Func<T> read, IReadOnlyDictionary<string, string> flags) =>
        Rethrown(read, e => flags.TryGetValue(e.Parameter, out string? flag) ? flag : null);

    /// <summary>Runs a catalog lookup, naming <paramref name="flag"/> instead of the catalog section in its error.</summary>
    public static T Lookup<T>(Func<T> find, string flag) =>
        Rethrown(find, e => e.Rule.StartsWith("an id in the catalog", StringComparison.Ordinal) ? flag : null);

    private static T Rethrown<T>(Func<T> run, Func<InputException, string?> rename)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            return run();
        }
        catch (InputException e) when (rename(e) is { } flag)
        {
            throw new InputException(flag, e.Rule, e.Actual, e.Hint);
        }
    }
}

using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Quantities;

namespace LlmEcon.Hardware;

/// <summary>
/// A rented machine as the cost equations see it (eqs. 7–10): the peak FLOP/s of each chip, the chips per machine and the price per
/// machine-hour, each with its catalog source; the one place an offer becomes numbers.
/// </summary>
/// <param name="Peak">Peak FLOP/s per chip at the chosen precision and sparsity.</param>
/// <param name="ChipsPerMachine">Chips per machine.</param>
/// <param name="Price">Price per machine-hour.</param>
/// <param name="Name">What it is: the offer or chip id.</param>
public sealed record Machine(Sourced<FlopRate> Peak, Sourced<int> ChipsPerMachine, Sourced<MoneyRate> Price, string Name)
{
    /// <summary>Price per chip-hour: the machine's price ÷ its chips.</summary>
    public MoneyRate PricePerChipHour => Price.Value / Guard.PositiveCount(ChipsPerMachine.Value, "chipsPerMachine");

    /// <summary>
    /// A catalog offer: its chips and price, and its accelerator's peak at <paramref name="precision"/> (default: the chip's training
    /// precision, mixed FP16, BF16 on TPUs) and <paramref name="sparsity"/>.
    /// </summary>
    public static Machine FromOffer(LlmCatalog catalog, string offerId, Precision? precision = null, Sparsity sparsity = Sparsity.Dense)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        CloudOffer offer = catalog.Offer(offerId);
        return new Machine(catalog.Accelerator(offer.AcceleratorId).TrainingPeak(precision, sparsity), offer.ChipsSourced, offer.MachinePriceSourced, offer.Id);
    }
}

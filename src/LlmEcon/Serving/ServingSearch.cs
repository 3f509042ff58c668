using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Quantities;

namespace LlmEcon.Serving;

/// <summary>One configuration a search found, with its numbers and its cost per request.</summary>
/// <param name="Offer">The catalog offer it rents.</param>
/// <param name="Setup">The configuration (chip, chips, precision, batch).</param>
/// <param name="Point">Its numbers.</param>
/// <param name="CostPerRequestUsd">I × cost per input token + O × cost per output token (eq. 38).</param>
public sealed record ServingCandidate(CloudOffer Offer, ServingSetup Setup, ServingPoint Point, double CostPerRequestUsd);

/// <summary>
/// The cheapest way to serve a model under latency targets: every offer × precision the chip has a dense peak at × chip count ×
/// batch (tensor parallelism within one machine of the offer: at most its chips per machine), each evaluated by eqs. 31–38 (numbers only), kept when it fits in memory and meets the time per output token and the
/// time to first token, ranked by cost per request. The best batch of each (offer, precision, chips) is kept, so runners-up are
/// different configurations, not the same one at another batch.
/// </summary>
public static class ServingSearch
{
    /// <summary>The chip counts tried by default: powers of two from 1 to 64.</summary>
    public static IReadOnlyList<int> DefaultChipCounts { get; } = [1, 2, 4, 8, 16, 32, 64];

    /// <summary>The batches tried by default: powers of two from 1 to 4,096.</summary>
    public static IReadOnlyList<int> DefaultBatches { get; } = [.. Enumerable.Range(0, 13).Select(i => 1 << i)];

    /// <summary>The precisions tried by default, where the chip has a dense peak at them.</summary>
    public static IReadOnlyList<Precision> DefaultPrecisions { get; } = [Precision.Bf16, Precision.Fp8, Precision.Fp4];

    /// <summary>
    /// Every configuration that meets <paramref name="maxTpot"/> (and <paramref name="maxTtft"/> when given), cheapest first; empty
    /// when none does. Offers are priced per chip-hour (machine price / chips per machine).
    /// </summary>
    public static IReadOnlyList<ServingCandidate> Cheapest(ServedModel model, IEnumerable<(CloudOffer Offer, Accelerator Chip)> offers, IReadOnlyList<int> chipCounts,
        IReadOnlyList<int> batches, IReadOnlyList<Precision> precisions, int inputTokens, int outputTokens, Duration maxTpot, Duration? maxTtft,
        ServingAssumptions? assumptions = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(offers);
        Guard.Positive(maxTpot.Seconds, "maxTpot");
        if (maxTtft is { } t)
        {
            Guard.Positive(t.Seconds, "maxTtft");
        }

        int[] ascending = [.. batches.Order()]; // a larger batch needs more memory: the scan stops at the first that does not fit
        var found = new List<ServingCandidate>();
        foreach (var (offer, chip) in offers)
        {
            var price = new Sourced<MoneyRate>(offer.PricePerChipHour, new Provenance(offer.Id, "usdPerHour / chipsPerMachine", offer.Source, offer.Date));
            foreach (Precision precision in precisions.Where(p => chip.Peaks.Any(x => x.Precision == p && x.Sparsity == Sparsity.Dense)))
            {
                foreach (int chips in chipCounts.Where(c => c <= offer.ChipsPerMachine && (c == 1 || chip.ScaleUpBandwidthGigabytesPerSecond is not null)))
                {
                    ServingSetup baseSetup = ServingSetups.For(model, chip, chips, precision, null, null, 1, inputTokens, outputTokens, price, assumptions);
                    ServingCandidate? best = null;
                    foreach (int batch in ascending)
                    {
                        ServingSetup s = baseSetup with { Batch = batch };
                        ServingPoint p = ServingModel.Evaluate(s);
                        if (!p.Fits)
                        {
                            break; // a larger batch needs more memory still
                        }

                        if (p.TpotSeconds > maxTpot.Seconds || (maxTtft is { } ttft && p.PrefillSeconds > ttft.Seconds))
                        {
                            continue;
                        }

                        double cost = (inputTokens * p.CostPerMillionInputUsd + outputTokens * p.CostPerMillionOutputUsd) / 1e6;
                        if (best is null || cost < best.CostPerRequestUsd)
                        {
                            best = new ServingCandidate(offer, s, p, cost);
                        }
                    }

                    if (best is not null)
                    {
                        found.Add(best);
                    }
                }
            }
        }

        return [.. found.OrderBy(c => c.CostPerRequestUsd).ThenBy(c => c.Offer.Id, StringComparer.Ordinal)];
    }
}

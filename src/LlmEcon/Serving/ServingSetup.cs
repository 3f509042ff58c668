using LlmEcon.Catalog;
using LlmEcon.Derivations;
using LlmEcon.Models;
using LlmEcon.Quantities;

namespace LlmEcon.Serving;

/// <summary>The chip as the roofline sees it: the dense peak at the compute precision, memory, its bandwidth and the scale-up link.</summary>
/// <param name="Id">The catalog id (or a name for a described chip).</param>
/// <param name="Peak">The dense peak at the compute precision.</param>
/// <param name="Memory">Memory per chip.</param>
/// <param name="BandwidthBytesPerSecond">Memory bandwidth per chip, bytes/s.</param>
/// <param name="LinkBytesPerSecond">Scale-up bandwidth per chip in one direction, bytes/s (the catalog's both-direction sum / 2), or null when none is published.</param>
public sealed record ServingChip(string Id, Sourced<FlopRate> Peak, Sourced<ByteSize> Memory, Sourced<double> BandwidthBytesPerSecond, Sourced<double>? LinkBytesPerSecond)
{
    /// <summary>
    /// A catalog accelerator at a compute precision: its dense peak there (an error naming <c>computePrecision</c> and listing the
    /// peaks the chip has when it has none at that precision), memory, bandwidth and scale-up link.
    /// </summary>
    public static ServingChip Of(Accelerator chip, Precision compute)
    {
        ArgumentNullException.ThrowIfNull(chip);
        Sourced<FlopRate> peak;
        try
        {
            peak = chip.Peak(compute, Sparsity.Dense);
        }
        catch (InputException e) when (e.Parameter == "precision")
        {
            string have = string.Join(", ", chip.Peaks.Where(p => p.Sparsity == Sparsity.Dense).Select(p => CatalogNames.Of(p.Precision)).Distinct());
            throw Guard.Fail("computePrecision", $"a precision {chip.Id} has a dense peak at ({have})", CatalogNames.Of(compute));
        }

        Sourced<double>? link = chip.ScaleUpBandwidthGigabytesPerSecond is { } gbps
            ? new Sourced<double>(gbps * 1e9 / 2, new Provenance(chip.Id, "scaleUpBandwidthGigabytesPerSecond", chip.Source, chip.Date))
            : null;
        return new ServingChip(chip.Id, peak, chip.MemorySourced,
            new Sourced<double>(chip.MemoryBandwidthGigabytesPerSecond * 1e9, new Provenance(chip.Id, "memoryBandwidthGigabytesPerSecond", chip.Source, chip.Date)), link);
    }
}

/// <summary>
/// One serving configuration: a model (its architecture and parameters), a chip and how many serve one copy of the model with
/// tensor parallelism, the precisions of weights, KV cache and arithmetic, the batch (sequences decoded together) and each
/// request's input and output tokens, a price per chip-hour (or none), and the <see cref="ServingAssumptions"/>.
/// </summary>
/// <param name="Shape">The model's architecture (layers, width, heads, KV heads, experts).</param>
/// <param name="Parameters">N: every weight held (a mixture of experts: all experts).</param>
/// <param name="ActiveParameters">N_a: the weights one token goes through (N for a dense model).</param>
/// <param name="Chip">The chip.</param>
/// <param name="Chips">p: chips serving one copy of the model, tensor-parallel (1 to 1024).</param>
/// <param name="Weights">The weights' precision.</param>
/// <param name="KvCache">The KV cache's precision.</param>
/// <param name="Batch">B: sequences decoded together (1 to 10^6).</param>
/// <param name="InputTokens">I: prompt tokens per request (1 to 10^7).</param>
/// <param name="OutputTokens">O: generated tokens per request (1 to 10^7).</param>
/// <param name="PricePerChipHour">The price of one chip-hour, or null for no cost.</param>
/// <param name="Assumptions">Efficiencies and overheads.</param>
public sealed record ServingSetup(
    Transformer Shape, Sourced<ParameterCount> Parameters, Sourced<ParameterCount> ActiveParameters, ServingChip Chip, int Chips,
    Precision Weights, Precision KvCache, int Batch, int InputTokens, int OutputTokens, Sourced<MoneyRate>? PricePerChipHour,
    ServingAssumptions Assumptions)
{
    /// <summary>Checks every field; the first bad one is named in one sentence.</summary>
    public ServingSetup Validated()
    {
        ArgumentNullException.ThrowIfNull(Shape);
        ArgumentNullException.ThrowIfNull(Chip);
        ArgumentNullException.ThrowIfNull(Assumptions);
        Guard.InRange(Chips, "chips", 1, 1024, false, false);
        Guard.InRange(Batch, "batch", 1, 1_000_000, false, false);
        Guard.InRange(InputTokens, "inputTokens", 1, 10_000_000, false, false);
        Guard.InRange(OutputTokens, "outputTokens", 1, 10_000_000, false, false);
        Guard.Positive(Parameters.Value.Count, "parameters");
        Guard.Positive(ActiveParameters.Value.Count, "activeParameters");
        if (ActiveParameters.Value.Count > Parameters.Value.Count * (1 + 1e-9))
        {
            throw Guard.Fail("activeParameters", $"at most the parameters ({NumberFormat.Count(Parameters.Value.Count)})", NumberFormat.Count(ActiveParameters.Value.Count));
        }

        Assumptions.Validated();
        return this;
    }
}

/// <summary>A model to serve: its architecture and its parameter counts, from the catalog or given.</summary>
/// <param name="Id">The catalog id, or a name for a given model.</param>
/// <param name="Shape">Its architecture (what the roofline reads: layers, width, heads, KV heads, experts).</param>
/// <param name="Parameters">N, every weight held.</param>
/// <param name="ActiveParameters">N_a, the weights a token goes through.</param>
public sealed record ServedModel(string Id, Transformer Shape, Sourced<ParameterCount> Parameters, Sourced<ParameterCount> ActiveParameters)
{
    /// <summary>
    /// A catalog model with an architecture. N and N_a are counted from the architecture (eqs. 24–25: the bytes a server holds and
    /// reads), not the model's rounded headline count.
    /// </summary>
    public static ServedModel Of(Catalog.ModelCard model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Transformer shape = model.Transformer
            ?? throw Guard.Fail("model", "a catalog model with an architecture", $"{model.Id}, which has none");
        return new ServedModel(model.Id, shape,
            new Sourced<ParameterCount>(ParameterCount.FromCount(shape.TotalParameters.Value!.Value), new Provenance(model.Id, "transformer (eq. 24)", shape.Source, shape.Date)),
            new Sourced<ParameterCount>(ParameterCount.FromCount(shape.ActiveParameters.Value!.Value), new Provenance(model.Id, "transformer (eq. 25)", shape.Source, shape.Date)));
    }

    /// <summary>
    /// A model outside the catalog: N (and N_a, N by default) as given, and the attention shape the roofline needs — layers, width,
    /// heads, KV heads (h by default) and head dimension (d / h by default). Without an expert shape every step reads all N weights
    /// (an upper bound for a mixture of experts) while its arithmetic counts N_a.
    /// </summary>
    public static ServedModel Given(ParameterCount parameters, ParameterCount? active, int layers, int hidden, int heads, int? kvHeads, int? headDim)
    {
        Guard.PositiveCount(layers, "layers");
        Guard.PositiveCount(hidden, "hidden");
        Guard.PositiveCount(heads, "heads");
        int kv = kvHeads ?? heads;
        if (kv < 1 || kv > heads || heads % kv != 0)
        {
            throw Guard.Fail("kvHeads", $"a divisor of the {heads} heads", kv.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        int dh = headDim ?? (hidden % heads == 0 ? hidden / heads : throw Guard.Fail("headDim", $"given: {hidden} is not a multiple of the {heads} heads", "nothing"));
        Guard.PositiveCount(dh, "headDim");
        var shape = new Transformer(layers, hidden, heads, kv, dh, 0, true, 0, false, 0, null, null, "given on the command line", "") { EntryId = "given" };
        ParameterCount a = active ?? parameters;
        if (a.Count > parameters.Count)
        {
            throw Guard.Fail("activeParameters", $"at most the parameters ({NumberFormat.Count(parameters.Count)})", NumberFormat.Count(a.Count));
        }

        return new ServedModel("given", shape, parameters, a);
    }
}

/// <summary>Builds <see cref="ServingSetup"/>s.</summary>
public static class ServingSetups
{
    /// <summary>A catalog model (<see cref="ServedModel.Of"/>) on a catalog chip: see <see cref="For"/>.</summary>
    public static ServingSetup ForModel(Catalog.ModelCard model, Catalog.Accelerator chip, int chips, Catalog.Precision weights, Catalog.Precision? kvCache,
        Catalog.Precision? compute, int batch, int inputTokens, int outputTokens, Sourced<MoneyRate>? pricePerChipHour, ServingAssumptions? assumptions = null) =>
        For(ServedModel.Of(model), chip, chips, weights, kvCache, compute, batch, inputTokens, outputTokens, pricePerChipHour, assumptions);

    /// <summary>
    /// A model on a catalog chip. The KV cache defaults to the weights' precision, but not below FP8 (engines that serve FP4 weights
    /// keep an FP8 cache by default); the arithmetic to the weights' precision; a chip without a dense peak at it is an error naming
    /// <c>computePrecision</c>.
    /// </summary>
    public static ServingSetup For(ServedModel model, Catalog.Accelerator chip, int chips, Catalog.Precision weights, Catalog.Precision? kvCache,
        Catalog.Precision? compute, int batch, int inputTokens, int outputTokens, Sourced<MoneyRate>? pricePerChipHour, ServingAssumptions? assumptions = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(chip);
        return new ServingSetup(model.Shape, model.Parameters, model.ActiveParameters, ServingChip.Of(chip, compute ?? weights), chips, weights,
            kvCache ?? DefaultKvCache(weights), batch, inputTokens, outputTokens, pricePerChipHour, assumptions ?? ServingAssumptions.Default).Validated();
    }

    /// <summary>The KV cache's default precision for weights at <paramref name="weights"/>: the same, but FP8 for FP4 weights.</summary>
    public static Catalog.Precision DefaultKvCache(Catalog.Precision weights) => weights == Catalog.Precision.Fp4 ? Catalog.Precision.Fp8 : weights;
}

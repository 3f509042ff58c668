using LlmEcon.Derivations;
using LlmEcon.Models;
using LlmEcon.Quantities;

namespace LlmEcon.Catalog;

/// <summary>Numeric precision of a peak throughput.</summary>
public enum Precision
{
    /// <summary>64-bit floating point.</summary>
    Fp64,
    /// <summary>32-bit floating point.</summary>
    Fp32,
    /// <summary>NVIDIA TensorFloat-32 (tensor cores).</summary>
    Tf32,
    /// <summary>16-bit floating point; on tensor cores, FP16 multiply with FP32 accumulate ("FP16/FP32 mixed").</summary>
    Fp16,
    /// <summary>bfloat16 (with FP32 accumulate).</summary>
    Bf16,
    /// <summary>8-bit floating point.</summary>
    Fp8,
    /// <summary>8-bit integer (operations per second).</summary>
    Int8,
    /// <summary>4-bit floating point with block scaling (NVFP4, MXFP4): Blackwell's tensor cores.</summary>
    Fp4,
}

/// <summary>Whether a peak assumes structured sparsity.</summary>
public enum Sparsity
{
    /// <summary>Dense matrices: what training and most inference achieve.</summary>
    Dense,
    /// <summary>2:4 structured sparsity: up to twice the dense peak on hardware that supports it.</summary>
    Sparse,
}

/// <summary>Model architecture, which sets FLOP per parameter per token (Kaplan et al. 2020).</summary>
public enum ModelArchitecture
{
    /// <summary>Decoder-only transformer: 2N FLOP/token inference, 6N training.</summary>
    DecoderOnly,
    /// <summary>Encoder-decoder transformer: ≈ N FLOP/token inference, 3N training (the article's notes 14 and 20).</summary>
    EncoderDecoder,
    /// <summary>Encoder-only (BERT): counted like decoder-only, 2N and 6N.</summary>
    EncoderOnly,
}

/// <summary>What every catalog entry has: an id, a name, a source and a date.</summary>
public interface ICatalogEntry
{
    /// <summary>The id (lower-case, dashes).</summary>
    string Id { get; }

    /// <summary>A human name.</summary>
    string Name { get; }

    /// <summary>Where the numbers come from.</summary>
    string Source { get; }

    /// <summary>The published or retrieved date (ISO: yyyy, yyyy-mm or yyyy-mm-dd).</summary>
    string Date { get; }
}

/// <summary>One peak throughput of an accelerator, its precision and sparsity explicit.</summary>
/// <param name="Precision">Numeric precision.</param>
/// <param name="Sparsity">Dense or sparse.</param>
/// <param name="Rate">Peak per chip.</param>
/// <param name="Note">A remark from the datasheet, or null.</param>
public sealed record PeakThroughput(Precision Precision, Sparsity Sparsity, FlopRate Rate, string? Note);

/// <summary>The article's generation figures for one data-centre GPU (section 5, Cost/FLOP).</summary>
/// <param name="Year">The year the article gives.</param>
/// <param name="Precision">The precision of the throughput (FP16/FP32 mixed; FP16 for P100).</param>
/// <param name="GflopsPerSecondPerUsd">Throughput per dollar of purchase price, GFLOP/s per USD.</param>
/// <param name="GflopsPerSecondPerWatt">Throughput per watt, GFLOP/s per W.</param>
/// <param name="Source">The article, as source.</param>
/// <param name="Date">The article's date.</param>
public sealed record ArticleGeneration(int Year, Precision Precision, double GflopsPerSecondPerUsd, double GflopsPerSecondPerWatt, string Source, string Date);

/// <summary>A power figure beside a chip's headline one: a measurement at the system level, another part's, with its source.</summary>
/// <param name="Power">Watts per chip.</param>
/// <param name="Basis">How it was counted: <c>tdp</c>, <c>max-measured</c> or <c>system-average-measured</c> (per chip, with its share of the host, network and cooling).</param>
/// <param name="Note">What it covers.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="Date">Its date.</param>
public sealed record PowerFigure(Power Power, string Basis, string? Note, string Source, string Date);

/// <summary>
/// An accelerator chip: peaks per precision, memory, bandwidth, power. <paramref name="Power"/> is null where the vendor publishes
/// none (Trainium2, the TPUs after v4): a calculation that needs it asks for it.
/// </summary>
public sealed record Accelerator(
    string Id, string Name, string Vendor, int LaunchYear, IReadOnlyList<PeakThroughput> Peaks,
    ByteSize Memory, double MemoryBandwidthGigabytesPerSecond, Power? Power, string? PowerBasis,
    ArticleGeneration? ArticleGeneration, string Source, string Date) : ICatalogEntry
{
    /// <summary>The scale-up interconnect bandwidth per chip (NVLink, ICI, Infinity Fabric, NeuronLink), GB/s summed over both directions, or null.</summary>
    public double? ScaleUpBandwidthGigabytesPerSecond { get; init; }

    /// <summary>What the scale-up bandwidth is (link and count), or null.</summary>
    public string? ScaleUpLink { get; init; }

    /// <summary>Power figures beside <see cref="Power"/> (a system-level measurement, another configuration's), each sourced.</summary>
    public IReadOnlyList<PowerFigure> OtherPower { get; init; } = [];

    /// <summary>The peak at a precision and sparsity, with its provenance; an error lists the peaks there are.</summary>
    public Sourced<FlopRate> Peak(Precision precision = Precision.Fp16, Sparsity sparsity = Sparsity.Dense)
    {
        PeakThroughput? p = Peaks.FirstOrDefault(x => x.Precision == precision && x.Sparsity == sparsity);
        if (p is null)
        {
            string have = string.Join(", ", Peaks.Select(x => $"{CatalogNames.Of(x.Precision)} {CatalogNames.Of(x.Sparsity)}"));
            throw Guard.Fail("precision", $"one of {Id}'s peaks ({have})", $"{CatalogNames.Of(precision)} {CatalogNames.Of(sparsity)}");
        }

        return new Sourced<FlopRate>(p.Rate, new Provenance(Id, $"peaks[{CatalogNames.Of(precision)},{CatalogNames.Of(sparsity)}].flopPerSecond", Source, Date));
    }

    /// <summary>
    /// The peak the article computes with: FP16/FP32 mixed precision, or BF16/FP32 where the chip lists no FP16 peak
    /// (TPUs) — the article's note 17: what holds for FP16/FP32 holds for BF16/FP32, at similar throughput.
    /// With <paramref name="precision"/> given, exactly that peak (an error lists the peaks there are).
    /// </summary>
    public Sourced<FlopRate> TrainingPeak(Precision? precision = null, Sparsity sparsity = Sparsity.Dense) =>
        Peak(precision ?? TrainingPrecision(sparsity), sparsity);

    /// <summary>The precision <see cref="TrainingPeak"/> uses by default: FP16 where listed, else BF16 (TPUs).</summary>
    public Precision TrainingPrecision(Sparsity sparsity = Sparsity.Dense) =>
        Peaks.Any(x => x.Precision == Precision.Fp16 && x.Sparsity == sparsity) ? Precision.Fp16 : Precision.Bf16;

    /// <summary>The memory per chip, with its provenance.</summary>
    public Sourced<ByteSize> MemorySourced => new(Memory, new Provenance(Id, "memory", Source, Date));

    /// <summary>The power per chip, with its provenance; an error where none is published.</summary>
    public Sourced<Power> PowerSourced => Power is { } w
        ? new(w, new Provenance(Id, "powerWatts", Source, Date))
        : throw Guard.Fail("power", $"given: {Id}'s vendor publishes no power per chip", "nothing");

}

/// <summary>The JSON names of enumerations (<c>fp16</c>, <c>dense</c>).</summary>
public static class CatalogNames
{
    /// <summary>The JSON name of a precision (<c>fp16</c>).</summary>
    public static string Of(Precision p) => p.ToString().ToLowerInvariant();

    /// <summary>The JSON name of a sparsity (<c>dense</c>).</summary>
    public static string Of(Sparsity s) => s.ToString().ToLowerInvariant();

    /// <summary>The precision a JSON name (<c>fp16</c>) names; an error for a name that is none.</summary>
    public static Precision PrecisionOf(string name) => Precisions.TryGetValue(name, out Precision p)
        ? p
        : throw Guard.Fail("precision", "one of " + string.Join(", ", Precisions.Keys), $"'{name}'", Suggest.Hint(name, Precisions.Keys.ToList()));

    /// <summary>Every precision by its JSON name.</summary>
    internal static readonly IReadOnlyDictionary<string, Precision> Precisions =
        Enum.GetValues<Precision>().ToDictionary(Of, p => p, StringComparer.Ordinal);

    /// <summary>The forms a catalog date takes: a year, a month or a day (ISO 8601).</summary>
    private static readonly string[] DateForms = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];

    /// <summary>Reads a catalog date (<c>2023</c>, <c>2023-03</c>, <c>2023-03-21</c>); a year alone is its January, a month its first day.</summary>
    public static bool TryDate(string text, out DateTime date) =>
        DateTime.TryParseExact(text, DateForms, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
}

/// <summary>A machine rented from a cloud: chips per machine and the price per machine-hour.</summary>
public sealed record CloudOffer(
    string Id, string Name, string Provider, string AcceleratorId, int ChipsPerMachine, MoneyRate MachinePrice,
    string Commitment, string Source, string Date) : ICatalogEntry
{
    /// <summary>The machine's price per hour, with its provenance.</summary>
    public Sourced<MoneyRate> MachinePriceSourced => new(MachinePrice, new Provenance(Id, "usdPerHour", Source, Date));

    /// <summary>Chips per machine, with its provenance.</summary>
    public Sourced<int> ChipsSourced => new(ChipsPerMachine, new Provenance(Id, "chipsPerMachine", Source, Date));

    /// <summary>Price per chip-hour: machine price ÷ chips per machine.</summary>
    public MoneyRate PricePerChipHour => MachinePrice / ChipsPerMachine;
}

/// <summary>A published model: size, training tokens and, where published, its training run.</summary>
public sealed record ModelCard(
    string Id, string Name, string Organization, int Year, ModelArchitecture Architecture, ParameterCount Parameters,
    TokenCount? TrainingTokens, string? TrainingAcceleratorId, int? TrainingChips, Duration? TrainingTime,
    Energy? TrainingEnergy, Ratio? Mfu, string Source, string Date) : ICatalogEntry
{
    /// <summary>The published active parameters of a mixture of experts (those one token goes through), or null.</summary>
    public ParameterCount? ActiveParameters { get; init; }

    /// <summary>The published accelerator-hours of the training run, or null.</summary>
    public AcceleratorTime? TrainingChipHours { get; init; }

    /// <summary>What the published hours include (phases, downtime), given with <see cref="TrainingChipHours"/>.</summary>
    public string? TrainingChipHoursCover { get; init; }

    /// <summary>The precision the run's matrix products used (its peak is the one to measure MFU against), or null.</summary>
    public Precision? TrainingPrecision { get; init; }

    /// <summary>The sequence length of (most of) the training, in tokens, or null.</summary>
    public int? TrainingContext { get; init; }

    /// <summary>How the published MFU was counted, or null.</summary>
    public string? MfuBasis { get; init; }

    /// <summary>The published chip-hours with their provenance; an error if none were published.</summary>
    public Sourced<AcceleratorTime> TrainingChipHoursSourced => TrainingChipHours is { } h
        ? new(h, new Provenance(Id, "trainingChipHours", Source, Date))
        : throw Guard.Fail("chipHours", $"given: no training chip-hours are published for {Id}", "nothing");

    /// <summary>The published architecture, or null where the catalog has none.</summary>
    public Transformer? Transformer { get; init; }

    /// <summary>Whether the model is a mixture of experts: a published active count, or experts in its architecture.</summary>
    public bool IsMixtureOfExperts => ActiveParameters is not null || Transformer?.Moe is not null;

    /// <summary>
    /// The parameters one token goes through, which set its FLOPs (2N and 6N with N active): for a mixture of experts the published
    /// active count, else the architecture's (eq. 25); for a dense model N itself.
    /// </summary>
    public Sourced<ParameterCount> ActiveParametersSourced => ActiveParameters is { } a
        ? new(a, new Provenance(Id, "activeParameters", Source, Date))
        : Transformer is { Moe: not null } t
            ? new(ParameterCount.FromCount(t.ActiveParameters.Value!.Value), new Provenance(Id, "transformer (eq. 25)", t.Source, t.Date))
            : ParametersSourced;

    /// <summary>N with its provenance.</summary>
    public Sourced<ParameterCount> ParametersSourced => new(Parameters, new Provenance(Id, "parameters", Source, Date));

    /// <summary>D with its provenance; an error if the catalog has none.</summary>
    public Sourced<TokenCount> TrainingTokensSourced => TrainingTokens is { } d
        ? new(d, new Provenance(Id, "trainingTokens", Source, Date))
        : throw Guard.Fail("tokens", $"given: the catalog has no training tokens for {Id}", "nothing");

    /// <summary>The published training energy with its provenance; an error if none was published.</summary>
    public Sourced<Energy> TrainingEnergySourced => TrainingEnergy is { } e
        ? new(e, new Provenance(Id, "trainingEnergyMegawattHours", Source, Date))
        : throw Guard.Fail("energy", $"given: no training energy is published for {Id}", "nothing");

    /// <summary>The published MFU with its provenance; an error if none was published.</summary>
    public Sourced<Ratio> MfuSourced => Mfu is { } m
        ? new(m, new Provenance(Id, "mfu", Source, Date))
        : throw Guard.Fail("mfu", $"given: no MFU is published for {Id}", "nothing");
}

/// <summary>What an API price is counted in.</summary>
public enum PriceUnit
{
    /// <summary>Tokens.</summary>
    Tokens,
    /// <summary>Words.</summary>
    Words,
}

/// <summary>
/// A published API price: <c>usd</c> per <c>per</c> tokens or words for every token (the 2022 price lists), or separate prices
/// per million input, cached-input and output tokens (every list since March 2023). <see cref="Price"/> is the input price where
/// the two differ; <see cref="OutputPrice"/> is null where one price covers every token.
/// </summary>
public sealed record ApiPrice(
    string Id, string Provider, string Model, int Year, Money Price, double Per, PriceUnit Unit, string AppliesTo,
    string Source, string Date) : ICatalogEntry
{
    /// <summary>The price of <see cref="Per"/> output tokens where it differs from the input's, or null.</summary>
    public Money? OutputPrice { get; init; }

    /// <summary>The price of <see cref="Per"/> input tokens read from the provider's prompt cache, or null where none is published.</summary>
    public Money? CachedInputPrice { get; init; }

    /// <inheritdoc/>
    public string Name => $"{Provider} {Model} ({Year})";

    /// <summary>
    /// The one price per token the article's search model charges; words convert at <paramref name="wordsPer1000Tokens"/> words per
    /// 1000 tokens. A price with separate input and output rates has no single one: an error names both.
    /// </summary>
    public Sourced<MoneyPerToken> PerToken(double wordsPer1000Tokens = 750)
    {
        if (OutputPrice is { } output)
        {
            throw Guard.Fail("apiPrice", "a price that is the same for every token (the search model charges one)",
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Id}: ${Guard.Show(Price.Usd)} per {PerText} input and ${Guard.Show(output.Usd)} per {PerText} output tokens"),
                "give a blended price with --price-per-1k-tokens");
        }

        return Unit == PriceUnit.Tokens
            ? PerTokenOf(Price, "usd/per")
            : new(MoneyPerToken.FromUsdPerToken(Price.Usd / Per * Guard.Positive(wordsPer1000Tokens, "wordsPer1000Tokens") / 1000),
                new Provenance(Id, "usd/per", Source, Date));
    }

    /// <summary>The price per input token, with its provenance.</summary>
    public Sourced<MoneyPerToken> InputPerToken => PerTokenOf(Price, OutputPrice is null ? "usd/per" : "usdPerMillionInput");

    /// <summary>The price per output token (the input's where one price covers both), with its provenance.</summary>
    public Sourced<MoneyPerToken> OutputPerToken => OutputPrice is { } o ? PerTokenOf(o, "usdPerMillionOutput") : PerTokenOf(Price, "usd/per");

    /// <summary>The price per cached input token, with its provenance, or null where none is published.</summary>
    public Sourced<MoneyPerToken>? CachedInputPerToken => CachedInputPrice is { } c ? PerTokenOf(c, "usdPerMillionCachedInput") : null;

    /// <summary><see cref="Per"/> as a price list writes it: 1M, else the number.</summary>
    private string PerText => Per == 1e6 ? "1M" : NumberFormat.Compact(Per);

    private Sourced<MoneyPerToken> PerTokenOf(Money price, string field) => Unit == PriceUnit.Tokens
        ? new(MoneyPerToken.FromUsdPerToken(price.Usd / Per), new Provenance(Id, field, Source, Date))
        : throw Guard.Fail("apiPrice", "a price per token (input and output prices are per token)", $"{Id}: a price per {PerText} words");
}

using System.Numerics;

namespace LlmEcon.Quantities;

/// <summary>
/// A size in bytes. Both bases exist and say so: <see cref="FromGigabytes"/> is 10^9 bytes,
/// <see cref="FromGibibytes"/> is 2^30 bytes.
/// </summary>
public readonly record struct ByteSize : IComparable<ByteSize>, IComparisonOperators<ByteSize, ByteSize, bool>
{
    /// <summary>Bytes in a gigabyte (decimal, 10^9).</summary>
    public const double BytesPerGigabyte = 1e9;

    /// <summary>Bytes in a gibibyte (binary, 2^30).</summary>
    public const double BytesPerGibibyte = 1073741824;

    private ByteSize(double bytes) => Bytes = bytes;

    /// <summary>The size in bytes.</summary>
    public double Bytes { get; }

    /// <summary>The size in gigabytes (10^9 bytes).</summary>
    public double Gigabytes => Bytes / BytesPerGigabyte;

    /// <summary>The size in gibibytes (2^30 bytes).</summary>
    public double Gibibytes => Bytes / BytesPerGibibyte;

    /// <summary>The size in terabytes (10^12 bytes).</summary>
    public double Terabytes => Bytes / 1e12;

    /// <summary>From bytes; rejects NaN, ∞ and negative values.</summary>
    public static ByteSize FromBytes(double bytes, string parameter = "bytes") => new(Guard.NonNegative(bytes, parameter));

    /// <summary>From gigabytes (decimal: 80 GB = 80 × 10^9 bytes).</summary>
    public static ByteSize FromGigabytes(double gigabytes, string parameter = "gigabytes") => new(Guard.NonNegative(gigabytes, parameter) * BytesPerGigabyte);

    /// <summary>From gibibytes (binary: 32 GiB = 32 × 2^30 bytes).</summary>
    public static ByteSize FromGibibytes(double gibibytes, string parameter = "gibibytes") => new(Guard.NonNegative(gibibytes, parameter) * BytesPerGibibyte);

    /// <summary>From terabytes (decimal, 10^12 bytes).</summary>
    public static ByteSize FromTerabytes(double terabytes, string parameter = "terabytes") => new(Guard.NonNegative(terabytes, parameter) * 1e12);

    /// <summary>Ratio of two sizes (dimensionless), e.g. state over one chip's memory.</summary>
    public static double operator /(ByteSize a, ByteSize b) => a.Bytes / b.Bytes;

    /// <summary>Sum of two sizes.</summary>
    public static ByteSize operator +(ByteSize a, ByteSize b) => new(a.Bytes + b.Bytes);

    /// <summary>Scales a size by a factor ≥ 0.</summary>
    public static ByteSize operator *(ByteSize a, double factor) => FromBytes(a.Bytes * factor, "factor");

    /// <inheritdoc/>
    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    /// <summary>Compares two sizes.</summary>
    public static bool operator <(ByteSize a, ByteSize b) => a.Bytes < b.Bytes;

    /// <summary>Compares two sizes.</summary>
    public static bool operator >(ByteSize a, ByteSize b) => a.Bytes > b.Bytes;

    /// <summary>Compares two sizes.</summary>
    public static bool operator <=(ByteSize a, ByteSize b) => a.Bytes <= b.Bytes;

    /// <summary>Compares two sizes.</summary>
    public static bool operator >=(ByteSize a, ByteSize b) => a.Bytes >= b.Bytes;

    /// <summary>Decimal units: <c>6.8 GB</c>, <c>3.5 TB</c>.</summary>
    public override string ToString() =>
        Bytes >= 1e12 ? NumberFormat.Compact(Terabytes) + " TB"
        : Bytes >= 1e9 ? NumberFormat.Compact(Gigabytes) + " GB"
        : NumberFormat.Compact(Bytes) + " B";
}

/// <summary>A power in watts. <c>Power × Duration → Energy</c>.</summary>
public readonly record struct Power : IComparable<Power>, IComparisonOperators<Power, Power, bool>
{
    private Power(double watts) => Watts = watts;

    /// <summary>The power in watts (W).</summary>
    public double Watts { get; }

    /// <summary>The power in kilowatts (kW).</summary>
    public double Kilowatts => Watts / 1e3;

    /// <summary>From watts; rejects NaN, ∞ and negative values.</summary>
    public static Power FromWatts(double watts, string parameter = "watts") => new(Guard.NonNegative(watts, parameter));

    /// <summary>From kilowatts.</summary>
    public static Power FromKilowatts(double kilowatts, string parameter = "kilowatts") => new(Guard.NonNegative(kilowatts, parameter) * 1e3);

    /// <summary>Energy drawn over <paramref name="time"/>: E = P × t.</summary>
    public static Energy operator *(Power power, Duration time) => Energy.FromJoules(power.Watts * time.Seconds);

    /// <summary>Scales a power by a factor ≥ 0 (chips, PUE).</summary>
    public static Power operator *(Power power, double factor) => FromWatts(power.Watts * factor, "factor");

    /// <inheritdoc/>
    public int CompareTo(Power other) => Watts.CompareTo(other.Watts);

    /// <summary>Compares two powers.</summary>
    public static bool operator <(Power a, Power b) => a.Watts < b.Watts;

    /// <summary>Compares two powers.</summary>
    public static bool operator >(Power a, Power b) => a.Watts > b.Watts;

    /// <summary>Compares two powers.</summary>
    public static bool operator <=(Power a, Power b) => a.Watts <= b.Watts;

    /// <summary>Compares two powers.</summary>
    public static bool operator >=(Power a, Power b) => a.Watts >= b.Watts;

    /// <summary>e.g. <c>700 W</c>.</summary>
    public override string ToString() => NumberFormat.Compact(Watts) + " W";
}

/// <summary>An amount of energy in joules, read out in kWh and MWh. <c>Energy × ElectricityPrice → Money</c>.</summary>
public readonly record struct Energy : IComparable<Energy>, IComparisonOperators<Energy, Energy, bool>
{
    /// <summary>Joules in one kilowatt-hour (3.6 × 10^6 J).</summary>
    public const double JoulesPerKilowattHour = 3.6e6;

    private Energy(double joules) => Joules = joules;

    /// <summary>The energy in joules.</summary>
    public double Joules { get; }

    /// <summary>The energy in kilowatt-hours.</summary>
    public double KilowattHours => Joules / JoulesPerKilowattHour;

    /// <summary>The energy in megawatt-hours.</summary>
    public double MegawattHours => KilowattHours / 1e3;

    /// <summary>From joules; rejects NaN, ∞ and negative values.</summary>
    public static Energy FromJoules(double joules, string parameter = "joules") => new(Guard.NonNegative(joules, parameter));

    /// <summary>From kilowatt-hours.</summary>
    public static Energy FromKilowattHours(double kilowattHours, string parameter = "kilowattHours") =>
        new(Guard.NonNegative(kilowattHours, parameter) * JoulesPerKilowattHour);

    /// <summary>From megawatt-hours (1287 MWh = 1.287 × 10^6 kWh).</summary>
    public static Energy FromMegawattHours(double megawattHours, string parameter = "megawattHours") =>
        new(Guard.NonNegative(megawattHours, parameter) * 1e3 * JoulesPerKilowattHour);

    /// <summary>Cost of this energy at <paramref name="price"/>: E × $/kWh.</summary>
    public static Money operator *(Energy energy, ElectricityPrice price) => Money.FromUsd(energy.KilowattHours * price.UsdPerKilowattHour);

    /// <summary>Scales energy by a factor ≥ 0 (e.g. PUE).</summary>
    public static Energy operator *(Energy energy, double factor) => FromJoules(energy.Joules * factor, "factor");

    /// <summary>Divides energy by a factor &gt; 0 (e.g. an efficiency gain).</summary>
    public static Energy operator /(Energy energy, double divisor) => FromJoules(energy.Joules / Guard.Positive(divisor, "divisor"));

    /// <inheritdoc/>
    public int CompareTo(Energy other) => Joules.CompareTo(other.Joules);

    /// <summary>Compares two amounts.</summary>
    public static bool operator <(Energy a, Energy b) => a.Joules < b.Joules;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >(Energy a, Energy b) => a.Joules > b.Joules;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <=(Energy a, Energy b) => a.Joules <= b.Joules;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >=(Energy a, Energy b) => a.Joules >= b.Joules;

    /// <summary>e.g. <c>1287 MWh</c> from 1 MWh up, else kWh.</summary>
    public override string ToString() =>
        MegawattHours >= 1 ? NumberFormat.Compact(MegawattHours) + " MWh" : NumberFormat.Compact(KilowattHours) + " kWh";
}

/// <summary>An electricity price in USD per kilowatt-hour.</summary>
public readonly record struct ElectricityPrice : IComparable<ElectricityPrice>, IComparisonOperators<ElectricityPrice, ElectricityPrice, bool>
{
    private ElectricityPrice(double usdPerKilowattHour) => UsdPerKilowattHour = usdPerKilowattHour;

    /// <summary>USD per kWh.</summary>
    public double UsdPerKilowattHour { get; }

    /// <summary>From USD per kWh; rejects NaN, ∞ and negative values.</summary>
    public static ElectricityPrice FromUsdPerKilowattHour(double usdPerKilowattHour, string parameter = "usdPerKilowattHour") =>
        new(Guard.NonNegative(usdPerKilowattHour, parameter));

    /// <inheritdoc/>
    public int CompareTo(ElectricityPrice other) => UsdPerKilowattHour.CompareTo(other.UsdPerKilowattHour);

    /// <summary>Compares two prices.</summary>
    public static bool operator <(ElectricityPrice a, ElectricityPrice b) => a.UsdPerKilowattHour < b.UsdPerKilowattHour;

    /// <summary>Compares two prices.</summary>
    public static bool operator >(ElectricityPrice a, ElectricityPrice b) => a.UsdPerKilowattHour > b.UsdPerKilowattHour;

    /// <summary>Compares two prices.</summary>
    public static bool operator <=(ElectricityPrice a, ElectricityPrice b) => a.UsdPerKilowattHour <= b.UsdPerKilowattHour;

    /// <summary>Compares two prices.</summary>
    public static bool operator >=(ElectricityPrice a, ElectricityPrice b) => a.UsdPerKilowattHour >= b.UsdPerKilowattHour;

    /// <summary>e.g. <c>$0.09/kWh</c>.</summary>
    public override string ToString() => NumberFormat.Usd(UsdPerKilowattHour) + "/kWh";
}

/// <summary>
/// A dimensionless ratio held as a fraction (0.213, not 21.3): utilization, cache hit rate, gross margin,
/// growth rate, reduction. Any finite value; each use checks its own range through <see cref="Guard"/>.
/// </summary>
public readonly record struct Ratio : IComparable<Ratio>, IComparisonOperators<Ratio, Ratio, bool>
{
    private Ratio(double fraction) => Fraction = fraction;

    /// <summary>The ratio as a fraction (1 = 100%).</summary>
    public double Fraction { get; }

    /// <summary>The ratio in percent.</summary>
    public double Percent => Fraction * 100;

    /// <summary>From a fraction; rejects NaN and ∞.</summary>
    public static Ratio FromFraction(double fraction, string parameter = "fraction") => new(Guard.Finite(fraction, parameter));

    /// <summary>From percent (21.3 → 0.213).</summary>
    public static Ratio FromPercent(double percent, string parameter = "percent") => new(Guard.Finite(percent, parameter) / 100);

    /// <summary>A utilization such as MFU, checked to lie in (0, 1].</summary>
    public static Ratio Utilization(double fraction, string parameter = "mfu") => new(Guard.Utilization(fraction, parameter));

    /// <summary>The complement, 1 − r (e.g. the share a cache does not serve).</summary>
    public Ratio Complement => new(1 - Fraction);

    /// <summary>Product of two ratios.</summary>
    public static Ratio operator *(Ratio a, Ratio b) => new(a.Fraction * b.Fraction);

    /// <summary>Quotient of two ratios (e.g. PaLM's MFU over GPT-3's: ×2.2).</summary>
    public static Ratio operator /(Ratio a, Ratio b) => FromFraction(a.Fraction / b.Fraction, "ratio");

    /// <inheritdoc/>
    public int CompareTo(Ratio other) => Fraction.CompareTo(other.Fraction);

    /// <summary>Compares two ratios.</summary>
    public static bool operator <(Ratio a, Ratio b) => a.Fraction < b.Fraction;

    /// <summary>Compares two ratios.</summary>
    public static bool operator >(Ratio a, Ratio b) => a.Fraction > b.Fraction;

    /// <summary>Compares two ratios.</summary>
    public static bool operator <=(Ratio a, Ratio b) => a.Fraction <= b.Fraction;

    /// <summary>Compares two ratios.</summary>
    public static bool operator >=(Ratio a, Ratio b) => a.Fraction >= b.Fraction;

    /// <summary>e.g. <c>21.3%</c>.</summary>
    public override string ToString() => NumberFormat.Percent(Fraction, 2);
}

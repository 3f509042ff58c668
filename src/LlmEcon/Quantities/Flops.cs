using System.Numerics;

namespace LlmEcon.Quantities;

/// <summary>
/// An amount of work in floating-point operations (FLOP): a count, not a rate.
/// <c>FlopCount / FlopRate → Duration</c>; "FLOPs vs FLOP/s" cannot be confused.
/// </summary>
public readonly record struct FlopCount : IComparable<FlopCount>, IComparisonOperators<FlopCount, FlopCount, bool>
{
    private FlopCount(double flop) => Flop = flop;

    /// <summary>The amount in FLOP.</summary>
    public double Flop { get; }

    /// <summary>From FLOP; rejects NaN, ∞ and negative values.</summary>
    public static FlopCount FromFlop(double flop, string parameter = "flop") => new(Guard.NonNegative(flop, parameter));

    /// <summary>Time to do this work at <paramref name="rate"/>: t = C / R.</summary>
    public static Duration operator /(FlopCount work, FlopRate rate) =>
        Duration.FromSeconds(work.Flop / Guard.Positive(rate.FlopPerSecond, "rate"));

    /// <summary>Rate that does this work in <paramref name="time"/>: R = C / t.</summary>
    public static FlopRate operator /(FlopCount work, Duration time) =>
        FlopRate.FromFlopPerSecond(work.Flop / Guard.Positive(time.Seconds, "time"));

    /// <summary>Ratio of two amounts of work (dimensionless).</summary>
    public static double operator /(FlopCount a, FlopCount b) => a.Flop / b.Flop;

    /// <summary>Sum of two amounts of work.</summary>
    public static FlopCount operator +(FlopCount a, FlopCount b) => new(a.Flop + b.Flop);

    /// <summary>Scales by a non-negative factor.</summary>
    public static FlopCount operator *(FlopCount a, double factor) => FromFlop(a.Flop * factor, "factor");

    /// <inheritdoc/>
    public int CompareTo(FlopCount other) => Flop.CompareTo(other.Flop);

    /// <summary>Compares two amounts.</summary>
    public static bool operator <(FlopCount a, FlopCount b) => a.Flop < b.Flop;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >(FlopCount a, FlopCount b) => a.Flop > b.Flop;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <=(FlopCount a, FlopCount b) => a.Flop <= b.Flop;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >=(FlopCount a, FlopCount b) => a.Flop >= b.Flop;

    /// <summary>e.g. <c>315e21 FLOP</c>.</summary>
    public override string ToString() => NumberFormat.Compact(Flop) + " FLOP";
}

/// <summary>A throughput in floating-point operations per second (FLOP/s): a rate, not a count.</summary>
public readonly record struct FlopRate : IComparable<FlopRate>, IComparisonOperators<FlopRate, FlopRate, bool>
{
    private FlopRate(double flopPerSecond) => FlopPerSecond = flopPerSecond;

    /// <summary>The rate in FLOP/s.</summary>
    public double FlopPerSecond { get; }

    /// <summary>The rate in TFLOP/s (10^12 FLOP/s).</summary>
    public double TeraflopPerSecond => FlopPerSecond / 1e12;

    /// <summary>From FLOP/s; rejects NaN, ∞ and negative values.</summary>
    public static FlopRate FromFlopPerSecond(double flopPerSecond, string parameter = "flopPerSecond") =>
        new(Guard.NonNegative(flopPerSecond, parameter));

    /// <summary>From TFLOP/s (312 → 312e12 FLOP/s).</summary>
    public static FlopRate FromTeraflopPerSecond(double teraflopPerSecond, string parameter = "teraflopPerSecond") =>
        FromFlopPerSecond(teraflopPerSecond * 1e12, parameter);

    /// <summary>Work done in <paramref name="time"/>: C = R × t.</summary>
    public static FlopCount operator *(FlopRate rate, Duration time) => FlopCount.FromFlop(rate.FlopPerSecond * time.Seconds);

    /// <summary>Scales a rate by a dimensionless factor ≥ 0 (chips, utilization).</summary>
    public static FlopRate operator *(FlopRate rate, double factor) => FromFlopPerSecond(rate.FlopPerSecond * factor, "factor");

    /// <summary>Realised rate at a utilization: R × MFU.</summary>
    public static FlopRate operator *(FlopRate rate, Ratio utilization) => rate * utilization.Fraction;

    /// <summary>Ratio of two rates (dimensionless), e.g. realised over peak = MFU.</summary>
    public static double operator /(FlopRate a, FlopRate b) => a.FlopPerSecond / b.FlopPerSecond;

    /// <inheritdoc/>
    public int CompareTo(FlopRate other) => FlopPerSecond.CompareTo(other.FlopPerSecond);

    /// <summary>Compares two rates.</summary>
    public static bool operator <(FlopRate a, FlopRate b) => a.FlopPerSecond < b.FlopPerSecond;

    /// <summary>Compares two rates.</summary>
    public static bool operator >(FlopRate a, FlopRate b) => a.FlopPerSecond > b.FlopPerSecond;

    /// <summary>Compares two rates.</summary>
    public static bool operator <=(FlopRate a, FlopRate b) => a.FlopPerSecond <= b.FlopPerSecond;

    /// <summary>Compares two rates.</summary>
    public static bool operator >=(FlopRate a, FlopRate b) => a.FlopPerSecond >= b.FlopPerSecond;

    /// <summary>e.g. <c>312e12 FLOP/s</c>.</summary>
    public override string ToString() => NumberFormat.Compact(FlopPerSecond) + " FLOP/s";
}

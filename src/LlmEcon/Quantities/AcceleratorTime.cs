using System.Numerics;

namespace LlmEcon.Quantities;

/// <summary>
/// Accelerator time: chips × wall-clock time, in chip-hours, ≥ 0 (eq. 9's pivot). 1,024 chips for 34 days and 8,192 chips for
/// 4.25 days are the same 835,584 chip-hours of work.
/// </summary>
public readonly record struct AcceleratorTime : IComparable<AcceleratorTime>, IComparisonOperators<AcceleratorTime, AcceleratorTime, bool>
{
    private AcceleratorTime(double chipHours) => ChipHours = chipHours;

    /// <summary>The time in chip-hours.</summary>
    public double ChipHours { get; }

    /// <summary>From chip-hours; rejects NaN, ∞ and negative values.</summary>
    public static AcceleratorTime FromChipHours(double chipHours, string parameter = "chipHours") => new(Guard.NonNegative(chipHours, parameter));

    /// <summary><paramref name="chips"/> chips (a count &gt; 0, not always whole when solved) for <paramref name="wallTime"/>.</summary>
    public static AcceleratorTime Of(double chips, Duration wallTime) => FromChipHours(Guard.Positive(chips, "chips") * wallTime.Hours);

    /// <summary>The wall-clock time this work takes on <paramref name="chips"/> chips at once.</summary>
    public static Duration operator /(AcceleratorTime time, double chips) => Duration.FromHours(time.ChipHours / Guard.Positive(chips, "chips"));

    /// <summary>The chips at once this work needs to finish in <paramref name="wallTime"/>.</summary>
    public static double operator /(AcceleratorTime time, Duration wallTime) => time.ChipHours / Guard.Positive(wallTime.Hours, "wallTime");

    /// <summary>What this time costs at <paramref name="pricePerChipHour"/>.</summary>
    public static Money operator *(AcceleratorTime time, MoneyRate pricePerChipHour) => Money.FromUsd(time.ChipHours * pricePerChipHour.UsdPerHour);

    /// <summary>The work done at <paramref name="ratePerChip"/> sustained per chip.</summary>
    public static FlopCount operator *(AcceleratorTime time, FlopRate ratePerChip) =>
        FlopCount.FromFlop(time.ChipHours * Duration.SecondsPerHour * ratePerChip.FlopPerSecond);

    /// <summary>Ratio of two times (dimensionless).</summary>
    public static double operator /(AcceleratorTime a, AcceleratorTime b) => a.ChipHours / b.ChipHours;

    /// <inheritdoc/>
    public int CompareTo(AcceleratorTime other) => ChipHours.CompareTo(other.ChipHours);

    /// <summary>Compares two times.</summary>
    public static bool operator <(AcceleratorTime a, AcceleratorTime b) => a.ChipHours < b.ChipHours;

    /// <summary>Compares two times.</summary>
    public static bool operator >(AcceleratorTime a, AcceleratorTime b) => a.ChipHours > b.ChipHours;

    /// <summary>Compares two times.</summary>
    public static bool operator <=(AcceleratorTime a, AcceleratorTime b) => a.ChipHours <= b.ChipHours;

    /// <summary>Compares two times.</summary>
    public static bool operator >=(AcceleratorTime a, AcceleratorTime b) => a.ChipHours >= b.ChipHours;

    /// <summary>e.g. <c>835584 chip-hours</c>.</summary>
    public override string ToString() => NumberFormat.Compact(ChipHours) + " chip-hours";
}

using System.Numerics;

namespace LlmEcon.Quantities;

/// <summary>
/// A span of time in seconds, ≥ 0. Not <see cref="TimeSpan"/>: training runs and projections need
/// fractions of a tick and spans beyond its range to be exact in <see cref="double"/>.
/// </summary>
public readonly record struct Duration : IComparable<Duration>, IComparisonOperators<Duration, Duration, bool>
{
    /// <summary>Seconds in one hour (3600 s/h), the article's conversion.</summary>
    public const double SecondsPerHour = 3600;

    /// <summary>Seconds in one day (86,400 s/day).</summary>
    public const double SecondsPerDay = 86_400;

    /// <summary>Days in one (Julian) year, 365.25.</summary>
    public const double DaysPerYear = 365.25;

    private Duration(double seconds) => Seconds = seconds;

    /// <summary>The span in seconds.</summary>
    public double Seconds { get; }

    /// <summary>The span in hours.</summary>
    public double Hours => Seconds / SecondsPerHour;

    /// <summary>The span in days.</summary>
    public double Days => Seconds / SecondsPerDay;

    /// <summary>The span in (Julian) years.</summary>
    public double Years => Days / DaysPerYear;

    /// <summary>From seconds; rejects NaN, ∞ and negative values.</summary>
    public static Duration FromSeconds(double seconds, string parameter = "seconds") => new(Guard.NonNegative(seconds, parameter));

    /// <summary>From hours.</summary>
    public static Duration FromHours(double hours, string parameter = "hours") => new(Guard.NonNegative(hours, parameter) * SecondsPerHour);

    /// <summary>From days.</summary>
    public static Duration FromDays(double days, string parameter = "days") => new(Guard.NonNegative(days, parameter) * SecondsPerDay);

    /// <summary>From (Julian) years.</summary>
    public static Duration FromYears(double years, string parameter = "years") => FromDays(Guard.NonNegative(years, parameter) * DaysPerYear, parameter);

    /// <summary>Ratio of two spans (dimensionless).</summary>
    public static double operator /(Duration a, Duration b) => a.Seconds / b.Seconds;

    /// <summary>Sum of two spans.</summary>
    public static Duration operator +(Duration a, Duration b) => new(a.Seconds + b.Seconds);

    /// <summary>Scales a span by a factor ≥ 0.</summary>
    public static Duration operator *(Duration a, double factor) => FromSeconds(a.Seconds * factor, "factor");

    /// <summary>Divides a span by a factor &gt; 0 (e.g. chip-time over chips = wall time).</summary>
    public static Duration operator /(Duration a, double divisor) => FromSeconds(a.Seconds / Guard.Positive(divisor, "divisor"));

    /// <inheritdoc/>
    public int CompareTo(Duration other) => Seconds.CompareTo(other.Seconds);

    /// <summary>Compares two spans.</summary>
    public static bool operator <(Duration a, Duration b) => a.Seconds < b.Seconds;

    /// <summary>Compares two spans.</summary>
    public static bool operator >(Duration a, Duration b) => a.Seconds > b.Seconds;

    /// <summary>Compares two spans.</summary>
    public static bool operator <=(Duration a, Duration b) => a.Seconds <= b.Seconds;

    /// <summary>Compares two spans.</summary>
    public static bool operator >=(Duration a, Duration b) => a.Seconds >= b.Seconds;

    /// <summary>e.g. <c>14.8 days</c> from a day up, else hours, else seconds.</summary>
    public override string ToString() =>
        Days >= 1 ? NumberFormat.Compact(Days) + " days"
        : Hours >= 1 ? NumberFormat.Compact(Hours) + " h"
        : NumberFormat.Compact(Seconds) + " s";
}

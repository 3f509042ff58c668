using System.Numerics;

namespace LlmEcon.Quantities;

/// <summary>An amount of money in US dollars. May be negative (a loss, a change in profit).</summary>
public readonly record struct Money : IComparable<Money>, IComparisonOperators<Money, Money, bool>
{
    private Money(double usd) => Usd = usd;

    /// <summary>The amount in USD.</summary>
    public double Usd { get; }

    /// <summary>From USD; rejects NaN and ∞.</summary>
    public static Money FromUsd(double usd, string parameter = "usd") => new(Guard.Finite(usd, parameter));

    /// <summary>Sum of two amounts.</summary>
    public static Money operator +(Money a, Money b) => new(a.Usd + b.Usd);

    /// <summary>Difference of two amounts.</summary>
    public static Money operator -(Money a, Money b) => new(a.Usd - b.Usd);

    /// <summary>Scales an amount by a finite factor.</summary>
    public static Money operator *(Money a, double factor) => FromUsd(a.Usd * factor, "factor");

    /// <summary>Scales an amount by a ratio (a share, a margin).</summary>
    public static Money operator *(Money a, Ratio ratio) => a * ratio.Fraction;

    /// <summary>Divides an amount by a finite, non-zero factor.</summary>
    public static Money operator /(Money a, double divisor) =>
        divisor == 0 ? throw Guard.Fail("divisor", "non-zero", "0") : FromUsd(a.Usd / divisor, "divisor");

    /// <summary>Ratio of two amounts (dimensionless), e.g. cost over revenue.</summary>
    public static Ratio operator /(Money a, Money b) => Ratio.FromFraction(a.Usd / b.Usd, "ratio");

    /// <summary>Price per token: amount over tokens.</summary>
    public static MoneyPerToken operator /(Money a, TokenCount tokens) =>
        MoneyPerToken.FromUsdPerToken(a.Usd / Guard.Positive(tokens.Count, "tokens"));

    /// <summary>Amount per query: total over a number of queries &gt; 0.</summary>
    public static MoneyPerQuery operator /(Money a, QueryCount queries) =>
        MoneyPerQuery.FromUsdPerQuery(a.Usd / Guard.Positive(queries.Count, "queries"));

    /// <summary>Price per FLOP: amount over work &gt; 0.</summary>
    public static MoneyPerFlop operator /(Money a, FlopCount work) => MoneyPerFlop.FromUsdPerFlop(a.Usd / Guard.Positive(work.Flop, "work"));

    /// <summary>Rate: amount over time.</summary>
    public static MoneyRate operator /(Money a, Duration time) =>
        MoneyRate.FromUsdPerHour(a.Usd / Guard.Positive(time.Hours, "time"));

    /// <inheritdoc/>
    public int CompareTo(Money other) => Usd.CompareTo(other.Usd);

    /// <summary>Compares two amounts.</summary>
    public static bool operator <(Money a, Money b) => a.Usd < b.Usd;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >(Money a, Money b) => a.Usd > b.Usd;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <=(Money a, Money b) => a.Usd <= b.Usd;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >=(Money a, Money b) => a.Usd >= b.Usd;

    /// <summary>e.g. <c>$1,398,072</c> or <c>$0.003515</c>.</summary>
    public override string ToString() => NumberFormat.Usd(Usd);
}

/// <summary>Money per unit of time, in USD per hour (a machine's or a chip's rental price).</summary>
public readonly record struct MoneyRate : IComparable<MoneyRate>, IComparisonOperators<MoneyRate, MoneyRate, bool>
{
    private MoneyRate(double usdPerHour) => UsdPerHour = usdPerHour;

    /// <summary>The rate in USD per hour.</summary>
    public double UsdPerHour { get; }

    /// <summary>The rate in USD per second (÷ 3600 s/h).</summary>
    public double UsdPerSecond => UsdPerHour / Duration.SecondsPerHour;

    /// <summary>From USD per hour; rejects NaN, ∞ and negative values.</summary>
    public static MoneyRate FromUsdPerHour(double usdPerHour, string parameter = "usdPerHour") =>
        new(Guard.NonNegative(usdPerHour, parameter));

    /// <summary>Cost of renting for <paramref name="time"/>: rate × time.</summary>
    public static Money operator *(MoneyRate rate, Duration time) => Money.FromUsd(rate.UsdPerHour * time.Hours);

    /// <summary>Scales a rate by a factor ≥ 0.</summary>
    public static MoneyRate operator *(MoneyRate rate, double factor) => FromUsdPerHour(rate.UsdPerHour * factor, "factor");

    /// <summary>Divides a rate by a factor &gt; 0 (a machine's price over its chips = price per chip-hour).</summary>
    public static MoneyRate operator /(MoneyRate rate, double divisor) => FromUsdPerHour(rate.UsdPerHour / Guard.Positive(divisor, "divisor"));

    /// <inheritdoc/>
    public int CompareTo(MoneyRate other) => UsdPerHour.CompareTo(other.UsdPerHour);

    /// <summary>Compares two rates.</summary>
    public static bool operator <(MoneyRate a, MoneyRate b) => a.UsdPerHour < b.UsdPerHour;

    /// <summary>Compares two rates.</summary>
    public static bool operator >(MoneyRate a, MoneyRate b) => a.UsdPerHour > b.UsdPerHour;

    /// <summary>Compares two rates.</summary>
    public static bool operator <=(MoneyRate a, MoneyRate b) => a.UsdPerHour <= b.UsdPerHour;

    /// <summary>Compares two rates.</summary>
    public static bool operator >=(MoneyRate a, MoneyRate b) => a.UsdPerHour >= b.UsdPerHour;

    /// <summary>e.g. <c>$19.22/h</c>.</summary>
    public override string ToString() => NumberFormat.Usd(UsdPerHour) + "/h";
}

/// <summary>A price or cost per token, in USD per token; read out per 1000 or per million tokens.</summary>
public readonly record struct MoneyPerToken : IComparable<MoneyPerToken>, IComparisonOperators<MoneyPerToken, MoneyPerToken, bool>
{
    private MoneyPerToken(double usdPerToken) => UsdPerToken = usdPerToken;

    /// <summary>USD per token.</summary>
    public double UsdPerToken { get; }

    /// <summary>USD per 1000 tokens (the article's unit).</summary>
    public double UsdPer1kTokens => UsdPerToken * 1e3;

    /// <summary>USD per million tokens (today's price lists' unit).</summary>
    public double UsdPer1MTokens => UsdPerToken * 1e6;

    /// <summary>From USD per token; rejects NaN, ∞ and negative values.</summary>
    public static MoneyPerToken FromUsdPerToken(double usdPerToken, string parameter = "usdPerToken") =>
        new(Guard.NonNegative(usdPerToken, parameter));

    /// <summary>From USD per 1000 tokens.</summary>
    public static MoneyPerToken FromUsdPer1kTokens(double usdPer1kTokens, string parameter = "usdPer1kTokens") =>
        new(Guard.NonNegative(usdPer1kTokens, parameter) / 1e3);

    /// <summary>From USD per million tokens.</summary>
    public static MoneyPerToken FromUsdPer1MTokens(double usdPer1MTokens, string parameter = "usdPer1MTokens") =>
        new(Guard.NonNegative(usdPer1MTokens, parameter) / 1e6);

    /// <summary>Amount for <paramref name="tokens"/> tokens: price × tokens.</summary>
    public static Money operator *(MoneyPerToken price, TokenCount tokens) => Money.FromUsd(price.UsdPerToken * tokens.Count);

    /// <summary>Scales a price by a factor ≥ 0.</summary>
    public static MoneyPerToken operator *(MoneyPerToken price, double factor) => FromUsdPerToken(price.UsdPerToken * factor, "factor");

    /// <summary>Ratio of two prices (dimensionless), e.g. cost over price.</summary>
    public static Ratio operator /(MoneyPerToken a, MoneyPerToken b) => Ratio.FromFraction(a.UsdPerToken / b.UsdPerToken, "ratio");

    /// <inheritdoc/>
    public int CompareTo(MoneyPerToken other) => UsdPerToken.CompareTo(other.UsdPerToken);

    /// <summary>Compares two prices.</summary>
    public static bool operator <(MoneyPerToken a, MoneyPerToken b) => a.UsdPerToken < b.UsdPerToken;

    /// <summary>Compares two prices.</summary>
    public static bool operator >(MoneyPerToken a, MoneyPerToken b) => a.UsdPerToken > b.UsdPerToken;

    /// <summary>Compares two prices.</summary>
    public static bool operator <=(MoneyPerToken a, MoneyPerToken b) => a.UsdPerToken <= b.UsdPerToken;

    /// <summary>Compares two prices.</summary>
    public static bool operator >=(MoneyPerToken a, MoneyPerToken b) => a.UsdPerToken >= b.UsdPerToken;

    /// <summary>e.g. <c>$0.003515/1K tokens</c>.</summary>
    public override string ToString() => NumberFormat.Usd(UsdPer1kTokens) + "/1K tokens";
}

/// <summary>Money per search query, in USD per query (revenue or cost of one query).</summary>
public readonly record struct MoneyPerQuery : IComparable<MoneyPerQuery>, IComparisonOperators<MoneyPerQuery, MoneyPerQuery, bool>
{
    private MoneyPerQuery(double usdPerQuery) => UsdPerQuery = usdPerQuery;

    /// <summary>USD per query.</summary>
    public double UsdPerQuery { get; }

    /// <summary>From USD per query; rejects NaN, ∞ and negative values.</summary>
    public static MoneyPerQuery FromUsdPerQuery(double usdPerQuery, string parameter = "usdPerQuery") =>
        new(Guard.NonNegative(usdPerQuery, parameter));

    /// <summary>Total over <paramref name="queries"/>.</summary>
    public static Money operator *(MoneyPerQuery price, QueryCount queries) => Money.FromUsd(price.UsdPerQuery * queries.Count);

    /// <summary>Scales by a factor ≥ 0 (a share kept after caching, after a margin).</summary>
    public static MoneyPerQuery operator *(MoneyPerQuery a, double factor) => FromUsdPerQuery(a.UsdPerQuery * factor, "factor");

    /// <summary>Ratio of two amounts per query (dimensionless): cost as a share of revenue.</summary>
    public static Ratio operator /(MoneyPerQuery a, MoneyPerQuery b) => Ratio.FromFraction(a.UsdPerQuery / b.UsdPerQuery, "ratio");

    /// <inheritdoc/>
    public int CompareTo(MoneyPerQuery other) => UsdPerQuery.CompareTo(other.UsdPerQuery);

    /// <summary>Compares two amounts.</summary>
    public static bool operator <(MoneyPerQuery a, MoneyPerQuery b) => a.UsdPerQuery < b.UsdPerQuery;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >(MoneyPerQuery a, MoneyPerQuery b) => a.UsdPerQuery > b.UsdPerQuery;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <=(MoneyPerQuery a, MoneyPerQuery b) => a.UsdPerQuery <= b.UsdPerQuery;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >=(MoneyPerQuery a, MoneyPerQuery b) => a.UsdPerQuery >= b.UsdPerQuery;

    /// <summary>e.g. <c>$0.06557/query</c>.</summary>
    public override string ToString() => NumberFormat.Usd(UsdPerQuery) + "/query";
}

/// <summary>Money per floating-point operation, in USD per FLOP: what a unit of compute costs (eq. 11's cost per FLOP).</summary>
public readonly record struct MoneyPerFlop : IComparable<MoneyPerFlop>, IComparisonOperators<MoneyPerFlop, MoneyPerFlop, bool>
{
    private MoneyPerFlop(double usdPerFlop) => UsdPerFlop = usdPerFlop;

    /// <summary>USD per FLOP.</summary>
    public double UsdPerFlop { get; }

    /// <summary>From USD per FLOP; rejects NaN, ∞ and negative values.</summary>
    public static MoneyPerFlop FromUsdPerFlop(double usdPerFlop, string parameter = "usdPerFlop") => new(Guard.NonNegative(usdPerFlop, parameter));

    /// <summary>A chip rented at <paramref name="pricePerChipHour"/> delivering <paramref name="rate"/>: price per hour ÷ (FLOP/s × 3600 s/h).</summary>
    public static MoneyPerFlop Of(MoneyRate pricePerChipHour, FlopRate rate) =>
        FromUsdPerFlop(pricePerChipHour.UsdPerHour / (Guard.Positive(rate.FlopPerSecond, "rate") * Duration.SecondsPerHour));

    /// <summary>What <paramref name="work"/> costs at this price.</summary>
    public static Money operator *(MoneyPerFlop price, FlopCount work) => Money.FromUsd(price.UsdPerFlop * work.Flop);

    /// <summary>Scales a price by a non-negative factor (a utilization's inverse, a decline).</summary>
    public static MoneyPerFlop operator *(MoneyPerFlop price, double factor) => FromUsdPerFlop(price.UsdPerFlop * factor, "factor");

    /// <summary>Ratio of two prices (dimensionless).</summary>
    public static double operator /(MoneyPerFlop a, MoneyPerFlop b) => a.UsdPerFlop / b.UsdPerFlop;

    /// <inheritdoc/>
    public int CompareTo(MoneyPerFlop other) => UsdPerFlop.CompareTo(other.UsdPerFlop);

    /// <summary>Compares two prices.</summary>
    public static bool operator <(MoneyPerFlop a, MoneyPerFlop b) => a.UsdPerFlop < b.UsdPerFlop;

    /// <summary>Compares two prices.</summary>
    public static bool operator >(MoneyPerFlop a, MoneyPerFlop b) => a.UsdPerFlop > b.UsdPerFlop;

    /// <summary>Compares two prices.</summary>
    public static bool operator <=(MoneyPerFlop a, MoneyPerFlop b) => a.UsdPerFlop <= b.UsdPerFlop;

    /// <summary>Compares two prices.</summary>
    public static bool operator >=(MoneyPerFlop a, MoneyPerFlop b) => a.UsdPerFlop >= b.UsdPerFlop;

    /// <summary>e.g. <c>$3.6e-18/FLOP</c>.</summary>
    public override string ToString() => "$" + NumberFormat.Compact(UsdPerFlop) + "/FLOP";
}

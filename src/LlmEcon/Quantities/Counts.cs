using System.Numerics;

namespace LlmEcon.Quantities;

/// <summary>The number of parameters N of a model (weights), a count ≥ 0.</summary>
public readonly record struct ParameterCount : IComparable<ParameterCount>, IComparisonOperators<ParameterCount, ParameterCount, bool>
{
    private ParameterCount(double count) => Count = count;

    /// <summary>The count of parameters.</summary>
    public double Count { get; }

    /// <summary>The count in billions (10^9).</summary>
    public double Billions => Count / 1e9;

    /// <summary>From a plain count; rejects NaN, ∞ and negative values.</summary>
    public static ParameterCount FromCount(double count, string parameter = "parameters") => new(Guard.NonNegative(count, parameter));

    /// <summary>From billions of parameters (175 → 175e9).</summary>
    public static ParameterCount FromBillions(double billions, string parameter = "parameters") => FromCount(billions * 1e9, parameter);

    /// <inheritdoc/>
    public int CompareTo(ParameterCount other) => Count.CompareTo(other.Count);

    /// <summary>Compares two counts.</summary>
    public static bool operator <(ParameterCount a, ParameterCount b) => a.Count < b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator >(ParameterCount a, ParameterCount b) => a.Count > b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator <=(ParameterCount a, ParameterCount b) => a.Count <= b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator >=(ParameterCount a, ParameterCount b) => a.Count >= b.Count;

    /// <summary>Ratio of two parameter counts (dimensionless).</summary>
    public static double operator /(ParameterCount a, ParameterCount b) => a.Count / b.Count;

    /// <summary>e.g. <c>175e9 parameters</c>.</summary>
    public override string ToString() => NumberFormat.Compact(Count) + " parameters";
}

/// <summary>A number of tokens, a count ≥ 0.</summary>
public readonly record struct TokenCount : IComparable<TokenCount>, IComparisonOperators<TokenCount, TokenCount, bool>
{
    private TokenCount(double count) => Count = count;

    /// <summary>The count of tokens.</summary>
    public double Count { get; }

    /// <summary>From a plain count; rejects NaN, ∞ and negative values.</summary>
    public static TokenCount FromCount(double count, string parameter = "tokens") => new(Guard.NonNegative(count, parameter));

    /// <summary>The tokens these words make at <paramref name="wordsPer1000Tokens"/> words per 1000 tokens (the article: 750).</summary>
    public static TokenCount FromWords(WordCount words, double wordsPer1000Tokens, string parameter = "wordsPer1000Tokens") =>
        FromCount(words.Count * 1000 / Guard.Positive(wordsPer1000Tokens, parameter));

    /// <inheritdoc/>
    public int CompareTo(TokenCount other) => Count.CompareTo(other.Count);

    /// <summary>Sum of two token counts.</summary>
    public static TokenCount operator +(TokenCount a, TokenCount b) => new(a.Count + b.Count);

    /// <summary>Scales a count by a non-negative factor.</summary>
    public static TokenCount operator *(TokenCount a, double factor) => FromCount(a.Count * factor, "factor");

    /// <summary>Ratio of two token counts (dimensionless).</summary>
    public static double operator /(TokenCount a, TokenCount b) => a.Count / b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator <(TokenCount a, TokenCount b) => a.Count < b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator >(TokenCount a, TokenCount b) => a.Count > b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator <=(TokenCount a, TokenCount b) => a.Count <= b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator >=(TokenCount a, TokenCount b) => a.Count >= b.Count;

    /// <summary>e.g. <c>300e9 tokens</c>.</summary>
    public override string ToString() => NumberFormat.Compact(Count) + " tokens";
}

/// <summary>A number of words (of text people read and write), a count ≥ 0.</summary>
public readonly record struct WordCount : IComparable<WordCount>, IComparisonOperators<WordCount, WordCount, bool>
{
    private WordCount(double count) => Count = count;

    /// <summary>The count of words.</summary>
    public double Count { get; }

    /// <summary>From a plain count; rejects NaN, ∞ and negative values.</summary>
    public static WordCount FromCount(double count, string parameter = "words") => new(Guard.NonNegative(count, parameter));

    /// <inheritdoc/>
    public int CompareTo(WordCount other) => Count.CompareTo(other.Count);

    /// <summary>Sum of two word counts.</summary>
    public static WordCount operator +(WordCount a, WordCount b) => new(a.Count + b.Count);

    /// <summary>Scales a count by a non-negative factor (e.g. words per response × responses).</summary>
    public static WordCount operator *(WordCount a, double factor) => FromCount(a.Count * factor, "factor");

    /// <summary>Compares two counts.</summary>
    public static bool operator <(WordCount a, WordCount b) => a.Count < b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator >(WordCount a, WordCount b) => a.Count > b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator <=(WordCount a, WordCount b) => a.Count <= b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator >=(WordCount a, WordCount b) => a.Count >= b.Count;

    /// <summary>e.g. <c>2050 words</c>.</summary>
    public override string ToString() => NumberFormat.Compact(Count) + " words";
}

/// <summary>A number of search queries (or requests), a count ≥ 0: a year's searches, the queries a cost is spread over.</summary>
public readonly record struct QueryCount : IComparable<QueryCount>, IComparisonOperators<QueryCount, QueryCount, bool>
{
    private QueryCount(double count) => Count = count;

    /// <summary>The count of queries.</summary>
    public double Count { get; }

    /// <summary>From a plain count; rejects NaN, ∞ and negative values.</summary>
    public static QueryCount FromCount(double count, string parameter = "queries") => new(Guard.NonNegative(count, parameter));

    /// <inheritdoc/>
    public int CompareTo(QueryCount other) => Count.CompareTo(other.Count);

    /// <summary>Scales a count by a non-negative factor (e.g. monthly searches × 12, × a penetration ratio).</summary>
    public static QueryCount operator *(QueryCount a, double factor) => FromCount(a.Count * factor, "factor");

    /// <summary>Ratio of two query counts (dimensionless).</summary>
    public static double operator /(QueryCount a, QueryCount b) => a.Count / b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator <(QueryCount a, QueryCount b) => a.Count < b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator >(QueryCount a, QueryCount b) => a.Count > b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator <=(QueryCount a, QueryCount b) => a.Count <= b.Count;

    /// <summary>Compares two counts.</summary>
    public static bool operator >=(QueryCount a, QueryCount b) => a.Count >= b.Count;

    /// <summary>e.g. <c>2.1e12 queries</c>.</summary>
    public override string ToString() => NumberFormat.Compact(Count) + " queries";
}

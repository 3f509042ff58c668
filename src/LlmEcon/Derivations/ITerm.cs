using System.Numerics;

namespace LlmEcon.Derivations;

/// <summary>
/// The arithmetic an equation is written in once, then run in two ways: over <see cref="Expr"/> for a derivation (its formula, its
/// substituted line and its inputs with their sources) and over <see cref="Num"/> for speed (bare doubles, nothing allocated). The
/// serving model's equations are generic over this, so the number a search ranks by and the number <c>--explain</c> derives come from
/// the same written expression. Over <see cref="Lanes"/> the same expression runs on four samples per instruction.
/// </summary>
/// <typeparam name="T">The term type: <see cref="Expr"/>, <see cref="Num"/> or <see cref="Lanes"/>.</typeparam>
public interface ITerm<T> : IAdditionOperators<T, T, T>, ISubtractionOperators<T, T, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T>
    where T : ITerm<T>
{
    /// <summary>The term's value.</summary>
    double Value { get; }

    /// <summary>True when terms keep their symbols and sources (worth building a <see cref="Provenance"/> for).</summary>
    static abstract bool Traced { get; }

    /// <summary>A named input: symbol, meaning, value, how it is shown when substituted, and its source.</summary>
    static abstract T Named(string symbol, string meaning, double value, Func<double, string> shown, Provenance? from);

    /// <summary>A constant shown as <paramref name="text"/>.</summary>
    static abstract T Const(double value, string text);

    /// <summary>The larger of two terms, written <c>max(a, b)</c>.</summary>
    static abstract T Max(T a, T b);

    /// <summary>The smaller of two terms, written <c>min(a, b)</c>.</summary>
    static abstract T Min(T a, T b);

    /// <summary>b^e.</summary>
    static abstract T Power(T b, T e);
}

/// <summary>A bare number as an <see cref="ITerm{T}"/>: the fast way to run an equation written over terms.</summary>
/// <param name="Value">The value.</param>
public readonly record struct Num(double Value) : ITerm<Num>
{
    /// <inheritdoc/>
    public static bool Traced => false;

    /// <inheritdoc/>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Num Named(string symbol, string meaning, double value, Func<double, string> shown, Provenance? from) => new(value);

    /// <inheritdoc/>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Num Const(double value, string text) => new(value);

    /// <inheritdoc/>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Num Max(Num a, Num b) => new(Math.Max(a.Value, b.Value));

    /// <inheritdoc/>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Num Min(Num a, Num b) => new(Math.Min(a.Value, b.Value));

    /// <inheritdoc/>
    public static Num Power(Num b, Num e) => new(Math.Pow(b.Value, e.Value));

    /// <summary>a + b.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Num operator +(Num left, Num right) => new(left.Value + right.Value);

    /// <summary>a − b.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Num operator -(Num left, Num right) => new(left.Value - right.Value);

    /// <summary>a × b.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Num operator *(Num left, Num right) => new(left.Value * right.Value);

    /// <summary>a / b.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static Num operator /(Num left, Num right) => new(left.Value / right.Value);

    /// <summary>Named alternates for languages without operators.</summary>
    public static Num Add(Num left, Num right) => left + right;

    /// <summary>a − b.</summary>
    public static Num Subtract(Num left, Num right) => left - right;

    /// <summary>a × b.</summary>
    public static Num Multiply(Num left, Num right) => left * right;

    /// <summary>a / b.</summary>
    public static Num Divide(Num left, Num right) => left / right;
}

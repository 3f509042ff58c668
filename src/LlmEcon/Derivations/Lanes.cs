using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LlmEcon.Derivations;

/// <summary>
/// Four values of a term at once, one per lane of a 256-bit vector: an equation written over <see cref="ITerm{T}"/> evaluated for four
/// samples per instruction (a Monte Carlo's or a sweep's block). Each lane is computed exactly as <see cref="Num"/> computes it: IEEE
/// addition, subtraction, multiplication and division lane by lane, no fused multiply-add, so a lane's value is the scalar value bit for bit.
/// </summary>
/// <param name="Vector">The four values.</param>
public readonly record struct Lanes(Vector256<double> Vector) : ITerm<Lanes>
{
    /// <summary>The first lane's value (a four-lane term is read through <see cref="Vector"/>).</summary>
    public double Value => Vector.ToScalar();

    /// <inheritdoc/>
    public static bool Traced => false;

    /// <summary>The same value in every lane (an input the samples share).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes Named(string symbol, string meaning, double value, Func<double, string> shown, Provenance? from) => new(Vector256.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes Const(double value, string text) => new(Vector256.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes Max(Lanes a, Lanes b) => new(Vector256.Max(a.Vector, b.Vector));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes Min(Lanes a, Lanes b) => new(Vector256.Min(a.Vector, b.Vector));

    /// <inheritdoc/>
    public static Lanes Power(Lanes b, Lanes e) => new(Vector256.Create(
        Math.Pow(b.Vector[0], e.Vector[0]), Math.Pow(b.Vector[1], e.Vector[1]), Math.Pow(b.Vector[2], e.Vector[2]), Math.Pow(b.Vector[3], e.Vector[3])));

    /// <summary>a + b, lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes operator +(Lanes left, Lanes right) => new(left.Vector + right.Vector);

    /// <summary>a − b, lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes operator -(Lanes left, Lanes right) => new(left.Vector - right.Vector);

    /// <summary>a × b, lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes operator *(Lanes left, Lanes right) => new(left.Vector * right.Vector);

    /// <summary>a / b, lane by lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes operator /(Lanes left, Lanes right) => new(left.Vector / right.Vector);

    /// <summary>Named alternates for languages without operators.</summary>
    public static Lanes Add(Lanes left, Lanes right) => left + right;

    /// <summary>a − b.</summary>
    public static Lanes Subtract(Lanes left, Lanes right) => left - right;

    /// <summary>a × b.</summary>
    public static Lanes Multiply(Lanes left, Lanes right) => left * right;

    /// <summary>a / b.</summary>
    public static Lanes Divide(Lanes left, Lanes right) => left / right;
}

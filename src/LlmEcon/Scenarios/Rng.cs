using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LlmEcon.Scenarios;

/// <summary>
/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021), seeded by
/// SplitMix64 as its authors recommend: a value type, so a Monte Carlo's inner loop draws without allocating or a virtual call.
/// A stream is fixed by (seed, stream): the same pair gives the same numbers on every machine and thread count.
/// </summary>
public struct Rng
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spare;
    private bool _hasSpare;

    /// <summary>The stream <paramref name="stream"/> of seed <paramref name="seed"/> (a Monte Carlo gives each chunk of samples its own).</summary>
    public Rng(ulong seed, ulong stream)
    {
        (_s0, _s1, _s2, _s3) = State(seed, stream);
        _spare = 0;
        _hasSpare = false;
    }

    /// <summary>The state of stream <paramref name="stream"/> of seed <paramref name="seed"/>: four SplitMix64 outputs.</summary>
    internal static (ulong S0, ulong S1, ulong S2, ulong S3) State(ulong seed, ulong stream)
    {
        ulong x = seed ^ (stream * 0xD1B54A32D192ED03UL);
        return (SplitMix(ref x), SplitMix(ref x), SplitMix(ref x), SplitMix(ref x));
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ulong NextBits()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1): the top 53 bits over 2^53.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, <paramref name="n"/>) (Lemire's multiply-shift; the bias, below n / 2^64, is immaterial here).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int NextInt(int n) => (int)Math.BigMul(NextBits(), (ulong)n, out _);

    /// <summary>A standard normal draw: Marsaglia's polar method, the second value of each pair kept for the next call.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * f;
        _hasSpare = true;
        return u * f;
    }

    /// <summary>A gamma(shape, 1) draw: Marsaglia and Tsang (ACM TOMS 26(3), 2000); shape below 1 by the boost U^(1/shape).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public double NextGamma(double shape)
    {
        if (shape < 1)
        {
            return NextGamma(shape + 1) * Math.Pow(NextDouble(), 1 / shape);
        }

        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            double u = NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}

/// <summary>
/// Four xoshiro256** streams side by side, one per lane of a 256-bit vector: four draws per instruction (a Monte Carlo's column). Lane
/// l of <c>RngLanes(seed, stream)</c> is the stream 2^63 + 4 × stream + l of <see cref="Rng"/> (apart from every stream a scalar
/// <see cref="Rng"/> is given). Only shifts, additions and logic: the ×5 and ×9 of the scrambler are a shift and an add, so AVX2's lack
/// of a 64-bit multiply costs nothing, and every machine draws the same bits.
/// </summary>
public struct RngLanes
{
    private Vector256<ulong> _s0, _s1, _s2, _s3;

    /// <summary>The four lanes of stream <paramref name="stream"/> of seed <paramref name="seed"/>.</summary>
    public RngLanes(ulong seed, ulong stream)
    {
        Span<ulong> s = stackalloc ulong[16];
        for (int l = 0; l < 4; l++)
        {
            (s[l], s[4 + l], s[8 + l], s[12 + l]) = Rng.State(seed, (1UL << 63) + (stream << 2) + (ulong)l);
        }

        _s0 = Vector256.Create((ReadOnlySpan<ulong>)s[..4]);
        _s1 = Vector256.Create((ReadOnlySpan<ulong>)s[4..8]);
        _s2 = Vector256.Create((ReadOnlySpan<ulong>)s[8..12]);
        _s3 = Vector256.Create((ReadOnlySpan<ulong>)s[12..]);
    }

    /// <summary>The next 64 random bits of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<ulong> NextBits()
    {
        Vector256<ulong> x = (_s1 << 2) + _s1; // s1 × 5
        x = (x << 7) | (x >>> 57);
        Vector256<ulong> result = (x << 3) + x; // × 9
        Vector256<ulong> t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = (_s3 << 45) | (_s3 >>> 19);
        return result;
    }

    /// <summary>Uniform in [0, 1) in each lane: the top 52 bits as a double's fraction in [1, 2), less 1 (exact; no integer conversion).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> NextDouble() =>
        ((NextBits() >>> 12) | Vector256.Create(0x3FF0000000000000UL)).AsDouble() - Vector256<double>.One;

    /// <summary>
    /// Eight standard normal draws (two vectors): Box and Muller (Ann. Math. Statist. 29(2), 1958), r = √(−2 ln u₁), θ = 2π u₂,
    /// r cos θ and r sin θ, with u₁ in (0, 1]. The logarithm and the sine and cosine are series in additions, multiplications and one
    /// division (<see cref="Log"/>, <see cref="SinCosQuarterTurns"/>): no library call, so every machine computes the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (Vector256<double> First, Vector256<double> Second) NextNormals()
    {
        Vector256<double> u1 = Vector256<double>.One - NextDouble(), u2 = NextDouble();
        Vector256<double> r = Vector256.Sqrt(Vector256.Create(-2.0) * Log(u1));
        var (sin, cos) = SinCosQuarterTurns(u2 * Vector256.Create(4.0));
        return (r * cos, r * sin);
    }

    /// <summary>
    /// ln x for x in [2^-52, 1] (normal doubles): x = 2^e m with m in [√½, √2), ln m = 2 atanh s = 2s(1 + s²/3 + … + s²²/23),
    /// s = (m − 1)/(m + 1), |s| ≤ 0.1716: the first omitted term is below 2^-60 of the sum. The series in s² by Estrin's scheme
    /// (pairs, then pairs of pairs: a chain four products deep instead of eleven).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Log(Vector256<double> x)
    {
        Vector256<ulong> bits = x.AsUInt64();
        // the exponent field as a double, exactly: 2^52 + field, less 2^52
        Vector256<double> e = ((bits >>> 52) | Vector256.Create(0x4330000000000000UL)).AsDouble() - Vector256.Create(4503599627370496.0 + 1023);
        Vector256<double> m = ((bits & Vector256.Create(0x000FFFFFFFFFFFFFUL)) | Vector256.Create(0x3FF0000000000000UL)).AsDouble();
        Vector256<double> big = Vector256.GreaterThan(m, Vector256.Create(1.4142135623730951));
        m = Vector256.ConditionalSelect(big, m * Vector256.Create(0.5), m);
        e += Vector256<double>.One & big;
        Vector256<double> s = (m - Vector256<double>.One) / (m + Vector256<double>.One), z = s * s, z2 = z * z, z4 = z2 * z2, z8 = z4 * z4;
        Vector256<double> sum = Pair(1.0, 1.0 / 3, z) + (Pair(1.0 / 5, 1.0 / 7, z) * z2)
            + ((Pair(1.0 / 9, 1.0 / 11, z) + (Pair(1.0 / 13, 1.0 / 15, z) * z2)) * z4)
            + ((Pair(1.0 / 17, 1.0 / 19, z) + (Pair(1.0 / 21, 1.0 / 23, z) * z2)) * z8);
        return (e * Vector256.Create(0.6931471805599453)) + (Vector256.Create(2.0) * s * sum);
    }

    /// <summary>
    /// sin and cos of (π/2)·q for q in [0, 4): the nearest quarter turn n is taken off exactly (f = q − n in [−½, ½], angle φ = (π/2)·f,
    /// |φ| ≤ π/4) and put back by swapping and negating; sin φ and cos φ are Taylor series to φ¹⁵ and φ¹⁶ (first omitted terms below
    /// 5e-17 at π/4), in φ² by Estrin's scheme.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector256<double> Sin, Vector256<double> Cos) SinCosQuarterTurns(Vector256<double> q)
    {
        Vector256<double> n = Vector256.Round(q), phi = (q - n) * Vector256.Create(Math.PI / 2);
        n = Vector256.ConditionalSelect(Vector256.Equals(n, Vector256.Create(4.0)), Vector256<double>.Zero, n);
        Vector256<double> p = phi * phi, p2 = p * p, p4 = p2 * p2, p8 = p4 * p4;
        Vector256<double> sin = phi * (Pair(1.0, -1.0 / 6, p) + (Pair(1.0 / 120, -1.0 / 5040, p) * p2)
            + ((Pair(1.0 / 362880, -1.0 / 39916800, p) + (Pair(1.0 / 6227020800, -1.0 / 1307674368000, p) * p2)) * p4));
        Vector256<double> cos = Pair(1.0, -1.0 / 2, p) + (Pair(1.0 / 24, -1.0 / 720, p) * p2)
            + ((Pair(1.0 / 40320, -1.0 / 3628800, p) + (Pair(1.0 / 479001600, -1.0 / 87178291200, p) * p2)) * p4)
            + (Vector256.Create(1.0 / 20922789888000) * p8);

        // quarter turns: n = 1 → (cos, −sin), n = 2 → (−sin, −cos), n = 3 → (−cos, sin)
        Vector256<double> odd = Vector256.Equals(n, Vector256<double>.One) | Vector256.Equals(n, Vector256.Create(3.0));
        Vector256<double> s = Vector256.ConditionalSelect(odd, cos, sin), c = Vector256.ConditionalSelect(odd, sin, cos);
        Vector256<double> negateSin = Vector256.GreaterThanOrEqual(n, Vector256.Create(2.0));
        Vector256<double> negateCos = Vector256.Equals(n, Vector256<double>.One) | Vector256.Equals(n, Vector256.Create(2.0));
        Vector256<double> sign = Vector256.Create(-0.0);
        return (s ^ (negateSin & sign), c ^ (negateCos & sign));
    }

    /// <summary>a + b·z in each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Pair(double a, double b, Vector256<double> z) => Vector256.Create(a) + (Vector256.Create(b) * z);
}

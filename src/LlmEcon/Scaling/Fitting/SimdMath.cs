using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LlmEcon.Scaling.Fitting;

/// <summary>
/// exp and log of four doubles at once, inlined into the fitting kernel. The runtime's <c>Vector256.Exp</c>/<c>Log</c> give the same
/// results but are not inlined, and in a sub-second process they run as unoptimised tier-0 code for the first hundred-odd
/// milliseconds; these keep the whole kernel optimised from its first call. Accuracy: within 2 ulp of <see cref="Math.Exp"/> and
/// <see cref="Math.Log(double)"/> on the fitting range (tested).
/// </summary>
internal static class SimdMath
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 6.93147180369123816490e-01; // Cody & Waite (1980): ln 2 split so k·Ln2Hi is exact
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Magic = 6755399441055744.0; // 1.5 · 2^52: adding it rounds to an integer held in the low mantissa bits
    private const long MagicBits = 0x4338000000000000;
    private const double Sqrt2 = 1.4142135623730951;

    /// <summary>e^x, x clamped to [−708, 709] (beyond, the result would underflow to subnormals or overflow).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(-708.0)), Vector256.Create(709.0));
        // x = k·ln 2 + r, |r| ≤ ln 2 / 2.
        Vector256<double> t = Vector256.FusedMultiplyAdd(x, Vector256.Create(Log2E), Vector256.Create(Magic));
        Vector256<double> k = t - Vector256.Create(Magic);
        Vector256<double> r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-Ln2Hi), x);
        r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-Ln2Lo), r);
        // e^r by its Taylor series to r^13 / 13! (the next term is below 5e-18 for |r| ≤ 0.347), Horner form.
        Vector256<double> p = Vector256.Create(1.0 / 6227020800);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 479001600));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 39916800));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 3628800));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 362880));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 40320));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 5040));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 720));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 120));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 24));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 6));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        // 2^k: k + 1023 in the exponent field.
        Vector256<long> kBits = t.AsInt64() - Vector256.Create(MagicBits);
        Vector256<double> scale = Vector256.ShiftLeft(kBits + Vector256.Create(1023L), 52).AsDouble();
        return p * scale;
    }

    /// <summary>ln x for normal positive x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        // x = 2^e · m, m in [√½, √2).
        Vector256<long> bits = x.AsInt64();
        Vector256<long> e = Vector256.ShiftRightLogical(bits, 52) - Vector256.Create(1023L);
        Vector256<double> m = ((bits & Vector256.Create(0x000FFFFFFFFFFFFFL)) | Vector256.Create(0x3FF0000000000000L)).AsDouble();
        Vector256<double> big = Vector256.GreaterThan(m, Vector256.Create(Sqrt2));
        m = Vector256.ConditionalSelect(big, m * Vector256.Create(0.5), m);
        e -= big.AsInt64(); // a true lane is all ones: −(−1) = +1
        Vector256<double> ed = (e + Vector256.Create(MagicBits)).AsDouble() - Vector256.Create(Magic);
        // ln m = 2 atanh z = 2 (z + z³/3 + … + z^23/23), z = (m − 1)/(m + 1), |z| ≤ 0.1716: the next term is below 1e-19.
        Vector256<double> z = (m - Vector256<double>.One) / (m + Vector256<double>.One);
        Vector256<double> z2 = z * z;
        Vector256<double> s = Vector256.Create(1.0 / 23);
        s = Vector256.FusedMultiplyAdd(s, z2, Vector256.Create(1.0 / 21));
        s = Vector256.FusedMultiplyAdd(s, z2, Vector256.Create(1.0 / 19));
        s = Vector256.FusedMultiplyAdd(s, z2, Vector256.Create(1.0 / 17));
        s = Vector256.FusedMultiplyAdd(s, z2, Vector256.Create(1.0 / 15));
        s = Vector256.FusedMultiplyAdd(s, z2, Vector256.Create(1.0 / 13));
        s = Vector256.FusedMultiplyAdd(s, z2, Vector256.Create(1.0 / 11));
        s = Vector256.FusedMultiplyAdd(s, z2, Vector256.Create(1.0 / 9));
        s = Vector256.FusedMultiplyAdd(s, z2, Vector256.Create(1.0 / 7));
        s = Vector256.FusedMultiplyAdd(s, z2, Vector256.Create(1.0 / 5));
        s = Vector256.FusedMultiplyAdd(s, z2, Vector256.Create(1.0 / 3));
        Vector256<double> lnM = Vector256.FusedMultiplyAdd(z2 * s, z + z, z + z);
        return Vector256.FusedMultiplyAdd(ed, Vector256.Create(Ln2Hi), Vector256.FusedMultiplyAdd(ed, Vector256.Create(Ln2Lo), lnM));
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LlmEcon.Scaling.Fitting;

/// <summary>
/// The Chinchilla fitting objective (Hoffmann et al. 2022, §D.2; Besiroglu et al. 2024):
/// Σ_i w_i · Huber_δ( LSE(a − α·ln N_i, b − β·ln D_i, e) − ln L_i ), over x = (a, b, e, α, β) with A = e^a, B = e^b, E = e^e,
/// and its analytic gradient, both vectorised four rows at a time.
/// </summary>
internal sealed class HuberLogObjective : IGradientObjective
{
    /// <summary>Parameters: a, b, e, α, β.</summary>
    public const int Dimension = 5;

    private readonly double[] _lnN;
    private readonly double[] _lnD;
    private readonly double[] _lnL;
    private readonly double[] _weight;

    /// <summary>Builds the objective over <paramref name="rows"/>; padding rows carry weight 0.</summary>
    public HuberLogObjective(IReadOnlyList<ScalingObservation> rows, double delta)
    {
        Count = rows.Count;
        Delta = delta;
        int padded = (rows.Count + 3) / 4 * 4;
        _lnN = new double[padded];
        _lnD = new double[padded];
        _lnL = new double[padded];
        _weight = new double[padded];
        for (int i = 0; i < rows.Count; i++)
        {
            _lnN[i] = Math.Log(rows[i].Parameters);
            _lnD[i] = Math.Log(rows[i].Tokens);
            _lnL[i] = Math.Log(rows[i].Loss);
            _weight[i] = 1;
        }
    }

    /// <summary>Rows (without padding).</summary>
    public int Count { get; }

    /// <summary>Huber δ.</summary>
    public double Delta { get; }

    /// <summary>Row weights: 1 each by default; a bootstrap resample sets them to the number of times each row was drawn.</summary>
    public Span<double> Weights => _weight.AsSpan(0, Count);

    /// <summary>The objective at <paramref name="x"/>, its gradient written to <paramref name="gradient"/>; +∞ where it is not finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip tier-0 code in a sub-second run
    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        // Four rows at a time where 256-bit vectors are hardware (AVX2); elsewhere (a baseline native build, arm64's 128-bit NEON)
        // emulated vectors would be many times slower than plain doubles.
        if (!Vector256.IsHardwareAccelerated)
        {
            return EvaluateScalar(x, gradient);
        }

        var (a, b, e, alpha, beta) = LawVector.Of(x);
        double expE = Math.Exp(e);
        Vector256<double> va = Vector256.Create(a), vb = Vector256.Create(b), vAlpha = Vector256.Create(alpha), vBeta = Vector256.Create(beta);
        Vector256<double> vExpE = Vector256.Create(expE), vDelta = Vector256.Create(Delta), vNegDelta = Vector256.Create(-Delta);
        Vector256<double> vHalf = Vector256.Create(0.5), vHalfDelta = Vector256.Create(0.5 * Delta);
        Vector256<double> f = Vector256<double>.Zero, ga = f, gb = f, ge = f, gAlpha = f, gBeta = f;
        ref double lnN = ref _lnN[0], lnD = ref _lnD[0], lnL = ref _lnL[0], w = ref _weight[0];
        for (int i = 0; i < _lnN.Length; i += 4)
        {
            Vector256<double> n = Vector256.LoadUnsafe(ref lnN, (nuint)i);
            Vector256<double> d = Vector256.LoadUnsafe(ref lnD, (nuint)i);
            Vector256<double> l = Vector256.LoadUnsafe(ref lnL, (nuint)i);
            Vector256<double> wi = Vector256.LoadUnsafe(ref w, (nuint)i);
            Vector256<double> x1 = SimdMath.Exp(va - vAlpha * n);
            Vector256<double> x2 = SimdMath.Exp(vb - vBeta * d);
            Vector256<double> s = x1 + x2 + vExpE;
            Vector256<double> r = SimdMath.Log(s) - l;
            Vector256<double> abs = Vector256.Abs(r);
            Vector256<double> inside = Vector256.LessThanOrEqual(abs, vDelta);
            Vector256<double> h = Vector256.ConditionalSelect(inside, vHalf * r * r, vDelta * (abs - vHalfDelta));
            Vector256<double> dh = Vector256.Min(Vector256.Max(r, vNegDelta), vDelta);
            f += wi * h;
            Vector256<double> k = wi * dh / s;
            Vector256<double> k1 = k * x1, k2 = k * x2;
            ga += k1;
            gAlpha -= k1 * n;
            gb += k2;
            gBeta -= k2 * d;
            ge += k;
        }

        double value = Vector256.Sum(f);
        gradient[0] = Vector256.Sum(ga);
        gradient[1] = Vector256.Sum(gb);
        gradient[2] = Vector256.Sum(ge) * expE;
        gradient[3] = Vector256.Sum(gAlpha);
        gradient[4] = Vector256.Sum(gBeta);
        return double.IsFinite(value) && AllFinite(gradient) ? value : double.PositiveInfinity;
    }

    /// <summary>The same objective and gradient one row at a time, with <see cref="Math.Exp"/> and <see cref="Math.Log(double)"/>.</summary>
    internal double EvaluateScalar(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var (a, b, e, alpha, beta) = LawVector.Of(x);
        double expE = Math.Exp(e);
        double f = 0, ga = 0, gb = 0, ge = 0, gAlpha = 0, gBeta = 0;
        for (int i = 0; i < Count; i++)
        {
            double n = _lnN[i], d = _lnD[i], wi = _weight[i];
            double x1 = Math.Exp(a - alpha * n), x2 = Math.Exp(b - beta * d);
            double s = x1 + x2 + expE;
            double r = Math.Log(s) - _lnL[i];
            double abs = Math.Abs(r);
            f += wi * (abs <= Delta ? 0.5 * r * r : Delta * (abs - 0.5 * Delta));
            double k = wi * Math.Clamp(r, -Delta, Delta) / s;
            double k1 = k * x1, k2 = k * x2;
            ga += k1;
            gAlpha -= k1 * n;
            gb += k2;
            gBeta -= k2 * d;
            ge += k;
        }

        gradient[0] = ga;
        gradient[1] = gb;
        gradient[2] = ge * expE;
        gradient[3] = gAlpha;
        gradient[4] = gBeta;
        return double.IsFinite(f) && AllFinite(gradient) ? f : double.PositiveInfinity;
    }

    /// <summary>The log residuals ln L̂ − ln L at <paramref name="x"/>, one per row.</summary>
    public double[] Residuals(ReadOnlySpan<double> x)
    {
        var r = new double[Count];
        for (int i = 0; i < Count; i++)
        {
            r[i] = LogPredict(x, _lnN[i], _lnD[i]) - _lnL[i];
        }

        return r;
    }

    /// <summary>ln L̂ = LSE(a − α ln N, b − β ln D, e), computed stably.</summary>
    public static double LogPredict(ReadOnlySpan<double> x, double lnN, double lnD)
    {
        var v = LawVector.Of(x);
        double t1 = v.LnA - v.Alpha * lnN, t2 = v.LnB - v.Beta * lnD, t3 = v.LnE;
        double m = Math.Max(t1, Math.Max(t2, t3));
        return m + Math.Log(Math.Exp(t1 - m) + Math.Exp(t2 - m) + Math.Exp(t3 - m));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllFinite(ReadOnlySpan<double> v)
    {
        foreach (double d in v)
        {
            if (!double.IsFinite(d))
            {
                return false;
            }
        }

        return true;
    }
}

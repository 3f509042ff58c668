namespace LlmEcon.Scaling.Fitting;

/// <summary>A smooth objective with its gradient.</summary>
internal interface IGradientObjective
{
    /// <summary>f(x), with ∇f(x) written to <paramref name="gradient"/>; +∞ where f is not finite.</summary>
    double Evaluate(ReadOnlySpan<double> x, Span<double> gradient);
}

/// <summary>What one L-BFGS run ended with.</summary>
/// <param name="Value">The objective at the end.</param>
/// <param name="Iterations">Iterations taken.</param>
/// <param name="Evaluations">Objective evaluations.</param>
/// <param name="Converged">True when a stopping test (not the iteration cap or a failed line search) ended it.</param>
internal readonly record struct LbfgsResult(double Value, int Iterations, int Evaluations, bool Converged);

/// <summary>
/// Limited-memory BFGS (Nocedal 1980; Liu &amp; Nocedal 1989): two-loop recursion over the last <see cref="Memory"/> steps,
/// a backtracking Armijo line search with safeguarded quadratic interpolation, and a curvature check before each update.
/// Allocation-free per iteration: one instance per thread, reused across starts.
/// </summary>
internal sealed class Lbfgs
{
    /// <summary>History pairs kept (scipy's L-BFGS-B default is 10).</summary>
    public const int Memory = 10;

    private readonly int _n;
    private readonly double[] _s, _y, _rho, _alpha;
    private readonly double[] _g, _gNew, _xNew, _d;

    /// <summary>Work buffers for an <paramref name="n"/>-dimensional problem.</summary>
    public Lbfgs(int n)
    {
        _n = n;
        _s = new double[Memory * n];
        _y = new double[Memory * n];
        _rho = new double[Memory];
        _alpha = new double[Memory];
        _g = new double[n];
        _gNew = new double[n];
        _xNew = new double[n];
        _d = new double[n];
    }

    /// <summary>Largest iteration count.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Stop when max |gradient| falls to this.</summary>
    public double GradientTolerance { get; init; } = 1e-12;

    /// <summary>Stop when an iteration lowers the objective by less than this, relative.</summary>
    public double RelativeTolerance { get; init; } = 1e-13;

    /// <summary>Minimises <paramref name="f"/> from <paramref name="x"/> (updated in place).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public LbfgsResult Minimize<TObjective>(TObjective f, double[] x) where TObjective : IGradientObjective
    {
        int n = _n, count = 0, head = 0, evaluations = 1;
        double fx = f.Evaluate(x, _g);
        if (!double.IsFinite(fx))
        {
            return new LbfgsResult(fx, 0, evaluations, false);
        }

        for (int k = 0; k < MaxIterations; k++)
        {
            if (MaxAbs(_g) <= GradientTolerance)
            {
                return new LbfgsResult(fx, k, evaluations, true);
            }

            Direction(count, head);
            double gd = Dot(_g, _d);
            if (!(gd < 0))
            {
                // Not a descent direction: restart from steepest descent.
                count = 0;
                for (int i = 0; i < n; i++)
                {
                    _d[i] = -_g[i];
                }

                gd = Dot(_g, _d);
            }

            double step = count == 0 ? Math.Min(1, 1 / Math.Sqrt(-gd)) : 1;
            double fNew = double.NaN;
            bool accepted = false;
            for (int tries = 0; tries < 60; tries++)
            {
                for (int i = 0; i < n; i++)
                {
                    _xNew[i] = x[i] + step * _d[i];
                }

                fNew = f.Evaluate(_xNew, _gNew);
                evaluations++;
                if (double.IsFinite(fNew) && fNew <= fx + 1e-4 * step * gd)
                {
                    accepted = true;
                    break;
                }

                // Minimiser of the quadratic through f(0), f'(0) and f(step), kept within [0.1, 0.5] of the step.
                double q = double.IsFinite(fNew) ? -gd * step * step / (2 * (fNew - fx - gd * step)) : 0.1 * step;
                step = Math.Clamp(q, 0.1 * step, 0.5 * step);
            }

            if (!accepted)
            {
                return new LbfgsResult(fx, k, evaluations, MaxAbs(_g) <= 1e3 * GradientTolerance);
            }

            // s = x_new − x, y = g_new − g; keep the pair only when sᵀy > 0 (the curvature condition).
            int slot = head;
            double sy = 0, yy = 0;
            for (int i = 0; i < n; i++)
            {
                double si = _xNew[i] - x[i], yi = _gNew[i] - _g[i];
                _s[slot * n + i] = si;
                _y[slot * n + i] = yi;
                sy += si * yi;
                yy += yi * yi;
            }

            if (sy > 1e-16 * yy && sy > 0)
            {
                _rho[slot] = 1 / sy;
                head = (head + 1) % Memory;
                count = Math.Min(count + 1, Memory);
            }

            double previous = fx;
            Array.Copy(_xNew, x, n);
            Array.Copy(_gNew, _g, n);
            fx = fNew;
            if (previous - fx <= RelativeTolerance * Math.Max(Math.Abs(previous), double.Epsilon))
            {
                return new LbfgsResult(fx, k + 1, evaluations, true);
            }
        }

        return new LbfgsResult(fx, MaxIterations, evaluations, false);
    }

    /// <summary>d = −H g by the two-loop recursion, H₀ = (sᵀy / yᵀy) I from the newest pair.</summary>
    private void Direction(int count, int head)
    {
        int n = _n;
        for (int i = 0; i < n; i++)
        {
            _d[i] = -_g[i];
        }

        for (int j = 0; j < count; j++)
        {
            int slot = (head - 1 - j + Memory) % Memory;
            double a = _rho[slot] * Dot(_s.AsSpan(slot * n, n), _d);
            _alpha[slot] = a;
            for (int i = 0; i < n; i++)
            {
                _d[i] -= a * _y[slot * n + i];
            }
        }

        if (count > 0)
        {
            int newest = (head - 1 + Memory) % Memory;
            ReadOnlySpan<double> yNew = _y.AsSpan(newest * n, n);
            double gamma = 1 / (_rho[newest] * Dot(yNew, yNew));
            for (int i = 0; i < n; i++)
            {
                _d[i] *= gamma;
            }
        }

        for (int j = count - 1; j >= 0; j--)
        {
            int slot = (head - 1 - j + Memory) % Memory;
            double beta = _rho[slot] * Dot(_y.AsSpan(slot * n, n), _d);
            for (int i = 0; i < n; i++)
            {
                _d[i] += (_alpha[slot] - beta) * _s[slot * n + i];
            }
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double MaxAbs(ReadOnlySpan<double> v)
    {
        double m = 0;
        foreach (double d in v)
        {
            m = Math.Max(m, Math.Abs(d));
        }

        return m;
    }
}

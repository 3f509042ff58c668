using System.Runtime.Intrinsics;

namespace LlmEcon.Scenarios;

/// <summary>The shapes an uncertain input can take.</summary>
public enum DistributionKind
{
    /// <summary>uniform(a, b): every value in [a, b] alike.</summary>
    Uniform,
    /// <summary>triangular(lo, mode, hi).</summary>
    Triangular,
    /// <summary>normal(mean, sd).</summary>
    Normal,
    /// <summary>lognormal(mean, sd): the mean and standard deviation of the value itself, not of its logarithm.</summary>
    LogNormal,
    /// <summary>pert(lo, mode, hi): the beta-PERT of Malcolm et al. (1959), shape 4.</summary>
    Pert,
    /// <summary>choice(v1, v2, …): one of the values, each alike.</summary>
    Choice,
}

/// <summary>
/// An uncertain input: a distribution over the input's own units, truncated to the range the input allows (a draw outside it is drawn
/// again). Written as typed on the command line or in a scenario: <c>uniform(20%,40%)</c>, <c>triangular(60%,75%,85%)</c>,
/// <c>normal(1000,200)</c>, <c>lognormal(2.5,0.5)</c>, <c>pert(1,2,6)</c>, <c>choice(5,10,20)</c>; each argument is read as the
/// input's value would be (<c>20%</c>, <c>$2.50</c>, <c>175B</c>).
/// </summary>
public sealed class Distribution
{
    /// <summary>z of the 95th percentile of the standard normal (the tornado's range of an unbounded input is its 5th–95th percentiles).</summary>
    public const double Z95 = 1.6448536269514722;

    /// <summary>The most draws tried for one sample of a truncated input before the input is refused.</summary>
    public const int MaxRedraws = 1000;

    private readonly double _a, _b, _c, _mu, _sigma, _alpha, _beta;
    private readonly double[] _values;

    private Distribution(DistributionKind kind, string text, double a, double b, double c, double[] values, double low, double high, bool lowOpen, bool highOpen, string parameter)
    {
        Kind = kind;
        Text = text;
        _a = a;
        _b = b;
        _c = c;
        _values = values;
        Low = low;
        High = high;
        LowOpen = lowOpen;
        HighOpen = highOpen;
        Parameter = parameter;
        if (kind == DistributionKind.LogNormal)
        {
            // the log's parameters from the value's mean m and sd s: σ² = ln(1 + s²/m²), μ = ln m − σ²/2
            double v = Math.Log(1 + b * b / (a * a));
            _sigma = Math.Sqrt(v);
            _mu = Math.Log(a) - v / 2;
        }

        if (kind == DistributionKind.Pert)
        {
            // beta-PERT: α = 1 + 4(mode − lo)/(hi − lo), β = 1 + 4(hi − mode)/(hi − lo)
            _alpha = 1 + 4 * (b - a) / (c - a);
            _beta = 1 + 4 * (c - b) / (c - a);
        }
    }

    /// <summary>The shape.</summary>
    public DistributionKind Kind { get; }

    /// <summary>As typed, e.g. <c>uniform(20%,40%)</c>.</summary>
    public string Text { get; }

    /// <summary>The input it belongs to (for errors).</summary>
    public string Parameter { get; }

    /// <summary>The lowest value the input allows.</summary>
    public double Low { get; }

    /// <summary>The highest value the input allows.</summary>
    public double High { get; }

    /// <summary>True when <see cref="Low"/> itself is not allowed.</summary>
    public bool LowOpen { get; }

    /// <summary>True when <see cref="High"/> itself is not allowed.</summary>
    public bool HighOpen { get; }

    /// <summary>The values of a choice (empty for the other shapes).</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>True when <paramref name="text"/> is written as a distribution: a name of letters, then <c>(…)</c> (a misspelt name included, for its did-you-mean).</summary>
    public static bool Looks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int open = text.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && text.TrimEnd().EndsWith(')') && text[..open].Trim() is { Length: > 0 } name && name.All(char.IsAsciiLetter);
    }

    /// <summary>
    /// Reads a distribution for <paramref name="parameter"/>: each argument read by <paramref name="value"/> (the input's own units
    /// and range), the input allowed [<paramref name="low"/>, <paramref name="high"/>] (open ends as flagged).
    /// </summary>
    public static Distribution Parse(string text, string parameter, Func<string, double> value, double low, double high, bool lowOpen = false, bool highOpen = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(value);
        const string Forms = "a distribution uniform(a,b), triangular(lo,mode,hi), normal(mean,sd), lognormal(mean,sd), pert(lo,mode,hi) or choice(v1,v2,…)";
        int open = text.IndexOf('(', StringComparison.Ordinal);
        string name = open > 0 ? text[..open].Trim().ToLowerInvariant() : "";
        if (open <= 0 || !text.TrimEnd().EndsWith(')') || !Enum.TryParse(name, ignoreCase: true, out DistributionKind kind) || name.All(char.IsDigit))
        {
            string[] names = [.. Enum.GetNames<DistributionKind>().Select(n => n.ToLowerInvariant())];
            throw Guard.Fail(parameter, Forms, $"'{text}'", open > 0 ? Suggest.Hint(name, names) : null);
        }

        string inner = text.TrimEnd()[(open + 1)..^1];
        string[] parts = inner.Length == 0 ? [] : [.. inner.Split(',').Select(p => p.Trim())];
        int wanted = kind switch { DistributionKind.Triangular or DistributionKind.Pert => 3, DistributionKind.Choice => -1, _ => 2 };
        if ((wanted > 0 && parts.Length != wanted) || (wanted < 0 && parts.Length == 0) || parts.Any(p => p.Length == 0))
        {
            string shape = kind switch
            {
                DistributionKind.Uniform => "uniform(a,b)", DistributionKind.Triangular => "triangular(lo,mode,hi)", DistributionKind.Normal => "normal(mean,sd)",
                DistributionKind.LogNormal => "lognormal(mean,sd)", DistributionKind.Pert => "pert(lo,mode,hi)", _ => "choice(v1,v2,…)",
            };
            throw Guard.Fail(parameter, $"{shape} with {(wanted < 0 ? "one or more values" : wanted + " values")}", $"'{text}'");
        }

        double[] v = [.. parts.Select(value)];
        bool Inside(double x) => InRange(x, low, high, lowOpen, highOpen);
        string range = (lowOpen ? "(" : "[") + Guard.Show(low) + ", " + Guard.Show(high) + (highOpen ? ")" : "]");
        switch (kind)
        {
            case DistributionKind.Uniform when !(v[0] < v[1]):
                throw Guard.Fail(parameter, "uniform(a,b) with a below b", $"'{text}'");
            case DistributionKind.Triangular or DistributionKind.Pert when !(v[0] < v[2] && v[0] <= v[1] && v[1] <= v[2]):
                throw Guard.Fail(parameter, $"{name}(lo,mode,hi) with lo ≤ mode ≤ hi and lo below hi", $"'{text}'");
            case DistributionKind.Normal when !(v[1] > 0):
                throw Guard.Fail(parameter, "normal(mean,sd) with sd above 0", $"'{text}'");
            case DistributionKind.LogNormal when !(v[0] > 0 && v[1] > 0):
                throw Guard.Fail(parameter, "lognormal(mean,sd) with mean and sd above 0 (the value's own mean and sd)", $"'{text}'");
            default:
                break;
        }

        // a bounded shape must lie inside the input's range; an unbounded one is truncated to it, its mean inside it
        double[] mustFit = kind switch
        {
            DistributionKind.Normal or DistributionKind.LogNormal => [v[0]],
            DistributionKind.Triangular or DistributionKind.Pert => [v[0], v[2]],
            _ => v,
        };
        foreach (double x in mustFit.Where(x => !Inside(x)))
        {
            throw Guard.Fail(parameter, $"a distribution inside its range {range}", $"'{text}' ({Guard.Show(x)} is outside)");
        }

        return kind == DistributionKind.Choice
            ? new Distribution(kind, text.Trim(), 0, 0, 0, v, low, high, lowOpen, highOpen, parameter)
            : new Distribution(kind, text.Trim(), v[0], v[1], v.Length > 2 ? v[2] : 0, [], low, high, lowOpen, highOpen, parameter);
    }

    /// <summary>
    /// Fills <paramref name="values"/> with draws of stream <paramref name="stream"/> of seed <paramref name="seed"/>, inside the input's
    /// range: one shape's loop over the whole span (a Monte Carlo fills a chunk's column at once). Uniform, triangular, normal and choice
    /// draw four values at a time from <see cref="RngLanes"/>(seed, stream); lognormal and PERT one at a time from <see cref="Rng"/>(seed,
    /// stream), which also draws again, as <see cref="Sample"/> does, any value outside the range.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Fill(ulong seed, ulong stream, Span<double> values)
    {
        var rng = new Rng(seed, stream);
        int n = values.Length;
        // each shape's loop a method of its own, so that the generator's four state vectors stay in registers
        switch (Kind)
        {
            case DistributionKind.Uniform:
                FillUniform(new RngLanes(seed, stream), values);
                break;
            case DistributionKind.Choice when _values.Length == 1:
                values.Fill(_values[0]);
                break;
            case DistributionKind.Choice:
                FillChoice(new RngLanes(seed, stream), values);
                break;
            case DistributionKind.Normal:
                FillNormal(new RngLanes(seed, stream), values);
                break;
            case DistributionKind.Triangular:
                FillTriangular(new RngLanes(seed, stream), values);
                break;
            default:
                for (int i = 0; i < n; i++)
                {
                    values[i] = Draw(ref rng);
                }

                break;
        }

        Vector256<double> low = Vector256.Create(Low), high = Vector256.Create(High);
        for (int i = 0; i < n; i += 4)
        {
            if (i + 4 <= n)
            {
                var x = Vector256.Create((ReadOnlySpan<double>)values.Slice(i, 4));
                Vector256<double> inside = (LowOpen ? Vector256.GreaterThan(x, low) : Vector256.GreaterThanOrEqual(x, low))
                    & (HighOpen ? Vector256.LessThan(x, high) : Vector256.LessThanOrEqual(x, high));
                if (inside.ExtractMostSignificantBits() == 0b1111)
                {
                    continue;
                }
            }

            for (int l = i; l < i + 4 && l < n; l++)
            {
                if (!Inside(values[l]))
                {
                    values[l] = Sample(ref rng);
                }
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization | System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void FillUniform(RngLanes lanes, Span<double> values)
    {
        Vector256<double> a = Vector256.Create(_a), w = Vector256.Create(_b - _a);
        for (int i = 0; i < values.Length; i += 4)
        {
            Put(values, i, a + (w * lanes.NextDouble()));
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization | System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void FillChoice(RngLanes lanes, Span<double> values)
    {
        double[] v = _values;
        var count = Vector256.Create((double)v.Length);
        for (int i = 0; i < values.Length; i += 4)
        {
            // ⌊u × count⌋ < count for every u below 1 (u × count rounds down from count by at least an ulp): the index in each lane
            Vector128<int> index = Vectors.Truncate(lanes.NextDouble() * count);
            for (int l = 0; l < 4 && i + l < values.Length; l++)
            {
                values[i + l] = v[index.GetElement(l)];
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization | System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void FillNormal(RngLanes lanes, Span<double> values)
    {
        Vector256<double> m = Vector256.Create(_a), sd = Vector256.Create(_b);
        for (int i = 0; i < values.Length; i += 8)
        {
            var (z0, z1) = lanes.NextNormals();
            Put(values, i, m + (sd * z0));
            Put(values, i + 4, m + (sd * z1));
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization | System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void FillTriangular(RngLanes lanes, Span<double> values)
    {
        for (int i = 0; i < values.Length; i += 4)
        {
            Put(values, i, TriangularAt(lanes.NextDouble()));
        }
    }

    /// <summary>Writes the lanes of <paramref name="v"/> that fall inside <paramref name="values"/> from <paramref name="i"/> on.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Put(Span<double> values, int i, Vector256<double> v)
    {
        if (i + 4 <= values.Length)
        {
            v.CopyTo(values.Slice(i, 4));
            return;
        }

        for (int l = 0; i + l < values.Length; l++)
        {
            values[i + l] = v.GetElement(l);
        }
    }

    /// <summary>True when <paramref name="x"/> is inside the input's range (each end open or closed as the option has it).</summary>
    private bool Inside(double x) => InRange(x, Low, High, LowOpen, HighOpen);

    private static bool InRange(double x, double low, double high, bool lowOpen, bool highOpen) =>
        (lowOpen ? x > low : x >= low) && (highOpen ? x < high : x <= high);

    /// <summary>One draw, inside the input's range (drawn again when outside; refused after <see cref="MaxRedraws"/> tries).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public double Sample(ref Rng rng)
    {
        for (int i = 0; i < MaxRedraws; i++)
        {
            double x = Draw(ref rng);
            if (Inside(x))
            {
                return x;
            }
        }

        throw Guard.Fail(Parameter, $"a distribution mostly inside its range [{Guard.Show(Low)}, {Guard.Show(High)}]", $"'{Text}'",
            $"{MaxRedraws} draws in a row fell outside");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private double Draw(ref Rng rng)
    {
        switch (Kind)
        {
            case DistributionKind.Uniform:
                return _a + (_b - _a) * rng.NextDouble();
            case DistributionKind.Triangular:
                return TriangularAt(rng.NextDouble());

            case DistributionKind.Normal:
                return _a + _b * rng.NextNormal();
            case DistributionKind.LogNormal:
                return Math.Exp(_mu + _sigma * rng.NextNormal());
            case DistributionKind.Pert:
            {
                double x = rng.NextGamma(_alpha), y = rng.NextGamma(_beta);
                return _a + (_c - _a) * x / (x + y);
            }

            default:
                return _values[rng.NextInt(_values.Length)];
        }
    }

    /// <summary>The triangular's inverse CDF at <paramref name="u"/>: F(mode) = (mode − lo)/(hi − lo) splits the two square roots.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private double TriangularAt(double u) => TriangularAt(Vector256.Create(u)).ToScalar();

    /// <summary>
    /// The triangular's inverse CDF in each lane of <paramref name="u"/>: below F(mode) = (mode − lo)/(hi − lo), lo + √(u (hi − lo)(mode − lo));
    /// above, hi − √((1 − u)(hi − lo)(hi − mode)) — each lane's radicand chosen first, one square root for all four.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private Vector256<double> TriangularAt(Vector256<double> u)
    {
        Vector256<double> span = Vector256.Create(_c - _a);
        Vector256<double> below = Vector256.LessThan(u, Vector256.Create((_b - _a) / (_c - _a)));
        Vector256<double> root = Vector256.Sqrt(Vector256.ConditionalSelect(below, u * span * Vector256.Create(_b - _a),
            (Vector256<double>.One - u) * span * Vector256.Create(_c - _b)));
        return Vector256.ConditionalSelect(below, Vector256.Create(_a) + root, Vector256.Create(_c) - root);
    }

    /// <summary>The mean before truncation (closed form).</summary>
    public double Mean => Kind switch
    {
        DistributionKind.Uniform => (_a + _b) / 2,
        DistributionKind.Triangular => (_a + _b + _c) / 3,
        DistributionKind.Normal or DistributionKind.LogNormal => _a,
        DistributionKind.Pert => (_a + 4 * _b + _c) / 6,
        _ => _values.Average(),
    };

    /// <summary>The variance before truncation (closed form).</summary>
    public double Variance => Kind switch
    {
        DistributionKind.Uniform => (_b - _a) * (_b - _a) / 12,
        DistributionKind.Triangular => (_a * _a + _b * _b + _c * _c - _a * _b - _a * _c - _b * _c) / 18,
        DistributionKind.Normal or DistributionKind.LogNormal => _b * _b,
        DistributionKind.Pert => (Mean - _a) * (_c - Mean) / 7,
        _ => _values.Select(x => (x - Mean) * (x - Mean)).Average(),
    };

    /// <summary>
    /// The tornado's base: the mean, or for a choice its middle value (one it can take); inside the input's range.
    /// </summary>
    public double Base => Clamp(Kind == DistributionKind.Choice ? _values.Order().ElementAt((_values.Length - 1) / 2) : Mean);

    /// <summary>The tornado's range: the support of a bounded shape, the 5th and 95th percentiles of normal and lognormal; inside the input's range.</summary>
    public (double Low, double High) Swing => Kind switch
    {
        DistributionKind.Uniform => (_a, _b),
        DistributionKind.Triangular or DistributionKind.Pert => (_a, _c),
        DistributionKind.Normal => (Clamp(_a - Z95 * _b), Clamp(_a + Z95 * _b)),
        DistributionKind.LogNormal => (Clamp(Math.Exp(_mu - Z95 * _sigma)), Clamp(Math.Exp(_mu + Z95 * _sigma))),
        _ => (_values.Min(), _values.Max()),
    };

    private double Clamp(double x)
    {
        double span = Math.Max(Math.Abs(High - Low), 1e-300);
        double lo = LowOpen ? Low + span * 1e-9 : Low, hi = HighOpen ? High - span * 1e-9 : High;
        return Math.Clamp(x, lo, hi);
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}

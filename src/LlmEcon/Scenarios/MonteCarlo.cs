using System.Numerics;
using System.Runtime.Intrinsics;

namespace LlmEcon.Scenarios;

/// <summary>How a Monte Carlo runs.</summary>
/// <param name="Samples">Samples to draw (1 to <see cref="MonteCarlo.MaxSamples"/>).</param>
/// <param name="Seed">The seed: the same seed gives the same numbers on any machine and any thread count.</param>
/// <param name="Threads">Threads to run on (0: one per core).</param>
/// <param name="Progress">Told the pass (1, 2, …) and the share of it done, from any thread.</param>
public sealed record MonteCarloOptions(long Samples, ulong Seed, int Threads = 0, IProgress<(int Pass, double Done)>? Progress = null)
{
    /// <summary>Half-width of each percentile's window in the pilot's standard errors (tests narrow it to make the narrowing passes run).</summary>
    internal double WindowStandardErrors { get; init; } = 4;
}

/// <summary>One output's distribution over the samples the model took.</summary>
/// <param name="Name">The output.</param>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">The sample standard deviation (n − 1).</param>
/// <param name="P5">The 5th percentile.</param>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="HistogramLow">The histogram's low edge.</param>
/// <param name="HistogramHigh">The histogram's high edge.</param>
/// <param name="Histogram">Counts in <see cref="MonteCarlo.HistogramBins"/> equal bins from <paramref name="HistogramLow"/> to <paramref name="HistogramHigh"/>, values beyond an edge counted in its bin.</param>
public sealed record OutputSummary(string Name, double Mean, double StandardDeviation, double P5, double P50, double P95, double Min, double Max,
    double HistogramLow, double HistogramHigh, IReadOnlyList<long> Histogram);

/// <summary>A Monte Carlo's result.</summary>
/// <param name="Samples">Samples drawn.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Refused">Samples the model refused (left out of every summary).</param>
/// <param name="Inputs">Each uncertain input as sampled: mean, sd, min, max and histogram (percentiles NaN: they are the distribution's).</param>
/// <param name="Outputs">Each output.</param>
/// <param name="Passes">Passes drawing the samples: 1, or more when a percentile fell outside the window its pilot set (drawn again to pin it).</param>
public sealed record MonteCarloResult(long Samples, ulong Seed, long Refused, IReadOnlyList<OutputSummary> Inputs, IReadOnlyList<OutputSummary> Outputs, int Passes);

/// <summary>
/// Monte Carlo over a model's uncertain inputs: deterministic, in bounded memory, on every core. The samples are cut into chunks of
/// <see cref="ChunkSize"/>; input k of chunk c draws from its own stream (<see cref="Rng"/>(seed, c × 2^16 + k)), so a sample's values
/// do not depend on the thread that draws it, and everything summed is summed per chunk (4 lanes of 256-bit vectors, the same on every
/// machine) and merged in chunk order.
/// <para>
/// Percentiles are exact order statistics, interpolated as numpy's default (linear, at rank (n − 1)·p). When every sample's columns (outputs
/// and inputs) fit in <see cref="StoreLimit"/> numbers they are kept and sorted. Otherwise one pass does it all: the first
/// <see cref="PilotChunks"/> chunks (the pilot) are drawn first and kept; around each of the pilot's percentiles a window of ranks ±4
/// standard errors wide is set; the pass then keeps every value inside a window and counts those below it. A wanted rank falls in its
/// window but with odds of about 1 in 10^4 — and then further passes draw the samples again and narrow it down by histograms.
/// </para>
/// Means and variances are sums shifted by the pilot's mean (S1 = Σ(x − c), S2 = Σ(x − c)²).
/// </summary>
public static class MonteCarlo
{
    /// <summary>Samples per chunk (each its own random stream).</summary>
    public const int ChunkSize = 1024;

    /// <summary>Chunks drawn first and kept, to set the percentile windows and the histogram's edges.</summary>
    public const int PilotChunks = 128;

    /// <summary>The most samples one run draws.</summary>
    public const long MaxSamples = 1_000_000_000;

    /// <summary>Bins of each narrowing histogram (when a percentile fell outside its window).</summary>
    public const int Bins = 4096;

    /// <summary>Bins of the histogram reported with each output.</summary>
    public const int HistogramBins = 20;

    /// <summary>Columns × samples kept whole at most (32 MB): below it every value is kept and sorted.</summary>
    public const long StoreLimit = 4_000_000;

    /// <summary>A narrowed interval is kept and sorted once it holds at most this many values.</summary>
    private const long CollectLimit = 65_536;

    /// <summary>The percentiles reported.</summary>
    public static readonly IReadOnlyList<double> Percentiles = [0.05, 0.50, 0.95];

    /// <summary>Runs <paramref name="model"/> on <paramref name="options"/>.Samples draws of <paramref name="inputs"/> (one per model input, in order).</summary>
    public static MonteCarloResult Run(IModel model, IReadOnlyList<Distribution> inputs, MonteCarloOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        if (inputs.Count != model.Inputs.Count)
        {
            throw new ArgumentException($"The model reads {model.Inputs.Count} inputs; {inputs.Count} distributions were given.", nameof(inputs));
        }

        if (options.Samples < 1 || options.Samples > MaxSamples)
        {
            throw Guard.Fail("samples", $"a whole number in [1, {NumberFormat.Integer(MaxSamples)}]", NumberFormat.Integer(options.Samples));
        }

        return new Sampling(model, [.. inputs], options).Execute();
    }

    /// <summary>Per chunk and column: accepted count, S1, S2 (shifted sums), min, max.</summary>
    private struct Moments
    {
        public long N;
        public double S1, S2, Min, Max;
    }

    /// <summary>One run: the columns (outputs, then inputs), the pilot, the pass and what it found.</summary>
    private sealed class Sampling
    {
        private readonly IModel _model;
        private readonly Distribution[] _inputs;
        private readonly MonteCarloOptions _o;
        private readonly int _outputs, _columns, _chunks;
        private readonly ParallelOptions _parallel;
        private int _pass;

        public Sampling(IModel model, Distribution[] inputs, MonteCarloOptions o)
        {
            _model = model;
            _inputs = inputs;
            _o = o;
            _outputs = model.Outputs.Count;
            _columns = _outputs + inputs.Length;
            _chunks = (int)((o.Samples + ChunkSize - 1) / ChunkSize);
            _parallel = new ParallelOptions { MaxDegreeOfParallelism = o.Threads > 0 ? o.Threads : Environment.ProcessorCount };
        }

        private int ChunkLength(int c) => (int)Math.Min(ChunkSize, _o.Samples - (long)c * ChunkSize);

        /// <summary>
        /// Draws chunk <paramref name="c"/> into a column-major block (column j of sample i at [j × ChunkSize + i]): each input's column
        /// filled from its own stream, <see cref="Rng"/>(seed, c × 2^16 + k), then the model evaluated per sample; refused samples flagged.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void Draw(int c, double[] block, bool[] refused, double[] x, double[] y)
        {
            int n = ChunkLength(c);
            for (int k = 0; k < _inputs.Length; k++)
            {
                var rng = new Rng(_o.Seed, ((ulong)c << 16) + (ulong)k);
                _inputs[k].Fill(ref rng, block.AsSpan((_outputs + k) * ChunkSize, n));
            }

            Span<double> outputs = y.AsSpan(0, _outputs);
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < _inputs.Length; k++)
                {
                    x[k] = block[((_outputs + k) * ChunkSize) + i];
                }

                bool ok = _model.Evaluate(x, outputs);
                for (int j = 0; j < _outputs; j++)
                {
                    ok &= double.IsFinite(y[j]);
                }

                refused[i] = !ok;
                for (int j = 0; j < _outputs; j++)
                {
                    block[(j * ChunkSize) + i] = ok ? y[j] : double.NaN;
                }
            }
        }

        /// <summary>A pass over chunks [<paramref name="from"/>, <paramref name="to"/>): each chunk's block (drawn, or <paramref name="kept"/>'s) handed to <paramref name="body"/>.</summary>
        private void Pass<TLocal>(int from, int to, Func<int, (double[] Block, bool[] Refused)?> kept, Func<TLocal> init, Action<int, double[], bool[], int, TLocal> body, Action<TLocal> merge)
        {
            _pass++;
            int done = 0, pass = _pass;
            var gate = new Lock();
            Parallel.For(from, to, _parallel,
                () => (Local: init(), Block: new double[_columns * ChunkSize], Refused: new bool[ChunkSize], X: new double[_inputs.Length], Y: new double[Math.Max(_outputs, 1)]),
                (c, _, s) =>
                {
                    if (kept(c) is { } k)
                    {
                        body(c, k.Block, k.Refused, ChunkLength(c), s.Local);
                    }
                    else
                    {
                        Draw(c, s.Block, s.Refused, s.X, s.Y);
                        body(c, s.Block, s.Refused, ChunkLength(c), s.Local);
                    }

                    _o.Progress?.Report((pass, (double)Interlocked.Increment(ref done) / (to - from)));
                    return s;
                },
                s =>
                {
                    lock (gate)
                    {
                        merge(s.Local);
                    }
                });
        }

        public MonteCarloResult Execute()
        {
            // The pilot: the first chunks, drawn and kept (all of them when everything fits)
            bool whole = _o.Samples * _columns <= StoreLimit;
            int pilotChunks = whole ? _chunks : Math.Min(PilotChunks, _chunks);
            var pilot = new (double[] Block, bool[] Refused)[pilotChunks];
            Pass<int>(0, pilotChunks, _ => null, () => 0, (c, block, refused, n, _) => pilot[c] = ([.. block], [.. refused]), _ => { });
            _pass = 0; // the pilot's chunks are part of the one pass, not a pass of their own

            // The pilot's values per column, sorted: the shift, the windows and the histogram's edges
            var shift = new double[_columns];
            var windows = new (double Low, double High)[_columns][];
            var edges = new (double Low, double High)[_columns];
            for (int j = 0; j < _columns; j++)
            {
                double[] v = [.. Enumerable.Range(0, pilotChunks).SelectMany(c => Enumerable.Range(0, ChunkLength(c)).Where(i => !pilot[c].Refused[i]).Select(i => pilot[c].Block[(j * ChunkSize) + i]))];
                Array.Sort(v);
                int m = v.Length;
                shift[j] = m == 0 ? 0 : v.Average();
                double span = m == 0 ? 0 : v[^1] - v[0];
                edges[j] = m == 0 ? (0, 0) : (v[0] - span / 4, v[^1] + span / 4);
                // inputs get moments, min, max and the histogram (their percentiles are their distributions'); outputs a window per percentile
                windows[j] = j >= _outputs ? [] : whole || m == 0 ? [(double.NegativeInfinity, double.PositiveInfinity)]
                    : [.. Percentiles.Distinct().Select(p =>
                    {
                        double d = _o.WindowStandardErrors * Math.Sqrt(p * (1 - p) / m) + 2.0 / m;
                        return (p - d <= 0 ? double.NegativeInfinity : v[(int)Math.Floor((m - 1) * (p - d))], p + d >= 1 ? double.PositiveInfinity : v[(int)Math.Ceiling((m - 1) * (p + d))]);
                    }).Distinct()];
            }

            // The pass: moments per chunk, the histogram, each window's values kept and the values below it counted
            var moments = new Moments[_chunks, _columns];
            var kept = windows.Select(w => w.Select(_ => new List<double>()).ToArray()).ToArray();
            var below = windows.Select(w => new long[w.Length]).ToArray();
            var atLowEdge = windows.Select(w => new long[w.Length]).ToArray();
            var atHighEdge = windows.Select(w => new long[w.Length]).ToArray();
            var histogram = new long[_columns, HistogramBins];
            Pass(0, _chunks, c => c < pilotChunks ? pilot[c] : null, () => new Local(windows, _columns),
                (c, block, refused, n, local) =>
                {
                    bool anyRefused = refused.AsSpan(0, n).Contains(true);
                    for (int j = 0; j < _columns; j++)
                    {
                        moments[c, j] = Tally(block.AsSpan(j * ChunkSize, n), refused, anyRefused, shift[j], edges[j], windows[j],
                            local.Kept[j], local.Below[j], local.AtLow[j], local.AtHigh[j], local.Histogram.AsSpan(j * HistogramBins, HistogramBins));
                    }
                },
                local =>
                {
                    for (int j = 0; j < _columns; j++)
                    {
                        for (int k = 0; k < windows[j].Length; k++)
                        {
                            kept[j][k].AddRange(local.Kept[j][k]);
                            below[j][k] += local.Below[j][k];
                            atLowEdge[j][k] += local.AtLow[j][k];
                            atHighEdge[j][k] += local.AtHigh[j][k];
                        }

                        for (int b = 0; b < HistogramBins; b++)
                        {
                            histogram[j, b] += local.Histogram[(j * HistogramBins) + b];
                        }
                    }
                });

            var total = new Moments[_columns];
            for (int j = 0; j < _columns; j++)
            {
                var t = new Moments { Min = double.PositiveInfinity, Max = double.NegativeInfinity };
                for (int c = 0; c < _chunks; c++)
                {
                    Moments m = moments[c, j];
                    (t.N, t.S1, t.S2, t.Min, t.Max) = (t.N + m.N, t.S1 + m.S1, t.S2 + m.S2, Math.Min(t.Min, m.Min), Math.Max(t.Max, m.Max));
                }

                total[j] = t;
            }

            long accepted = _columns == 0 ? 0 : total[0].N;
            if (accepted == 0)
            {
                throw Guard.Fail("samples", "at least one the model takes", $"none of {NumberFormat.Integer(_o.Samples)}",
                    "every sample was refused: narrow the distributions");
            }

            // Each wanted rank from the window that holds it, else narrowed by further passes
            long[] ranks = [.. Percentiles.SelectMany(p => new[] { (long)Math.Floor((accepted - 1) * p), Math.Min((long)Math.Floor((accepted - 1) * p) + 1, accepted - 1) }).Distinct()];
            var found = new Dictionary<(int Column, long Rank), double>();
            var queries = new List<Query>();
            Parallel.For(0, _columns, _parallel, j =>
            {
                foreach (List<double> list in kept[j])
                {
                    list.Sort();
                }
            });
            for (int j = 0; j < _outputs; j++)
            {
                foreach (long rank in ranks)
                {
                    bool done = false;
                    for (int k = 0; k < windows[j].Length && !done; k++)
                    {
                        // ranks in the window: its low edge's values, the kept values sorted, its high edge's values
                        long offset = rank - below[j][k], low = atLowEdge[j][k], inside = kept[j][k].Count, high = atHighEdge[j][k];
                        double? value = offset < 0 ? null : offset < low ? windows[j][k].Low : offset < low + inside ? kept[j][k][(int)(offset - low)]
                            : offset < low + inside + high ? windows[j][k].High : null;
                        if (value is { } v)
                        {
                            found[(j, rank)] = v;
                            done = true;
                        }
                    }

                    if (!done)
                    {
                        queries.Add(new Query(j, rank, total[j].Min, total[j].Max, 0, accepted));
                    }
                }
            }

            while (queries.Any(q => q.Value is null))
            {
                Refine(queries);
            }

            foreach (Query q in queries)
            {
                found[(q.Column, q.Rank)] = q.Value!.Value;
            }

            OutputSummary Summary(int j, string name)
            {
                Moments t = total[j];
                double Percentile(double p)
                {
                    double at = (accepted - 1) * p;
                    long lo = (long)Math.Floor(at);
                    double a = found[(j, lo)], b = found[(j, Math.Min(lo + 1, accepted - 1))];
                    return a + (at - lo) * (b - a);
                }

                double variance = t.N > 1 ? Math.Max(0, (t.S2 - t.S1 * t.S1 / t.N) / (t.N - 1)) : 0;
                bool input = j >= _outputs;
                return new OutputSummary(name, shift[j] + t.S1 / t.N, Math.Sqrt(variance), input ? double.NaN : Percentile(0.05), input ? double.NaN : Percentile(0.5),
                    input ? double.NaN : Percentile(0.95), t.Min, t.Max,
                    edges[j].Low, edges[j].High, [.. Enumerable.Range(0, HistogramBins).Select(b => histogram[j, b])]);
            }

            return new MonteCarloResult(_o.Samples, _o.Seed, _o.Samples - accepted,
                [.. _inputs.Select((d, k) => Summary(_outputs + k, d.Parameter))],
                [.. _model.Outputs.Select((name, j) => Summary(j, name))], Math.Max(_pass, 1));
        }

        /// <summary>
        /// One column of one chunk: shifted sums, min, max, the histogram, and each window's values kept (edges counted) and the values
        /// below it counted. Four lanes at a time when no sample was refused (Vector256: the same sums on every machine).
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private static Moments Tally(ReadOnlySpan<double> v, bool[] refused, bool anyRefused, double shift, (double Low, double High) edges,
            (double Low, double High)[] windows, List<double>[] keep, long[] under, long[] atLow, long[] atHigh, Span<long> histogram)
        {
            double lo = edges.Low, w = edges.High - edges.Low, scale = w > 0 ? HistogramBins / w : 0;
            var m = new Moments { Min = double.PositiveInfinity, Max = double.NegativeInfinity };
            int i = 0;
            if (!anyRefused)
            {
                Vector256<double> vs1 = Vector256<double>.Zero, vs2 = Vector256<double>.Zero;
                Vector256<double> vmin = Vector256.Create(double.PositiveInfinity), vmax = Vector256.Create(double.NegativeInfinity);
                Vector256<double> vshift = Vector256.Create(shift), vlo = Vector256.Create(lo), vscale = Vector256.Create(scale), vtop = Vector256.Create(HistogramBins - 1.0);
                Span<Vector256<double>> lows = stackalloc Vector256<double>[windows.Length], highs = stackalloc Vector256<double>[windows.Length];
                Span<bool> point = stackalloc bool[windows.Length];
                for (int k = 0; k < windows.Length; k++)
                {
                    (lows[k], highs[k], point[k]) = (Vector256.Create(windows[k].Low), Vector256.Create(windows[k].High), windows[k].Low == windows[k].High);
                }

                for (; i + 4 <= v.Length; i += 4)
                {
                    var x = Vector256.Create(v.Slice(i, 4));
                    var d = x - vshift;
                    vs1 += d;
                    vs2 += d * d;
                    vmin = Vector256.Min(vmin, x);
                    vmax = Vector256.Max(vmax, x);
                    var bins = Vector256.ConvertToInt64(Vector256.Min(Vector256.Max((x - vlo) * vscale, Vector256<double>.Zero), vtop));
                    histogram[(int)bins[0]]++;
                    histogram[(int)bins[1]]++;
                    histogram[(int)bins[2]]++;
                    histogram[(int)bins[3]]++;
                    for (int k = 0; k < windows.Length; k++)
                    {
                        under[k] += BitOperations.PopCount(Vector256.LessThan(x, lows[k]).ExtractMostSignificantBits());
                        if (point[k])
                        {
                            // a window of one value (a constant, a choice): its values counted four at a time
                            atLow[k] += BitOperations.PopCount(Vector256.Equals(x, lows[k]).ExtractMostSignificantBits());
                            continue;
                        }

                        uint inside = (Vector256.GreaterThanOrEqual(x, lows[k]) & Vector256.LessThanOrEqual(x, highs[k])).ExtractMostSignificantBits();
                        while (inside != 0)
                        {
                            double value = v[i + BitOperations.TrailingZeroCount(inside)];
                            inside &= inside - 1;
                            if (value == windows[k].Low)
                            {
                                atLow[k]++;
                            }
                            else if (value == windows[k].High)
                            {
                                atHigh[k]++;
                            }
                            else
                            {
                                keep[k].Add(value);
                            }
                        }
                    }
                }

                m.N = i;
                m.S1 = (vs1[0] + vs1[1]) + (vs1[2] + vs1[3]);
                m.S2 = (vs2[0] + vs2[1]) + (vs2[2] + vs2[3]);
                m.Min = Math.Min(Math.Min(vmin[0], vmin[1]), Math.Min(vmin[2], vmin[3]));
                m.Max = Math.Max(Math.Max(vmax[0], vmax[1]), Math.Max(vmax[2], vmax[3]));
            }

            for (; i < v.Length; i++)
            {
                if (refused[i])
                {
                    continue;
                }

                double x = v[i], d = x - shift;
                m.N++;
                m.S1 += d;
                m.S2 += d * d;
                m.Min = Math.Min(m.Min, x);
                m.Max = Math.Max(m.Max, x);
                histogram[(int)Math.Clamp((x - lo) * scale, 0, HistogramBins - 1)]++;
                for (int k = 0; k < windows.Length; k++)
                {
                    // a window's edges are counted, not kept: a point mass (a constant, a choice) costs no memory
                    if (x < windows[k].Low)
                    {
                        under[k]++;
                    }
                    else if (x == windows[k].Low)
                    {
                        atLow[k]++;
                    }
                    else if (x < windows[k].High)
                    {
                        keep[k].Add(x);
                    }
                    else if (x == windows[k].High)
                    {
                        atHigh[k]++;
                    }
                }
            }

            return m;
        }

        /// <summary>One pass drawing every sample again to narrow each open rank: a histogram of its interval (each bin's min and max), or its values kept once few.</summary>
        private void Refine(List<Query> queries)
        {
            foreach (Query q in queries.Where(q => q.Value is null && q.Low == q.High))
            {
                q.Value = q.Low; // every value in the interval is the same
            }

            Query[] open = [.. queries.Where(q => q.Value is null)];
            if (open.Length == 0)
            {
                return;
            }

            var counts = open.Select(_ => new long[Bins]).ToArray();
            var mins = open.Select(_ => Enumerable.Repeat(double.PositiveInfinity, Bins).ToArray()).ToArray();
            var maxs = open.Select(_ => Enumerable.Repeat(double.NegativeInfinity, Bins).ToArray()).ToArray();
            var values = open.Select(_ => new List<double>()).ToArray();
            Pass(0, _chunks, _ => null, () => new Narrowing(open.Length),
                (c, block, refused, n, local) =>
                {
                    for (int k = 0; k < open.Length; k++)
                    {
                        Query q = open[k];
                        int at = q.Column * ChunkSize;
                        double lo = q.Low, hi = q.High, scale = Bins / (hi - lo);
                        bool keep = q.Count <= CollectLimit;
                        for (int i = 0; i < n; i++)
                        {
                            double v = block[at + i];
                            if (refused[i] || v < lo || v > hi)
                            {
                                continue;
                            }

                            if (keep)
                            {
                                local.Values[k].Add(v);
                                continue;
                            }

                            int b = (int)Math.Min(Bins - 1, (v - lo) * scale);
                            local.Counts[k][b]++;
                            local.Mins[k][b] = Math.Min(local.Mins[k][b], v);
                            local.Maxs[k][b] = Math.Max(local.Maxs[k][b], v);
                        }
                    }
                },
                local =>
                {
                    for (int k = 0; k < open.Length; k++)
                    {
                        values[k].AddRange(local.Values[k]);
                        for (int b = 0; b < Bins; b++)
                        {
                            counts[k][b] += local.Counts[k][b];
                            mins[k][b] = Math.Min(mins[k][b], local.Mins[k][b]);
                            maxs[k][b] = Math.Max(maxs[k][b], local.Maxs[k][b]);
                        }
                    }
                });

            for (int k = 0; k < open.Length; k++)
            {
                Query q = open[k];
                if (q.Count <= CollectLimit)
                {
                    values[k].Sort();
                    q.Value = values[k][(int)(q.Rank - q.Below)];
                    continue;
                }

                long under = q.Below;
                for (int b = 0; b < Bins; b++)
                {
                    if (q.Rank < under + counts[k][b])
                    {
                        // the bins are ordered (the bin index is monotone in the value), so bin b holds exactly the values in [min_b, max_b]
                        (q.Low, q.High, q.Below, q.Count) = (mins[k][b], maxs[k][b], under, counts[k][b]);
                        break;
                    }

                    under += counts[k][b];
                }
            }
        }
    }

    /// <summary>A wanted order statistic: its column and rank, the interval known to hold it, the values below it, how many in it.</summary>
    private sealed class Query(int column, long rank, double low, double high, long below, long count)
    {
        public int Column { get; } = column;

        public long Rank { get; } = rank;

        public double Low { get; set; } = low;

        public double High { get; set; } = high;

        public long Below { get; set; } = below;

        public long Count { get; set; } = count;

        public double? Value { get; set; }
    }

    /// <summary>One thread's share of the pass: each window's values and the count below it, the histogram.</summary>
    private sealed class Local(IReadOnlyList<(double Low, double High)[]> windows, int columns)
    {
        public List<double>[][] Kept { get; } = [.. windows.Select(w => w.Select(_ => new List<double>()).ToArray())];

        public long[][] Below { get; } = [.. windows.Select(w => new long[w.Length])];

        public long[][] AtLow { get; } = [.. windows.Select(w => new long[w.Length])];

        public long[][] AtHigh { get; } = [.. windows.Select(w => new long[w.Length])];

        public long[] Histogram { get; } = new long[columns * HistogramBins];
    }

    /// <summary>One thread's counts in a narrowing pass.</summary>
    private sealed class Narrowing(int queries)
    {
        public long[][] Counts { get; } = [.. Enumerable.Range(0, queries).Select(_ => new long[Bins])];

        public double[][] Mins { get; } = [.. Enumerable.Range(0, queries).Select(_ => Enumerable.Repeat(double.PositiveInfinity, Bins).ToArray())];

        public double[][] Maxs { get; } = [.. Enumerable.Range(0, queries).Select(_ => Enumerable.Repeat(double.NegativeInfinity, Bins).ToArray())];

        public List<double>[] Values { get; } = [.. Enumerable.Range(0, queries).Select(_ => new List<double>())];
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    /// <summary>The outputs to summarize (null: all); the others are computed by the model but not tallied.</summary>
    public IReadOnlyList<string>? Outputs { get; init; }

    /// <summary>Half-width of each percentile's window in the pilot's standard errors; below 0, no windows (tests make the narrowing passes run).</summary>
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
/// <see cref="ChunkSize"/>; input k of chunk c draws from its own stream (stream c × 2^16 + k of the seed: <see cref="Distribution.Fill"/>), so a sample's values
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
        private readonly bool[] _tallied;
        private readonly ParallelOptions _parallel;
        private int _pass;

        public Sampling(IModel model, Distribution[] inputs, MonteCarloOptions o)
        {
            _model = model;
            _inputs = inputs;
            _o = o;
            _outputs = model.Outputs.Count;
            _columns = _outputs + inputs.Length;
            _tallied = [.. Enumerable.Range(0, _columns).Select(j => j >= _outputs || o.Outputs is null || o.Outputs.Contains(model.Outputs[j]))];
            _chunks = (int)((o.Samples + ChunkSize - 1) / ChunkSize);
            _parallel = new ParallelOptions { MaxDegreeOfParallelism = o.Threads > 0 ? o.Threads : Environment.ProcessorCount };
        }

        private int ChunkLength(int c) => (int)Math.Min(ChunkSize, _o.Samples - (long)c * ChunkSize);

        /// <summary>
        /// Draws chunk <paramref name="c"/> into a column-major block (column j of sample i at [j × ChunkSize + i]): each input's column
        /// filled from its own stream, c × 2^16 + k (<see cref="Distribution.Fill"/>), then the model evaluated per sample; refused samples flagged.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void Draw(int c, double[] block, bool[] refused)
        {
            int n = ChunkLength(c);
            for (int k = 0; k < _inputs.Length; k++)
            {
                _inputs[k].Fill(_o.Seed, ((ulong)c << 16) + (ulong)k, block.AsSpan((_outputs + k) * ChunkSize, n));
            }

            _model.EvaluateBlock(block, ChunkSize, n, refused.AsSpan(0, n));
        }

        /// <summary>A pass over chunks [<paramref name="from"/>, <paramref name="to"/>): each chunk's block (drawn, or <paramref name="kept"/>'s) handed to <paramref name="body"/>.</summary>
        private void Pass<TLocal>(int from, int to, Func<int, (double[] Block, bool[] Refused)?> kept, Func<TLocal> init, Action<int, double[], bool[], int, TLocal> body, Action<TLocal> merge)
        {
            _pass++;
            int done = 0, pass = _pass;
            var gate = new Lock();
            Parallel.For(from, to, _parallel,
                () => (Local: init(), Block: new double[_columns * ChunkSize], Refused: new bool[ChunkSize]),
                (c, _, s) =>
                {
                    if (kept(c) is { } k)
                    {
                        body(c, k.Block, k.Refused, ChunkLength(c), s.Local);
                    }
                    else
                    {
                        Draw(c, s.Block, s.Refused);
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

            // The pilot's values per column: the shift, the histogram's edges and the windows
            var plans = new Plan[_columns];
            Parallel.For(0, _columns, _parallel, j =>
            {
                if (!_tallied[j])
                {
                    plans[j] = new Plan();
                    return;
                }

                var v = new List<double>(pilotChunks * ChunkSize);
                for (int c = 0; c < pilotChunks; c++)
                {
                    for (int i = 0; i < ChunkLength(c); i++)
                    {
                        if (!pilot[c].Refused[i])
                        {
                            v.Add(pilot[c].Block[(j * ChunkSize) + i]);
                        }
                    }
                }

                plans[j] = Plan.Of([.. v], j < _outputs, whole, _o.WindowStandardErrors);
            });
            if (!whole)
            {
                // drawn again in the pass: holding 131,072 samples' columns would cost more memory than drawing them twice costs time; their
                // memory goes back to the system before the pass fills the windows (a run is bounded by the windows, not by the pilot)
                pilot = [];
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }

            // The pass: moments per chunk, the histogram, each window's values kept and the values below it counted
            var moments = new Moments[_chunks, _columns];
            var display = new long[_columns][];
            var parts = new List<List<double>>[_columns][];
            var under = new long[_columns][];
            var points = new (long Below, long Equal)[_columns][];
            for (int j = 0; j < _columns; j++)
            {
                display[j] = new long[HistogramBins];
                parts[j] = [.. plans[j].Windows.Select(_ => new List<List<double>>())];
                under[j] = new long[plans[j].Windows.Length];
                points[j] = new (long, long)[plans[j].Points.Length];
            }

            int threads = _parallel.MaxDegreeOfParallelism;
            Pass(0, _chunks, c => c < pilot.Length ? pilot[c] : null, () => new Local(plans, _o.Samples, threads),
                (c, block, refused, n, local) =>
                {
                    bool anyRefused = refused.AsSpan(0, n).Contains(true);
                    for (int j = 0; j < _columns; j++)
                    {
                        if (!_tallied[j])
                        {
                            continue;
                        }

                        moments[c, j] = Tally(block.AsSpan(j * ChunkSize, n), refused, anyRefused, plans[j], local.Display[j], local.Kept[j], local.Under[j], local.Points[j], local.Bins, local.Hits);
                    }
                },
                local =>
                {
                    for (int j = 0; j < _columns; j++)
                    {
                        for (int b = 0; b < HistogramBins; b++)
                        {
                            for (int lane = 0; lane < 4; lane++)
                            {
                                display[j][b] += local.Display[j][(lane * HistogramBins) + b];
                            }
                        }

                        for (int k = 0; k < parts[j].Length; k++)
                        {
                            parts[j][k].Add(local.Kept[j][k]); // each thread's values, copied once into one array below
                            under[j][k] += local.Under[j][k];
                        }

                        for (int k = 0; k < points[j].Length; k++)
                        {
                            points[j][k] = (points[j][k].Below + local.Points[j][k].Below, points[j][k].Equal + local.Points[j][k].Equal);
                        }
                    }
                });

            var kept = new double[_columns][][];
            for (int j = 0; j < _columns; j++)
            {
                kept[j] = new double[parts[j].Length][];
                for (int k = 0; k < parts[j].Length; k++)
                {
                    kept[j][k] = new double[parts[j][k].Sum(l => l.Count)];
                    int at = 0;
                    foreach (List<double> part in parts[j][k])
                    {
                        CollectionsMarshal.AsSpan(part).CopyTo(kept[j][k].AsSpan(at));
                        at += part.Count;
                    }

                    parts[j][k].Clear();
                }
            }

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

            long accepted = _columns == 0 ? 0 : total[Array.IndexOf(_tallied, true)].N;
            if (accepted == 0)
            {
                throw Guard.Fail("samples", "at least one the model takes", $"none of {NumberFormat.Integer(_o.Samples)}",
                    "every sample was refused: narrow the distributions");
            }

            // Each wanted rank from the window that holds it, else narrowed by further passes
            long[] ranks = [.. Percentiles.SelectMany(p => new[] { (long)Math.Floor((accepted - 1) * p), Math.Min((long)Math.Floor((accepted - 1) * p) + 1, accepted - 1) }).Distinct()];
            // (the columns' selections at once: each reorders only its own kept values)
            var fromWindows = new double?[_outputs][];
            Parallel.For(0, _outputs, _parallel, j =>
                fromWindows[j] = _tallied[j] ? plans[j].Find(ranks, under[j], kept[j], points[j]) : []);
            var found = new Dictionary<(int Column, long Rank), double>();
            var queries = new List<Query>();
            for (int j = 0; j < _outputs; j++)
            {
                for (int r = 0; r < fromWindows[j].Length; r++)
                {
                    if (fromWindows[j][r] is { } value)
                    {
                        found[(j, ranks[r])] = value;
                    }
                    else
                    {
                        queries.Add(new Query(j, ranks[r], total[j].Min, total[j].Max, 0, accepted));
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
                return new OutputSummary(name, plans[j].Shift + t.S1 / t.N, Math.Sqrt(variance), input ? double.NaN : Percentile(0.05), input ? double.NaN : Percentile(0.5),
                    input ? double.NaN : Percentile(0.95), t.Min, t.Max, plans[j].Low, plans[j].High, display[j]);
            }

            return new MonteCarloResult(_o.Samples, _o.Seed, _o.Samples - accepted,
                [.. _inputs.Select((d, k) => Summary(_outputs + k, d.Parameter))],
                [.. _model.Outputs.Select((name, j) => (name, j)).Where(p => _tallied[p.j]).Select(p => Summary(p.j, p.name))], Math.Max(_pass, 1));
        }

        /// <summary>
        /// One column of one chunk: shifted sums, min, max; the histogram (one copy per lane, so that no lane waits on another's count);
        /// each window's values kept and the values below it counted; each point window's values below and equal counted. Four lanes at a
        /// time when no sample was refused (Vector256: the same sums on every machine), else (and for a chunk's last values) one at a time.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static Moments Tally(ReadOnlySpan<double> v, bool[] refused, bool anyRefused, Plan plan, int[] display, List<double>[] keep, long[] under, (long Below, long Equal)[] points, int[] bins, int[] hits)
        {
            double lo = plan.Low, scale = plan.Scale;
            (double Low, double High)[] windows = plan.Windows;
            double[] point = plan.Points;
            var m = new Moments { Min = double.PositiveInfinity, Max = double.NegativeInfinity };
            int i = 0;
            if (!anyRefused)
            {
                // four short loops over the column (8 KB, in the first-level cache) rather than one long one, each a method of its own so
                // that its vectors stay in registers: the sums and bins, the counts, the windows, the points
                int whole = v.Length & ~3;
                m = SumsAndBins(v[..whole], plan, bins);
                i = whole;
                Count(bins.AsSpan(0, whole), display);

                int found = windows.Length > 0 ? InWindows(v[..whole], windows, under, hits) : 0;
                foreach (int hit in hits.AsSpan(0, found))
                {
                    keep[hit & 3].Add(v[hit >> 2]);
                }

                // the point windows: values below and equal
                for (int k = 0; k < point.Length; k++)
                {
                    Vector256<double> pv = Vector256.Create(point[k]);
                    Vector256<long> below = Vector256<long>.Zero, equal = Vector256<long>.Zero;
                    for (int at = 0; at < whole; at += 4)
                    {
                        var x = Vector256.Create(v.Slice(at, 4));
                        below -= Vector256.LessThan(x, pv).AsInt64();
                        equal -= Vector256.Equals(x, pv).AsInt64();
                    }

                    points[k] = (points[k].Below + (below[0] + below[1]) + (below[2] + below[3]), points[k].Equal + (equal[0] + equal[1]) + (equal[2] + equal[3]));
                }

            }

            for (; i < v.Length; i++)
            {
                if (refused[i])
                {
                    continue;
                }

                double x = v[i], d = x - plan.Shift;
                m.N++;
                m.S1 += d;
                m.S2 += d * d;
                m.Min = Math.Min(m.Min, x);
                m.Max = Math.Max(m.Max, x);
                display[(int)Math.Clamp((x - lo) * scale, 0, HistogramBins - 1)]++;
                for (int k = 0; k < windows.Length; k++)
                {
                    if (x < windows[k].Low)
                    {
                        under[k]++;
                    }
                    else if (x <= windows[k].High)
                    {
                        keep[k].Add(x);
                    }
                }

                for (int k = 0; k < point.Length; k++)
                {
                    points[k] = (points[k].Below + (x < point[k] ? 1 : 0), points[k].Equal + (x == point[k] ? 1 : 0));
                }
            }

            return m;
        }

        /// <summary>
        /// The shifted sums, min and max of <paramref name="v"/> (a whole number of 4-lane groups) in four lanes, and each value's bin
        /// into <paramref name="bins"/>: each lane's bin in its own copy of the histogram, every index in [0, 4 × HistogramBins) (clamped
        /// again as whole numbers, since a NaN no model should let through converts to int.MinValue).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
        private static Moments SumsAndBins(ReadOnlySpan<double> v, Plan plan, int[] bins)
        {
            Vector256<double> vs1 = Vector256<double>.Zero, vs2 = Vector256<double>.Zero;
            Vector256<double> vmin = Vector256.Create(double.PositiveInfinity), vmax = Vector256.Create(double.NegativeInfinity);
            Vector256<double> vshift = Vector256.Create(plan.Shift), vlo = Vector256.Create(plan.Low), vscale = Vector256.Create(plan.Scale), vtop = Vector256.Create(HistogramBins - 1.0);
            Vector128<int> lanes = Vector128.Create(0, HistogramBins, 2 * HistogramBins, 3 * HistogramBins), vtopBin = Vector128.Create(HistogramBins - 1);
            ref double x0 = ref MemoryMarshal.GetReference(v);
            ref int b0 = ref MemoryMarshal.GetArrayDataReference(bins);
            if (bins.Length < v.Length)
            {
                throw new ArgumentException("One bin per value.", nameof(bins));
            }

            for (int i = 0; i + 4 <= v.Length; i += 4)
            {
                var x = Vector256.LoadUnsafe(ref x0, (nuint)i);
                var d = x - vshift;
                vs1 += d;
                vs2 += d * d;
                vmin = Vector256.MinNative(vmin, x); // no NaN here (a refused sample's NaNs take the scalar path): the one instruction
                vmax = Vector256.MaxNative(vmax, x);
                Vector256<double> at = Vector256.MinNative(Vector256.MaxNative((x - vlo) * vscale, Vector256<double>.Zero), vtop);
                (Vector128.Min(Vector128.Max(Vectors.Truncate(at), Vector128<int>.Zero), vtopBin) + lanes).StoreUnsafe(ref b0, (nuint)i);
            }

            return new Moments
            {
                N = v.Length & ~3,
                S1 = (vs1[0] + vs1[1]) + (vs1[2] + vs1[3]),
                S2 = (vs2[0] + vs2[1]) + (vs2[2] + vs2[3]),
                Min = Math.Min(Math.Min(vmin[0], vmin[1]), Math.Min(vmin[2], vmin[3])),
                Max = Math.Max(Math.Max(vmax[0], vmax[1]), Math.Max(vmax[2], vmax[3])),
            };
        }

        /// <summary>Counts each bin (lane offset added) in <paramref name="counts"/>: a loop of its own, so that its pointers stay in registers.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
        private static void Count(ReadOnlySpan<int> bins, int[] counts)
        {
            ref int c = ref MemoryMarshal.GetArrayDataReference(counts);
            foreach (int b in bins)
            {
                Unsafe.Add(ref c, b)++;
            }
        }

        /// <summary>
        /// The windows (up to three, one per percentile; one not there has NaN ends, which no value is below or inside): the values below
        /// each counted into <paramref name="under"/> (a comparison's true lane is −1: subtracting it counts), those inside noted in
        /// <paramref name="hits"/> as (index × 4 + window); returns how many.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
        private static int InWindows(ReadOnlySpan<double> v, (double Low, double High)[] windows, long[] under, int[] hits)
        {
            int found = 0;
            Vector256<double> l0 = Edge(windows, 0, false), h0 = Edge(windows, 0, true), l1 = Edge(windows, 1, false), h1 = Edge(windows, 1, true);
            Vector256<double> l2 = Edge(windows, 2, false), h2 = Edge(windows, 2, true);
            Vector256<long> below0 = Vector256<long>.Zero, below1 = Vector256<long>.Zero, below2 = Vector256<long>.Zero;
            for (int at = 0; at + 4 <= v.Length; at += 4)
            {
                var x = Vector256.Create(v.Slice(at, 4));
                below0 -= Vector256.LessThan(x, l0).AsInt64();
                below1 -= Vector256.LessThan(x, l1).AsInt64();
                below2 -= Vector256.LessThan(x, l2).AsInt64();
                uint in0 = (Vector256.GreaterThanOrEqual(x, l0) & Vector256.LessThanOrEqual(x, h0)).ExtractMostSignificantBits();
                uint in1 = (Vector256.GreaterThanOrEqual(x, l1) & Vector256.LessThanOrEqual(x, h1)).ExtractMostSignificantBits();
                uint in2 = (Vector256.GreaterThanOrEqual(x, l2) & Vector256.LessThanOrEqual(x, h2)).ExtractMostSignificantBits();
                for (uint all = in0 | (in1 << 4) | (in2 << 8); all != 0; all &= all - 1)
                {
                    int bit = BitOperations.TrailingZeroCount(all);
                    hits[found++] = ((at + (bit & 3)) << 2) | (bit >> 2);
                }
            }

            for (int k = 0; k < windows.Length; k++)
            {
                Vector256<long> b = k == 0 ? below0 : k == 1 ? below1 : below2;
                under[k] += (b[0] + b[1]) + (b[2] + b[3]);
            }

            return found;
        }

        /// <summary>Window <paramref name="k"/>'s low or high end in every lane; NaN when there is no such window.</summary>
        private static Vector256<double> Edge((double Low, double High)[] windows, int k, bool high) =>
            Vector256.Create(k >= windows.Length ? double.NaN : high ? windows[k].High : windows[k].Low);

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
                    q.Value = Nth(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values[k]), (int)(q.Rank - q.Below));
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

    /// <summary>
    /// The <paramref name="k"/>-th smallest of <paramref name="values"/> (0-based), by quickselect (Hoare's FIND, median-of-three pivot):
    /// linear time, the span reordered in place. The value does not depend on the order the values came in.
    /// </summary>
    internal static double Nth(Span<double> values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (hi > lo)
        {
            int mid = lo + ((hi - lo) / 2);
            double a = values[lo], b = values[mid], c = values[hi];
            double pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
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

    /// <summary>One thread's share of the pass: per column the histogram (a copy per lane), each window's kept values and the count below it, each point window's counts.</summary>
    private sealed class Local(Plan[] plans, long samples, int threads)
    {
        public int[][] Display { get; } = [.. plans.Select(_ => new int[4 * HistogramBins])];

        /// <summary>Each window's values, sized for this thread's expected share (the pilot's share inside the window, and a fifth more) so they seldom grow.</summary>
        public List<double>[][] Kept { get; } = [.. plans.Select(p => p.Share.Select(f => new List<double>((int)Math.Min(1 << 26, (f * samples / threads * 1.2) + 256))).ToArray())];

        public long[][] Under { get; } = [.. plans.Select(p => new long[p.Windows.Length])];

        /// <summary>A column's bins in one chunk (lane offset added), before they are counted.</summary>
        public int[] Bins { get; } = new int[ChunkSize];

        /// <summary>A column's values inside a window in one chunk, before they are kept (at most one per value and window).</summary>
        public int[] Hits { get; } = new int[3 * ChunkSize];

        public (long Below, long Equal)[][] Points { get; } = [.. plans.Select(p => new (long, long)[p.Points.Length])];
    }

    /// <summary>
    /// What the pass does with one column, set from the pilot: the shift of its sums, the histogram's edges (the pilot's range widened
    /// by a quarter each side; values beyond go to the end bins), and the windows around each percentile — a range of values kept, or,
    /// where the pilot's window is one value (a constant, a choice), that value, whose values are counted.
    /// </summary>
    private sealed class Plan
    {
        public double Shift { get; private init; }

        public double Low { get; private init; }

        public double High { get; private init; }

        public double Scale { get; private init; }

        public (double Low, double High)[] Windows { get; private init; } = [];

        /// <summary>The share of the pilot's values inside each window.</summary>
        public double[] Share { get; private init; } = [];

        public double[] Points { get; private init; } = [];

        /// <summary>The plan from the pilot's values (reordered in place: only the order statistics wanted are found, no sort).</summary>
        public static Plan Of(double[] values, bool output, bool whole, double standardErrors)
        {
            int m = values.Length;
            if (m == 0)
            {
                return new Plan();
            }

            double min = values.Min(), max = values.Max();
            double span = max - min, low = min - span / 4, high = max + span / 4;
            var windows = new List<(double Low, double High)>();
            var points = new List<double>();
            if (output && whole)
            {
                windows.Add((double.NegativeInfinity, double.PositiveInfinity));
            }
            else if (output && standardErrors >= 0)
            {
                foreach (double p in Percentiles)
                {
                    double d = standardErrors * Math.Sqrt(p * (1 - p) / m) + 2.0 / m;
                    double a = p - d <= 0 ? double.NegativeInfinity : Nth(values, (int)Math.Floor((m - 1) * (p - d)));
                    double b = p + d >= 1 ? double.PositiveInfinity : Nth(values, (int)Math.Ceiling((m - 1) * (p + d)));
                    if (a == b)
                    {
                        points.Add(a);
                    }
                    else
                    {
                        windows.Add((a, b));
                    }
                }
            }

            (double Low, double High)[] distinct = [.. windows.Distinct()];
            return new Plan
            {
                Shift = values.Average(), Low = low, High = high, Scale = span > 0 ? HistogramBins / (high - low) : 0,
                Windows = distinct, Share = [.. distinct.Select(w => (double)values.Count(x => x >= w.Low && x <= w.High) / m)], Points = [.. points.Distinct()],
            };
        }

        /// <summary>
        /// The value of each rank of <paramref name="ranks"/> (ascending) a window holds, else null. A rank one above the last one selected
        /// in the same window is the smallest value above it: quickselect leaves every value above the one it selects to its right.
        /// </summary>
        public double?[] Find(long[] ranks, long[] under, double[][] kept, (long Below, long Equal)[] points)
        {
            var values = new double?[ranks.Length];
            (int Window, int Index) last = (-1, -1);
            for (int r = 0; r < ranks.Length; r++)
            {
                long rank = ranks[r];
                for (int k = 0; k < Windows.Length && values[r] is null; k++)
                {
                    if (rank >= under[k] && rank - under[k] < kept[k].Length)
                    {
                        int at = (int)(rank - under[k]);
                        values[r] = last == (k, at - 1) ? Min(kept[k].AsSpan(at)) : Nth(kept[k], at);
                        last = (k, at);
                    }
                }

                for (int k = 0; k < Points.Length && values[r] is null; k++)
                {
                    if (rank >= points[k].Below && rank < points[k].Below + points[k].Equal)
                    {
                        values[r] = Points[k];
                    }
                }
            }

            return values;
        }

        private static double Min(ReadOnlySpan<double> values)
        {
            double min = double.PositiveInfinity;
            foreach (double x in values)
            {
                min = Math.Min(min, x);
            }

            return min;
        }
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

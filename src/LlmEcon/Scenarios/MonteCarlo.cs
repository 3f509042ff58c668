namespace LlmEcon.Scenarios;

/// <summary>How a Monte Carlo runs.</summary>
/// <param name="Samples">Samples to draw (1 to <see cref="MonteCarlo.MaxSamples"/>).</param>
/// <param name="Seed">The seed: the same seed gives the same numbers on any machine and any thread count.</param>
/// <param name="Threads">Threads to run on (0: one per core).</param>
/// <param name="Progress">Told the pass (1, 2, …) and the share of it done, from any thread.</param>
public sealed record MonteCarloOptions(long Samples, ulong Seed, int Threads = 0, IProgress<(int Pass, double Done)>? Progress = null);

/// <summary>One output's distribution over the samples the model took.</summary>
/// <param name="Name">The output.</param>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">The sample standard deviation (n − 1).</param>
/// <param name="P5">The 5th percentile.</param>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="Histogram">Counts in <see cref="MonteCarlo.HistogramBins"/> equal bins from <paramref name="Min"/> to <paramref name="Max"/> (all in the first when they are equal).</param>
public sealed record OutputSummary(string Name, double Mean, double StandardDeviation, double P5, double P50, double P95, double Min, double Max, IReadOnlyList<long> Histogram);

/// <summary>A Monte Carlo's result.</summary>
/// <param name="Samples">Samples drawn.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Refused">Samples the model refused (left out of every summary).</param>
/// <param name="Inputs">Each uncertain input as sampled.</param>
/// <param name="Outputs">Each output.</param>
/// <param name="Passes">Passes over the samples (the first for the moments, the others to pin the percentiles exactly).</param>
public sealed record MonteCarloResult(long Samples, ulong Seed, long Refused, IReadOnlyList<OutputSummary> Inputs, IReadOnlyList<OutputSummary> Outputs, int Passes);

/// <summary>
/// Monte Carlo over a model's uncertain inputs, in bounded memory and deterministic. The samples are cut into chunks of
/// <see cref="ChunkSize"/>; chunk c draws from its own stream (<see cref="Rng"/>(seed, c)), inputs in their order, so a sample's
/// values do not depend on which thread draws it. Pass 1 gives each output's count, mean and variance (Welford per chunk, chunks merged
/// in order by Chan et al.'s formula), min and max. The percentiles are exact order statistics, interpolated as numpy's default
/// (linear, at rank (n − 1)·p): later passes draw the same samples again and narrow each wanted rank to one bin of a
/// <see cref="Bins"/>-bin histogram until its bin holds few enough values to keep and sort — unless every sample's outputs fit in
/// <see cref="StoreLimit"/> numbers, when pass 1 keeps them and the later passes read them back.
/// </summary>
public static class MonteCarlo
{
    /// <summary>Samples per chunk (each its own random stream).</summary>
    public const int ChunkSize = 16_384;

    /// <summary>The most samples one run draws.</summary>
    public const long MaxSamples = 1_000_000_000;

    /// <summary>Bins of each narrowing histogram.</summary>
    public const int Bins = 4096;

    /// <summary>Bins of the histogram reported with each output.</summary>
    public const int HistogramBins = 20;

    /// <summary>Outputs × samples kept in memory at most (32 MB) when they are read back instead of drawn again.</summary>
    public const long StoreLimit = 4_000_000;

    /// <summary>A rank's interval is kept and sorted once it holds at most this many values.</summary>
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

        var run = new Sampling(model, [.. inputs], options);
        return run.Execute();
    }

    /// <summary>One run's state: the columns (outputs, then inputs), the passes and what each found.</summary>
    private sealed class Sampling
    {
        private readonly IModel _model;
        private readonly Distribution[] _inputs;
        private readonly MonteCarloOptions _o;
        private readonly int _outputs, _columns, _chunks;
        private readonly double[][]? _store;
        private readonly bool[]? _refusedStore;
        private int _pass;

        public Sampling(IModel model, Distribution[] inputs, MonteCarloOptions o)
        {
            _model = model;
            _inputs = inputs;
            _o = o;
            _outputs = model.Outputs.Count;
            _columns = _outputs + inputs.Length;
            _chunks = (int)((o.Samples + ChunkSize - 1) / ChunkSize);
            if (o.Samples * _columns <= StoreLimit)
            {
                _store = [.. Enumerable.Range(0, _columns).Select(_ => new double[o.Samples])];
                _refusedStore = new bool[o.Samples];
            }
        }

        private int ChunkLength(int c) => (int)Math.Min(ChunkSize, _o.Samples - (long)c * ChunkSize);

        /// <summary>
        /// One pass: every chunk's samples (drawn, or read back from the store) handed to <paramref name="body"/> as a column-major
        /// block (column j of sample i at [j × ChunkSize + i]) with the refused flags, on as many threads as asked.
        /// </summary>
        private void Pass<TLocal>(Func<TLocal> init, Action<int, double[], bool[], int, TLocal> body, Action<TLocal> merge)
        {
            _pass++;
            int done = 0;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _o.Threads > 0 ? _o.Threads : Environment.ProcessorCount };
            var gate = new Lock();
            Parallel.For(0, _chunks, parallel,
                () => (Local: init(), Block: new double[_columns * ChunkSize], Refused: new bool[ChunkSize], X: new double[_inputs.Length], Y: new double[Math.Max(_outputs, 1)]),
                (c, _, s) =>
                {
                    int n = ChunkLength(c);
                    if (_store is not null && _pass > 1)
                    {
                        long start = (long)c * ChunkSize;
                        for (int j = 0; j < _columns; j++)
                        {
                            Array.Copy(_store[j], start, s.Block, j * ChunkSize, n);
                        }

                        Array.Copy(_refusedStore!, start, s.Refused, 0, n);
                    }
                    else
                    {
                        Draw(c, n, s.Block, s.Refused, s.X, s.Y);
                    }

                    body(c, s.Block, s.Refused, n, s.Local);
                    _o.Progress?.Report((_pass, (double)Interlocked.Increment(ref done) / _chunks));
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

        private void Draw(int c, int n, double[] block, bool[] refused, double[] x, double[] y)
        {
            var rng = new Rng(_o.Seed, (ulong)c);
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < _inputs.Length; k++)
                {
                    x[k] = _inputs[k].Sample(ref rng);
                    block[(_outputs + k) * ChunkSize + i] = x[k];
                }

                bool ok = _model.Evaluate(x, y.AsSpan(0, _outputs));
                for (int j = 0; j < _outputs; j++)
                {
                    ok &= double.IsFinite(y[j]);
                }

                refused[i] = !ok;
                for (int j = 0; j < _outputs; j++)
                {
                    block[j * ChunkSize + i] = ok ? y[j] : double.NaN;
                }
            }

            if (_store is not null)
            {
                long start = (long)c * ChunkSize;
                for (int j = 0; j < _columns; j++)
                {
                    Array.Copy(block, j * ChunkSize, _store[j], start, n);
                }

                Array.Copy(refused, 0, _refusedStore!, start, n);
            }
        }

        public MonteCarloResult Execute()
        {
            // Pass 1: per chunk, per column: count, mean, M2, min, max (kept by chunk, merged in chunk order)
            var moments = new (long N, double Mean, double M2, double Min, double Max)[_chunks, _columns];
            Pass(() => 0, (c, block, refused, n, _) =>
            {
                for (int j = 0; j < _columns; j++)
                {
                    long count = 0;
                    double mean = 0, m2 = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
                    int at = j * ChunkSize;
                    for (int i = 0; i < n; i++)
                    {
                        if (refused[i])
                        {
                            continue;
                        }

                        double v = block[at + i], d = v - mean;
                        count++;
                        mean += d / count;
                        m2 += d * (v - mean);
                        min = Math.Min(min, v);
                        max = Math.Max(max, v);
                    }

                    moments[c, j] = (count, mean, m2, min, max);
                }
            }, _ => { });

            var total = new (long N, double Mean, double M2, double Min, double Max)[_columns];
            for (int j = 0; j < _columns; j++)
            {
                (long N, double Mean, double M2, double Min, double Max) t = (0, 0, 0, double.PositiveInfinity, double.NegativeInfinity);
                for (int c = 0; c < _chunks; c++)
                {
                    var m = moments[c, j];
                    if (m.N == 0)
                    {
                        continue;
                    }

                    long n = t.N + m.N;
                    double delta = m.Mean - t.Mean;
                    t = (n, t.Mean + delta * m.N / n, t.M2 + m.M2 + delta * delta * t.N * m.N / n, Math.Min(t.Min, m.Min), Math.Max(t.Max, m.Max));
                }

                total[j] = t;
            }

            long accepted = total.Length == 0 ? _o.Samples : total[0].N;
            if (accepted == 0)
            {
                throw Guard.Fail("samples", "at least one the model takes", $"none of {NumberFormat.Integer(_o.Samples)}",
                    "every sample was refused: narrow the distributions");
            }

            // The ranks wanted: for each percentile p, the order statistics ⌊(n − 1)p⌋ and the one above it
            var queries = new List<Query>();
            for (int j = 0; j < _columns; j++)
            {
                foreach (long rank in Percentiles.SelectMany(p => new[] { (long)Math.Floor((accepted - 1) * p), Math.Min((long)Math.Floor((accepted - 1) * p) + 1, accepted - 1) }).Distinct())
                {
                    queries.Add(new Query(j, rank, total[j].Min, total[j].Max, 0, accepted));
                }
            }

            var histograms = new long[_columns, HistogramBins];
            bool first = true;
            while (first || queries.Any(q => q.Value is null))
            {
                Refine(queries, first ? histograms : null, total);
                first = false;
            }

            OutputSummary Summary(int j, string name)
            {
                var t = total[j];
                double Percentile(double p)
                {
                    double at = (accepted - 1) * p;
                    long lo = (long)Math.Floor(at);
                    double a = queries.First(q => q.Column == j && q.Rank == lo).Value!.Value;
                    double b = queries.First(q => q.Column == j && q.Rank == Math.Min(lo + 1, accepted - 1)).Value!.Value;
                    return a + (at - lo) * (b - a);
                }

                return new OutputSummary(name, t.Mean, t.N > 1 ? Math.Sqrt(t.M2 / (t.N - 1)) : 0, Percentile(0.05), Percentile(0.5), Percentile(0.95), t.Min, t.Max,
                    [.. Enumerable.Range(0, HistogramBins).Select(b => histograms[j, b])]);
            }

            return new MonteCarloResult(_o.Samples, _o.Seed, _o.Samples - accepted,
                [.. _inputs.Select((d, k) => Summary(_outputs + k, d.Parameter))],
                [.. _model.Outputs.Select((name, j) => Summary(j, name))], _pass);
        }

        /// <summary>One pass narrowing every open rank: a histogram of its interval (with each bin's min and max), or its values kept once few.</summary>
        private void Refine(List<Query> queries, long[,]? display, (long N, double Mean, double M2, double Min, double Max)[] total)
        {
            foreach (Query q in queries.Where(q => q.Value is null && q.Low == q.High))
            {
                q.Value = q.Low; // every value in the interval is the same
            }

            Query[] open = [.. queries.Where(q => q.Value is null)];
            var byColumn = open.GroupBy(q => q.Column).ToDictionary(g => g.Key, g => g.ToArray());
            var counts = open.ToDictionary(q => q, _ => new long[Bins]);
            var mins = open.ToDictionary(q => q, _ => Enumerable.Repeat(double.PositiveInfinity, Bins).ToArray());
            var maxs = open.ToDictionary(q => q, _ => Enumerable.Repeat(double.NegativeInfinity, Bins).ToArray());
            var kept = open.ToDictionary(q => q, _ => new List<double>());
            Pass(() => new Local(open, display is null ? 0 : _columns),
                (c, block, refused, n, local) =>
                {
                    for (int j = 0; j < _columns; j++)
                    {
                        int at = j * ChunkSize;
                        if (display is not null)
                        {
                            double lo = total[j].Min, w = total[j].Max - lo;
                            for (int i = 0; i < n; i++)
                            {
                                if (!refused[i])
                                {
                                    int b = w > 0 ? (int)Math.Min(HistogramBins - 1, (block[at + i] - lo) / w * HistogramBins) : 0;
                                    local.Display[j * HistogramBins + b]++;
                                }
                            }
                        }

                        if (!byColumn.TryGetValue(j, out Query[]? qs))
                        {
                            continue;
                        }

                        foreach (Query q in qs)
                        {
                            int k = local.Index[q];
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
                                    local.Kept[k].Add(v);
                                    continue;
                                }

                                int b = (int)Math.Min(Bins - 1, (v - lo) * scale);
                                local.Counts[k][b]++;
                                local.Mins[k][b] = Math.Min(local.Mins[k][b], v);
                                local.Maxs[k][b] = Math.Max(local.Maxs[k][b], v);
                            }
                        }
                    }
                },
                local =>
                {
                    for (int k = 0; k < open.Length; k++)
                    {
                        Query q = open[k];
                        kept[q].AddRange(local.Kept[k]);
                        for (int b = 0; b < Bins; b++)
                        {
                            counts[q][b] += local.Counts[k][b];
                            mins[q][b] = Math.Min(mins[q][b], local.Mins[k][b]);
                            maxs[q][b] = Math.Max(maxs[q][b], local.Maxs[k][b]);
                        }
                    }

                    if (display is not null)
                    {
                        for (int j = 0; j < _columns; j++)
                        {
                            for (int b = 0; b < HistogramBins; b++)
                            {
                                display[j, b] += local.Display[j * HistogramBins + b];
                            }
                        }
                    }
                });

            foreach (Query q in open)
            {
                if (q.Count <= CollectLimit)
                {
                    List<double> values = kept[q];
                    values.Sort();
                    q.Value = values[(int)(q.Rank - q.Below)];
                    continue;
                }

                long below = q.Below;
                for (int b = 0; b < Bins; b++)
                {
                    long c = counts[q][b];
                    if (q.Rank < below + c)
                    {
                        (q.Low, q.High, q.Below, q.Count) = (mins[q][b], maxs[q][b], below, c);
                        break;
                    }

                    below += c;
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

    /// <summary>One thread's counts in a narrowing pass.</summary>
    private sealed class Local
    {
        public Local(Query[] open, int columns)
        {
            Index = open.Select((q, k) => (q, k)).ToDictionary(p => p.q, p => p.k);
            Counts = [.. open.Select(_ => new long[Bins])];
            Mins = [.. open.Select(_ => Enumerable.Repeat(double.PositiveInfinity, Bins).ToArray())];
            Maxs = [.. open.Select(_ => Enumerable.Repeat(double.NegativeInfinity, Bins).ToArray())];
            Kept = [.. open.Select(_ => new List<double>())];
            Display = new long[columns * HistogramBins];
        }

        public Dictionary<Query, int> Index { get; }

        public long[][] Counts { get; }

        public double[][] Mins { get; }

        public double[][] Maxs { get; }

        public List<double>[] Kept { get; }

        public long[] Display { get; }
    }
}

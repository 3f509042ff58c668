using System.Diagnostics;
using System.Globalization;

namespace LlmEcon.Cli.Output;

/// <summary>
/// Progress of long work on standard error, one line at a time and in order (<c>fit: 2,250/4,500 starts</c>): every
/// <c>every</c> items when that is given (the bootstrap's tenths), else once the work has run a second and then at most once a second,
/// with a last line when it is done. Reports arrive under the library's lock, in increasing order.
/// </summary>
internal sealed class Progress(string what, string unit, long total, Io io, long every = 0, Func<TimeSpan>? clock = null) : IProgress<long>, IProgress<int>
{
    private readonly Func<TimeSpan> _elapsed = clock ?? StartClock();
    private readonly Lock _gate = new();
    private TimeSpan _last = TimeSpan.Zero;
    private long _shown;

    /// <inheritdoc/>
    public void Report(long value)
    {
        lock (_gate)
        {
            if (value <= _shown)
            {
                return;
            }

            TimeSpan now = _elapsed();
            bool due = every > 0 ? value % every == 0 || value == total
                : now >= TimeSpan.FromSeconds(1) && now - _last >= TimeSpan.FromSeconds(1);
            if (due)
            {
                Write(value);
            }
        }
    }

    /// <inheritdoc/>
    public void Report(int value) => Report((long)value);

    private static Func<TimeSpan> StartClock()
    {
        var watch = Stopwatch.StartNew();
        return () => watch.Elapsed;
    }

    /// <summary>A last line when anything was shown and the work ended after it.</summary>
    public void Done()
    {
        lock (_gate)
        {
            if (_shown > 0 && _shown < total)
            {
                Write(total);
            }
        }
    }

    private void Write(long value)
    {
        _shown = value;
        _last = _elapsed();
        io.Error.Write(string.Create(CultureInfo.InvariantCulture, $"{what}: {value:#,0}/{total:#,0} {unit}\n"));
        io.Error.Flush();
    }
}

using System.Diagnostics;
using System.Globalization;
using LlmEcon.Web;
using Microsoft.AspNetCore.Builder;

namespace LlmEcon.Benchmarks;

/// <summary>
/// A bounded loopback load test of the web API (docs/performance.md): a fixed number of requests sent open-loop at a fixed rate to
/// an evaluation endpoint of the app on 127.0.0.1, a time limit, then p50/p99 latency, errors and resident memory every 10,000
/// requests. Client and server share the process and the machine's cores, so the latencies include the client's work; the
/// client keeps no request once answered (only its latency), so the memory is the server's and the HTTP stack's.
/// <code>dotnet run -c Release --project benchmarks/LlmEcon.Benchmarks -- --load [--requests 100000] [--rate 1000]</code>
/// </summary>
internal static class LoadTest
{
    private const string Endpoint = "/api/v1/inference?params=175B&offer=aws-p4d-1yr&mfu=21.3%25";

    public static async Task<int> Run(string[] args)
    {
        int requests = Option(args, "--requests", 100_000), rate = Option(args, "--rate", 1000);
        var limit = TimeSpan.FromSeconds(Option(args, "--seconds", 600));
        WebApplication app = WebApp.Create([], port: 0);
        await app.StartAsync();
        string address = WebApp.AddressOf(app) + "/";
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(address) };
        for (int i = 0; i < 2000; i++)
        {
            (await client.GetAsync(new Uri(Endpoint, UriKind.Relative))).Dispose(); // warm-up: JIT, connections
        }

        var latencies = new double[requests];
        int errors = 0, sent = 0;
        bool finished = false;
        var memory = new List<(int Requests, long Bytes)>();
        int outstanding = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < requests && clock.Elapsed < limit; i++)
        {
            double due = i * 1000.0 / rate;
            while (clock.Elapsed.TotalMilliseconds < due)
            {
                double ahead = due - clock.Elapsed.TotalMilliseconds;
                if (ahead > 2)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(ahead - 1));
                }
                else
                {
                    Thread.SpinWait(50);
                }
            }

            int index = i;
            sent++;
            Interlocked.Increment(ref outstanding);
            _ = Task.Run(async () =>
            {
                long start = Stopwatch.GetTimestamp();
                try
                {
                    using HttpResponseMessage r = await client.GetAsync(new Uri(Endpoint, UriKind.Relative));
                    _ = await r.Content.ReadAsByteArrayAsync();
                    if (!r.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (Interlocked.Decrement(ref outstanding) == 0 && Volatile.Read(ref finished))
                {
                    done.TrySetResult();
                }
            });
            if ((i + 1) % 10_000 == 0)
            {
                using var self = Process.GetCurrentProcess();
                memory.Add((i + 1, self.WorkingSet64));
            }
        }

        Volatile.Write(ref finished, true);
        if (Volatile.Read(ref outstanding) == 0)
        {
            done.TrySetResult();
        }

        await done.Task;
        double seconds = clock.Elapsed.TotalSeconds;
        await app.StopAsync();
        double[] sorted = [.. latencies.Take(sent).Order()];
        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"GET {Endpoint}: {sent:N0} requests at {rate:N0}/s asked, {sent / seconds:N0}/s achieved over {seconds:N1} s, {Environment.ProcessorCount} cores"));
        Console.WriteLine(string.Create(inv, $"latency ms: p50 {P(0.50):N3}, p90 {P(0.90):N3}, p99 {P(0.99):N3}, p99.9 {P(0.999):N3}, max {sorted[^1]:N3}; errors {errors}"));
        Console.WriteLine("resident memory (MB) every 10,000 requests: " + string.Join(", ", memory.Select(m => (m.Bytes / 1e6).ToString("N0", inv))));
        return errors == 0 ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 0 ? v : fallback;
    }
}

using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/LlmEcon.Benchmarks -- --filter '*'   (docs/performance.md)
// dotnet run -c Release --project benchmarks/LlmEcon.Benchmarks -- --load [--requests 100000] [--rate 1000]   (the web API, LoadTest.cs)
if (args.Length > 0 && args[0] == "--load")
{
    return await LlmEcon.Benchmarks.LoadTest.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(LlmEcon.Benchmarks.FitBenchmarks).Assembly).Run(args);
return 0;

using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/LlmEcon.Benchmarks -- --filter '*'   (docs/performance.md)
BenchmarkSwitcher.FromAssembly(typeof(LlmEcon.Benchmarks.FitBenchmarks).Assembly).Run(args);

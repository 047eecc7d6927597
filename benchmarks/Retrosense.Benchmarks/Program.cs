using System;
using BenchmarkDotNet.Running;
using Retrosense.Benchmarks.Ingest;

namespace Retrosense.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        // `ingest` drives whole processes (broker, server, load generator), which BenchmarkDotNet's in-process
        // iterations cannot; everything else goes to BenchmarkDotNet.
        if (args.Length > 0 && args[0] == "ingest")
        {
            try
            {
                return IngestBenchmark.RunAsync(args[1..]).GetAwaiter().GetResult();
            }
            catch (ArgumentException exception)
            {
                Console.Error.WriteLine("ingest: " + exception.Message);
                return 2;
            }
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

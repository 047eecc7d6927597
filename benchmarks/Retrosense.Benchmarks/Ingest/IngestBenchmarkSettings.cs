using System;
using System.Globalization;

namespace Retrosense.Benchmarks.Ingest;

/// <summary>
/// <c>ingest [--nodes N] [--rate MSGS_PER_S] [--duration S] [--latency-rate MSGS_PER_S] [--workers N] [--no-build]</c>.
/// The offered rate defaults above what either side can take, so (a) and (b) measure capacity, not the offer.
/// </summary>
internal sealed record IngestBenchmarkSettings(int Nodes, double Rate, double DurationSeconds, double LatencyRate, int? Workers, bool SkipBuild)
{
    public static IngestBenchmarkSettings Parse(string[] args)
    {
        var settings = new IngestBenchmarkSettings(200, 30_000, 30, 1_000, null, false);
        for (var index = 0; index < args.Length; index++)
        {
            var flag = args[index];
            if (flag == "--no-build")
            {
                settings = settings with { SkipBuild = true };
                continue;
            }

            if (index + 1 >= args.Length)
            {
                throw new ArgumentException(flag + " needs a value");
            }

            var value = double.Parse(args[++index], CultureInfo.InvariantCulture);
            if (!(value > 0) || !double.IsFinite(value))
            {
                throw new ArgumentException(flag + " must be a positive number");
            }

            settings = flag switch
            {
                "--nodes" => settings with { Nodes = (int)value },
                "--rate" => settings with { Rate = value },
                "--duration" => settings with { DurationSeconds = value },
                "--latency-rate" => settings with { LatencyRate = value },
                "--workers" => settings with { Workers = (int)value },
                _ => throw new ArgumentException("unknown flag " + flag + " (ingest [--nodes N] [--rate R] [--duration S] [--latency-rate R] [--workers N] [--no-build])"),
            };
        }

        return settings;
    }
}

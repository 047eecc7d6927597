using System;
using System.Collections.Generic;

namespace Retrosense.Analytics.Tests.Rul.Trend;

/// <summary>Seeded health-indicator series: a known trend plus Gaussian noise, sampled at a fixed interval.</summary>
internal static class SyntheticHealthIndicator
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary><paramref name="trend"/>(hours) plus noise from <paramref name="noise"/>(trend value, standard normal draw).</summary>
    public static List<(DateTimeOffset Time, double Value)> Sample(
        Func<double, double> trend, Func<double, double, double> noise, double hours, double stepHours, int seed)
    {
        var random = new Random(seed);
        var series = new List<(DateTimeOffset, double)>();
        for (var t = 0.0; t <= hours + 1e-9; t += stepHours)
        {
            series.Add((Start.AddHours(t), noise(trend(t), StandardNormal(random))));
        }

        return series;
    }

    /// <summary>Box–Muller transform of two uniform draws.</summary>
    public static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

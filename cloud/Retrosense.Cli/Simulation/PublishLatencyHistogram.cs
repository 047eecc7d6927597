using System;
using System.Diagnostics;
using System.Threading;

namespace Retrosense.Cli.Simulation;

/// <summary>
/// Publish→PUBACK times of the whole fleet, lock-free: 50 µs buckets up to 10 s, one overflow bucket above, and the exact
/// maximum. Against the Retrosense server the PUBACK goes out only after the message is committed, so these times bound
/// publish→commit from above. Percentiles are the upper edge of their bucket (never optimistic by more than 50 µs).
/// </summary>
internal sealed class PublishLatencyHistogram
{
    /// <summary>Bucket width: 50 µs resolves loopback round trips (hundreds of µs) without a large table.</summary>
    public const long BucketMicroseconds = 50;

    /// <summary>Largest time with its own bucket; the node transport gives up after 10 s (MqttNodeTransportOptions.PublishTimeout).</summary>
    public const long RangeMicroseconds = 10_000_000;

    private readonly long[] _buckets = new long[(RangeMicroseconds / BucketMicroseconds) + 1];
    private long _count;
    private long _maximumMicroseconds;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Records one acknowledged publish that started at <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void RecordSince(long startTimestamp)
    {
        var microseconds = (long)Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds;
        Record(microseconds);
    }

    public void Record(long microseconds)
    {
        microseconds = Math.Max(0, microseconds);
        var bucket = Math.Min(microseconds / BucketMicroseconds, _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
        var maximum = Interlocked.Read(ref _maximumMicroseconds);
        while (microseconds > maximum)
        {
            var seen = Interlocked.CompareExchange(ref _maximumMicroseconds, microseconds, maximum);
            if (seen == maximum)
            {
                break;
            }

            maximum = seen;
        }
    }

    /// <summary>The latency percentiles in milliseconds; null when nothing was recorded.</summary>
    public PublishLatencySummary? Summarize()
    {
        var counts = new long[_buckets.Length];
        long total = 0;
        for (var index = 0; index < counts.Length; index++)
        {
            counts[index] = Interlocked.Read(ref _buckets[index]);
            total += counts[index];
        }

        if (total == 0)
        {
            return null;
        }

        var maximumMilliseconds = Interlocked.Read(ref _maximumMicroseconds) / 1000.0;
        return new PublishLatencySummary(
            total,
            Percentile(counts, total, 0.50, maximumMilliseconds),
            Percentile(counts, total, 0.95, maximumMilliseconds),
            Percentile(counts, total, 0.99, maximumMilliseconds),
            maximumMilliseconds);
    }

    private static double Percentile(long[] counts, long total, double fraction, double maximumMilliseconds)
    {
        // Nearest-rank: the smallest bucket whose cumulative count reaches ceil(fraction × total).
        var rank = (long)Math.Ceiling(fraction * total);
        long cumulative = 0;
        for (var index = 0; index < counts.Length; index++)
        {
            cumulative += counts[index];
            if (cumulative >= rank)
            {
                if (index == counts.Length - 1)
                {
                    // The overflow bucket has no upper edge: the maximum is the honest bound.
                    return maximumMilliseconds;
                }

                var upperEdgeMilliseconds = (index + 1) * BucketMicroseconds / 1000.0;
                return Math.Min(upperEdgeMilliseconds, maximumMilliseconds);
            }
        }

        return maximumMilliseconds;
    }
}

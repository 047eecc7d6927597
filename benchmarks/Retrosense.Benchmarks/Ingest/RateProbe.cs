using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Benchmarks.Ingest;

/// <summary>
/// Samples a running count (messages the subscriber received, or rows the store holds) once a second while the load runs,
/// and gives the rate over the whole run and over its second half (after the connect storm), as simulate does. With a CPU
/// reader it also samples the receiver's CPU time, so the cost per message can be taken over the same second half: the
/// steady cost, without the connect storm's logins and the JIT warm-up that a short run's whole-run figure includes.
/// </summary>
internal sealed class RateProbe
{
    private readonly Func<long> _read;
    private readonly Func<double>? _readCpuSeconds;
    private readonly List<(double Seconds, long Count, double CpuSeconds)> _samples = [];
    private readonly Stopwatch _clock = new();

    public RateProbe(Func<long> read, Func<double>? readCpuSeconds = null)
    {
        _read = read;
        _readCpuSeconds = readCpuSeconds;
    }

    private (double Seconds, long Count, double CpuSeconds) Sample(long count) =>
        (_clock.Elapsed.TotalSeconds, count, _readCpuSeconds?.Invoke() ?? double.NaN);

    public async Task RunUntilAsync(Task done, CancellationToken cancellationToken)
    {
        _clock.Start();
        _samples.Add(Sample(_read()));
        while (!done.IsCompleted)
        {
            await Task.WhenAny(done, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken)).ConfigureAwait(false);
            _samples.Add(Sample(_read()));
        }
    }

    /// <summary>Adds a last sample (after the load stopped and the queue drained).</summary>
    public void Finish(long finalCount) => _samples.Add(Sample(finalCount));

    public long Total => _samples[^1].Count - _samples[0].Count;

    /// <summary>
    /// Count per second over the second half of the active span: from the first sample that moved to the last that moved
    /// (leaving out process start-up, the connect storm and the shutdown); NaN when fewer than three samples moved.
    /// </summary>
    public double SecondHalfRate() =>
        SecondHalf() is { } half && half.Last.Seconds > half.Middle.Seconds
            ? (half.Last.Count - half.Middle.Count) / (half.Last.Seconds - half.Middle.Seconds)
            : double.NaN;

    /// <summary>Receiver CPU µs per message over the same second half as <see cref="SecondHalfRate"/>; NaN without a CPU reader.</summary>
    public double SecondHalfCpuMicrosecondsPerMessage() =>
        SecondHalf() is { } half && half.Last.Count > half.Middle.Count
            ? (half.Last.CpuSeconds - half.Middle.CpuSeconds) * 1e6 / (half.Last.Count - half.Middle.Count)
            : double.NaN;

    private ((double Seconds, long Count, double CpuSeconds) Middle, (double Seconds, long Count, double CpuSeconds) Last)? SecondHalf()
    {
        var moved = Enumerable.Range(1, _samples.Count - 1).Where(index => _samples[index].Count > _samples[index - 1].Count).ToArray();
        if (moved.Length < 3)
        {
            return null;
        }

        var first = _samples[moved[0]];
        var last = _samples[moved[^1]];
        var middle = _samples.First(sample => sample.Seconds >= (first.Seconds + last.Seconds) / 2);
        return (middle, last);
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Benchmarks.Ingest;

/// <summary>
/// Samples a running count (messages the subscriber received, or rows the store holds) once a second while the load runs,
/// and gives the rate over the whole run and over its second half (after the connect storm), as simulate does.
/// </summary>
internal sealed class RateProbe
{
    private readonly Func<long> _read;
    private readonly List<(double Seconds, long Count)> _samples = [];
    private readonly Stopwatch _clock = new();

    public RateProbe(Func<long> read)
    {
        _read = read;
    }

    public async Task RunUntilAsync(Task done, CancellationToken cancellationToken)
    {
        _clock.Start();
        _samples.Add((0, _read()));
        while (!done.IsCompleted)
        {
            await Task.WhenAny(done, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken)).ConfigureAwait(false);
            _samples.Add((_clock.Elapsed.TotalSeconds, _read()));
        }
    }

    /// <summary>Adds a last sample (after the load stopped and the queue drained).</summary>
    public void Finish(long finalCount) => _samples.Add((_clock.Elapsed.TotalSeconds, finalCount));

    public long Total => _samples[^1].Count - _samples[0].Count;

    /// <summary>
    /// Count per second over the second half of the active span: from the first sample that moved to the last that moved
    /// (leaving out process start-up, the connect storm and the shutdown); NaN when fewer than three samples moved.
    /// </summary>
    public double SecondHalfRate()
    {
        var moved = Enumerable.Range(1, _samples.Count - 1).Where(index => _samples[index].Count > _samples[index - 1].Count).ToArray();
        if (moved.Length < 3)
        {
            return double.NaN;
        }

        var first = _samples[moved[0]];
        var last = _samples[moved[^1]];
        var middle = _samples.First(sample => sample.Seconds >= (first.Seconds + last.Seconds) / 2);
        return last.Seconds > middle.Seconds ? (last.Count - middle.Count) / (last.Seconds - middle.Seconds) : double.NaN;
    }
}

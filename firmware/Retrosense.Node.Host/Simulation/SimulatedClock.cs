using System;
using System.Diagnostics;
using System.Threading;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Simulation;

/// <summary>
/// Simulated time: starts at <see cref="StartUtc"/> and runs <see cref="TimeScale"/> times faster than real time (0 = stands
/// still until <see cref="Advance"/>), so a simulated fleet can live through days of wear in minutes. Always "synchronized".
/// Thread-safe: one clock can drive a whole simulated fleet.
/// </summary>
public sealed class SimulatedClock : IClock
{
    private readonly Stopwatch _realTime = Stopwatch.StartNew();
    private long _advancedMilliseconds;

    public SimulatedClock(DateTimeOffset startUtc, double timeScale)
    {
        if (!(timeScale >= 0) || double.IsInfinity(timeScale))
        {
            throw new ArgumentOutOfRangeException(nameof(timeScale), "the time scale must be a finite number of at least 0");
        }

        StartUtc = startUtc;
        TimeScale = timeScale;
    }

    /// <summary>A clock that moves only when <see cref="Advance"/> is called (for tests and stepped simulation).</summary>
    public static SimulatedClock Manual(DateTimeOffset startUtc) => new(startUtc, 0);

    public DateTimeOffset StartUtc { get; }

    /// <summary>Simulated seconds per real second.</summary>
    public double TimeScale { get; }

    /// <summary>Simulated time since start, in milliseconds.</summary>
    public long MonotonicMilliseconds =>
        Interlocked.Read(ref _advancedMilliseconds) + (long)(_realTime.Elapsed.TotalMilliseconds * TimeScale);

    public long UtcNowMilliseconds => StartUtc.ToUnixTimeMilliseconds() + MonotonicMilliseconds;

    public bool IsSynchronized => true;

    /// <summary>Simulated time since start, in seconds (the model time of a <see cref="MachineModel"/> started with it).</summary>
    public double ElapsedSeconds => MonotonicMilliseconds / 1000.0;

    /// <summary>Moves simulated time forward by <paramref name="duration"/> at once.</summary>
    public void Advance(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "time only moves forward");
        }

        Interlocked.Add(ref _advancedMilliseconds, (long)duration.TotalMilliseconds);
    }
}

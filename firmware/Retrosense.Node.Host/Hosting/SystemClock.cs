using System;
using System.Diagnostics;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Hosting;

/// <summary>
/// The gateway's clocks: the system's UTC time (kept by chrony or systemd-timesyncd on a Linux gateway) and a monotonic
/// stopwatch from construction.
/// </summary>
public sealed class SystemClock : IClock
{
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    /// <param name="isSynchronized">
    /// Whether the system time is trusted; true on a gateway with NTP. Pass false on a machine without time sync, and
    /// messages then carry the unsynchronised time-quality flag.
    /// </param>
    public SystemClock(bool isSynchronized = true)
    {
        IsSynchronized = isSynchronized;
    }

    public long UtcNowMilliseconds => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public bool IsSynchronized { get; }

    public long MonotonicMilliseconds => _sinceStart.ElapsedMilliseconds;
}

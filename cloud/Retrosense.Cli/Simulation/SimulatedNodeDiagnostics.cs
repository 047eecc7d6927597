using System;
using Retrosense.Node.Ports;

namespace Retrosense.Cli.Simulation;

/// <summary>
/// The status figures of a simulated node: uptime on the simulated clock since the fleet started, a wired link (RSSI 0,
/// as the core's port defines it), a power-on start, and the free managed heap of this process (shared by the fleet).
/// </summary>
internal sealed class SimulatedNodeDiagnostics : INodeDiagnostics
{
    private readonly IClock _clock;

    public SimulatedNodeDiagnostics(IClock clock)
    {
        _clock = clock;
    }

    public int FreeHeapBytes
    {
        get
        {
            var memory = GC.GetGCMemoryInfo();
            var free = memory.TotalAvailableMemoryBytes - memory.HeapSizeBytes;
            return (int)Math.Clamp(free, 0, int.MaxValue);
        }
    }

    public int RssiDbm => 0;

    public string ResetReason => "power-on";

    public long UptimeSeconds => _clock.MonotonicMilliseconds / 1000;
}

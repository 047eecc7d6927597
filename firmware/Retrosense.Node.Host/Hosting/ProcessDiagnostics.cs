using System;
using System.Diagnostics;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Hosting;

/// <summary>
/// What the node's <c>status</c> message reports about itself on .NET: memory the GC can still hand out, process uptime, and
/// no radio (a wired Linux gateway has no RSSI: 0).
/// </summary>
public sealed class ProcessDiagnostics : INodeDiagnostics
{
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();

    public ProcessDiagnostics(string resetReason = "process-start")
    {
        ResetReason = resetReason;
    }

    /// <summary>Bytes the GC may still allocate before hitting its limit (container limit or physical memory), capped at int.MaxValue.</summary>
    public int FreeHeapBytes
    {
        get
        {
            var info = GC.GetGCMemoryInfo();
            var free = info.TotalAvailableMemoryBytes - GC.GetTotalMemory(forceFullCollection: false);
            return (int)Math.Clamp(free, 0, int.MaxValue);
        }
    }

    /// <summary>Bytes of managed heap in use.</summary>
    public long ManagedHeapBytes => GC.GetTotalMemory(forceFullCollection: false);

    /// <summary>0: a wired gateway has no radio link to report.</summary>
    public int RssiDbm => 0;

    public string ResetReason { get; }

    public long UptimeSeconds => (long)_sinceStart.Elapsed.TotalSeconds;
}

using System.Threading;

namespace Retrosense.Cli.Simulation;

/// <summary>Publish counters of the whole simulated fleet, updated from every worker thread.</summary>
internal sealed class FleetCounters
{
    private long _published;
    private long _acknowledged;
    private long _failed;

    /// <summary>Publishes handed to the broker connection.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Publishes the broker acknowledged (PUBACK).</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Publishes that got no PUBACK; the node keeps those messages and sends them again.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Publish→PUBACK times of the acknowledged publishes.</summary>
    public PublishLatencyHistogram Latency { get; } = new();

    public void RecordPublish(bool acknowledged)
    {
        Interlocked.Increment(ref _published);
        if (acknowledged)
        {
            Interlocked.Increment(ref _acknowledged);
        }
        else
        {
            Interlocked.Increment(ref _failed);
        }
    }
}

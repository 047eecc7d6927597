using System.Diagnostics;
using Retrosense.Node.Ports;

namespace Retrosense.Cli.Simulation;

/// <summary>
/// Counts what a node hands its transport: publishes tried, acknowledged (PUBACK) and failed (kept by the node for
/// store-and-forward), and times each acknowledged publish from the call to the PUBACK. The counters are shared by the whole fleet, so they use interlocked adds.
/// </summary>
internal sealed class CountingMessageTransport : IMessageTransport
{
    private readonly IMessageTransport _inner;
    private readonly FleetCounters _counters;

    public CountingMessageTransport(IMessageTransport inner, FleetCounters counters)
    {
        _inner = inner;
        _counters = counters;
    }

    public bool IsConnected => _inner.IsConnected;

    public bool Publish(string topic, byte[] payload, int length)
    {
        var started = Stopwatch.GetTimestamp();
        var acknowledged = _inner.Publish(topic, payload, length);
        if (acknowledged)
        {
            _counters.Latency.RecordSince(started);
        }

        _counters.RecordPublish(acknowledged);
        return acknowledged;
    }
}

using System.Globalization;

namespace Retrosense.Cli.Simulation;

/// <summary>One progress line of a running simulation (printed about every second).</summary>
internal sealed record FleetProgress(double ElapsedSeconds, int ConnectedNodes, int Nodes, long Acknowledged, long Failed, long Queued, double RecentMessagesPerSecond)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{ElapsedSeconds,7:0.0} s  connected {ConnectedNodes}/{Nodes}  acknowledged {Acknowledged}  failed {Failed}  queued {Queued}  {RecentMessagesPerSecond:0} msg/s");
}

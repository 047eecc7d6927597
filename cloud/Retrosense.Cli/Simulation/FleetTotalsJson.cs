using System.Globalization;
using System.Text.Json;

namespace Retrosense.Cli.Simulation;

/// <summary>How <see cref="FleetTotals"/> are printed: snake_case JSON with --json, else one summary line.</summary>
internal static class FleetTotalsJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Describe(FleetTotals totals)
    {
        var counts = string.Create(
            CultureInfo.InvariantCulture,
            $"nodes {totals.Nodes} (connected {totals.ConnectedNodes}), messages produced {totals.MessagesProduced}, published {totals.MessagesPublished}, acknowledged {totals.MessagesAcknowledged}, failed {totals.MessagesFailed}, queued {totals.MessagesQueued}, dropped {totals.MessagesDropped}, windows {totals.Windows} of {totals.WindowsDue} due, samples overrun {totals.SamplesOverrun}");
        var rates = string.Create(CultureInfo.InvariantCulture, $"elapsed {totals.ElapsedSeconds:0.0} s, achieved {totals.AchievedMessagesPerSecond:0.0} msg/s");
        var steady = totals.SteadyMessagesPerSecond is { } value
            ? string.Create(CultureInfo.InvariantCulture, $" ({value:0.0} msg/s over the second half)")
            : " (some node was not connected in the second half)";
        var latency = totals.PublishLatency is { } times
            ? string.Create(CultureInfo.InvariantCulture, $", publish→PUBACK p50 {times.P50Ms:0.00} ms, p95 {times.P95Ms:0.00} ms, p99 {times.P99Ms:0.00} ms, max {times.MaxMs:0.00} ms")
            : string.Empty;
        return counts + ", " + rates + steady + latency;
    }
}

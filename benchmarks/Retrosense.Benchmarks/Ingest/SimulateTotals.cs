using System.Text.Json;

namespace Retrosense.Benchmarks.Ingest;

/// <summary>The totals <c>retrosense simulate --json</c> prints (the fields the benchmark reports).</summary>
internal sealed record SimulateTotals(
    long Acknowledged,
    long Failed,
    long Queued,
    double ElapsedSeconds,
    double AchievedMessagesPerSecond,
    double? SteadyMessagesPerSecond,
    double? P50Ms,
    double? P95Ms,
    double? P99Ms,
    double? MaxMs)
{
    public static SimulateTotals Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var latency = root.TryGetProperty("publish_latency", out var value) && value.ValueKind == JsonValueKind.Object ? value : (JsonElement?)null;
        return new SimulateTotals(
            root.GetProperty("messages_acknowledged").GetInt64(),
            root.GetProperty("messages_failed").GetInt64(),
            root.GetProperty("messages_queued").GetInt64(),
            root.GetProperty("elapsed_seconds").GetDouble(),
            root.GetProperty("achieved_messages_per_second").GetDouble(),
            root.GetProperty("steady_messages_per_second") is { ValueKind: JsonValueKind.Number } steady ? steady.GetDouble() : null,
            latency?.GetProperty("p50_ms").GetDouble(),
            latency?.GetProperty("p95_ms").GetDouble(),
            latency?.GetProperty("p99_ms").GetDouble(),
            latency?.GetProperty("max_ms").GetDouble());
    }
}

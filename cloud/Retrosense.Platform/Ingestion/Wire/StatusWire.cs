using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>A <c>status</c> message (shared/schemas/status.schema.json).</summary>
public sealed record StatusWire : NodeMessageWire
{
    [JsonPropertyName("config_version")]
    public required long ConfigVersion { get; init; }

    [JsonPropertyName("uptime_s")]
    public required long UptimeSeconds { get; init; }

    [JsonPropertyName("free_heap_bytes")]
    public required long FreeHeapBytes { get; init; }

    [JsonPropertyName("rssi_dbm")]
    public required long RssiDbm { get; init; }

    [JsonPropertyName("reset_reason")]
    public required string ResetReason { get; init; }

    [JsonPropertyName("queue_depth")]
    public required long QueueDepth { get; init; }

    [JsonPropertyName("queue_capacity")]
    public required long QueueCapacity { get; init; }

    [JsonPropertyName("queue_dropped")]
    public required long QueueDropped { get; init; }

    [JsonPropertyName("publish_failures")]
    public required long PublishFailures { get; init; }
}

using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>
/// The nine header fields every node → cloud message starts with (shared/schemas/header.schema.json). Each kind's record
/// derives from this one; names are the schema's snake_case names.
/// </summary>
public abstract record NodeMessageWire
{
    [JsonPropertyName("schema")]
    public required int Schema { get; init; }

    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("node")]
    public required string Node { get; init; }

    /// <summary>Boot counter, like Sparkplug B's bdSeq; part of the dedupe key.</summary>
    [JsonPropertyName("boot")]
    public required long Boot { get; init; }

    /// <summary>Message number within the boot, from 0; part of the dedupe key.</summary>
    [JsonPropertyName("seq")]
    public required long Seq { get; init; }

    /// <summary>UTC milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("ts")]
    public required long TimestampUnixMilliseconds { get; init; }

    /// <summary><c>synced</c> or <c>unsynced</c> (Retrosense.Contracts.TimeQuality).</summary>
    [JsonPropertyName("time_quality")]
    public required string TimeQuality { get; init; }

    /// <summary>True when replayed from store-and-forward.</summary>
    [JsonPropertyName("historical")]
    public required bool Historical { get; init; }

    [JsonPropertyName("fw")]
    public required string Firmware { get; init; }
}

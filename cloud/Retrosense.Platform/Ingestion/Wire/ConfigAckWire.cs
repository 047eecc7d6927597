using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>A <c>config-ack</c> message (shared/schemas/config-ack.schema.json).</summary>
public sealed record ConfigAckWire : NodeMessageWire
{
    [JsonPropertyName("config_version")]
    public required long ConfigVersion { get; init; }

    [JsonPropertyName("accepted")]
    public required bool Accepted { get; init; }

    /// <summary>Why the config was rejected; present only when <see cref="Accepted"/> is false.</summary>
    [JsonPropertyName("reason")]
    [JsonConverter(typeof(PresentMeansNotNullConverter<string>))]
    public string? Reason { get; init; }
}

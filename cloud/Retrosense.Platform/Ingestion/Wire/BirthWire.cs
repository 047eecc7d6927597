using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>A <c>birth</c> message (shared/schemas/birth.schema.json).</summary>
public sealed record BirthWire : NodeMessageWire
{
    [JsonPropertyName("board")]
    public required string Board { get; init; }

    [JsonPropertyName("config_version")]
    public required long ConfigVersion { get; init; }

    [JsonPropertyName("sample_rate_hz")]
    public required double SampleRateHz { get; init; }

    [JsonPropertyName("window_samples")]
    public required long WindowSamples { get; init; }
}

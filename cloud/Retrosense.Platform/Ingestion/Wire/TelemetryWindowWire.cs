using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>The acceleration window a telemetry message's features were computed over.</summary>
public sealed record TelemetryWindowWire
{
    [JsonPropertyName("rate_hz")]
    public required double RateHz { get; init; }

    [JsonPropertyName("samples")]
    public required long Samples { get; init; }
}

using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>Features of the three axes of a telemetry message.</summary>
public sealed record TelemetryAxesWire
{
    [JsonPropertyName("x")]
    public required AxisFeaturesWire X { get; init; }

    [JsonPropertyName("y")]
    public required AxisFeaturesWire Y { get; init; }

    [JsonPropertyName("z")]
    public required AxisFeaturesWire Z { get; init; }
}

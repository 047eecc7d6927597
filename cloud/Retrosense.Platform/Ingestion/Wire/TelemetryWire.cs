using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>A <c>telemetry</c> message (shared/schemas/telemetry.schema.json).</summary>
public sealed record TelemetryWire : NodeMessageWire
{
    [JsonPropertyName("config_version")]
    public required long ConfigVersion { get; init; }

    [JsonPropertyName("window")]
    public required TelemetryWindowWire Window { get; init; }

    /// <summary>ISO 10816-3 zone A–D of <see cref="VelocityRmsMaxMmPerSecond"/>.</summary>
    [JsonPropertyName("zone")]
    public required string Zone { get; init; }

    /// <summary>Largest velocity RMS of the three axes, in mm/s; null when it could not be computed.</summary>
    [JsonPropertyName("vel_rms_max_mm_s")]
    public required double? VelocityRmsMaxMmPerSecond { get; init; }

    [JsonPropertyName("axes")]
    public required TelemetryAxesWire Axes { get; init; }

    /// <summary>Environment summary; omitted by the node when no channel had readings.</summary>
    [JsonPropertyName("env")]
    [JsonConverter(typeof(PresentMeansNotNullConverter<EnvironmentWire>))]
    public EnvironmentWire? Environment { get; init; }
}

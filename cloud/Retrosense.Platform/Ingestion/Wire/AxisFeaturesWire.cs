using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>Features of one axis (telemetry.schema.json <c>$defs/axis</c>); null = the node could not compute it.</summary>
public sealed record AxisFeaturesWire
{
    [JsonPropertyName("rms_g")]
    public required double? RmsG { get; init; }

    [JsonPropertyName("peak_g")]
    public required double? PeakG { get; init; }

    [JsonPropertyName("p2p_g")]
    public required double? PeakToPeakG { get; init; }

    [JsonPropertyName("crest")]
    public required double? CrestFactor { get; init; }

    [JsonPropertyName("kurtosis")]
    public required double? Kurtosis { get; init; }

    [JsonPropertyName("skewness")]
    public required double? Skewness { get; init; }

    [JsonPropertyName("vel_rms_mm_s")]
    public required double? VelocityRmsMmPerSecond { get; init; }

    [JsonPropertyName("dominant_hz")]
    public required double? DominantFrequencyHz { get; init; }

    [JsonPropertyName("env_rms_g")]
    public required double? EnvelopeRmsG { get; init; }

    [JsonPropertyName("env_bpfo_g")]
    public required double? EnvelopeBpfoG { get; init; }

    [JsonPropertyName("env_bpfi_g")]
    public required double? EnvelopeBpfiG { get; init; }

    [JsonPropertyName("env_bsf_g")]
    public required double? EnvelopeBsfG { get; init; }

    [JsonPropertyName("env_ftf_g")]
    public required double? EnvelopeFtfG { get; init; }

    /// <summary>RMS acceleration per configured band, in g, keyed by band name; omitted without bands.</summary>
    [JsonPropertyName("bands_g")]
    [JsonConverter(typeof(PresentMeansNotNullConverter<Dictionary<string, double?>>))]
    public Dictionary<string, double?>? BandsG { get; init; }
}

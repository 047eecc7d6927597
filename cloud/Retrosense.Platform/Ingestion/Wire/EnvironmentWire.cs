using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>Environment summary of a telemetry message; a channel without readings is omitted.</summary>
public sealed record EnvironmentWire
{
    [JsonPropertyName("temp_c")]
    public ChannelSummaryWire? TemperatureCelsius { get; init; }

    [JsonPropertyName("rh_pct")]
    public ChannelSummaryWire? RelativeHumidityPercent { get; init; }

    [JsonPropertyName("pressure_hpa")]
    public ChannelSummaryWire? PressureHectopascals { get; init; }
}

using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>Environment summary of a telemetry message; a channel without readings is omitted.</summary>
public sealed record EnvironmentWire
{
    [JsonPropertyName("temp_c")]
    [JsonConverter(typeof(PresentMeansNotNullConverter<ChannelSummaryWire>))]
    public ChannelSummaryWire? TemperatureCelsius { get; init; }

    [JsonPropertyName("rh_pct")]
    [JsonConverter(typeof(PresentMeansNotNullConverter<ChannelSummaryWire>))]
    public ChannelSummaryWire? RelativeHumidityPercent { get; init; }

    [JsonPropertyName("pressure_hpa")]
    [JsonConverter(typeof(PresentMeansNotNullConverter<ChannelSummaryWire>))]
    public ChannelSummaryWire? PressureHectopascals { get; init; }
}

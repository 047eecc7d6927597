using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>Mean, minimum and maximum of one environment channel, in the channel's unit.</summary>
public sealed record ChannelSummaryWire
{
    [JsonPropertyName("mean")]
    public required double? Mean { get; init; }

    [JsonPropertyName("min")]
    public required double? Min { get; init; }

    [JsonPropertyName("max")]
    public required double? Max { get; init; }
}

using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>The <c>alarm</c> object of an alarm message.</summary>
public sealed record AlarmDetailWire
{
    /// <summary><c>limit</c>, <c>zone</c> or <c>node</c>.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("channel")]
    public required string Channel { get; init; }

    [JsonPropertyName("axis")]
    public required string Axis { get; init; }

    /// <summary><c>warning</c> or <c>alarm</c>.</summary>
    [JsonPropertyName("severity")]
    public required string Severity { get; init; }

    /// <summary><c>raised</c> or <c>cleared</c>.</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    [JsonPropertyName("value")]
    public required double? Value { get; init; }

    [JsonPropertyName("threshold")]
    public required double? Threshold { get; init; }

    /// <summary>New zone; present only when the source is <c>zone</c>.</summary>
    [JsonPropertyName("zone")]
    [JsonConverter(typeof(PresentMeansNotNullConverter<string>))]
    public string? Zone { get; init; }

    /// <summary>Zone before the transition; present only when the source is <c>zone</c>.</summary>
    [JsonPropertyName("previous_zone")]
    [JsonConverter(typeof(PresentMeansNotNullConverter<string>))]
    public string? PreviousZone { get; init; }
}

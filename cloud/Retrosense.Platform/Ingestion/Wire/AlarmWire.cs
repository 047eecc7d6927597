using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>An <c>alarm</c> message (shared/schemas/alarm.schema.json).</summary>
public sealed record AlarmWire : NodeMessageWire
{
    [JsonPropertyName("alarm")]
    public required AlarmDetailWire Alarm { get; init; }
}

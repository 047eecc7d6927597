using System.Text.Json;
using System.Text.Json.Serialization;

namespace Retrosense.Platform.Ingestion.Wire;

/// <summary>
/// Source-generated System.Text.Json metadata for the node → cloud messages, as strict as the schemas: no comments, no
/// trailing commas, numbers only as JSON numbers, unknown fields and duplicate fields rejected (the schemas close every
/// object), null only where the C# type is nullable. MaxDepth 16: the deepest valid message (telemetry bands) nests 4.
/// </summary>
[JsonSourceGenerationOptions(
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = NodeMessageJsonContext.MaxDepth,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(BirthWire))]
[JsonSerializable(typeof(DeathWire))]
[JsonSerializable(typeof(TelemetryWire))]
[JsonSerializable(typeof(AlarmWire))]
[JsonSerializable(typeof(StatusWire))]
[JsonSerializable(typeof(ConfigAckWire))]
// Read through PresentMeansNotNullConverter, which needs their metadata in the context.
[JsonSerializable(typeof(EnvironmentWire))]
[JsonSerializable(typeof(ChannelSummaryWire))]
[JsonSerializable(typeof(System.Collections.Generic.Dictionary<string, double?>))]
[JsonSerializable(typeof(string))]
public sealed partial class NodeMessageJsonContext : JsonSerializerContext
{
    /// <summary>Deepest JSON nesting accepted; valid messages nest at most 4 levels.</summary>
    public const int MaxDepth = 16;
}

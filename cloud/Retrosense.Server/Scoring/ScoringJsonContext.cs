using System.Text.Json.Serialization;

namespace Retrosense.Server.Scoring;

/// <summary>Source-generated JSON of the details live scoring stores with its own predictions (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RulPredictionDetails))]
internal sealed partial class ScoringJsonContext : JsonSerializerContext
{
}

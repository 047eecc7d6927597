using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Anomaly;

/// <summary>Source-generated JSON for the baseline package and the prediction details (snake_case like every Retrosense JSON output).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnomalyBaselinePackage))]
[JsonSerializable(typeof(AnomalyPredictionDetails))]
public sealed partial class AnomalyJsonContext : JsonSerializerContext
{
}

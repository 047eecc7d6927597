using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Evaluation;

/// <summary>
/// Source-generated JSON for the metric types, so every command prints the same snake_case names (issue 5 §9). The names
/// are fixed on the properties; this context adds indentation and rejects nothing on read.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(EvaluationReport))]
[JsonSerializable(typeof(BinaryClassificationMetrics))]
[JsonSerializable(typeof(MulticlassClassificationMetrics))]
[JsonSerializable(typeof(RegressionMetrics))]
[JsonSerializable(typeof(AnomalyDetectionMetrics))]
[JsonSerializable(typeof(ConfusionMatrix))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, double?>))]
public sealed partial class EvaluationJsonContext : JsonSerializerContext
{
}

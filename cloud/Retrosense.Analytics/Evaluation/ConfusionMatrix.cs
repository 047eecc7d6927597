using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Evaluation;

/// <summary>
/// Counts of rows by actual class (rows of <see cref="Counts"/>) and predicted class (columns), in the order of
/// <see cref="ClassNames"/>. For a binary task the order is negative, positive: [[TN, FP], [FN, TP]].
/// </summary>
public sealed record ConfusionMatrix(
    [property: JsonPropertyName("class_names")] IReadOnlyList<string> ClassNames,
    [property: JsonPropertyName("counts")] IReadOnlyList<IReadOnlyList<int>> Counts);

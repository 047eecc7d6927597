using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Evaluation;

/// <summary>
/// Quality of a multiclass classifier on one set of rows (definitions in <see cref="MulticlassClassificationEvaluator"/>).
/// <see cref="PerClassRecall"/> and <see cref="PerClassPrecision"/> are keyed by class name; a class with no actual
/// (or, for precision, no predicted) rows has a null value.
/// </summary>
public sealed record MulticlassClassificationMetrics(
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("macro_f1")] double MacroF1,
    [property: JsonPropertyName("per_class_recall")] IReadOnlyDictionary<string, double?> PerClassRecall,
    [property: JsonPropertyName("per_class_precision")] IReadOnlyDictionary<string, double?> PerClassPrecision,
    [property: JsonPropertyName("confusion_matrix")] ConfusionMatrix ConfusionMatrix,
    [property: JsonPropertyName("row_count")] int RowCount);

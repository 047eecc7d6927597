using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Evaluation;

/// <summary>
/// Quality of a binary classifier on one set of rows (definitions in <see cref="BinaryClassificationEvaluator"/>).
/// A metric that is undefined on these rows (ROC-AUC with a single class present) is null.
/// </summary>
public sealed record BinaryClassificationMetrics(
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("roc_auc")] double? RocAuc,
    [property: JsonPropertyName("pr_auc")] double? PrAuc,
    [property: JsonPropertyName("confusion_matrix")] ConfusionMatrix ConfusionMatrix,
    [property: JsonPropertyName("positive_count")] int PositiveCount,
    [property: JsonPropertyName("row_count")] int RowCount);

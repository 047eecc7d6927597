using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Evaluation;

/// <summary>
/// Metrics of one model on one set of rows, as <c>retrosense train</c> and <c>retrosense evaluate</c> print them: exactly
/// one of <see cref="Binary"/>, <see cref="Multiclass"/>, <see cref="Regression"/>, <see cref="Anomaly"/> is set, after
/// <see cref="Task"/>. Timings are null (and left out) where nothing was timed.
/// </summary>
public sealed record EvaluationReport(
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("row_count")] int RowCount)
{
    [JsonPropertyName("binary")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BinaryClassificationMetrics? Binary { get; init; }

    [JsonPropertyName("multiclass")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MulticlassClassificationMetrics? Multiclass { get; init; }

    [JsonPropertyName("regression")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RegressionMetrics? Regression { get; init; }

    [JsonPropertyName("anomaly")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AnomalyDetectionMetrics? Anomaly { get; init; }

    /// <summary>Wall-clock seconds the final model took to train (the search not included).</summary>
    [JsonPropertyName("train_seconds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TrainSeconds { get; init; }

    /// <summary>Rows scored per wall-clock second on these rows, one batch through the loaded model.</summary>
    [JsonPropertyName("predictions_per_second")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? PredictionsPerSecond { get; init; }
}

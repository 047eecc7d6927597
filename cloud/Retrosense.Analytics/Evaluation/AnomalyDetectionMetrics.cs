using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Evaluation;

/// <summary>
/// What an anomaly detector did on one set of rows: the share it flagged at its threshold and the spread of its scores;
/// when the rows carry a label (1 = anomalous), <see cref="AgainstLabel"/> judges the scores as a binary classifier.
/// </summary>
public sealed record AnomalyDetectionMetrics(
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("flagged_fraction")] double FlaggedFraction,
    [property: JsonPropertyName("score_median")] double ScoreMedian,
    [property: JsonPropertyName("score_p95")] double ScoreP95,
    [property: JsonPropertyName("row_count")] int RowCount)
{
    [JsonPropertyName("against_label")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BinaryClassificationMetrics? AgainstLabel { get; init; }
}

using System;
using System.Linq;
using Retrosense.Analytics.Evaluation;

namespace Retrosense.Analytics.Training;

/// <summary>Turns a model's outputs on labelled rows into the task's metrics, with the project's own evaluators.</summary>
internal static class ModelEvaluation
{
    public static EvaluationReport Evaluate(TrainingFrame frame, int[] rows, ModelOutputs outputs, double threshold)
    {
        var task = TrainingTaskNames.NameOf(frame.Task);
        switch (frame.Task)
        {
            case TrainingTask.Binary:
                return new EvaluationReport(task, rows.Length) { Binary = EvaluateBinary(frame, rows, outputs.Scores, threshold) };
            case TrainingTask.Multiclass:
                return new EvaluationReport(task, rows.Length)
                {
                    Multiclass = MulticlassClassificationEvaluator.Evaluate(rows.Select(row => frame.ClassIndices![row]).ToArray(), outputs.PredictedClasses!, frame.Schema.Label!.Classes!),
                };
            case TrainingTask.Regression:
                return new EvaluationReport(task, rows.Length)
                {
                    Regression = RegressionEvaluator.Evaluate(rows.Select(row => (double)frame.Targets![row]).ToArray(), outputs.Scores.Select(score => (double)score).ToArray()),
                };
            case TrainingTask.Anomaly:
                var scores = outputs.Scores.Select(score => (double)score).ToArray();
                var sorted = scores.Order().ToArray();
                var metrics = new AnomalyDetectionMetrics(
                    Threshold: threshold,
                    FlaggedFraction: scores.Count(score => score > threshold) / (double)scores.Length,
                    ScoreMedian: Quantile(sorted, 0.5),
                    ScoreP95: Quantile(sorted, 0.95),
                    RowCount: rows.Length)
                {
                    AgainstLabel = frame.ClassIndices is null ? null : EvaluateBinary(frame, rows, outputs.Scores, threshold, strictlyAbove: true),
                };
                return new EvaluationReport(task, rows.Length) { Anomaly = metrics };
            default:
                throw new ArgumentOutOfRangeException(nameof(frame), frame.Task, null);
        }
    }

    /// <summary>Linear interpolation between order statistics (the "type 7" quantile of R and NumPy).</summary>
    public static double Quantile(double[] sorted, double probability)
    {
        var position = probability * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    private static BinaryClassificationMetrics EvaluateBinary(TrainingFrame frame, int[] rows, float[] scores, double threshold, bool strictlyAbove = false)
    {
        var classes = frame.Schema.Label!.Classes!;
        var labels = rows.Select(row => frame.ClassIndices![row] == 1).ToArray();
        var predicted = scores.Select(score => strictlyAbove ? score > threshold : score >= threshold).ToArray();
        return BinaryClassificationEvaluator.Evaluate(labels, scores.Select(score => (double)score).ToArray(), predicted, classes[0], classes[1]);
    }
}

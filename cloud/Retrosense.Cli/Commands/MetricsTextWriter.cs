using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Retrosense.Analytics.Evaluation;

namespace Retrosense.Cli.Commands;

/// <summary>Writes an <see cref="EvaluationReport"/> as readable lines (metric names as in the JSON, so the two read alike).</summary>
internal sealed class MetricsTextWriter(TextWriter stdout)
{
    public void Write(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Binary is { } binary)
        {
            Line($"  accuracy {F(binary.Accuracy)}  precision {F(binary.Precision)}  recall {F(binary.Recall)}  f1 {F(binary.F1)}");
            Line($"  roc_auc {F(binary.RocAuc)}  pr_auc {F(binary.PrAuc)} (average precision)  positives {binary.PositiveCount} of {binary.RowCount}");
            WriteConfusion(binary.ConfusionMatrix);
        }

        if (report.Multiclass is { } multiclass)
        {
            Line($"  accuracy {F(multiclass.Accuracy)}  macro_f1 {F(multiclass.MacroF1)}");
            Line($"  per_class_recall {string.Join("  ", multiclass.PerClassRecall.Select(pair => $"{pair.Key} {F(pair.Value)}"))}");
            WriteConfusion(multiclass.ConfusionMatrix);
        }

        if (report.Regression is { } regression)
        {
            Line($"  mae {F(regression.Mae)}  mse {F(regression.Mse)}  rmse {F(regression.Rmse)}  r2 {F(regression.R2)}");
        }

        if (report.Anomaly is { } anomaly)
        {
            Line($"  flagged_fraction {F(anomaly.FlaggedFraction)} at threshold {F(anomaly.Threshold)}  score median {F(anomaly.ScoreMedian)}  p95 {F(anomaly.ScoreP95)}");
            if (anomaly.AgainstLabel is { } labelled)
            {
                Line($"  against the label: precision {F(labelled.Precision)}  recall {F(labelled.Recall)}  f1 {F(labelled.F1)}  roc_auc {F(labelled.RocAuc)}  pr_auc {F(labelled.PrAuc)}");
            }
        }

        var timings = new[]
        {
            report.TrainSeconds is { } train ? $"train_seconds {F(train)}" : null,
            report.PredictionsPerSecond is { } rate ? $"predictions_per_second {rate.ToString("F0", CultureInfo.InvariantCulture)}" : null,
        }.OfType<string>().ToArray();
        if (timings.Length > 0)
        {
            Line($"  {string.Join("  ", timings)}");
        }
    }

    private void WriteConfusion(ConfusionMatrix matrix)
    {
        var width = Math.Max(8, matrix.ClassNames.Max(name => name.Length) + 2);
        Line($"  confusion matrix (rows actual, columns predicted):");
        Line($"  {string.Empty.PadLeft(width)}{string.Concat(matrix.ClassNames.Select(name => name.PadLeft(width)))}");
        for (var row = 0; row < matrix.ClassNames.Count; row++)
        {
            Line($"  {matrix.ClassNames[row].PadLeft(width)}{string.Concat(matrix.Counts[row].Select(count => count.ToString(CultureInfo.InvariantCulture).PadLeft(width)))}");
        }
    }

    private void Line(string text) => stdout.WriteLine(text);

    internal static string F(double? value) => value is { } number ? number.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";
}

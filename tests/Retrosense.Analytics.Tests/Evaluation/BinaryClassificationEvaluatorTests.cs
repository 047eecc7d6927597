using System;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Retrosense.Analytics.Evaluation;

namespace Retrosense.Analytics.Tests.Evaluation;

public sealed class BinaryClassificationEvaluatorTests
{
    // Eight rows worked by hand: at threshold 0.5, TP 3, FP 2, FN 1, TN 2.
    private static readonly bool[] Labels = [true, false, true, true, false, false, true, false];
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2];

    [Fact]
    public void Threshold_Metrics_Match_The_Hand_Worked_Confusion_Matrix()
    {
        var metrics = BinaryClassificationEvaluator.Evaluate(Labels, Scores, threshold: 0.5);

        Assert.Equal(5.0 / 8, metrics.Accuracy, 12);
        Assert.Equal(3.0 / 5, metrics.Precision, 12);
        Assert.Equal(3.0 / 4, metrics.Recall, 12);
        Assert.Equal(2.0 / 3, metrics.F1, 12);
        Assert.Equal([2, 2], metrics.ConfusionMatrix.Counts[0]);
        Assert.Equal([1, 3], metrics.ConfusionMatrix.Counts[1]);
        Assert.Equal(4, metrics.PositiveCount);
        Assert.Equal(8, metrics.RowCount);
    }

    [Fact]
    public void Roc_Auc_Is_The_Share_Of_Positive_Negative_Pairs_Ranked_Right()
    {
        var metrics = BinaryClassificationEvaluator.Evaluate(Labels, Scores, threshold: 0.5);

        // Positives 0.9, 0.7, 0.6, 0.3 beat 4 + 3 + 3 + 1 of the 16 pairs with negatives 0.8, 0.55, 0.4, 0.2.
        Assert.Equal(11.0 / 16, metrics.RocAuc!.Value, 12);
    }

    [Fact]
    public void Pr_Auc_Is_Average_Precision_Over_The_Recall_Steps()
    {
        var metrics = BinaryClassificationEvaluator.Evaluate(Labels, Scores, threshold: 0.5);

        // Each positive adds a quarter of recall at the precision reached there: 1/1, 2/3, 3/4, 4/7.
        Assert.Equal(0.25 * (1 + (2.0 / 3) + 0.75 + (4.0 / 7)), metrics.PrAuc!.Value, 12);
    }

    [Fact]
    public void Tied_Scores_Count_Half_For_Roc_Auc_And_Share_One_Threshold_For_Pr_Auc()
    {
        var metrics = BinaryClassificationEvaluator.Evaluate([true, false], [0.5, 0.5], threshold: 0.5);

        Assert.Equal(0.5, metrics.RocAuc);
        Assert.Equal(0.5, metrics.PrAuc);
    }

    [Fact]
    public void Areas_Are_Null_When_A_Class_Is_Absent_And_Ratios_Are_Zero_Without_Predicted_Positives()
    {
        var onlyNegatives = BinaryClassificationEvaluator.Evaluate([false, false], [0.1, 0.2], threshold: 0.5);
        var onlyPositives = BinaryClassificationEvaluator.Evaluate([true, true], [0.1, 0.2], threshold: 0.5);

        Assert.Null(onlyNegatives.RocAuc);
        Assert.Null(onlyNegatives.PrAuc);
        Assert.Equal(0, onlyNegatives.Precision);
        Assert.Equal(0, onlyNegatives.F1);
        Assert.Null(onlyPositives.RocAuc);
        Assert.Equal(1, onlyPositives.PrAuc);
        Assert.Equal(0, onlyPositives.Recall);
    }

    [Fact]
    public void Mismatched_Lengths_And_NaN_Scores_Are_Refused()
    {
        Assert.Throws<ArgumentException>(() => BinaryClassificationEvaluator.Evaluate([true], [0.1, 0.2], threshold: 0.5));
        Assert.Throws<ArgumentException>(() => BinaryClassificationEvaluator.Evaluate([true, false], [double.NaN, 0.2], threshold: 0.5));
        Assert.Throws<ArgumentException>(() => BinaryClassificationEvaluator.Evaluate([], [], threshold: 0.5));
    }

    [Fact]
    public void Agrees_With_MlNet_On_Random_Scores()
    {
        var random = new Random(7);
        var rows = Enumerable.Range(0, 2000).Select(_ =>
        {
            var label = random.NextDouble() < 0.2;
            // ML.NET's non-calibrated evaluator predicts positive where the score is above 0.
            var score = (float)((label ? 0.8 : 0) + random.NextDouble() - 0.9);
            return new ScoredRow { Label = label, Score = score, PredictedLabel = score > 0f };
        }).ToArray();

        var ours = BinaryClassificationEvaluator.Evaluate(
            rows.Select(row => row.Label).ToArray(),
            rows.Select(row => (double)row.Score).ToArray(),
            rows.Select(row => row.PredictedLabel).ToArray());
        var ml = new MLContext(seed: 1);
        var theirs = ml.BinaryClassification.EvaluateNonCalibrated(ml.Data.LoadFromEnumerable(rows));

        Assert.Equal(theirs.Accuracy, ours.Accuracy, 9);
        Assert.Equal(theirs.PositivePrecision, ours.Precision, 9);
        Assert.Equal(theirs.PositiveRecall, ours.Recall, 9);
        Assert.Equal(theirs.F1Score, ours.F1, 9);
        Assert.Equal(theirs.AreaUnderRocCurve, ours.RocAuc!.Value, 6);

        // ML.NET's area under the PR curve is not average precision exactly (it interpolates); close on 2,000 rows.
        Assert.Equal(theirs.AreaUnderPrecisionRecallCurve, ours.PrAuc!.Value, 2);
    }

    private sealed class ScoredRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        public bool PredictedLabel { get; set; }
    }
}

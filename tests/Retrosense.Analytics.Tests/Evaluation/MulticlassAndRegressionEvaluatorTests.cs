using System;
using System.Linq;
using System.Text.Json;
using Microsoft.ML;
using Retrosense.Analytics.Evaluation;

namespace Retrosense.Analytics.Tests.Evaluation;

public sealed class MulticlassAndRegressionEvaluatorTests
{
    [Fact]
    public void Multiclass_Metrics_Match_The_Hand_Worked_Counts()
    {
        // Confusion (rows actual a, b, c): [1 1 0], [0 2 0], [1 0 1].
        var metrics = MulticlassClassificationEvaluator.Evaluate([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 2, 0], ["a", "b", "c"]);

        Assert.Equal(4.0 / 6, metrics.Accuracy, 12);
        Assert.Equal(0.5, metrics.PerClassRecall["a"]);
        Assert.Equal(1.0, metrics.PerClassRecall["b"]);
        Assert.Equal(0.5, metrics.PerClassRecall["c"]);
        Assert.Equal(2.0 / 3, metrics.PerClassPrecision["b"]!.Value, 12);
        Assert.Equal((0.5 + 0.8 + (2.0 / 3)) / 3, metrics.MacroF1, 12);
        Assert.Equal([1, 0, 1], metrics.ConfusionMatrix.Counts[2]);
    }

    [Fact]
    public void A_Class_That_Never_Occurs_Has_Null_Recall_And_No_Part_In_Macro_F1()
    {
        var metrics = MulticlassClassificationEvaluator.Evaluate([0, 1], [0, 1], ["a", "b", "never"]);

        Assert.Null(metrics.PerClassRecall["never"]);
        Assert.Null(metrics.PerClassPrecision["never"]);
        Assert.Equal(1.0, metrics.MacroF1);
    }

    [Fact]
    public void Multiclass_Refuses_Indices_Outside_The_Classes()
    {
        Assert.Throws<ArgumentException>(() => MulticlassClassificationEvaluator.Evaluate([0, 3], [0, 1], ["a", "b"]));
    }

    [Fact]
    public void Regression_Metrics_Match_The_Hand_Worked_Errors()
    {
        // Errors 0.5, 0, -1, 1 around actual values with mean 2.5 (total sum of squares 5).
        var metrics = RegressionEvaluator.Evaluate([1, 2, 3, 4], [1.5, 2, 2, 5]);

        Assert.Equal(0.625, metrics.Mae, 12);
        Assert.Equal(0.5625, metrics.Mse, 12);
        Assert.Equal(0.75, metrics.Rmse, 12);
        Assert.Equal(1 - (2.25 / 5), metrics.R2!.Value, 12);
        Assert.Null(metrics.NasaScore);
    }

    [Fact]
    public void R2_Is_Null_For_A_Constant_Target()
    {
        Assert.Null(RegressionEvaluator.Evaluate([3, 3], [3, 4]).R2);
    }

    [Fact]
    public void Regression_Agrees_With_MlNet()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 500).Select(i => new RegressionRow { Label = i * 0.1f, Score = (i * 0.1f) + (float)(random.NextDouble() - 0.5) }).ToArray();
        var ml = new MLContext(seed: 1);

        var theirs = ml.Regression.Evaluate(ml.Data.LoadFromEnumerable(rows));
        var ours = RegressionEvaluator.Evaluate(rows.Select(row => (double)row.Label).ToArray(), rows.Select(row => (double)row.Score).ToArray());

        Assert.Equal(theirs.MeanAbsoluteError, ours.Mae, 5);
        Assert.Equal(theirs.MeanSquaredError, ours.Mse, 5);
        Assert.Equal(theirs.RootMeanSquaredError, ours.Rmse, 5);
        Assert.Equal(theirs.RSquared, ours.R2!.Value, 5);
    }

    [Fact]
    public void Json_Uses_The_Snake_Case_Metric_Names_Of_Issue_5()
    {
        var report = new EvaluationReport("binary", 8)
        {
            Binary = BinaryClassificationEvaluator.Evaluate([true, false, true], [0.9, 0.2, 0.4], threshold: 0.5),
            Multiclass = MulticlassClassificationEvaluator.Evaluate([0, 1], [0, 1], ["a", "b"]),
            Regression = RegressionEvaluator.Evaluate([1, 2], [1, 3]) with { NasaScore = 1.5 },
            TrainSeconds = 1.25,
            PredictionsPerSecond = 1000,
        };

        var json = JsonSerializer.Serialize(report, EvaluationJsonContext.Default.EvaluationReport);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("binary", root.GetProperty("task").GetString());
        Assert.Equal(1.25, root.GetProperty("train_seconds").GetDouble());
        Assert.Equal(1000, root.GetProperty("predictions_per_second").GetDouble());
        foreach (var name in new[] { "accuracy", "precision", "recall", "f1", "roc_auc", "pr_auc", "confusion_matrix" })
        {
            Assert.True(root.GetProperty("binary").TryGetProperty(name, out _), name);
        }

        Assert.Equal(1.0, root.GetProperty("multiclass").GetProperty("per_class_recall").GetProperty("a").GetDouble());
        Assert.True(root.GetProperty("multiclass").TryGetProperty("macro_f1", out _));
        foreach (var name in new[] { "mae", "mse", "rmse", "r2", "nasa_score" })
        {
            Assert.True(root.GetProperty("regression").TryGetProperty(name, out _), name);
        }

        Assert.Equal([[1, 0], [1, 1]], root.GetProperty("binary").GetProperty("confusion_matrix").GetProperty("counts").EnumerateArray().Select(row => row.EnumerateArray().Select(cell => cell.GetInt32()).ToArray()).ToArray());
        var roundTrip = JsonSerializer.Deserialize(json, EvaluationJsonContext.Default.EvaluationReport)!;
        Assert.Equal(report.Binary.F1, roundTrip.Binary!.F1);
    }

    [Fact]
    public void Nasa_Score_Is_Left_Out_When_Not_Computed()
    {
        var json = JsonSerializer.Serialize(RegressionEvaluator.Evaluate([1, 2], [1, 3]), EvaluationJsonContext.Default.RegressionMetrics);

        Assert.DoesNotContain("nasa_score", json, StringComparison.Ordinal);
    }

    private sealed class RegressionRow
    {
        public float Label { get; set; }

        public float Score { get; set; }
    }
}

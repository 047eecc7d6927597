using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Retrosense.Analytics.Process;

namespace Retrosense.Analytics.Tests.Process;

public sealed class ProcessModelTrainerTests
{
    [Fact]
    public void Grouped_folds_never_split_a_lot_between_training_and_test()
    {
        var groups = Enumerable.Range(0, 300).Select(i => $"lot{i / 4}").ToArray();

        var folds = ProcessCrossValidationFolds.Grouped(groups, 5, seed: 3);

        Assert.Equal(5, folds.Count);
        Assert.Equal(300, folds.Sum(f => f.Test.Length));
        foreach (var (train, test) in folds)
        {
            var testLots = test.Select(r => groups[r]).ToHashSet();
            Assert.DoesNotContain(train, r => testLots.Contains(groups[r]));
            Assert.InRange(test.Length, 56, 64);
        }
    }

    [Fact]
    public void Time_ordered_folds_train_only_on_the_past()
    {
        var order = Enumerable.Range(0, 120).Select(i => (double)((i * 37) % 120)).ToArray();

        var folds = ProcessCrossValidationFolds.TimeOrdered(order, 4);

        foreach (var (train, test) in folds)
        {
            Assert.True(train.Max(r => order[r]) < test.Min(r => order[r]));
        }
    }

    [Fact]
    public void Reports_quality_importance_and_partial_dependence_that_match_the_known_process()
    {
        var model = SyntheticProcess.Train(SyntheticProcess.Table(80, seed: 5));
        var report = model.Metadata.Report;

        Assert.Equal("grouped", report.CrossValidation);
        Assert.Equal(80, report.Groups);
        Assert.True(report.Metrics.R2 > 0.8, $"r2 {report.Metrics.R2}");
        Assert.True(report.Metrics.Rmse < report.Baseline.Rmse / 2, $"rmse {report.Metrics.Rmse} vs baseline {report.Baseline.Rmse}");

        // Both settings drive quality far more than moisture (2 units over its whole range).
        var byName = report.Importance.ToDictionary(i => i.Feature);
        Assert.True(byName["speed"].RmseIncrease > byName["moisture"].RmseIncrease);
        Assert.True(byName["force"].RmseIncrease > byName["moisture"].RmseIncrease);

        // Partial dependence on speed peaks near the true optimum, 3.
        var speed = report.PartialDependence.Single(p => p.Control == "speed");
        var peak = speed.Values[speed.Predictions.Select((p, i) => (p, i)).MaxBy(x => x.p).i];
        Assert.InRange(peak, 2.2, 3.8);
    }

    [Fact]
    public async Task A_saved_package_loads_back_and_predicts_the_same()
    {
        var model = SyntheticProcess.Train(SyntheticProcess.Table(40, seed: 6));
        var folder = Path.Combine(Path.GetTempPath(), "retrosense-process-" + Guid.NewGuid().ToString("N"));
        try
        {
            await ProcessModelPackage.SaveAsync(model, folder, TestContext.Current.CancellationToken);
            var loaded = await ProcessModelPackage.LoadAsync(folder, TestContext.Current.CancellationToken);

            double[][] rows = [[1, 3, 0.2], [3, 5, 0.7]];
            Assert.Equal(model.Predict(rows).Mean, loaded.Predict(rows).Mean);
            Assert.Equal(model.Support.Limit, loaded.Support.Limit);
            Assert.Equal(model.Metadata.Report.Metrics, loaded.Metadata.Report.Metrics);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

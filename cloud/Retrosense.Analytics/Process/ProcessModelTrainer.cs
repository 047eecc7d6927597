using Retrosense.Analytics.Evaluation;
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace Retrosense.Analytics.Process;

/// <summary>
/// Trains a process model in named steps: prepare (statistics, imputation), cross-validate (grouped by lot or
/// time-ordered), explain (permutation importance on held-out folds, partial dependence of each control), and build the
/// ensemble the recommender uses (one member per fold of lots, so members disagree where the data are thin).
/// </summary>
public static class ProcessModelTrainer
{
    private const int ImportanceRepeats = 3;

    private const int PartialDependencePoints = 12;

    public static ProcessModel Train(ProcessDataset dataset, ProcessTrainerSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(settings);
        var stopwatch = Stopwatch.StartNew();
        var spec = dataset.Spec;
        if (spec.GroupColumns.Count > 0 && spec.TimeColumn is not null)
        {
            throw new ProcessInputException("give either a group (lot) column or a time column for cross-validation, not both");
        }

        // Prepare: statistics over every row, missing cells filled with the median.
        var statistics = spec.Features.Select((name, i) => ProcessFeatureStatistics.Of(
            name,
            i < spec.Controls.Count ? ProcessFeatureStatistics.ControlRole : ProcessFeatureStatistics.ConditionRole,
            dataset.Features.Select(row => row[i]))).ToArray();
        var rows = dataset.Features.Select(row => row.Select((v, i) => double.IsNaN(v) ? statistics[i].Median : v).ToArray()).ToArray();
        var target = dataset.Target;

        // Cross-validate.
        var timeOrdered = spec.TimeColumn is not null;
        var folds = timeOrdered
            ? ProcessCrossValidationFolds.TimeOrdered(dataset.Order, spec.Folds)
            : ProcessCrossValidationFolds.Grouped(dataset.Groups, spec.Folds, spec.Seed);
        var foldModels = new List<ProcessRegressor>();
        var outOfFold = new double[rows.Length];
        var baselineOutOfFold = new double[rows.Length];
        var perFold = new List<ProcessFoldResult>();
        for (var k = 0; k < folds.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (train, test) = folds[k];
            var model = ProcessRegressor.Train(train.Select(r => rows[r]).ToArray(), train.Select(r => target[r]).ToArray(), settings, spec.Seed + k);
            foldModels.Add(model);
            var predicted = model.Predict(test.Select(r => rows[r]).ToArray());
            var trainMean = train.Average(r => target[r]);
            for (var i = 0; i < test.Length; i++)
            {
                outOfFold[test[i]] = predicted[i];
                baselineOutOfFold[test[i]] = trainMean;
            }

            var actual = test.Select(r => target[r]).ToArray();
            var metrics = RegressionEvaluator.Evaluate(actual, predicted);
            var baseline = RegressionEvaluator.Evaluate(actual, actual.Select(_ => trainMean).ToArray());
            perFold.Add(new ProcessFoldResult(k + 1, test.Length, test.Select(r => dataset.Groups[r]).Distinct(StringComparer.Ordinal).Count(), metrics.Rmse, metrics.Mae, metrics.R2, baseline.Rmse));
        }

        var tested = folds.SelectMany(f => f.Test).Order().ToArray();
        var overall = RegressionEvaluator.Evaluate(tested.Select(r => target[r]).ToArray(), tested.Select(r => outOfFold[r]).ToArray());
        var baselineOverall = RegressionEvaluator.Evaluate(tested.Select(r => target[r]).ToArray(), tested.Select(r => baselineOutOfFold[r]).ToArray());

        // Explain: permutation importance on the held-out rows of each fold, with that fold's model.
        var importance = PermutationImportance(spec, statistics, rows, target, folds, foldModels, overall.Rmse, cancellationToken);

        // Ensemble: grouped CV already trained one member per fold of lots; time-ordered CV's early folds saw little
        // data, so the ensemble there is built on a grouped partition of all rows instead.
        var members = timeOrdered
            ? ProcessCrossValidationFolds.Grouped(dataset.Groups, spec.Folds, spec.Seed)
                .Select((fold, k) => ProcessRegressor.Train(fold.Train.Select(r => rows[r]).ToArray(), fold.Train.Select(r => target[r]).ToArray(), settings, spec.Seed + 100 + k))
                .ToArray()
            : foldModels.ToArray();

        var standardised = rows.Select(row => row.Select((v, i) => statistics[i].Standardise(v)).ToArray()).ToArray();
        var controlIndices = Enumerable.Range(0, spec.Controls.Count).ToArray();
        var conditionIndices = Enumerable.Range(spec.Controls.Count, spec.Conditions.Count).ToArray();
        var limits = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [ProcessModel.SupportAll] = ProcessSupportRegion.Build(ProcessModel.SupportAll, Enumerable.Range(0, statistics.Length).ToArray(), standardised, dataset.Groups).Limit,
            [ProcessModel.SupportControls] = ProcessSupportRegion.Build(ProcessModel.SupportControls, controlIndices, standardised, dataset.Groups).Limit,
        };
        if (conditionIndices.Length > 0)
        {
            limits[ProcessModel.SupportConditions] = ProcessSupportRegion.Build(ProcessModel.SupportConditions, conditionIndices, standardised, dataset.Groups).Limit;
        }

        var groupKey = spec.GroupColumns.Count > 0 ? string.Join("+", spec.GroupColumns) : timeOrdered ? spec.TimeColumn! : "row";
        var report = new ProcessTrainingReport(
            spec.Target,
            spec.Objective == ProcessObjective.Maximize ? "maximize" : "minimize",
            rows.Length,
            dataset.DroppedRows,
            dataset.Groups.Distinct(StringComparer.Ordinal).Count(),
            groupKey,
            timeOrdered ? "time" : spec.GroupColumns.Count > 0 ? "grouped" : "rows",
            spec.Folds,
            spec.Seed,
            overall,
            baselineOverall,
            perFold,
            importance,
            [],
            settings,
            0);
        var createdAt = DateTimeOffset.UtcNow;
        var metadata = new ProcessModelMetadata(
            ProcessModelMetadata.CurrentFormatVersion,
            ProcessModelMetadata.ProcessKind,
            createdAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            createdAt,
            spec.Target,
            spec.Objective,
            spec.Controls,
            spec.Conditions,
            spec.GroupColumns,
            spec.TimeColumn,
            spec.Seed,
            statistics,
            members.Select((_, k) => $"member-{k}.zip").ToArray(),
            report,
            rows,
            dataset.Groups,
            limits);
        var processModel = new ProcessModel(metadata, members);

        // Explain: partial dependence of the ensemble on each control.
        var partialDependence = spec.Controls.Select((control, c) =>
        {
            var stats = statistics[c];
            var values = Enumerable.Range(0, PartialDependencePoints).Select(p => stats.P05 + ((stats.P95 - stats.P05) * p / (PartialDependencePoints - 1))).Distinct().ToArray();
            var predictions = values.Select(value =>
            {
                var altered = rows.Select(row =>
                {
                    var copy = (double[])row.Clone();
                    copy[c] = value;
                    return copy;
                }).ToArray();
                return processModel.Predict(altered).Mean.Average();
            }).ToArray();
            return new ProcessPartialDependence(control, values, predictions);
        }).ToArray();

        var finalReport = report with { PartialDependence = partialDependence, TrainSeconds = Math.Round(stopwatch.Elapsed.TotalSeconds, 3) };
        return new ProcessModel(metadata with { Report = finalReport }, members);
    }

    private static ProcessFeatureImportance[] PermutationImportance(
        ProcessModelSpec spec,
        ProcessFeatureStatistics[] statistics,
        double[][] rows,
        double[] target,
        IReadOnlyList<(int[] Train, int[] Test)> folds,
        List<ProcessRegressor> foldModels,
        double baseRmse,
        CancellationToken cancellationToken)
    {
        var random = new Random(spec.Seed);
        var tested = folds.SelectMany(f => f.Test).ToArray();
        var actual = folds.SelectMany(f => f.Test.Select(r => target[r])).ToArray();
        var result = new List<ProcessFeatureImportance>();
        for (var feature = 0; feature < statistics.Length; feature++)
        {
            var increases = new double[ImportanceRepeats];
            for (var repeat = 0; repeat < ImportanceRepeats; repeat++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var predicted = new List<double>(tested.Length);
                for (var k = 0; k < folds.Count; k++)
                {
                    var test = folds[k].Test;
                    var shuffled = test.Select(r => rows[r][feature]).ToArray();
                    random.Shuffle(shuffled);
                    var permuted = test.Select((r, i) =>
                    {
                        var copy = (double[])rows[r].Clone();
                        copy[feature] = shuffled[i];
                        return copy;
                    }).ToArray();
                    predicted.AddRange(foldModels[k].Predict(permuted));
                }

                increases[repeat] = RegressionEvaluator.Evaluate(actual, predicted).Rmse - baseRmse;
            }

            var mean = increases.Average();
            var sd = Math.Sqrt(increases.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, increases.Length - 1));
            result.Add(new ProcessFeatureImportance(statistics[feature].Name, statistics[feature].Role, mean, sd));
        }

        return result.OrderByDescending(r => r.RmseIncrease).ToArray();
    }
}

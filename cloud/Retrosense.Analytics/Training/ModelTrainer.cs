using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.ML;
using Retrosense.Analytics.Data;
using Retrosense.Analytics.Evaluation;

namespace Retrosense.Analytics.Training;

/// <summary>
/// Trains a model from a table in named steps: prepare (check the data, choose features), split (held-out part, folds),
/// search (every candidate of <see cref="TrainerCatalog"/> on every fold, judged by one metric), fit (the best candidate
/// on the whole training part), evaluate (held-out metrics, timings). Seeded throughout: the same table, request and seed
/// give the same model and metrics.
/// </summary>
public static class ModelTrainer
{
    /// <summary>Share of training rows an anomaly model should flag: its threshold is this quantile of training scores.</summary>
    public const double AnomalyTrainingQuantile = 0.99;

    /// <exception cref="TabularDataException">The data cannot train the model asked for (the message says why and where).</exception>
    public static TrainingResult Train(TabularData table, TrainingRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Folds is < 2 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Folds, "folds must be 2 to 10");
        }

        if (request.HoldOutFraction is <= 0 or >= 0.9)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.HoldOutFraction, "the held-out fraction must be above 0 and below 0.9");
        }

        // Prepare and split.
        var notes = new List<string>();
        var frame = TrainingFrame.ForTraining(table, request.Task, request.LabelColumn, request.FeatureColumns, request.GroupColumn, request.TimeColumn, notes);
        var split = DataSplitter.HoldOut(frame, request.HoldOutFraction, request.Seed, request.Folds);
        var folds = DataSplitter.Folds(frame, split.FitRows, request.Folds, request.Seed);
        var candidates = TrainerCatalog.For(request.Task, frame.Schema.Features.Count, request.Seed);
        var searchable = request.Task != TrainingTask.Anomaly || frame.HasLabel;
        if (!searchable)
        {
            notes.Add("no label: the anomaly model is not compared against others; it keeps half of the features' principal components");
            candidates = [candidates[0]];
        }

        var totalSteps = (searchable ? candidates.Count * folds.Count : 0) + 2;
        var step = 0;
        void Report(string description) => progress?.Report(new TrainingProgress(++step, totalSteps, description));

        // Search.
        var metricName = SelectionMetricName(request.Task);
        var searchWatch = Stopwatch.StartNew();
        var results = new List<CandidateResult>();
        var outOfFold = new Dictionary<TrainerCandidate, (List<float> Scores, List<bool> Labels)>();
        if (searchable)
        {
            foreach (var candidate in candidates)
            {
                var values = new List<double>();
                var scores = new List<float>();
                var labels = new List<bool>();
                string? failure = null;
                for (var fold = 0; fold < folds.Count; fold++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        var fitRows = folds[fold].FitRows;
                        var validationRows = folds[fold].ValidationRows.ToArray();
                        if (!HasEveryClass(frame, fitRows))
                        {
                            failure = $"fold {fold + 1} has a class missing from its fitting rows";
                            continue;
                        }

                        var model = Fit(frame, candidate, fitRows, request.Seed);
                        var outputs = ModelScoring.Score(model, frame.ToDataView(validationRows), request.Task);
                        var report = ModelEvaluation.Evaluate(frame, validationRows, outputs, threshold: 0);
                        if (SelectionValue(report) is { } value)
                        {
                            values.Add(value);
                        }

                        if (frame.ClassIndices is not null && request.Task == TrainingTask.Binary)
                        {
                            scores.AddRange(outputs.Scores);
                            labels.AddRange(validationRows.Select(row => frame.ClassIndices[row] == 1));
                        }
                    }
                    catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException)
                    {
                        failure = $"{exception.GetType().Name}: {exception.Message}";
                    }
                    finally
                    {
                        Report($"{candidate.Description} fold {fold + 1}/{folds.Count}");
                    }
                }

                results.Add(new CandidateResult(candidate.Trainer, candidate.Hyperparameters, metricName, values.Count > 0 ? values.Average() : null, values)
                {
                    Failure = values.Count == 0 ? failure ?? "no fold could be judged" : null,
                });
                outOfFold[candidate] = (scores, labels);
            }
        }

        var best = searchable ? ChooseBest(candidates, results, request.Task) : candidates[0];
        if (best is null)
        {
            throw new TabularDataException($"{table.SourceName}: no trainer could learn from this data: {string.Join("; ", results.Select(result => $"{result.Trainer}: {result.Failure}"))}");
        }

        searchWatch.Stop();

        // Fit the chosen candidate on the whole training part.
        cancellationToken.ThrowIfCancellationRequested();
        var fitWatch = Stopwatch.StartNew();
        var finalModel = Fit(frame, best, split.FitRows, request.Seed);
        fitWatch.Stop();
        Report($"fitted {best.Description} on {split.FitRows.Count} rows");

        var threshold = request.Task switch
        {
            TrainingTask.Binary => BestF1Threshold(outOfFold[best].Scores, outOfFold[best].Labels),
            TrainingTask.Anomaly => AnomalyThreshold(finalModel, frame, split.FitRows),
            _ => 0,
        };

        // Evaluate on the held-out part.
        var heldOutRows = split.ValidationRows.ToArray();
        var heldOutView = frame.ToDataView(heldOutRows, includeLabel: false);
        var scoreWatch = Stopwatch.StartNew();
        var heldOutOutputs = ModelScoring.Score(finalModel, heldOutView, request.Task);
        scoreWatch.Stop();
        var heldOut = frame.HasLabel
            ? ModelEvaluation.Evaluate(frame, heldOutRows, heldOutOutputs, threshold)
            : ModelEvaluation.Evaluate(frame, heldOutRows, heldOutOutputs, threshold);
        heldOut = heldOut with
        {
            TrainSeconds = fitWatch.Elapsed.TotalSeconds,
            PredictionsPerSecond = heldOutRows.Length / Math.Max(scoreWatch.Elapsed.TotalSeconds, 1e-9),
        };
        Report($"evaluated on {heldOutRows.Length} held-out rows");

        return new TrainingResult(finalModel, frame.ToDataView(Array.Empty<int>(), includeLabel: false).Schema)
        {
            Schema = frame.Schema,
            Trainer = best.Trainer,
            Hyperparameters = best.Hyperparameters,
            Threshold = threshold,
            Seed = request.Seed,
            Folds = folds.Count,
            SelectionMetric = searchable ? metricName : "none",
            Candidates = results,
            SplitMethod = DataSplitter.Describe(frame),
            TrainingRows = split.FitRows.Count,
            HeldOutRows = heldOutRows.Length,
            HeldOut = heldOut,
            SearchSeconds = searchWatch.Elapsed.TotalSeconds,
            Notes = notes,
            DataSource = table.SourceName,
            DataSha256 = table.ContentSha256,
            DataRows = table.RowCount,
            GroupColumn = request.GroupColumn is null ? null : table.ColumnNames[table.ColumnIndex(request.GroupColumn)],
            TimeColumn = request.TimeColumn is null ? null : table.ColumnNames[table.ColumnIndex(request.TimeColumn)],
        };
    }

    /// <summary>The metric the search ranks candidates by: threshold-free where possible, robust to class imbalance.</summary>
    public static string SelectionMetricName(TrainingTask task) => task switch
    {
        TrainingTask.Binary => "pr_auc",
        TrainingTask.Multiclass => "macro_f1",
        TrainingTask.Regression => "rmse",
        _ => "roc_auc",
    };

    private static double? SelectionValue(EvaluationReport report) =>
        report.Binary?.PrAuc ?? report.Multiclass?.MacroF1 ?? report.Regression?.Rmse ?? report.Anomaly?.AgainstLabel?.RocAuc;

    private static TrainerCandidate? ChooseBest(IReadOnlyList<TrainerCandidate> candidates, List<CandidateResult> results, TrainingTask task)
    {
        TrainerCandidate? best = null;
        double bestValue = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (results[i].Mean is not { } value)
            {
                continue;
            }

            // Lower RMSE is better; higher is better for the rest. Ties keep the earlier (cheaper or simpler) candidate.
            var better = best is null || (task == TrainingTask.Regression ? value < bestValue : value > bestValue);
            if (better)
            {
                best = candidates[i];
                bestValue = value;
            }
        }

        return best;
    }

    private static ITransformer Fit(TrainingFrame frame, TrainerCandidate candidate, IReadOnlyList<int> rows, int seed)
    {
        // A fresh context per fit: the result depends on the seed alone, not on what was fitted before.
        var ml = new MLContext(seed);
        var pipeline = FeaturePipeline.Create(ml, frame.Schema, candidate.Scaling).Append(candidate.Create(ml));
        return pipeline.Fit(frame.ToDataView(rows));
    }

    private static bool HasEveryClass(TrainingFrame frame, IReadOnlyList<int> rows)
    {
        if (frame.ClassIndices is not { } classes || frame.Task == TrainingTask.Anomaly)
        {
            return true;
        }

        var seen = new HashSet<int>();
        foreach (var row in rows)
        {
            seen.Add(classes[row]);
        }

        return seen.Count == frame.ClassCount;
    }

    /// <summary>
    /// The score threshold with the best F1 over the cross-validation predictions (rows scoring at or above it are
    /// positive). Classes are often imbalanced (failures are rare), where a fixed threshold gives away recall.
    /// </summary>
    private static double BestF1Threshold(List<float> scores, List<bool> labels)
    {
        var positives = labels.Count(label => label);
        if (positives == 0)
        {
            return 0;
        }

        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        int truePositives = 0, predicted = 0;
        double bestF1 = -1, bestThreshold = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                predicted++;
                truePositives += labels[order[k]] ? 1 : 0;
            }

            var f1 = 2.0 * truePositives / (predicted + positives);
            if (f1 > bestF1)
            {
                bestF1 = f1;

                // Halfway to the next lower score: rows between the two were never seen, so split the gap.
                bestThreshold = end + 1 < order.Length ? (scores[order[start]] + (double)scores[order[end + 1]]) / 2 : scores[order[start]];
            }

            start = end + 1;
        }

        return bestThreshold;
    }

    private static double AnomalyThreshold(ITransformer model, TrainingFrame frame, IReadOnlyList<int> rows)
    {
        var scores = ModelScoring.Score(model, frame.ToDataView(rows, includeLabel: false), TrainingTask.Anomaly).Scores.Select(score => (double)score).Order().ToArray();
        return ModelEvaluation.Quantile(scores, AnomalyTrainingQuantile);
    }
}

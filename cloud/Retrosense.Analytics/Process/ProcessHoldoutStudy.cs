using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Retrosense.Analytics.Evaluation;

namespace Retrosense.Analytics.Process;

/// <summary>
/// Recommendations for batches the model never saw: a seeded fraction of the lots is held out, the model is trained on
/// the rest, and every held-out batch gets a recommendation from its own conditions and settings (step limits as a
/// fraction of each control's training range). The held-out RMSE says how far to trust the predicted outcomes; the
/// predicted improvements are the model's claims, which only running the plant can confirm.
/// </summary>
public static class ProcessHoldoutStudy
{
    public sealed record Result(ProcessModel Model, RegressionMetrics HeldOutMetrics, double HeldOutBaselineRmse, int HeldOutLots, IReadOnlyList<ProcessHoldoutBatch> Batches);

    public static Result Run(ProcessTable table, ProcessModelSpec spec, ProcessTrainerSettings settings, double holdoutFraction, double stepFraction, int maxBatches, string batchColumn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(spec);
        if (!(holdoutFraction > 0 && holdoutFraction < 1) || !(stepFraction > 0 && stepFraction <= 1))
        {
            throw new ProcessInputException("the held-out fraction must be in (0, 1) and the step fraction in (0, 1]");
        }

        var full = ProcessDataset.From(table, spec);
        var lots = full.Groups.Distinct(StringComparer.Ordinal).ToArray();
        new Random(spec.Seed).Shuffle(lots);
        var heldOutLots = lots.Take(Math.Max(1, (int)Math.Round(lots.Length * holdoutFraction))).ToHashSet(StringComparer.Ordinal);

        // Rows of the table in the dataset's order (rows without a target were dropped there too).
        var targetColumn = table.Numeric(spec.Target);
        var tableRows = Enumerable.Range(0, table.RowCount).Where(r => !double.IsNaN(targetColumn[r])).ToArray();
        var trainRows = tableRows.Where((_, i) => !heldOutLots.Contains(full.Groups[i])).ToArray();
        var testRows = tableRows.Where((_, i) => heldOutLots.Contains(full.Groups[i])).ToArray();
        var trainTable = new ProcessTable(table.Source + " (training lots)", table.Columns, trainRows.Select(r => table.Rows[r]).ToArray());
        var model = ProcessModelTrainer.Train(ProcessDataset.From(trainTable, spec), settings, cancellationToken);

        var testFeatures = testRows.Select(r => spec.Features.Select(f => ParseOrNaN(table.Cell(r, f))).ToArray()).ToArray();
        var actual = testRows.Select(r => targetColumn[r]).ToArray();
        var predicted = model.Predict(testFeatures).Mean;
        var metrics = RegressionEvaluator.Evaluate(actual, predicted);
        var trainMean = trainRows.Average(r => targetColumn[r]);
        var baseline = RegressionEvaluator.Evaluate(actual, actual.Select(_ => trainMean).ToArray()).Rmse;

        var recommender = new ProcessRecommender(model);
        var steps = spec.Controls.Select((c, i) => (c, model.Metadata.Statistics[i])).ToDictionary(x => x.c, x => stepFraction * (x.Item2.Max - x.Item2.Min), StringComparer.Ordinal);
        var stride = Math.Max(1, testRows.Length / Math.Max(1, maxBatches));
        var batches = new List<ProcessHoldoutBatch>();
        for (var i = 0; i < testRows.Length && batches.Count < maxBatches; i += stride)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var features = model.Impute(testFeatures[i]);
            var current = spec.Controls.Select((c, k) => (c, features[k])).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);
            var conditions = spec.Conditions.Select((c, k) => (c, features[spec.Controls.Count + k])).ToDictionary(x => x.c, x => x.Item2, StringComparer.Ordinal);
            var recommendation = recommender.Recommend(new ProcessRecommendationRequest(conditions, current, MaxStep: steps, Seed: spec.Seed));
            var group = string.Join("|", spec.GroupColumns.Select(g => table.Cell(testRows[i], g).Trim()));
            batches.Add(new ProcessHoldoutBatch(table.HasColumn(batchColumn) ? table.Cell(testRows[i], batchColumn) : (testRows[i] + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), group, actual[i], predicted[i], recommendation));
        }

        return new Result(model, metrics, baseline, heldOutLots.Count, batches);
    }

    private static double ParseOrNaN(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}

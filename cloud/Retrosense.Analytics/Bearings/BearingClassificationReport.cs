using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// Multiclass metrics of a set of window diagnoses: accuracy, macro-averaged F1, recall and precision per class, and the
/// confusion matrix (rows = true class, columns = predicted, both in <see cref="BearingFaultClass"/> order). Kept here
/// until the shared Evaluation/ types (branch mlcore) carry a multiclass report.
/// </summary>
public sealed record BearingClassificationReport(
    int Windows,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<double> RecallPerClass,
    IReadOnlyList<double> PrecisionPerClass,
    IReadOnlyList<int> WindowsPerClass,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix)
{
    /// <summary>Scores pairs of (true, predicted) class. A class absent from both gets recall and precision NaN and is left out of the macro F1.</summary>
    public static BearingClassificationReport From(IEnumerable<(BearingFaultClass Actual, BearingFaultClass Predicted)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var k = BearingFaultClasses.Count;
        var confusion = new int[k][];
        for (var i = 0; i < k; i++)
        {
            confusion[i] = new int[k];
        }

        var total = 0;
        foreach (var (actual, predicted) in pairs)
        {
            confusion[(int)actual][(int)predicted]++;
            total++;
        }

        var recall = new double[k];
        var precision = new double[k];
        var f1Sum = 0.0;
        var f1Classes = 0;
        for (var c = 0; c < k; c++)
        {
            var truePositives = confusion[c][c];
            var actualCount = confusion[c].Sum();
            var predictedCount = confusion.Sum(row => row[c]);
            recall[c] = actualCount > 0 ? (double)truePositives / actualCount : double.NaN;
            precision[c] = predictedCount > 0 ? (double)truePositives / predictedCount : (actualCount > 0 ? 0 : double.NaN);
            if (actualCount > 0 || predictedCount > 0)
            {
                var r = double.IsNaN(recall[c]) ? 0 : recall[c];
                var p = double.IsNaN(precision[c]) ? 0 : precision[c];
                f1Sum += r + p > 0 ? 2 * r * p / (r + p) : 0;
                f1Classes++;
            }
        }

        var correct = Enumerable.Range(0, k).Sum(c => confusion[c][c]);
        return new BearingClassificationReport(
            total,
            total > 0 ? (double)correct / total : double.NaN,
            f1Classes > 0 ? f1Sum / f1Classes : double.NaN,
            recall,
            precision,
            confusion.Select(row => row.Sum()).ToArray(),
            confusion.Select(row => (IReadOnlyList<int>)row).ToArray());
    }
}

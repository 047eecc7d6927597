using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Evaluation;

/// <summary>
/// Multiclass metrics from (actual, predicted) class indices into a list of class names:
/// accuracy = correct / n; per class k, recall = TPₖ / actualₖ and precision = TPₖ / predictedₖ (null when the
/// denominator is 0); macro F1 = mean of F1ₖ = 2TPₖ / (2TPₖ + FPₖ + FNₖ) over the classes that occur as actual or
/// predicted (scikit-learn's f1_score(average="macro") with its default labels).
/// </summary>
public static class MulticlassClassificationEvaluator
{
    public static MulticlassClassificationMetrics Evaluate(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(classNames);
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException($"actual ({actual.Count}) and predicted ({predicted.Count}) classes must be as many");
        }

        if (actual.Count == 0)
        {
            throw new ArgumentException("no rows to evaluate", nameof(actual));
        }

        if (classNames.Distinct(StringComparer.Ordinal).Count() != classNames.Count)
        {
            throw new ArgumentException("class names must be distinct", nameof(classNames));
        }

        var classCount = classNames.Count;
        var counts = new int[classCount][];
        for (var k = 0; k < classCount; k++)
        {
            counts[k] = new int[classCount];
        }

        var correct = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            if ((uint)actual[i] >= (uint)classCount || (uint)predicted[i] >= (uint)classCount)
            {
                throw new ArgumentException($"row {i}: class index outside 0..{classCount - 1}");
            }

            counts[actual[i]][predicted[i]]++;
            correct += actual[i] == predicted[i] ? 1 : 0;
        }

        var recall = new Dictionary<string, double?>(StringComparer.Ordinal);
        var precision = new Dictionary<string, double?>(StringComparer.Ordinal);
        double f1Sum = 0;
        var f1Classes = 0;
        for (var k = 0; k < classCount; k++)
        {
            var truePositives = counts[k][k];
            var actualCount = counts[k].Sum();
            var predictedCount = counts.Sum(row => row[k]);
            recall[classNames[k]] = actualCount == 0 ? null : (double)truePositives / actualCount;
            precision[classNames[k]] = predictedCount == 0 ? null : (double)truePositives / predictedCount;
            if (actualCount + predictedCount > 0)
            {
                f1Sum += 2.0 * truePositives / (actualCount + predictedCount);
                f1Classes++;
            }
        }

        return new MulticlassClassificationMetrics(
            Accuracy: (double)correct / actual.Count,
            MacroF1: f1Sum / f1Classes,
            PerClassRecall: recall,
            PerClassPrecision: precision,
            ConfusionMatrix: new ConfusionMatrix(classNames.ToArray(), counts),
            RowCount: actual.Count);
    }
}

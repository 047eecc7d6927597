using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Evaluation;

/// <summary>
/// Binary classification metrics computed here, from (label, score, predicted) arrays, so every model and benchmark
/// of the project uses one definition:
/// <list type="bullet">
/// <item>accuracy = (TP + TN) / n; precision = TP / (TP + FP), 0 when nothing is predicted positive; recall = TP / (TP + FN),
/// 0 when no row is positive; F1 = 2TP / (2TP + FP + FN), 0 when that is 0/0 (scikit-learn's zero_division=0).</item>
/// <item>ROC-AUC: the probability that a random positive scores above a random negative, ties counting one half
/// (Mann–Whitney U with average ranks); null unless both classes are present.</item>
/// <item>PR-AUC: average precision, AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the distinct score thresholds from the highest down
/// (scikit-learn's average_precision_score: a step function, no interpolation); null when no row is positive.</item>
/// </list>
/// Scores only need to rank rows (probabilities, margins, anomaly scores); higher means more likely positive.
/// </summary>
public static class BinaryClassificationEvaluator
{
    /// <summary>Metrics of <paramref name="predicted"/> labels and the <paramref name="scores"/> behind them against <paramref name="labels"/>.</summary>
    public static BinaryClassificationMetrics Evaluate(
        IReadOnlyList<bool> labels,
        IReadOnlyList<double> scores,
        IReadOnlyList<bool> predicted,
        string negativeClassName = "false",
        string positiveClassName = "true")
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(predicted);
        if (labels.Count != scores.Count || labels.Count != predicted.Count)
        {
            throw new ArgumentException($"labels ({labels.Count}), scores ({scores.Count}) and predictions ({predicted.Count}) must be as many");
        }

        if (labels.Count == 0)
        {
            throw new ArgumentException("no rows to evaluate", nameof(labels));
        }

        for (var i = 0; i < scores.Count; i++)
        {
            if (double.IsNaN(scores[i]))
            {
                throw new ArgumentException($"score {i} is NaN", nameof(scores));
            }
        }

        int truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            switch (labels[i], predicted[i])
            {
                case (true, true): truePositives++; break;
                case (false, true): falsePositives++; break;
                case (false, false): trueNegatives++; break;
                case (true, false): falseNegatives++; break;
            }
        }

        var positives = truePositives + falseNegatives;
        var negatives = trueNegatives + falsePositives;
        return new BinaryClassificationMetrics(
            Accuracy: (double)(truePositives + trueNegatives) / labels.Count,
            Precision: Ratio(truePositives, truePositives + falsePositives),
            Recall: Ratio(truePositives, positives),
            F1: Ratio(2 * truePositives, (2 * truePositives) + falsePositives + falseNegatives),
            RocAuc: positives > 0 && negatives > 0 ? RocAuc(labels, scores, positives, negatives) : null,
            PrAuc: positives > 0 ? AveragePrecision(labels, scores, positives) : null,
            ConfusionMatrix: new ConfusionMatrix(
                [negativeClassName, positiveClassName],
                [[trueNegatives, falsePositives], [falseNegatives, truePositives]]),
            PositiveCount: positives,
            RowCount: labels.Count);
    }

    /// <summary>As <see cref="Evaluate(IReadOnlyList{bool}, IReadOnlyList{double}, IReadOnlyList{bool}, string, string)"/>, predicting positive where score ≥ <paramref name="threshold"/>.</summary>
    public static BinaryClassificationMetrics Evaluate(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double threshold)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return Evaluate(labels, scores, scores.Select(score => score >= threshold).ToArray());
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    /// <summary>Mann–Whitney: (sum of the positives' ranks − P(P+1)/2) / (P·N), tied scores sharing their average rank.</summary>
    private static double RocAuc(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, int positives, int negatives)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            // Ranks are 1-based; the tied run start..end shares the mean of its ranks.
            var averageRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]])
                {
                    positiveRankSum += averageRank;
                }
            }

            start = end + 1;
        }

        return (positiveRankSum - (positives * (positives + 1.0) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>Average precision: walk thresholds from the highest score down, adding precision × recall gained.</summary>
    private static double AveragePrecision(IReadOnlyList<bool> labels, IReadOnlyList<double> scores, int positives)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        int truePositives = 0, predictedPositives = 0;
        double previousRecall = 0, averagePrecision = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                predictedPositives++;
                truePositives += labels[order[k]] ? 1 : 0;
            }

            var recall = (double)truePositives / positives;
            averagePrecision += (recall - previousRecall) * ((double)truePositives / predictedPositives);
            previousRecall = recall;
            start = end + 1;
        }

        return averagePrecision;
    }
}

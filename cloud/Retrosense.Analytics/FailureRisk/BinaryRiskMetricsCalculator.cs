using System;
using System.Collections.Generic;
using System.Linq;
using Retrosense.Analytics.Evaluation;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>Computes <see cref="BinaryRiskMetrics"/> from probabilities, labels and a threshold (positive when p ≥ threshold).</summary>
public static class BinaryRiskMetricsCalculator
{
    private const int CalibrationBins = 10;

    public static BinaryRiskMetrics Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double threshold)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        if (probabilities.Count != labels.Count || labels.Count == 0)
        {
            throw new ArgumentException("probabilities and labels must be non-empty and of equal length", nameof(labels));
        }

        // Counts, ratios, ROC-AUC and PR-AUC (average precision) by the project's one definition (Evaluation/).
        var shared = BinaryClassificationEvaluator.Evaluate(labels, probabilities, threshold);
        var counts = shared.ConfusionMatrix.Counts;
        return new BinaryRiskMetrics(
            shared.PositiveCount,
            shared.RowCount - shared.PositiveCount,
            threshold,
            TruePositives: counts[1][1],
            FalsePositives: counts[0][1],
            FalseNegatives: counts[1][0],
            TrueNegatives: counts[0][0],
            shared.Accuracy,
            shared.Precision,
            shared.Recall,
            shared.F1,
            shared.RocAuc,
            shared.PrAuc,
            Brier(probabilities, labels),
            ExpectedCalibrationError(probabilities, labels));
    }

    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var sum = 0.0;
        for (var index = 0; index < labels.Count; index++)
        {
            var error = probabilities[index] - (labels[index] ? 1 : 0);
            sum += error * error;
        }

        return sum / labels.Count;
    }

    public static double ExpectedCalibrationError(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var counts = new int[CalibrationBins];
        var probabilitySums = new double[CalibrationBins];
        var positiveCounts = new int[CalibrationBins];
        for (var index = 0; index < labels.Count; index++)
        {
            var bin = Math.Clamp((int)(probabilities[index] * CalibrationBins), 0, CalibrationBins - 1);
            counts[bin]++;
            probabilitySums[bin] += probabilities[index];
            positiveCounts[bin] += labels[index] ? 1 : 0;
        }

        var error = 0.0;
        for (var bin = 0; bin < CalibrationBins; bin++)
        {
            if (counts[bin] > 0)
            {
                error += Math.Abs((positiveCounts[bin] - probabilitySums[bin]) / counts[bin]) * counts[bin] / labels.Count;
            }
        }

        return error;
    }

    /// <summary>
    /// The threshold with the best F1 on the given (out-of-fold) probabilities: halfway between the chosen probability and
    /// the next lower one, so that a model retrained on all rows, whose scores shift a little, keeps the same cut.
    /// </summary>
    public static double BestF1Threshold(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var positives = labels.Count(label => label);
        if (positives == 0)
        {
            return 0.5;
        }

        var order = Enumerable.Range(0, labels.Count).OrderByDescending(index => probabilities[index]).ToArray();
        double truePositives = 0, predicted = 0, bestF1 = -1, bestThreshold = 0.5;
        var position = 0;
        while (position < order.Length)
        {
            var end = position;
            while (end + 1 < order.Length && probabilities[order[end + 1]] == probabilities[order[position]])
            {
                end++;
            }

            for (var tied = position; tied <= end; tied++)
            {
                truePositives += labels[order[tied]] ? 1 : 0;
                predicted++;
            }

            var f1 = 2 * truePositives / (predicted + positives);
            if (f1 > bestF1)
            {
                bestF1 = f1;
                var next = end + 1 < order.Length ? probabilities[order[end + 1]] : 0;
                bestThreshold = (probabilities[order[position]] + next) / 2;
            }

            position = end + 1;
        }

        return bestThreshold;
    }
}

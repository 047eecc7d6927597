using System;
using System.Collections.Generic;
using System.Linq;

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

        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;
        for (var index = 0; index < labels.Count; index++)
        {
            var predicted = probabilities[index] >= threshold;
            (truePositives, falsePositives, falseNegatives, trueNegatives) = (predicted, labels[index]) switch
            {
                (true, true) => (truePositives + 1, falsePositives, falseNegatives, trueNegatives),
                (true, false) => (truePositives, falsePositives + 1, falseNegatives, trueNegatives),
                (false, true) => (truePositives, falsePositives, falseNegatives + 1, trueNegatives),
                (false, false) => (truePositives, falsePositives, falseNegatives, trueNegatives + 1),
            };
        }

        var precision = Ratio(truePositives, truePositives + falsePositives);
        var recall = Ratio(truePositives, truePositives + falseNegatives);
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return new BinaryRiskMetrics(
            truePositives + falseNegatives,
            falsePositives + trueNegatives,
            threshold,
            truePositives,
            falsePositives,
            falseNegatives,
            trueNegatives,
            Ratio(truePositives + trueNegatives, labels.Count),
            precision,
            recall,
            f1,
            RocAuc(probabilities, labels),
            AveragePrecision(probabilities, labels),
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

    /// <summary>Mann–Whitney form: the chance a random positive outranks a random negative, ties counting half.</summary>
    public static double RocAuc(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var order = Enumerable.Range(0, labels.Count).OrderBy(index => probabilities[index]).ToArray();
        var positives = labels.Count(label => label);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var positiveRankSum = 0.0;
        var position = 0;
        while (position < order.Length)
        {
            var end = position;
            while (end + 1 < order.Length && probabilities[order[end + 1]] == probabilities[order[position]])
            {
                end++;
            }

            var averageRank = ((position + end) / 2.0) + 1;
            for (var tied = position; tied <= end; tied++)
            {
                positiveRankSum += labels[order[tied]] ? averageRank : 0;
            }

            position = end + 1;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>Average precision: Σ (recall step) × precision over the distinct thresholds, from the highest down.</summary>
    public static double AveragePrecision(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var positives = labels.Count(label => label);
        if (positives == 0)
        {
            return double.NaN;
        }

        var order = Enumerable.Range(0, labels.Count).OrderByDescending(index => probabilities[index]).ToArray();
        double truePositives = 0, predicted = 0, area = 0, previousRecall = 0;
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

            var recall = truePositives / positives;
            area += (recall - previousRecall) * (truePositives / predicted);
            previousRecall = recall;
            position = end + 1;
        }

        return area;
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

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// A monotone step function fitted by pool-adjacent-violators (Zadrozny and Elkan, "Transforming classifier scores into
/// accurate multiclass probability estimates", KDD 2002). Between two pooled blocks the probability is interpolated
/// linearly, outside them it is the nearest block's value.
/// </summary>
public sealed class IsotonicRegressionCalibrator : IProbabilityCalibrator
{
    private readonly double[] _blockMinimumScores;
    private readonly double[] _blockMaximumScores;
    private readonly double[] _blockProbabilities;

    private IsotonicRegressionCalibrator(double[] minimumScores, double[] maximumScores, double[] probabilities)
    {
        _blockMinimumScores = minimumScores;
        _blockMaximumScores = maximumScores;
        _blockProbabilities = probabilities;
    }

    public CalibrationMethod Method => CalibrationMethod.Isotonic;

    public int BlockCount => _blockProbabilities.Length;

    public static IsotonicRegressionCalibrator Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count || scores.Count == 0)
        {
            throw new ArgumentException("scores and labels must be non-empty and of equal length", nameof(labels));
        }

        var order = Enumerable.Range(0, scores.Count).OrderBy(index => scores[index]).ToArray();
        var minimums = new List<double>();
        var maximums = new List<double>();
        var sums = new List<double>();
        var counts = new List<int>();
        foreach (var index in order)
        {
            minimums.Add(scores[index]);
            maximums.Add(scores[index]);
            sums.Add(labels[index] ? 1 : 0);
            counts.Add(1);

            // Pool while the last block's mean is not above its predecessor's, and always pool equal scores.
            while (sums.Count > 1)
            {
                var last = sums.Count - 1;
                var lastMean = sums[last] / counts[last];
                var previousMean = sums[last - 1] / counts[last - 1];
                if (lastMean > previousMean && minimums[last] > maximums[last - 1])
                {
                    break;
                }

                sums[last - 1] += sums[last];
                counts[last - 1] += counts[last];
                maximums[last - 1] = maximums[last];
                minimums.RemoveAt(last);
                maximums.RemoveAt(last);
                sums.RemoveAt(last);
                counts.RemoveAt(last);
            }
        }

        var probabilities = sums.Select((sum, block) => sum / counts[block]).ToArray();
        return new IsotonicRegressionCalibrator([.. minimums], [.. maximums], probabilities);
    }

    public double Probability(double score)
    {
        // The last block whose minimum is at or below the score.
        var block = Array.BinarySearch(_blockMinimumScores, score);
        if (block < 0)
        {
            block = ~block - 1;
        }

        if (block < 0)
        {
            return _blockProbabilities[0];
        }

        if (score <= _blockMaximumScores[block] || block == _blockProbabilities.Length - 1)
        {
            return _blockProbabilities[block];
        }

        var gapStart = _blockMaximumScores[block];
        var gapEnd = _blockMinimumScores[block + 1];
        var fraction = (score - gapStart) / (gapEnd - gapStart);
        return _blockProbabilities[block] + (fraction * (_blockProbabilities[block + 1] - _blockProbabilities[block]));
    }
}

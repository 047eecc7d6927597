using System;
using System.Collections.Generic;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// p = 1 / (1 + exp(−(a·score + b))), fitted by Newton's method with backtracking on the log loss, with Platt's smoothed
/// targets (N₊+1)/(N₊+2) and 1/(N₋+2) so that a separable fold does not drive the slope to infinity
/// (J. Platt, "Probabilistic outputs for support vector machines", 1999; H.-T. Lin, C.-J. Lin, R. Weng,
/// "A note on Platt's probabilistic outputs for support vector machines", Machine Learning 68, 2007).
/// </summary>
public sealed class PlattScalingCalibrator : IProbabilityCalibrator
{
    private const int MaximumIterations = 100;

    private PlattScalingCalibrator(double slope, double offset)
    {
        Slope = slope;
        Offset = offset;
    }

    public CalibrationMethod Method => CalibrationMethod.Platt;

    public double Slope { get; }

    public double Offset { get; }

    public static PlattScalingCalibrator Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count || scores.Count == 0)
        {
            throw new ArgumentException("scores and labels must be non-empty and of equal length", nameof(labels));
        }

        var positives = 0;
        foreach (var label in labels)
        {
            positives += label ? 1 : 0;
        }

        var negatives = labels.Count - positives;
        var positiveTarget = (positives + 1.0) / (positives + 2.0);
        var negativeTarget = 1.0 / (negatives + 2.0);
        var targets = new double[labels.Count];
        for (var index = 0; index < targets.Length; index++)
        {
            targets[index] = labels[index] ? positiveTarget : negativeTarget;
        }

        var slope = 0.0;
        var offset = Math.Log((positives + 1.0) / (negatives + 1.0));
        var loss = LogLoss(scores, targets, slope, offset);
        for (var iteration = 0; iteration < MaximumIterations; iteration++)
        {
            double gradientSlope = 0, gradientOffset = 0, hessianSlopeSlope = 1e-12, hessianSlopeOffset = 0, hessianOffsetOffset = 1e-12;
            for (var index = 0; index < targets.Length; index++)
            {
                var probability = Sigmoid((slope * scores[index]) + offset);
                var residual = probability - targets[index];
                var weight = probability * (1 - probability);
                gradientSlope += residual * scores[index];
                gradientOffset += residual;
                hessianSlopeSlope += weight * scores[index] * scores[index];
                hessianSlopeOffset += weight * scores[index];
                hessianOffsetOffset += weight;
            }

            if (Math.Abs(gradientSlope) < 1e-7 && Math.Abs(gradientOffset) < 1e-7)
            {
                break;
            }

            var determinant = (hessianSlopeSlope * hessianOffsetOffset) - (hessianSlopeOffset * hessianSlopeOffset);
            var stepSlope = -((hessianOffsetOffset * gradientSlope) - (hessianSlopeOffset * gradientOffset)) / determinant;
            var stepOffset = -((-hessianSlopeOffset * gradientSlope) + (hessianSlopeSlope * gradientOffset)) / determinant;
            var stepSize = 1.0;
            var improved = false;
            while (stepSize >= 1e-10)
            {
                var candidateSlope = slope + (stepSize * stepSlope);
                var candidateOffset = offset + (stepSize * stepOffset);
                var candidateLoss = LogLoss(scores, targets, candidateSlope, candidateOffset);
                if (candidateLoss < loss + (1e-4 * stepSize * ((gradientSlope * stepSlope) + (gradientOffset * stepOffset))))
                {
                    (slope, offset, loss, improved) = (candidateSlope, candidateOffset, candidateLoss, true);
                    break;
                }

                stepSize /= 2;
            }

            if (!improved)
            {
                break;
            }
        }

        return new PlattScalingCalibrator(slope, offset);
    }

    public double Probability(double score) => Sigmoid((Slope * score) + Offset);

    private static double Sigmoid(double value) => 1.0 / (1.0 + Math.Exp(-value));

    /// <summary>Cross-entropy written with log1p(exp(·)) in its stable form for large |z|.</summary>
    private static double LogLoss(IReadOnlyList<double> scores, double[] targets, double slope, double offset)
    {
        var sum = 0.0;
        for (var index = 0; index < targets.Length; index++)
        {
            var z = (slope * scores[index]) + offset;
            var softplus = z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
            sum += softplus - (targets[index] * z);
        }

        return sum;
    }
}

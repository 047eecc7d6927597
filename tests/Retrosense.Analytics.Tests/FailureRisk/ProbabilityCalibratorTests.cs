using System;
using System.Linq;
using Retrosense.Analytics.FailureRisk;

namespace Retrosense.Analytics.Tests.FailureRisk;

public sealed class ProbabilityCalibratorTests
{
    /// <summary>
    /// Scores three times too confident: the true probability is sigmoid(score / 3), a rare positive class (about 5 %).
    /// Both calibrators are fitted on one half and judged on the other.
    /// </summary>
    private static (double[] Scores, bool[] Labels) Overconfident(int count, int seed)
    {
        var random = new Random(seed);
        var scores = new double[count];
        var labels = new bool[count];
        for (var index = 0; index < count; index++)
        {
            var logit = -3.5 + (1.5 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            scores[index] = 3 * logit;
            labels[index] = random.NextDouble() < Sigmoid(logit);
        }

        return (scores, labels);
    }

    private static double Sigmoid(double value) => 1 / (1 + Math.Exp(-value));

    [Theory]
    [InlineData(CalibrationMethod.Platt)]
    [InlineData(CalibrationMethod.Isotonic)]
    public void Calibration_on_held_out_scores_lowers_the_brier_score_of_overconfident_scores(CalibrationMethod method)
    {
        var (fitScores, fitLabels) = Overconfident(4000, seed: 1);
        var (testScores, testLabels) = Overconfident(4000, seed: 2);
        IProbabilityCalibrator calibrator = method == CalibrationMethod.Platt
            ? PlattScalingCalibrator.Fit(fitScores, fitLabels)
            : IsotonicRegressionCalibrator.Fit(fitScores, fitLabels);

        var uncalibrated = BinaryRiskMetricsCalculator.Brier(testScores.Select(Sigmoid).ToArray(), testLabels);
        var calibrated = BinaryRiskMetricsCalculator.Brier(testScores.Select(calibrator.Probability).ToArray(), testLabels);
        var calibratedError = BinaryRiskMetricsCalculator.ExpectedCalibrationError(testScores.Select(calibrator.Probability).ToArray(), testLabels);
        var uncalibratedError = BinaryRiskMetricsCalculator.ExpectedCalibrationError(testScores.Select(Sigmoid).ToArray(), testLabels);

        Assert.True(calibrated < uncalibrated, $"brier calibrated {calibrated} vs uncalibrated {uncalibrated}");
        Assert.True(calibratedError < uncalibratedError, $"ece calibrated {calibratedError} vs uncalibrated {uncalibratedError}");
    }

    [Fact]
    public void Platt_scaling_recovers_the_slope_of_scores_that_are_three_times_too_confident()
    {
        var (scores, labels) = Overconfident(20000, seed: 3);

        var calibrator = PlattScalingCalibrator.Fit(scores, labels);

        Assert.InRange(calibrator.Slope, 1 / 3.0 * 0.85, 1 / 3.0 * 1.15);
        Assert.InRange(calibrator.Offset, -0.3, 0.3);
    }

    [Fact]
    public void Platt_scaling_keeps_already_calibrated_scores_nearly_unchanged()
    {
        var random = new Random(4);
        var scores = Enumerable.Range(0, 20000).Select(_ => (random.NextDouble() * 8) - 6).ToArray();
        var labels = scores.Select(score => random.NextDouble() < Sigmoid(score)).ToArray();

        var calibrator = PlattScalingCalibrator.Fit(scores, labels);

        Assert.InRange(calibrator.Slope, 0.9, 1.1);
        Assert.InRange(calibrator.Probability(0), 0.4, 0.6);
    }

    [Fact]
    public void Isotonic_calibration_is_monotone_and_stays_within_zero_and_one()
    {
        var (scores, labels) = Overconfident(3000, seed: 5);
        var calibrator = IsotonicRegressionCalibrator.Fit(scores, labels);

        var grid = Enumerable.Range(-400, 801).Select(step => step / 20.0).ToArray();
        var probabilities = grid.Select(calibrator.Probability).ToArray();

        Assert.All(probabilities, probability => Assert.InRange(probability, 0, 1));
        for (var index = 1; index < probabilities.Length; index++)
        {
            Assert.True(probabilities[index] >= probabilities[index - 1], $"not monotone at score {grid[index]}");
        }
    }

    [Fact]
    public void Isotonic_calibration_of_a_perfectly_separated_set_gives_zero_below_and_one_above()
    {
        var calibrator = IsotonicRegressionCalibrator.Fit([1, 2, 3, 4, 5, 6], [false, false, false, true, true, true]);

        Assert.Equal(0, calibrator.Probability(2));
        Assert.Equal(1, calibrator.Probability(5));
        Assert.Equal(0.5, calibrator.Probability(3.5), 9);
        Assert.Equal(2, calibrator.BlockCount);
    }
}

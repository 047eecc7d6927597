using Retrosense.Analytics.FailureRisk;

namespace Retrosense.Analytics.Tests.FailureRisk;

public sealed class BinaryRiskMetricsCalculatorTests
{
    [Fact]
    public void Counts_and_ratios_follow_the_threshold()
    {
        double[] probabilities = [0.9, 0.8, 0.3, 0.2, 0.1];
        bool[] labels = [true, false, true, false, false];

        var metrics = BinaryRiskMetricsCalculator.Compute(probabilities, labels, threshold: 0.5);

        Assert.Equal((1, 1, 1, 2), (metrics.TruePositives, metrics.FalsePositives, metrics.FalseNegatives, metrics.TrueNegatives));
        Assert.Equal(0.5, metrics.Precision);
        Assert.Equal(0.5, metrics.Recall);
        Assert.Equal(0.5, metrics.F1);
        Assert.Equal(0.6, metrics.Accuracy, 12);
    }

    [Fact]
    public void Roc_auc_is_the_share_of_positive_negative_pairs_ranked_right_with_ties_counting_half()
    {
        // Pairs: (0.9 vs 0.8, 0.2, 0.1) right; (0.3 vs 0.8) wrong, (0.3 vs 0.2, 0.1) right: 5 of 6.
        Assert.Equal(5.0 / 6, BinaryRiskMetricsCalculator.RocAuc([0.9, 0.8, 0.3, 0.2, 0.1], [true, false, true, false, false]), 12);
        Assert.Equal(0.5, BinaryRiskMetricsCalculator.RocAuc([0.5, 0.5], [true, false]), 12);
    }

    [Fact]
    public void Average_precision_sums_precision_at_each_recall_step()
    {
        // Ranked: +, −, +: precision 1 at recall 0.5, 2/3 at recall 1.
        Assert.Equal((0.5 * 1) + (0.5 * 2.0 / 3), BinaryRiskMetricsCalculator.AveragePrecision([0.9, 0.8, 0.3, 0.2], [true, false, true, false]), 12);
    }

    [Fact]
    public void Brier_and_calibration_error_are_zero_for_certain_and_right_predictions()
    {
        Assert.Equal(0, BinaryRiskMetricsCalculator.Brier([1, 0, 0], [true, false, false]));
        Assert.Equal(0, BinaryRiskMetricsCalculator.ExpectedCalibrationError([1, 0, 0], [true, false, false]));
        Assert.Equal(0.25, BinaryRiskMetricsCalculator.Brier([0.5, 0.5], [true, false]));
    }

    [Fact]
    public void The_best_f1_threshold_lies_between_the_chosen_probability_and_the_next_lower()
    {
        double[] probabilities = [0.95, 0.9, 0.6, 0.4, 0.1];
        bool[] labels = [true, true, false, false, false];

        var threshold = BinaryRiskMetricsCalculator.BestF1Threshold(probabilities, labels);

        Assert.Equal(0.75, threshold, 12);
        Assert.Equal(1, BinaryRiskMetricsCalculator.Compute(probabilities, labels, threshold).F1);
    }
}

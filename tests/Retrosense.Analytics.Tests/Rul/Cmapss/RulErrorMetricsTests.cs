using System;
using Retrosense.Analytics.Rul.Cmapss;

namespace Retrosense.Analytics.Tests.Rul.Cmapss;

public sealed class RulErrorMetricsTests
{
    [Fact]
    public void Nasa_score_penalises_late_predictions_more_than_early_ones_as_the_phm08_formula_says()
    {
        // Hand-computed: 10 cycles early: exp(10/13) − 1 = 1.158106; 10 cycles late: exp(10/10) − 1 = 1.718282.
        Assert.Equal(1.158106, RulErrorMetrics.NasaScoreOf(predicted: 10, actual: 20), 6);
        Assert.Equal(1.718282, RulErrorMetrics.NasaScoreOf(predicted: 30, actual: 20), 6);
        Assert.Equal(0, RulErrorMetrics.NasaScoreOf(predicted: 20, actual: 20));
    }

    [Fact]
    public void Rmse_mae_and_summed_nasa_score_match_hand_computed_values()
    {
        // d = −10, +10, 0, +5: RMSE = √(225/4) = 7.5, MAE = 25/4 = 6.25,
        // score = 1.158106 + 1.718282 + 0 + (exp(0.5) − 1 = 0.648721) = 3.525109.
        var metrics = RulErrorMetrics.Compute([10, 30, 50, 105], [20, 20, 50, 100]);

        Assert.Equal(4, metrics.Count);
        Assert.Equal(7.5, metrics.Rmse, 10);
        Assert.Equal(6.25, metrics.Mae, 10);
        Assert.Equal(3.525109, metrics.NasaScore, 5);
    }

    [Fact]
    public void Mismatched_or_empty_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RulErrorMetrics.Compute([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => RulErrorMetrics.Compute([], []));
    }
}

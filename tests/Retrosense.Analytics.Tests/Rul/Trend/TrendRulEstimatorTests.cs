using System;
using System.Collections.Generic;
using System.Linq;
using Retrosense.Analytics.Rul.Trend;

namespace Retrosense.Analytics.Tests.Rul.Trend;

public sealed class TrendRulEstimatorTests
{
    /// <summary>ISO 10816-3 group 2 (medium machines), rigid foundation: zone C/D boundary, mm/s RMS.</summary>
    private const double ZoneDBoundaryMmPerSecond = 4.5;

    private static readonly TrendRulOptions LinearOnly = TrendRulOptions.Default with { Shape = TrendShape.Linear };

    [Fact]
    public void Linear_degradation_is_degrading_with_the_true_crossing_inside_the_interval()
    {
        // 2.0 mm/s rising 0.01 mm/s per hour, sampled hourly for 167 h: the trend reaches 4.5 at 250 h, 83 h after the last sample.
        var series = SyntheticHealthIndicator.Sample(t => 2.0 + (0.01 * t), (value, z) => value + (0.1 * z), hours: 167, stepHours: 1, seed: 7);

        var estimate = TrendRulEstimator.Estimate(series, ZoneDBoundaryMmPerSecond, LinearOnly);

        Assert.Equal(TrendRulStatus.Degrading, estimate.Status);
        Assert.InRange(83.0, estimate.LowerHours!.Value, estimate.UpperHours!.Value);
        Assert.InRange(estimate.RemainingHours!.Value, estimate.LowerHours.Value, estimate.UpperHours.Value);
        Assert.Equal(series[^1].Time, estimate.LatestSampleTime);
    }

    [Fact]
    public void Linear_interval_covers_the_true_crossing_about_as_often_as_its_confidence_level_says()
    {
        var covered = 0;
        const int Runs = 200;
        for (var seed = 0; seed < Runs; seed++)
        {
            var series = SyntheticHealthIndicator.Sample(t => 2.0 + (0.01 * t), (value, z) => value + (0.1 * z), hours: 167, stepHours: 1, seed: seed);
            var estimate = TrendRulEstimator.Estimate(series, ZoneDBoundaryMmPerSecond, LinearOnly);
            if (estimate.Status == TrendRulStatus.Degrading && estimate.LowerHours <= 83.0 && 83.0 <= estimate.UpperHours)
            {
                covered++;
            }
        }

        // Nominal 90 %: with 200 runs the binomial standard deviation is 2.1 %, so 82–97 % is a wide but honest band.
        Assert.InRange(covered / (double)Runs, 0.82, 0.97);
    }

    [Fact]
    public void Exponential_degradation_is_recognised_and_its_interval_holds_the_true_crossing()
    {
        // 1 mm/s growing e-fold every 100 h with 5 % multiplicative noise, half-hourly for 120 h: reaches 4.5 at
        // 100·ln 4.5 = 150.4 h, 30.4 h after the last sample.
        var trueRemainingHours = (100 * Math.Log(ZoneDBoundaryMmPerSecond)) - 120;
        var coveredRuns = 0;
        var exponentialChosen = 0;
        const int Runs = 100;
        for (var seed = 0; seed < Runs; seed++)
        {
            var series = SyntheticHealthIndicator.Sample(t => Math.Exp(t / 100), (value, z) => value * Math.Exp(0.05 * z), hours: 120, stepHours: 0.5, seed: seed);
            var estimate = TrendRulEstimator.Estimate(series, ZoneDBoundaryMmPerSecond);
            Assert.Equal(TrendRulStatus.Degrading, estimate.Status);
            exponentialChosen += estimate.Shape == TrendShape.Exponential ? 1 : 0;
            coveredRuns += estimate.LowerHours <= trueRemainingHours && trueRemainingHours <= estimate.UpperHours ? 1 : 0;
        }

        Assert.True(exponentialChosen >= 95, $"the automatic shape chose the exponential in {exponentialChosen} of {Runs} runs");
        Assert.True(coveredRuns >= 80, $"the interval held the true crossing in {coveredRuns} of {Runs} runs");
    }

    [Fact]
    public void Flat_noise_is_not_degrading_and_gives_no_hours()
    {
        var notDegrading = 0;
        const int Runs = 200;
        for (var seed = 0; seed < Runs; seed++)
        {
            var series = SyntheticHealthIndicator.Sample(_ => 2.0, (value, z) => value + (0.2 * z), hours: 167, stepHours: 1, seed: seed);
            var estimate = TrendRulEstimator.Estimate(series, ZoneDBoundaryMmPerSecond);
            if (estimate.Status == TrendRulStatus.NotDegrading)
            {
                notDegrading++;
                Assert.Null(estimate.RemainingHours);
                Assert.Null(estimate.LowerHours);
                Assert.Null(estimate.UpperHours);
            }
        }

        // A one-sided 5 % test calls about 5 % of flat series rising; allow up to 10 %.
        Assert.True(notDegrading >= 180, $"{notDegrading} of {Runs} flat series were judged not degrading");
    }

    [Fact]
    public void A_falling_indicator_is_not_degrading()
    {
        var series = SyntheticHealthIndicator.Sample(t => 3.0 - (0.005 * t), (value, z) => value + (0.05 * z), hours: 100, stepHours: 1, seed: 3);

        var estimate = TrendRulEstimator.Estimate(series, ZoneDBoundaryMmPerSecond);

        Assert.Equal(TrendRulStatus.NotDegrading, estimate.Status);
        Assert.True(estimate.SlopePerHour < 0);
    }

    [Fact]
    public void An_indicator_whose_trend_is_past_the_threshold_has_zero_hours_left()
    {
        var series = SyntheticHealthIndicator.Sample(t => 3.0 + (0.05 * t), (value, z) => value + (0.05 * z), hours: 60, stepHours: 1, seed: 4);

        var estimate = TrendRulEstimator.Estimate(series, ZoneDBoundaryMmPerSecond);

        Assert.Equal(TrendRulStatus.AtOrAboveThreshold, estimate.Status);
        Assert.Equal(0, estimate.RemainingHours);
        Assert.True(estimate.FittedValueAtLatest >= ZoneDBoundaryMmPerSecond);
    }

    [Fact]
    public void One_spike_is_dropped_as_an_outlier_and_does_not_make_a_flat_series_degrade()
    {
        var series = SyntheticHealthIndicator.Sample(_ => 2.0, (value, z) => value + (0.05 * z), hours: 100, stepHours: 1, seed: 5);
        series[^2] = (series[^2].Time, 40.0);

        var estimate = TrendRulEstimator.Estimate(series, ZoneDBoundaryMmPerSecond, LinearOnly);

        Assert.Equal(TrendRulStatus.NotDegrading, estimate.Status);
        Assert.True(estimate.OutliersRemoved >= 1);
        Assert.Equal(series.Count - estimate.OutliersRemoved, estimate.PointsUsed);
    }

    [Fact]
    public void Only_the_recent_window_is_fitted_so_an_old_flat_period_does_not_hide_a_new_rise()
    {
        // 30 flat days, then 5 days rising 0.02 mm/s per hour: the default 7-day window sees mostly the rise.
        var series = SyntheticHealthIndicator.Sample(
            t => t < 720 ? 2.0 : 2.0 + (0.02 * (t - 720)), (value, z) => value + (0.05 * z), hours: 840, stepHours: 1, seed: 6);

        var estimate = TrendRulEstimator.Estimate(series, ZoneDBoundaryMmPerSecond);

        Assert.Equal(TrendRulStatus.Degrading, estimate.Status);
        Assert.Equal(24 * 7 + 1, estimate.PointsUsed + estimate.OutliersRemoved);
    }

    [Fact]
    public void Too_few_samples_or_only_non_finite_ones_give_insufficient_data()
    {
        var few = SyntheticHealthIndicator.Sample(t => 2.0 + t, (value, _) => value, hours: 4, stepHours: 1, seed: 0);
        var nonFinite = Enumerable.Range(0, 20).Select(i => (SyntheticHealthIndicator.Start.AddHours(i), double.NaN)).ToList();

        Assert.Equal(TrendRulStatus.InsufficientData, TrendRulEstimator.Estimate(few, ZoneDBoundaryMmPerSecond).Status);
        Assert.Equal(TrendRulStatus.InsufficientData, TrendRulEstimator.Estimate(nonFinite, ZoneDBoundaryMmPerSecond).Status);
        Assert.Equal(TrendRulStatus.InsufficientData, TrendRulEstimator.Estimate(new List<(DateTimeOffset, double)>(), ZoneDBoundaryMmPerSecond).Status);
    }

    [Fact]
    public void Bad_arguments_are_refused_with_the_reason()
    {
        var series = SyntheticHealthIndicator.Sample(t => 2.0 + t, (value, _) => value, hours: 20, stepHours: 1, seed: 0);

        Assert.Throws<ArgumentNullException>(() => TrendRulEstimator.Estimate(null!, 4.5));
        Assert.Contains("finite", Assert.Throws<ArgumentException>(() => TrendRulEstimator.Estimate(series, double.NaN)).Message, StringComparison.Ordinal);
        Assert.Contains("positive threshold", Assert.Throws<ArgumentException>(
            () => TrendRulEstimator.Estimate(series, 0, TrendRulOptions.Default with { Shape = TrendShape.Exponential })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TrendRulEstimator.Estimate(series, 4.5, TrendRulOptions.Default with { ConfidenceLevel = 1.5 }));
    }

    [Fact]
    public void Student_t_quantiles_match_the_published_table()
    {
        // t tables (e.g. NIST/SEMATECH e-Handbook, Table 1.3.6.7.2): t(0.95; 6) = 1.943, t(0.975; 10) = 2.228, t(0.95; 120) = 1.658.
        Assert.Equal(1.943, StudentTDistribution.Quantile(0.95, 6), 3);
        Assert.Equal(2.228, StudentTDistribution.Quantile(0.975, 10), 3);
        Assert.Equal(1.658, StudentTDistribution.Quantile(0.95, 120), 3);
        Assert.Equal(-1.943, StudentTDistribution.Quantile(0.05, 6), 3);
    }
}

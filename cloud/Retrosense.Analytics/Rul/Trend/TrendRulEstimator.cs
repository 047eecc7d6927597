using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Retrosense.Analytics.Rul.Trend;

/// <summary>
/// Remaining useful life for an asset without run-to-failure history: how long until its health indicator (e.g.
/// vibration velocity RMS in mm/s) reaches a failure threshold (e.g. the ISO 10816-3 zone C/D boundary), extrapolating
/// the trend of the recent window.
/// </summary>
/// <remarks>
/// <para>Method. The samples of the last <see cref="TrendRulOptions.Window"/> are fitted by least squares with a line
/// (value against hours) or an exponential (ln value against hours), once more after dropping outliers. The
/// indicator is "degrading" only when the slope is significantly positive (one-sided t test at (1 + level) / 2).
/// The point estimate is where the fitted trend meets the threshold. The interval is the inverse-regression (Fieller)
/// interval: every time at which the threshold lies inside the trend's two-sided confidence band. That set is
/// bounded exactly when the slope test passes, which is why one confidence level serves both (Draper &amp; Smith,
/// Applied Regression Analysis, 3rd ed., §3.2 "inverse regression"; Montgomery, Peck &amp; Vining §2.11).</para>
/// <para>What the interval covers: the time the <em>mean</em> trend crosses, if the fitted shape holds. A single noisy
/// sample can cross earlier, and a defect can accelerate beyond the shape; treat the lower bound as the planning
/// figure. Samples are assumed independent: strongly autocorrelated noise makes the interval too narrow.</para>
/// <para>Thread-safe: a pure function of its arguments.</para>
/// </remarks>
public static class TrendRulEstimator
{
    /// <summary>Estimates the time until <paramref name="series"/>' trend reaches <paramref name="threshold"/>.</summary>
    /// <param name="series">Samples in any order; non-finite values are ignored (a dropped reading is not a value).</param>
    /// <param name="threshold">Failure level on the indicator's scale, e.g. the zone D boundary in mm/s.</param>
    /// <param name="options">Window, confidence and shape; <see cref="TrendRulOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">A non-finite threshold, a non-positive one for an exponential fit, or invalid options.</exception>
    public static TrendRulEstimate Estimate(IReadOnlyList<(DateTimeOffset Time, double Value)> series, double threshold, TrendRulOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= TrendRulOptions.Default;
        options.Validate();
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentException($"threshold must be a finite number, got {threshold.ToString(CultureInfo.InvariantCulture)}", nameof(threshold));
        }

        if (options.Shape == TrendShape.Exponential && !(threshold > 0))
        {
            throw new ArgumentException($"an exponential trend needs a positive threshold, got {threshold.ToString(CultureInfo.InvariantCulture)}", nameof(threshold));
        }

        var finite = series.Where(sample => double.IsFinite(sample.Value)).OrderBy(sample => sample.Time).ToList();
        if (finite.Count == 0)
        {
            return Insufficient(default, 0, "no finite samples");
        }

        var latest = finite[^1].Time;
        var windowStart = latest - options.Window;
        var recent = finite.Where(sample => sample.Time >= windowStart).ToList();
        if (recent.Count > options.MaximumPoints)
        {
            recent = recent.GetRange(recent.Count - options.MaximumPoints, options.MaximumPoints);
        }

        if (options.Shape == TrendShape.Exponential)
        {
            // ln(value) is undefined at or below 0: such samples cannot lie on an exponential curve.
            recent = recent.Where(sample => sample.Value > 0).ToList();
        }

        if (recent.Count < options.MinimumPoints)
        {
            return Insufficient(latest, recent.Count, $"{recent.Count} usable samples in the window, at least {options.MinimumPoints} needed");
        }

        // Hours relative to the latest sample: the latest is at 0, so the crossing time is the remaining time.
        var hours = recent.Select(sample => (sample.Time - latest).TotalHours).ToArray();
        var values = recent.Select(sample => sample.Value).ToArray();
        if (hours[^1] - hours[0] <= 0)
        {
            return Insufficient(latest, recent.Count, "all samples in the window share one timestamp");
        }

        var canFitExponential = threshold > 0 && values.All(value => value > 0);
        TrendFit fit = options.Shape switch
        {
            TrendShape.Linear => TrendFit.Fit(hours, values, TrendShape.Linear, options),
            TrendShape.Exponential => TrendFit.Fit(hours, values, TrendShape.Exponential, options),
            _ => ChooseBetter(hours, values, canFitExponential, options),
        };

        if (fit.PointsUsed < options.MinimumPoints)
        {
            return Insufficient(latest, fit.PointsUsed, $"{fit.PointsUsed} samples left after removing outliers, at least {options.MinimumPoints} needed");
        }

        var degreesOfFreedom = fit.PointsUsed - 2;
        var critical = StudentTDistribution.Quantile((1 + options.ConfidenceLevel) / 2, degreesOfFreedom);
        var thresholdOnFitScale = fit.Shape == TrendShape.Exponential ? Math.Log(threshold) : threshold;
        var fittedAtLatestOnFitScale = fit.ValueAt(0);
        var fittedAtLatest = fit.Shape == TrendShape.Exponential ? Math.Exp(fittedAtLatestOnFitScale) : fittedAtLatestOnFitScale;
        var tStatistic = fit.SlopeTStatistic;
        var level = options.ConfidenceLevel.ToString("P0", CultureInfo.InvariantCulture);

        if (fittedAtLatestOnFitScale >= thresholdOnFitScale)
        {
            return new TrendRulEstimate(
                TrendRulStatus.AtOrAboveThreshold, 0, 0, 0, options.ConfidenceLevel, fit.Shape, fit.Slope, tStatistic, fittedAtLatest,
                fit.PointsUsed, fit.OutliersRemoved, latest,
                string.Create(CultureInfo.InvariantCulture, $"the {Describe(fit.Shape)} trend is already at {fittedAtLatest:G4}, at or above the threshold {threshold:G4}"));
        }

        if (!(tStatistic > critical))
        {
            return new TrendRulEstimate(
                TrendRulStatus.NotDegrading, null, null, null, options.ConfidenceLevel, fit.Shape, fit.Slope, tStatistic, fittedAtLatest,
                fit.PointsUsed, fit.OutliersRemoved, latest,
                string.Create(CultureInfo.InvariantCulture, $"no significant upward trend over {fit.PointsUsed} samples (slope t = {tStatistic:F2}, needs > {critical:F2} at {level}): not degrading"));
        }

        var (remaining, lower, upper) = fit.CrossingInterval(thresholdOnFitScale, critical);
        return new TrendRulEstimate(
            TrendRulStatus.Degrading, remaining, Math.Max(0, lower), upper, options.ConfidenceLevel, fit.Shape, fit.Slope, tStatistic, fittedAtLatest,
            fit.PointsUsed, fit.OutliersRemoved, latest,
            string.Create(CultureInfo.InvariantCulture, $"{Describe(fit.Shape)} rise from {fittedAtLatest:G4} reaches {threshold:G4} in about {remaining:F1} h ({level} interval {Math.Max(0, lower):F1}–{upper:F1} h)"));
    }

    private static TrendFit ChooseBetter(double[] hours, double[] values, bool canFitExponential, TrendRulOptions options)
    {
        var linear = TrendFit.Fit(hours, values, TrendShape.Linear, options);
        if (!canFitExponential)
        {
            return linear;
        }

        // Both have two parameters, so the squared error on the indicator's own scale compares them fairly.
        var exponential = TrendFit.Fit(hours, values, TrendShape.Exponential, options);
        return exponential.SquaredErrorOnValueScale < linear.SquaredErrorOnValueScale ? exponential : linear;
    }

    private static string Describe(TrendShape shape) => shape == TrendShape.Exponential ? "exponential" : "linear";

    private static TrendRulEstimate Insufficient(DateTimeOffset latest, int points, string why) =>
        new(TrendRulStatus.InsufficientData, null, null, null, 0, TrendShape.Auto, 0, 0, double.NaN, points, 0, latest, why);
}

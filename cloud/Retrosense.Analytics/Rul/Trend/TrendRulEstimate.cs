using System;

namespace Retrosense.Analytics.Rul.Trend;

/// <summary>
/// Time until a health indicator's fitted trend reaches a failure threshold, counted from the latest sample.
/// <see cref="RemainingHours"/>, <see cref="LowerHours"/> and <see cref="UpperHours"/> are set only when
/// <see cref="Status"/> is <see cref="TrendRulStatus.Degrading"/> (all three) or <see cref="TrendRulStatus.AtOrAboveThreshold"/> (all 0).
/// </summary>
/// <param name="Status">What the trend says; read it before the hours.</param>
/// <param name="RemainingHours">Point estimate: when the fitted trend crosses the threshold, hours after <paramref name="LatestSampleTime"/>.</param>
/// <param name="LowerHours">Earliest crossing the interval allows (≥ 0).</param>
/// <param name="UpperHours">Latest crossing the interval allows.</param>
/// <param name="ConfidenceLevel">Two-sided confidence of [<paramref name="LowerHours"/>, <paramref name="UpperHours"/>].</param>
/// <param name="Shape">The curve fitted (Linear or Exponential; Auto is resolved).</param>
/// <param name="SlopePerHour">Fitted slope: value units per hour (Linear) or growth rate ln(value) per hour (Exponential).</param>
/// <param name="SlopeTStatistic">Slope over its standard error; "degrading" needs it above the one-sided critical value.</param>
/// <param name="FittedValueAtLatest">The trend's value at the latest sample, on the indicator's scale.</param>
/// <param name="PointsUsed">Samples in the final fit (after the window, the non-finite values and the outliers are removed).</param>
/// <param name="OutliersRemoved">Samples dropped as outliers.</param>
/// <param name="LatestSampleTime">Time of the latest sample: the hours count from here.</param>
/// <param name="Explanation">One sentence for a person reading an alarm or a dashboard.</param>
public sealed record TrendRulEstimate(
    TrendRulStatus Status,
    double? RemainingHours,
    double? LowerHours,
    double? UpperHours,
    double ConfidenceLevel,
    TrendShape Shape,
    double SlopePerHour,
    double SlopeTStatistic,
    double FittedValueAtLatest,
    int PointsUsed,
    int OutliersRemoved,
    DateTimeOffset LatestSampleTime,
    string Explanation)
{
    /// <summary>True when the hours are set (degrading, or already at the threshold).</summary>
    public bool HasEstimate => RemainingHours.HasValue;
}

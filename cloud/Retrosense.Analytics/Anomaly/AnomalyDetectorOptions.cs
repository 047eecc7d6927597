using System;

namespace Retrosense.Analytics.Anomaly;

/// <summary>How the per-asset baseline is learned and how far from it counts as anomalous.</summary>
public sealed record AnomalyDetectorOptions
{
    /// <summary>
    /// Healthy windows before the first baseline: 60 (an hour of one-minute reports, five hours of the node's default
    /// five-minute heartbeat). The median's standard error is then about 1.25 σ / √60 ≈ 0.16 σ, small against the
    /// 6 σ that halves the health score.
    /// </summary>
    public int MinimumBaselineWindows { get; init; } = 60;

    /// <summary>Most recent healthy windows kept for refitting (about a week of five-minute reports).</summary>
    public int MaximumBaselineWindows { get; init; } = 2016;

    /// <summary>After the first fit the baseline is refitted each time the healthy windows double, then every this many.</summary>
    public int RefitEveryWindows { get; init; } = 2016;

    /// <summary>
    /// Robust z-score (deviation from the baseline median in units of 1.4826 × MAD) at which the health score is 50 and
    /// a window counts as anomalous. 6 rather than the usual 3–3.5 outlier cut (Leys et al. 2013, "Detecting outliers:
    /// do not use standard deviation around the mean, use absolute deviation around the median", JESP 49) because the
    /// score is the mean of the three largest of 24 deviations, so a healthy window's score is already above a single
    /// feature's typical deviation.
    /// </summary>
    public double HalfHealthDeviation { get; init; } = 6;

    /// <summary>Smallest spread per feature on the log scale (≈ 3 %): keeps a nearly constant feature from turning noise into alarms.</summary>
    public double MinimumLogSpread { get; init; } = 0.03;

    /// <summary>How many of the largest feature deviations are averaged into the anomaly score.</summary>
    public int DeviationsAveraged { get; init; } = 3;

    /// <summary>A window joins the baseline only with a health score at least this (and ISO zone A or B).</summary>
    public double LearnAboveHealth { get; init; } = 80;

    /// <summary>Largest deviation named as a driver is at least this.</summary>
    public double DriverDeviation { get; init; } = 3;

    /// <summary>Windows kept for the ISO zone trend.</summary>
    public int ZoneTrendWindows { get; init; } = 12;

    public static AnomalyDetectorOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (MinimumBaselineWindows < 10)
        {
            throw new ArgumentException($"MinimumBaselineWindows must be at least 10, got {MinimumBaselineWindows}");
        }

        if (MaximumBaselineWindows < MinimumBaselineWindows)
        {
            throw new ArgumentException($"MaximumBaselineWindows ({MaximumBaselineWindows}) must be at least MinimumBaselineWindows ({MinimumBaselineWindows})");
        }

        if (RefitEveryWindows < 1 || !(HalfHealthDeviation > 0) || !(MinimumLogSpread > 0) || DeviationsAveraged < 1 || ZoneTrendWindows < 2)
        {
            throw new ArgumentException("RefitEveryWindows, HalfHealthDeviation, MinimumLogSpread, DeviationsAveraged and ZoneTrendWindows must be positive (ZoneTrendWindows ≥ 2)");
        }

        if (LearnAboveHealth is < 0 or > 100)
        {
            throw new ArgumentException($"LearnAboveHealth must be 0–100, got {LearnAboveHealth}");
        }
    }
}

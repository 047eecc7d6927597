using System;

namespace Retrosense.Analytics.Rul.Trend;

/// <summary>How a <see cref="TrendRulEstimator"/> chooses its window and judges a trend. The defaults suit node
/// features reported every few minutes and a trend over the last week.</summary>
public sealed record TrendRulOptions
{
    /// <summary>The defaults: the last 7 days, at most 2,000 points, at least 8, 90 % interval, automatic shape.</summary>
    public static TrendRulOptions Default { get; } = new();

    /// <summary>Only samples this close to the latest one are fitted: the recent trend, not the whole life.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(7);

    /// <summary>At most this many of the latest samples are fitted (bounds the cost of a dense series).</summary>
    public int MaximumPoints { get; init; } = 2_000;

    /// <summary>Fewer usable samples than this in the window gives <see cref="TrendRulStatus.InsufficientData"/>.</summary>
    public int MinimumPoints { get; init; } = 8;

    /// <summary>
    /// Two-sided confidence of the interval on the crossing time, in (0, 1). The same level decides "degrading": the
    /// interval is bounded exactly when the slope passes the one-sided test at (1 + level) / 2, so 0.90 means a 5 %
    /// one-sided test.
    /// </summary>
    public double ConfidenceLevel { get; init; } = 0.90;

    /// <summary>Which curve to fit.</summary>
    public TrendShape Shape { get; init; } = TrendShape.Auto;

    /// <summary>
    /// Samples whose residual from a first fit exceeds this many robust standard deviations (1.4826 × MAD) are dropped
    /// before the final fit: one spike from a bump or a loose cable must not make a trend.
    /// </summary>
    public double OutlierRejectionSigmas { get; init; } = 4.0;

    internal void Validate()
    {
        if (!(Window > TimeSpan.Zero))
        {
            throw new ArgumentException($"Window must be positive, got {Window}", nameof(Window));
        }

        if (MinimumPoints < 4)
        {
            throw new ArgumentException($"MinimumPoints must be at least 4 (a line and its error need them), got {MinimumPoints}", nameof(MinimumPoints));
        }

        if (MaximumPoints < MinimumPoints)
        {
            throw new ArgumentException($"MaximumPoints ({MaximumPoints}) must be at least MinimumPoints ({MinimumPoints})", nameof(MaximumPoints));
        }

        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
        {
            throw new ArgumentException($"ConfidenceLevel must be in (0, 1), got {ConfidenceLevel}", nameof(ConfidenceLevel));
        }

        if (!(OutlierRejectionSigmas > 0))
        {
            throw new ArgumentException($"OutlierRejectionSigmas must be positive, got {OutlierRejectionSigmas}", nameof(OutlierRejectionSigmas));
        }
    }
}

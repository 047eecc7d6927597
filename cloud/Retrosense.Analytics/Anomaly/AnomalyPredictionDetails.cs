using System;
using System.Collections.Generic;

namespace Retrosense.Analytics.Anomaly;

/// <summary>
/// The JSON object kept with an anomaly prediction (and, partly, as a baseline's registry metadata): what drives the
/// score, where the baseline stands, the ISO zone and its trend. Absent values are left out.
/// </summary>
public sealed record AnomalyPredictionDetails
{
    /// <summary><c>learning, 12 of 60 windows</c> or <c>learned from 60 windows</c>.</summary>
    public string? Baseline { get; init; }

    public int? BaselineWindows { get; init; }

    public DateTimeOffset? BaselineFromUtc { get; init; }

    public DateTimeOffset? BaselineToUtc { get; init; }

    /// <summary>Mean of the largest robust feature deviations; absent while learning.</summary>
    public double? Deviation { get; init; }

    public IReadOnlyList<FeatureDeviation>? Drivers { get; init; }

    /// <summary>The node's ISO 10816-3 zone of this window.</summary>
    public string? Zone { get; init; }

    public ZoneTrend? ZoneTrend { get; init; }

    /// <summary>Where the score came from while no baseline exists: <c>iso_zone</c>.</summary>
    public string? ScoreSource { get; init; }

    /// <summary>How a baseline was made (registry metadata).</summary>
    public string? Method { get; init; }

    public IReadOnlyList<string>? Features { get; init; }
}

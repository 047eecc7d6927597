using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Retrosense.Analytics.Anomaly;

/// <summary>
/// One asset's anomaly state, window after window: learns the baseline from its own healthy windows, scores each
/// window against it, refits as healthy windows accumulate, keeps the ISO zone trend and applies the alarm rule.
/// Not thread-safe: one tracker per asset, fed in message-time order by one caller.
/// </summary>
/// <remarks>
/// Learning: a window joins the healthy set when its ISO zone is A or B and (once a baseline exists) its health score is
/// at least <see cref="AnomalyDetectorOptions.LearnAboveHealth"/>, and never while the anomaly alarm is active, so a
/// developing fault is not learned as normal. The first fit comes after
/// <see cref="AnomalyDetectorOptions.MinimumBaselineWindows"/> windows, refits each time the healthy set doubles and
/// then every <see cref="AnomalyDetectorOptions.RefitEveryWindows"/> healthy windows. A slowly creeping fault that stays
/// under the learning threshold can still drift into a refit: the doubling schedule keeps older windows in the set, which
/// slows that, and refits are registry versions an engineer can roll back.
/// </remarks>
public sealed class AssetHealthTracker
{
    private readonly AnomalyDetectorOptions _options;
    private readonly AnomalyAlarmRule _rule;
    private readonly Queue<FeatureWindow> _healthyWindows = new();
    private readonly Queue<(DateTimeOffset AtUtc, double VelocityMmPerSecond)> _recentVelocity = new();
    private int _healthyTotal;
    private int _nextFitAt;
    private DateTimeOffset _lastWindowUtc = DateTimeOffset.MinValue;
    private string? _zone;
    private string? _previousZone;
    private int _windowsBelowWarning;
    private int _windowsBelowAlarm;
    private int _windowsAtClear;

    public AssetHealthTracker(AnomalyDetectorOptions options, AnomalyAlarmRule rule, AnomalyBaseline? baseline = null, AnomalyAlarmAction activeAlarm = AnomalyAlarmAction.None)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rule);
        options.Validate();
        rule.Validate();
        _options = options;
        _rule = rule;
        Baseline = baseline;
        ActiveAlarm = activeAlarm is AnomalyAlarmAction.RaiseWarning or AnomalyAlarmAction.RaiseAlarm ? activeAlarm : AnomalyAlarmAction.None;
        _nextFitAt = baseline is null ? options.MinimumBaselineWindows : FitIncrement(baseline.Windows);
    }

    /// <summary>The baseline in use; null while learning.</summary>
    public AnomalyBaseline? Baseline { get; private set; }

    /// <summary>The active alarm's severity as the rule last decided it (RaiseWarning, RaiseAlarm), or None.</summary>
    public AnomalyAlarmAction ActiveAlarm { get; private set; }

    /// <summary>Healthy windows collected since start (or since the set was last trimmed).</summary>
    public int HealthyWindows => _healthyWindows.Count;

    /// <summary>Replaces the baseline (a promotion or roll-back in the registry); learning continues from the windows held.</summary>
    public void UseBaseline(AnomalyBaseline? baseline)
    {
        Baseline = baseline;
        _nextFitAt = baseline is null
            ? _healthyTotal + Math.Max(1, _options.MinimumBaselineWindows - _healthyWindows.Count)
            : _healthyTotal + FitIncrement(Math.Max(baseline.Windows, _healthyWindows.Count));
    }

    public AssetHealthAssessment Assess(FeatureWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var isLate = window.TimestampUtc < _lastWindowUtc;
        var score = Baseline?.Score(window, _options);
        var health = score?.HealthScore ?? ZoneHealth(window.Zone);
        var label = score is null ? "learning" : score.IsAnomaly ? "anomaly" : "normal";
        if (isLate)
        {
            return new AssetHealthAssessment(health, label, score, Describe(window, score, TrendNow()), AnomalyAlarmAction.None, null, true);
        }

        _lastWindowUtc = window.TimestampUtc;
        var trend = TrackZone(window);
        var action = score is null ? AnomalyAlarmAction.None : ApplyRule(health);
        AnomalyBaseline? refitted = null;
        if (IsHealthy(window, score))
        {
            _healthyWindows.Enqueue(window);
            _healthyTotal++;
            while (_healthyWindows.Count > _options.MaximumBaselineWindows)
            {
                _healthyWindows.Dequeue();
            }

            if (_healthyTotal >= _nextFitAt)
            {
                refitted = AnomalyBaseline.Fit([.. _healthyWindows], _options);
                Baseline = refitted;
                _nextFitAt = _healthyTotal + FitIncrement(refitted.Windows);
            }
        }

        return new AssetHealthAssessment(health, label, score, Describe(window, score, trend), action, refitted, false);
    }

    /// <summary>What the details say about the baseline now.</summary>
    public string BaselineState => Baseline is null
        ? string.Create(CultureInfo.InvariantCulture, $"learning, {_healthyWindows.Count} of {_options.MinimumBaselineWindows} windows")
        : string.Create(CultureInfo.InvariantCulture, $"learned from {Baseline.Windows} windows");

    /// <summary>Without a baseline the node's ISO 10816-3 zone is all there is: A new, B fine, C unsatisfactory, D damaging.</summary>
    private static double ZoneHealth(string zone) => zone switch
    {
        "A" => 100,
        "B" => 80,
        "C" => 40,
        _ => 10,
    };

    /// <summary>Healthy windows until the next refit after one of <paramref name="windows"/>: doubling the set until it is full, then periodic.</summary>
    private int FitIncrement(int windows) => windows * 2 <= _options.MaximumBaselineWindows ? windows : _options.RefitEveryWindows;

    private bool IsHealthy(FeatureWindow window, AnomalyScore? score)
    {
        if (window.Zone is not ("A" or "B") || ActiveAlarm != AnomalyAlarmAction.None)
        {
            return false;
        }

        return score is null || score.HealthScore >= _options.LearnAboveHealth;
    }

    private AnomalyAlarmAction ApplyRule(double health)
    {
        _windowsBelowWarning = health < _rule.WarningBelowHealth ? _windowsBelowWarning + 1 : 0;
        _windowsBelowAlarm = health < _rule.AlarmBelowHealth ? _windowsBelowAlarm + 1 : 0;
        _windowsAtClear = health >= _rule.ClearAtOrAboveHealth ? _windowsAtClear + 1 : 0;
        if (_windowsBelowAlarm >= _rule.RaiseAfterWindows && ActiveAlarm != AnomalyAlarmAction.RaiseAlarm)
        {
            ActiveAlarm = AnomalyAlarmAction.RaiseAlarm;
            return AnomalyAlarmAction.RaiseAlarm;
        }

        if (_windowsBelowWarning >= _rule.RaiseAfterWindows && ActiveAlarm == AnomalyAlarmAction.None)
        {
            ActiveAlarm = AnomalyAlarmAction.RaiseWarning;
            return AnomalyAlarmAction.RaiseWarning;
        }

        if (_windowsAtClear >= _rule.ClearAfterWindows && ActiveAlarm != AnomalyAlarmAction.None)
        {
            ActiveAlarm = AnomalyAlarmAction.None;
            return AnomalyAlarmAction.Clear;
        }

        return AnomalyAlarmAction.None;
    }

    private ZoneTrend TrackZone(FeatureWindow window)
    {
        if (_zone is not null && !string.Equals(_zone, window.Zone, StringComparison.Ordinal))
        {
            _previousZone = _zone;
        }

        _zone = window.Zone;
        if (window.VelocityRmsMaxMmPerSecond is { } velocity && double.IsFinite(velocity))
        {
            _recentVelocity.Enqueue((window.TimestampUtc, velocity));
            while (_recentVelocity.Count > _options.ZoneTrendWindows)
            {
                _recentVelocity.Dequeue();
            }
        }

        return TrendNow();
    }

    private ZoneTrend TrendNow()
    {
        var zone = _zone ?? "unknown";
        if (_recentVelocity.Count < 3)
        {
            return new ZoneTrend(zone, _previousZone, "steady", null, _recentVelocity.Count);
        }

        // Least squares of velocity on time (hours since the first kept window).
        var origin = _recentVelocity.Peek().AtUtc;
        var points = _recentVelocity.Select(point => ((point.AtUtc - origin).TotalHours, point.VelocityMmPerSecond)).ToList();
        var meanHours = points.Average(point => point.TotalHours);
        var meanVelocity = points.Average(point => point.VelocityMmPerSecond);
        var covariance = points.Sum(point => (point.TotalHours - meanHours) * (point.VelocityMmPerSecond - meanVelocity));
        var variance = points.Sum(point => (point.TotalHours - meanHours) * (point.TotalHours - meanHours));
        if (!(variance > 0))
        {
            return new ZoneTrend(zone, _previousZone, "steady", null, points.Count);
        }

        var slope = covariance / variance;
        var spanHours = points[^1].TotalHours - points[0].TotalHours;
        var change = slope * spanHours;
        var direction = change > 0.1 * meanVelocity ? "rising" : change < -0.1 * meanVelocity ? "falling" : "steady";
        return new ZoneTrend(zone, _previousZone, direction, slope, points.Count);
    }

    private AnomalyPredictionDetails Describe(FeatureWindow window, AnomalyScore? score, ZoneTrend trend) => new()
    {
        Baseline = BaselineState,
        BaselineWindows = Baseline?.Windows,
        BaselineFromUtc = Baseline?.FirstWindowUtc,
        BaselineToUtc = Baseline?.LastWindowUtc,
        Deviation = score?.Deviation,
        Drivers = score?.Drivers,
        Zone = window.Zone,
        ZoneTrend = trend,
        ScoreSource = score is null ? "iso_zone" : "baseline",
    };
}

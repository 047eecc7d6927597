using System;
using Retrosense.Analytics.Anomaly;

namespace Retrosense.Server.Scoring;

/// <summary>
/// Live scoring settings: section <c>Retrosense:Scoring</c> of appsettings.json (or <c>Retrosense__Scoring__…</c> in the
/// environment), e.g. <c>"Scoring": {"AlarmRule": {"WarningBelowHealth": 40, "RaiseAfterWindows": 5}}</c>.
/// </summary>
public sealed class LiveScoringOptions
{
    public const string SectionName = "Retrosense:Scoring";

    /// <summary>False turns live scoring off (no predictions, no anomaly alarms).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Windows kept per asset while the scorer is behind; older ones are dropped first (the newest windows say most about
    /// the machine now) and counted in <c>retrosense_scoring_windows_dropped_total</c>.
    /// </summary>
    public int MaxPendingWindowsPerAsset { get; set; } = 32;

    /// <summary>Assets with pending windows at most; a window of a further asset is dropped (and counted).</summary>
    public int MaxPendingAssets { get; set; } = 20_000;

    /// <summary>Assets scored per pass; their predictions are written in one transaction.</summary>
    public int AssetsPerPass { get; set; } = 256;

    public AnomalyDetectorOptions Anomaly { get; set; } = new() { MaximumBaselineWindows = 720, RefitEveryWindows = 720 };

    public AnomalyAlarmRule AlarmRule { get; set; } = new();

    /// <summary>
    /// With the demo fleet: windows of each demo machine simulated healthy (no fault) to seed its baseline at start, as
    /// if it had been watched before the demo began; 0 = learn from live demo telemetry only (an hour at one report a minute).
    /// </summary>
    public int DemoBaselineWindows { get; set; } = 120;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (MaxPendingWindowsPerAsset < 1 || MaxPendingAssets < 1 || AssetsPerPass < 1 || DemoBaselineWindows < 0)
        {
            throw new ArgumentException("Scoring: MaxPendingWindowsPerAsset, MaxPendingAssets and AssetsPerPass must be at least 1, DemoBaselineWindows at least 0");
        }

        ArgumentNullException.ThrowIfNull(Anomaly);
        ArgumentNullException.ThrowIfNull(AlarmRule);
        Anomaly.Validate();
        AlarmRule.Validate();
    }
}

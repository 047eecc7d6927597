namespace Retrosense.Analytics.Anomaly;

/// <summary>What the alarm rule decided at a window.</summary>
public enum AnomalyAlarmAction
{
    None,
    RaiseWarning,

    /// <summary>Raise at alarm severity (escalates an active warning).</summary>
    RaiseAlarm,
    Clear,
}

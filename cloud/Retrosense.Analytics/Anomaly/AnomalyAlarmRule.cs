using System;

namespace Retrosense.Analytics.Anomaly;

/// <summary>
/// When the health score raises, escalates and clears the cloud <c>anomaly</c> alarm. Consecutive windows rather than
/// one keep a single odd window from alarming; the clear level sits above the raise level (hysteresis) so a score
/// hovering at the threshold does not flap.
/// </summary>
public sealed record AnomalyAlarmRule
{
    /// <summary>Warning when the health score stays below this for <see cref="RaiseAfterWindows"/> windows.</summary>
    public double WarningBelowHealth { get; init; } = 50;

    /// <summary>Escalated to alarm when the health score stays below this for <see cref="RaiseAfterWindows"/> windows.</summary>
    public double AlarmBelowHealth { get; init; } = 20;

    public int RaiseAfterWindows { get; init; } = 3;

    /// <summary>Cleared when the health score stays at or above this for <see cref="ClearAfterWindows"/> windows.</summary>
    public double ClearAtOrAboveHealth { get; init; } = 70;

    public int ClearAfterWindows { get; init; } = 5;

    public static AnomalyAlarmRule Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (!(AlarmBelowHealth > 0 && AlarmBelowHealth <= WarningBelowHealth && WarningBelowHealth < ClearAtOrAboveHealth && ClearAtOrAboveHealth <= 100))
        {
            throw new ArgumentException($"the anomaly alarm levels must satisfy 0 < alarm ({AlarmBelowHealth}) ≤ warning ({WarningBelowHealth}) < clear ({ClearAtOrAboveHealth}) ≤ 100");
        }

        if (RaiseAfterWindows < 1 || ClearAfterWindows < 1)
        {
            throw new ArgumentException("RaiseAfterWindows and ClearAfterWindows must be at least 1");
        }
    }
}

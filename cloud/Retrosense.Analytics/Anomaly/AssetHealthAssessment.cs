namespace Retrosense.Analytics.Anomaly;

/// <summary>What <see cref="AssetHealthTracker.Assess"/> concluded for one window.</summary>
/// <param name="HealthScore">0–100: from the baseline when there is one, else from the node's ISO zone (A 100, B 80, C 40, D 10).</param>
/// <param name="Label"><c>normal</c>, <c>anomaly</c>, or <c>learning</c> while no baseline exists.</param>
/// <param name="Score">The baseline's score; null while learning.</param>
/// <param name="AlarmAction">What the alarm rule decided at this window (None for a late window).</param>
/// <param name="NewBaseline">A baseline fitted at this window, for the caller to register and promote; usually null.</param>
/// <param name="IsLate">The window is older than one already assessed: scored, but it changes no state.</param>
public sealed record AssetHealthAssessment(
    double HealthScore,
    string Label,
    AnomalyScore? Score,
    AnomalyPredictionDetails Details,
    AnomalyAlarmAction AlarmAction,
    AnomalyBaseline? NewBaseline,
    bool IsLate)
{
    public bool IsAnomaly => Score?.IsAnomaly == true;
}

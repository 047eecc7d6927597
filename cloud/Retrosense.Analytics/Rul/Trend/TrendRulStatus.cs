namespace Retrosense.Analytics.Rul.Trend;

/// <summary>What a <see cref="TrendRulEstimate"/> says about the health indicator's trend.</summary>
public enum TrendRulStatus
{
    /// <summary>Too few usable points (or too short a time span) to fit a trend; no estimate.</summary>
    InsufficientData = 0,

    /// <summary>
    /// No significant upward trend: the one-sided test of "slope &gt; 0" failed at the chosen confidence, so no time to
    /// the threshold is given (an extrapolated crossing would be noise).
    /// </summary>
    NotDegrading = 1,

    /// <summary>The indicator rises significantly; the remaining time and its interval are given.</summary>
    Degrading = 2,

    /// <summary>The fitted trend is already at or above the threshold at the latest sample: remaining time 0.</summary>
    AtOrAboveThreshold = 3,
}

namespace Retrosense.Analytics.Process;

/// <summary>The outcome of a recommendation search.</summary>
public enum ProcessRecommendationStatus
{
    /// <summary>Settings predicted to be better than the current ones with confidence (or, without current settings, the best supported settings).</summary>
    Recommended,

    /// <summary>Nothing within bounds, step limits and the data's support is better with confidence: keep the current settings.</summary>
    NoConfidentImprovement,

    /// <summary>The conditions (raw material) are unlike anything in the training data: the model cannot be trusted here.</summary>
    UnsupportedConditions,

    /// <summary>No setting within bounds and step limits lies where the training data support the model.</summary>
    NoSupportedSetting,
}

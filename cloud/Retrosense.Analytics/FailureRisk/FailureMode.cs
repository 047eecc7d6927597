namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// The failure modes of the AI4I 2020 dataset (Matzka 2020, section III). Each can occur together with others, so the
/// per-mode models are one-vs-rest binary classifiers rather than one multiclass model.
/// </summary>
public enum FailureMode
{
    /// <summary>TWF: the tool is replaced or fails at a random wear time between 200 and 240 min.</summary>
    ToolWear,

    /// <summary>HDF: process − air temperature below 8.6 K while the speed is below 1380 rpm.</summary>
    HeatDissipation,

    /// <summary>PWF: mechanical power (torque × angular speed) below 3500 W or above 9000 W.</summary>
    Power,

    /// <summary>OSF: tool wear × torque above 11,000 (L), 12,000 (M) or 13,000 (H) min·Nm.</summary>
    Overstrain,

    /// <summary>RNF: a random failure with 0.1 % probability, independent of the process.</summary>
    Random,
}

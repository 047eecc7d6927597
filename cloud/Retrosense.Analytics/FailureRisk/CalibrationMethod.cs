namespace Retrosense.Analytics.FailureRisk;

/// <summary>How raw tree-ensemble scores become probabilities, fitted on out-of-fold scores of the training part.</summary>
public enum CalibrationMethod
{
    /// <summary>A sigmoid of the score (Platt 1999): two parameters, safe with few positives (the rare failure modes).</summary>
    Platt,

    /// <summary>A monotone step function (pool-adjacent-violators): more flexible, needs more positives.</summary>
    Isotonic,
}

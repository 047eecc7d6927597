namespace Retrosense.Platform.Predictions;

/// <summary>What a prediction says; the stored names are <c>anomaly</c>, <c>failure_risk</c>, <c>rul</c>, <c>fault_type</c> (migration 0003).</summary>
public enum PredictionKind
{
    /// <summary>Value: health score 0–100 (100 = like the baseline); label <c>normal</c>, <c>anomaly</c> or <c>learning</c>.</summary>
    Anomaly,

    /// <summary>Value: probability of failure 0–1.</summary>
    FailureRisk,

    /// <summary>Value: remaining useful life in hours; details carry the interval.</summary>
    RemainingUsefulLife,

    /// <summary>Label: bearing fault type (normal, inner_race, outer_race, ball); value: its probability.</summary>
    FaultType,
}

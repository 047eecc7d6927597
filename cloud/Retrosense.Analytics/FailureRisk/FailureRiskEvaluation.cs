using System.Collections.Generic;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// A model scored on held-out labelled runs: the machine-failure metrics, the Brier score ML.NET's own calibration
/// (Platt, fitted in-sample on the training rows) would have had for comparison, each failure-mode model's metrics,
/// and the machine-failure recall within each mode (which modes the failures it misses belong to).
/// </summary>
public sealed record FailureRiskEvaluation(
    BinaryRiskMetrics MachineFailure,
    double BrierWithTrainerCalibration,
    IReadOnlyDictionary<FailureMode, BinaryRiskMetrics> Modes,
    IReadOnlyDictionary<string, ModeRecall> MachineFailureRecallByMode);

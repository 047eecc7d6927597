using System.Collections.Generic;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// Everything <c>retrosense bench ai4i</c> prints (snake_case in JSON). The headline metrics are the machine-failure
/// model's on the held-out stratified 20 %; <see cref="Ceiling"/> says how many held-out failures no process input can
/// explain (failures without a mode, tool-wear or random failures), so the F1 can be read against what is reachable.
/// </summary>
public sealed record Ai4iBenchmarkResult(
    string Dataset,
    int Seed,
    int Rows,
    int TrainRows,
    int TestRows,
    int TrainFailures,
    int TestFailures,
    string Trainer,
    int NumberOfTrees,
    int NumberOfLeaves,
    int CalibrationFolds,
    string Calibration,
    IReadOnlyList<string> Features,
    double Threshold,
    double Accuracy,
    double Precision,
    double Recall,
    double F1,
    double? RocAuc,
    double? PrAuc,
    double Brier,
    double BrierMlNetInSamplePlatt,
    double Ece,
    Ai4iConfusionMatrix ConfusionMatrix,
    IReadOnlyDictionary<string, BinaryRiskMetrics> PerMode,
    IReadOnlyDictionary<string, ModeRecall> RecallByFailureKind,
    Ai4iCeiling Ceiling,
    IReadOnlyList<FeatureImportance> TopImportances,
    Ai4iExampleExplanation ExampleExplanation,
    double TrainSeconds,
    double PredictionsPerSecond,
    double ExplainedPredictionsPerSecond);

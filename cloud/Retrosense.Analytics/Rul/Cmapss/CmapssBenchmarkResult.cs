using System.Collections.Generic;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>What <see cref="CmapssBenchmark.Run"/> measured on the official test set.</summary>
/// <param name="Test">RMSE, MAE and PHM08 score at each test unit's last cycle against the RUL file (uncapped truth).</param>
/// <param name="TrainUnits">Training engines.</param>
/// <param name="TestUnits">Test engines scored.</param>
/// <param name="OperatingConditions">Conditions found in the training settings.</param>
/// <param name="KeptSensors">1-based sensor numbers kept (the rest are constant within their condition).</param>
/// <param name="Chosen">The settings the final model was trained with.</param>
/// <param name="CrossValidation">Every candidate's CV score, best first (empty when CV was skipped).</param>
/// <param name="CrossValidationSeconds">Wall time of the CV.</param>
/// <param name="TrainSeconds">Wall time to train the final model (normalisation, features, every ensemble member).</param>
/// <param name="ScoredWindows">Windows (cycles) scored for the throughput figure: every cycle of every test unit.</param>
/// <param name="PredictionsPerSecond">Those windows over the wall time of features + ensemble scoring.</param>
/// <param name="Predictions">Per unit: unit number, predicted and true RUL.</param>
public sealed record CmapssBenchmarkResult(
    RulErrorMetrics Test,
    int TrainUnits,
    int TestUnits,
    int OperatingConditions,
    IReadOnlyList<int> KeptSensors,
    CmapssModelSettings Chosen,
    IReadOnlyList<CmapssCandidateScore> CrossValidation,
    double CrossValidationSeconds,
    double TrainSeconds,
    int ScoredWindows,
    double PredictionsPerSecond,
    IReadOnlyList<(int Unit, double Predicted, double Actual)> Predictions);

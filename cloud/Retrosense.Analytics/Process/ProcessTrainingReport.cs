using Retrosense.Analytics.Evaluation;
using System.Collections.Generic;

namespace Retrosense.Analytics.Process;

/// <summary>
/// What <c>retrosense process train</c> reports: cross-validated quality (out-of-fold predictions over all held-out
/// rows), the mean-prediction baseline on the same folds, per-fold results, importance and partial dependence.
/// </summary>
/// <param name="CrossValidation">"grouped" (by lot), "time" (forward chaining) or "rows" (plain k-fold when rows are independent).</param>
/// <param name="Metrics">rmse, mae, r2 of the out-of-fold predictions.</param>
/// <param name="Baseline">The same metrics for predicting each training fold's mean.</param>
public sealed record ProcessTrainingReport(
    string Target,
    string Objective,
    int Rows,
    int DroppedRows,
    int Groups,
    string GroupKey,
    string CrossValidation,
    int Folds,
    int Seed,
    RegressionMetrics Metrics,
    RegressionMetrics Baseline,
    IReadOnlyList<ProcessFoldResult> PerFold,
    IReadOnlyList<ProcessFeatureImportance> Importance,
    IReadOnlyList<ProcessPartialDependence> PartialDependence,
    ProcessTrainerSettings Settings,
    double TrainSeconds);

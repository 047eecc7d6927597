namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// How well calibrated probabilities and their decision threshold did on labelled rows. <see cref="PrAuc"/> is the
/// average precision (area under the step-wise precision–recall curve), the figure that matters when failures are rare.
/// <see cref="Brier"/> is the mean squared error of the probabilities, <see cref="ExpectedCalibrationError"/> the
/// count-weighted mean |observed rate − mean probability| over ten equal-width probability bins.
/// </summary>
public sealed record BinaryRiskMetrics(
    int Positives,
    int Negatives,
    double Threshold,
    int TruePositives,
    int FalsePositives,
    int FalseNegatives,
    int TrueNegatives,
    double Accuracy,
    double Precision,
    double Recall,
    double F1,
    double RocAuc,
    double PrAuc,
    double Brier,
    double ExpectedCalibrationError);

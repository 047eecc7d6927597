namespace Retrosense.Analytics.Process;

/// <summary>
/// A predicted target value with its 90 % interval (cross-validated RMSE and ensemble spread combined, normal
/// approximation) and the ensemble members' standard deviation.
/// </summary>
public sealed record ProcessPredictedOutcome(double Value, double IntervalLow, double IntervalHigh, double EnsembleSd);

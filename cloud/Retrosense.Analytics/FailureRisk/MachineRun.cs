namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// The process inputs of one machining run, as a company logs them (the AI4I 2020 columns without identifiers or labels).
/// This is what <see cref="FailureRiskModel.Predict"/> scores.
/// </summary>
public sealed record MachineRun(
    ProductQuality Quality,
    double AirTemperatureKelvin,
    double ProcessTemperatureKelvin,
    double RotationalSpeedRpm,
    double TorqueNewtonMetres,
    double ToolWearMinutes);

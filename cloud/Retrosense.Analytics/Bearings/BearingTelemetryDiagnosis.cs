namespace Retrosense.Analytics.Bearings;

/// <summary>The diagnosis of one stored telemetry window: which axis was read and what it showed.</summary>
/// <param name="Axis">"x", "y" or "z": the classifiable axis with the largest envelope RMS (the one most exposed to the bearing's impacts).</param>
/// <param name="Prediction">The diagnosis of that axis.</param>
public sealed record BearingTelemetryDiagnosis(string Axis, BearingFaultPrediction Prediction);

namespace Retrosense.Server.Scoring;

/// <summary>
/// The JSON object kept with a <c>rul</c> prediction: time until the asset's velocity RMS trend reaches its ISO 10816-3
/// zone C/D boundary (Analytics/Rul/Trend), with the interval and what the fit saw.
/// </summary>
public sealed record RulPredictionDetails(
    string Status,
    double? LowerHours,
    double? UpperHours,
    double ConfidenceLevel,
    double ThresholdMmPerSecond,
    string Shape,
    double SlopePerHour,
    int PointsUsed,
    string Explanation);

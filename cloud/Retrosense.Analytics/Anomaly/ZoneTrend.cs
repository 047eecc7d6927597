namespace Retrosense.Analytics.Anomaly;

/// <summary>
/// The asset's recent ISO 10816-3 story: the zone now, the one before the last change, and where velocity RMS is heading
/// (least-squares slope over the last windows).
/// </summary>
/// <param name="Direction"><c>rising</c>, <c>falling</c> or <c>steady</c>: the fitted change over the span is beyond ±10 % of the mean velocity, or not.</param>
/// <param name="SlopeMmPerSecondPerHour">Fitted change of the largest axis velocity RMS, in mm/s per hour.</param>
public sealed record ZoneTrend(string Zone, string? PreviousZone, string Direction, double? SlopeMmPerSecondPerHour, int Windows);

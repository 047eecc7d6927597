namespace Retrosense.Cli.Simulation;

/// <summary>Publish→PUBACK percentiles over every acknowledged publish of a run, in milliseconds.</summary>
/// <param name="Samples">Acknowledged publishes timed.</param>
/// <param name="P50Ms">Median.</param>
/// <param name="P95Ms">95th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="MaxMs">Slowest acknowledged publish.</param>
internal sealed record PublishLatencySummary(long Samples, double P50Ms, double P95Ms, double P99Ms, double MaxMs);

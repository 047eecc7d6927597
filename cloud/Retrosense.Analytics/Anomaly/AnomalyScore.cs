using System.Collections.Generic;

namespace Retrosense.Analytics.Anomaly;

/// <summary>One window scored against a baseline.</summary>
/// <param name="Deviation">Mean of the largest absolute feature deviations (robust z-scores).</param>
/// <param name="HealthScore">100 / (1 + (deviation / half-health deviation)²): 100 = exactly like the baseline, 50 at the anomaly threshold.</param>
/// <param name="Drivers">Features deviating by at least the driver threshold, largest first (at most five).</param>
public sealed record AnomalyScore(double Deviation, double HealthScore, bool IsAnomaly, IReadOnlyList<FeatureDeviation> Drivers);

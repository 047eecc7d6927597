namespace Retrosense.Analytics.Anomaly;

/// <summary>One feature of a stored baseline: median and robust spread (1.4826 × MAD) of its natural log.</summary>
/// <param name="Windows">Windows in which the feature had a value.</param>
public sealed record AnomalyBaselineFeature(string Name, double MedianLog, double SpreadLog, int Windows);

namespace Retrosense.Analytics.Anomaly;

/// <summary>How far one feature is from the asset's baseline: a driver of the anomaly score.</summary>
/// <param name="Deviation">Robust z-score on the log scale: (ln value − baseline median) / spread; positive = higher than normal.</param>
/// <param name="Ratio">Value over the baseline median (e<sup>difference of logs</sup>): 2 means twice the normal level.</param>
public sealed record FeatureDeviation(string Feature, double Deviation, double Ratio);

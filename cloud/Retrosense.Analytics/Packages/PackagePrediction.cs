namespace Retrosense.Analytics.Packages;

/// <summary>
/// One row scored by a package: <paramref name="Score"/> (binary: higher = positive; regression: the prediction;
/// anomaly: higher = more unusual; multiclass: 0), the predicted class name for classifiers, the flag for anomaly models.
/// </summary>
public sealed record PackagePrediction(double Score, string? PredictedClass, bool? IsAnomaly);

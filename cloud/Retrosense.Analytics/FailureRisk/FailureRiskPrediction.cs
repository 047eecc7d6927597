using System.Collections.Generic;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// One scored run: the calibrated probability that the machine fails, the decision at the model's threshold (chosen for
/// the best F1 by cross-validation on the training rows), the per-mode probabilities (one-vs-rest, so they need not sum
/// to anything) and the features that pushed the risk most, largest |contribution| first.
/// </summary>
public sealed record FailureRiskPrediction(
    double FailureProbability,
    double Threshold,
    bool IsFailureExpected,
    IReadOnlyDictionary<FailureMode, double> ModeProbabilities,
    IReadOnlyList<FeatureContribution> TopContributors);

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// What one feature did to one prediction: <see cref="Contribution"/> is in raw score units (log-odds before calibration),
/// positive when it raised the failure risk. Computed by ML.NET's FeatureContributionCalculation for tree ensembles: per
/// tree, the output of the leaf reached minus the output had the split on this feature gone the other way, summed over
/// trees (so contributions do not add up exactly to the score).
/// </summary>
public sealed record FeatureContribution(string Feature, double Value, double Contribution);

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// Global permutation importance of one feature (ML.NET PermutationFeatureImportance): how much PR-AUC and ROC-AUC fall
/// when the feature's values are shuffled across rows; the mean over the permutations, with the standard error of PR-AUC's.
/// </summary>
public sealed record FeatureImportance(string Feature, double PrAucDrop, double PrAucDropStandardError, double RocAucDrop);

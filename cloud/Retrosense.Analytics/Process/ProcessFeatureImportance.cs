namespace Retrosense.Analytics.Process;

/// <summary>
/// Permutation importance on held-out folds: how much the cross-validated RMSE grows when this column's values are
/// shuffled among the held-out rows (mean and spread over the repeats). Near zero or negative: the model does not use it.
/// </summary>
public sealed record ProcessFeatureImportance(string Feature, string Role, double RmseIncrease, double RmseIncreaseSd);

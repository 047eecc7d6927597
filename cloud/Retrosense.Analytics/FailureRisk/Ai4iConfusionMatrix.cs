namespace Retrosense.Analytics.FailureRisk;

/// <summary>Machine-failure counts on the held-out rows at the cross-validated threshold.</summary>
public sealed record Ai4iConfusionMatrix(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives);

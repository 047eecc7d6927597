namespace Retrosense.Analytics.Process;

/// <summary>
/// Boosted-tree settings for a process model (ML.NET FastTree). The defaults suit a plant's history of a few hundred to a
/// few thousand batches: small trees and a slow learning rate, because the signal is weak beside batch-to-batch noise.
/// Each tree sees a random <see cref="RowFraction"/> of the rows (stochastic gradient boosting, Friedman 2002), which
/// damps the noise of single batches. Tests pass fewer trees to stay fast.
/// </summary>
public sealed record ProcessTrainerSettings(int Trees = 300, int Leaves = 8, int MinimumRowsPerLeaf = 15, double LearningRate = 0.03, double FeatureFraction = 0.8, double RowFraction = 0.7)
{
    public static ProcessTrainerSettings Default { get; } = new();
}

namespace Retrosense.Analytics.Training;

/// <summary>How the assembled feature vector is scaled before the trainer (trees need none).</summary>
internal enum FeatureScaling
{
    None,

    /// <summary>Min–max to [0, 1]: linear models converge on comparable scales.</summary>
    MinMax,

    /// <summary>Zero mean, unit variance: PCA would otherwise be dominated by the column with the largest unit.</summary>
    MeanVariance,
}

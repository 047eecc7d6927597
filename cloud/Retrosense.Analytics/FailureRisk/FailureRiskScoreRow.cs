using Microsoft.ML.Data;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>ML.NET output schema: the raw tree-ensemble score and, from the explaining chain, each feature's contribution.</summary>
internal sealed class FailureRiskScoreRow
{
    [ColumnName("Score")]
    public float Score { get; set; }

    [ColumnName("FeatureContributions")]
    public float[] FeatureContributions { get; set; } = [];
}

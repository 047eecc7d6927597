using Microsoft.ML.Data;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>ML.NET output schema of the scoring chain: the raw tree-ensemble score only (no explanations, cheaper).</summary>
internal sealed class FailureRiskRawScoreRow
{
    [ColumnName("Score")]
    public float Score { get; set; }
}

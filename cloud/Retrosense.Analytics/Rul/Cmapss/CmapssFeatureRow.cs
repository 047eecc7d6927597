namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>ML.NET input row: one cycle's window features and its capped RUL target (0 when scoring).</summary>
public sealed class CmapssFeatureRow
{
    public float Label { get; set; }

    /// <summary>Fixed length per model (<see cref="CmapssRulModel.FeatureCount"/>), set through the schema definition.</summary>
    public float[] Features { get; set; } = [];
}

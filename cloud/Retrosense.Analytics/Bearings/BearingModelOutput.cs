namespace Retrosense.Analytics.Bearings;

/// <summary>ML.NET output row: the predicted class key (1-based, in <see cref="BearingFaultClass"/> order) and the class probabilities.</summary>
public sealed class BearingModelOutput
{
    public uint PredictedLabel { get; set; }

    public float[] Score { get; set; } = [];
}

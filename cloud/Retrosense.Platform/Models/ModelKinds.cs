namespace Retrosense.Platform.Models;

/// <summary>The model kinds scoring knows; the registry itself accepts any kind of 1–64 characters.</summary>
public static class ModelKinds
{
    /// <summary>A per-asset robust baseline of node features (Retrosense.Analytics.Anomaly): JSON, no ML.NET.</summary>
    public const string AnomalyBaseline = "anomaly-baseline";

    /// <summary>An ML.NET binary classifier package giving a failure probability.</summary>
    public const string FailureRisk = "failure-risk";

    /// <summary>An ML.NET regression package giving remaining useful life.</summary>
    public const string RemainingUsefulLife = "rul";

    /// <summary>An ML.NET multiclass package giving a bearing fault type.</summary>
    public const string BearingFault = "bearing-fault";
}

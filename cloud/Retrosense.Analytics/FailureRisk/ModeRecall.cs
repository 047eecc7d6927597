namespace Retrosense.Analytics.FailureRisk;

/// <summary>How many held-out failures of one kind (a mode combination, or "none" for failures without a mode) were caught.</summary>
public sealed record ModeRecall(int Failures, int Caught);

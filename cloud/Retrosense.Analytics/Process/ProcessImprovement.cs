namespace Retrosense.Analytics.Process;

/// <summary>
/// Predicted gain of the recommended settings over the current ones, in the target's units, positive = better
/// (higher when maximizing, lower when minimizing). The interval is the 90 % interval of the members' paired
/// differences (Student t): it measures how much the ensemble agrees, not the plant's batch-to-batch noise.
/// </summary>
public sealed record ProcessImprovement(double Value, double IntervalLow, double IntervalHigh, int MembersAgreeing, int Members);

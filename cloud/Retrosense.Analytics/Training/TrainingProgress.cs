namespace Retrosense.Analytics.Training;

/// <summary>One step of a training run done: <paramref name="Step"/> of <paramref name="TotalSteps"/>, and what it was.</summary>
public sealed record TrainingProgress(int Step, int TotalSteps, string Description);

namespace Retrosense.Analytics.Bearings;

/// <summary>Cross-validated quality of one candidate on the training side.</summary>
/// <param name="Candidate">Feature set and trainer.</param>
/// <param name="MeanMacroF1">Macro F1 averaged over the folds.</param>
/// <param name="MinimumFoldAccuracy">Accuracy of the worst fold.</param>
public sealed record BearingCandidateScore(BearingModelCandidate Candidate, double MeanMacroF1, double MinimumFoldAccuracy);

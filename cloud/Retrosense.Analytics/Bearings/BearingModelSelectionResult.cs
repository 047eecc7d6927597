using System.Collections.Generic;

namespace Retrosense.Analytics.Bearings;

/// <summary>The outcome of <see cref="BearingModelSelection.Choose"/>: every candidate's score and the chosen one.</summary>
/// <param name="Scheme">How the folds were formed: <c>grouped_by_file</c> or <c>time_blocks_within_file</c>.</param>
/// <param name="Folds">Number of folds.</param>
/// <param name="Scores">Every candidate, in the order tried.</param>
/// <param name="Chosen">The best by mean macro F1, then worst-fold accuracy; the earlier (simpler) candidate on a tie.</param>
public sealed record BearingModelSelectionResult(string Scheme, int Folds, IReadOnlyList<BearingCandidateScore> Scores, BearingModelCandidate Chosen);

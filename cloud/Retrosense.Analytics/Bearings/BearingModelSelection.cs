using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// Chooses the feature set and trainer by cross-validation on the training side only; the test files are never seen.
/// Folds keep recordings whole when every class has at least two training recordings (grouped by file, so a fold's
/// windows come from recordings the model did not train on). With a single recording per class, as in the CWRU 0 hp
/// benchmark, a file-grouped fold would leave a class out of training entirely; the folds are then contiguous time blocks
/// of every recording (fold b holds the b-th stretch in time of each file), which keeps neighbouring windows together but
/// measures generalisation within a recording, not across fault sizes — the reason the candidates are all dimensionless
/// and the ties go to the simplest set.
/// </summary>
public static class BearingModelSelection
{
    /// <summary>Scheme name when folds hold whole recordings.</summary>
    public const string GroupedByFile = "grouped_by_file";

    /// <summary>Scheme name when folds are time blocks within each recording.</summary>
    public const string TimeBlocksWithinFile = "time_blocks_within_file";

    /// <summary>Every feature set of <see cref="BearingFeatureSets.Candidates"/> with every trainer.</summary>
    public static IReadOnlyList<BearingModelCandidate> DefaultCandidates { get; } =
        BearingFeatureSets.Candidates
            .SelectMany(set => Enum.GetValues<BearingTrainer>().Select(trainer => new BearingModelCandidate(set.Key, set.Value, trainer)))
            .ToList();

    /// <summary>Cross-validates each candidate and returns the scores and the chosen one.</summary>
    public static BearingModelSelectionResult Choose(
        IReadOnlyList<BearingFeatureWindow> windows,
        BearingNodeSettings nodeSettings,
        BearingTrainingSettings training,
        IReadOnlyList<BearingModelCandidate>? candidates = null)
    {
        ArgumentNullException.ThrowIfNull(windows);
        candidates ??= DefaultCandidates;
        if (candidates.Count == 0)
        {
            throw new ArgumentException("no candidates to choose from", nameof(candidates));
        }

        var (scheme, folds, foldOf) = AssignFolds(windows, training.CrossValidationFolds);
        var scores = new List<BearingCandidateScore>();
        foreach (var candidate in candidates)
        {
            var f1 = new List<double>();
            var accuracy = new List<double>();
            for (var fold = 0; fold < folds; fold++)
            {
                var trainWindows = windows.Where((_, i) => foldOf[i] != fold).ToList();
                var heldOut = windows.Where((_, i) => foldOf[i] == fold).ToList();
                var classifier = BearingFaultTrainer.Train(trainWindows, candidate, nodeSettings, training);
                var report = BearingClassificationReport.From(heldOut.Select(window => (window.Label, classifier.Classify(window.Features).FaultClass)));
                f1.Add(report.MacroF1);
                accuracy.Add(report.Accuracy);
            }

            scores.Add(new BearingCandidateScore(candidate, f1.Average(), accuracy.Min()));
        }

        // Stable ordering: the first candidate (the smaller feature set, the simpler trainer) wins a tie.
        var chosen = scores
            .Select((score, index) => (score, index))
            .OrderByDescending(entry => Math.Round(entry.score.MeanMacroF1, 6))
            .ThenByDescending(entry => Math.Round(entry.score.MinimumFoldAccuracy, 6))
            .ThenBy(entry => entry.index)
            .First().score.Candidate;
        return new BearingModelSelectionResult(scheme, folds, scores, chosen);
    }

    /// <summary>The fold of every window (by index) under the scheme the data allows; see the class remarks.</summary>
    internal static (string Scheme, int Folds, int[] FoldOf) AssignFolds(IReadOnlyList<BearingFeatureWindow> windows, int requestedFolds)
    {
        if (requestedFolds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(requestedFolds), requestedFolds, "cross-validation needs at least 2 folds");
        }

        var groupsByClass = windows
            .GroupBy(window => window.Label)
            .ToDictionary(byClass => byClass.Key, byClass => byClass.Select(GroupKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        var fewestRecordings = groupsByClass.Count == 0 ? 0 : groupsByClass.Values.Min(groups => groups.Count);
        var foldOf = new int[windows.Count];
        if (fewestRecordings >= 2)
        {
            var folds = Math.Min(requestedFolds, fewestRecordings);
            var foldOfGroup = groupsByClass.Values
                .SelectMany(groups => groups.Select((group, index) => (group, fold: index % folds)))
                .ToDictionary(entry => entry.group, entry => entry.fold, StringComparer.Ordinal);
            for (var i = 0; i < windows.Count; i++)
            {
                foldOf[i] = foldOfGroup[GroupKey(windows[i])];
            }

            return (GroupedByFile, folds, foldOf);
        }

        var positions = windows
            .Select((window, index) => (window, index))
            .GroupBy(entry => GroupKey(entry.window), StringComparer.Ordinal);
        foreach (var recording in positions)
        {
            var ordered = recording.OrderBy(entry => entry.window.StartSeconds).ToList();
            for (var j = 0; j < ordered.Count; j++)
            {
                foldOf[ordered[j].index] = j * requestedFolds / ordered.Count;
            }
        }

        return (TimeBlocksWithinFile, requestedFolds, foldOf);
    }

    private static string GroupKey(BearingFeatureWindow window) => NodeFeatureReplay.Describe(window.Source, window.Part);
}

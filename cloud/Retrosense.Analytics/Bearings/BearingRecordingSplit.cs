using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// The train/test split of a benchmark by whole recordings: no window of a test recording is used in training. The one
/// exception is asked for explicitly by naming the same file on both sides (the CWRU 0 hp set has a single normal
/// recording): it is then cut in time at its midpoint, one half per side, each half windowed on its own so no window
/// straddles the cut.
/// </summary>
/// <param name="Train">Training recordings, in the order given.</param>
/// <param name="Test">Test recordings, in the order given.</param>
public sealed record BearingRecordingSplit(IReadOnlyList<BearingRecordingUse> Train, IReadOnlyList<BearingRecordingUse> Test)
{
    /// <summary>Plans the split; <paramref name="sharedFileTrainPart"/> is the half a file named on both sides trains on.</summary>
    /// <exception cref="BearingDataException">A side is empty, or a file is named twice on one side.</exception>
    public static BearingRecordingSplit Plan(IReadOnlyList<string> trainPaths, IReadOnlyList<string> testPaths, RecordingPart sharedFileTrainPart = RecordingPart.FirstHalf)
    {
        ArgumentNullException.ThrowIfNull(trainPaths);
        ArgumentNullException.ThrowIfNull(testPaths);
        if (sharedFileTrainPart is not (RecordingPart.FirstHalf or RecordingPart.SecondHalf))
        {
            throw new ArgumentOutOfRangeException(nameof(sharedFileTrainPart), sharedFileTrainPart, "a shared file trains on its first or its second half");
        }

        if (trainPaths.Count == 0 || testPaths.Count == 0)
        {
            throw new BearingDataException("give at least one training and one test recording");
        }

        RefuseDuplicates(trainPaths, "training");
        RefuseDuplicates(testPaths, "test");
        var shared = trainPaths.Select(Path.GetFullPath).Intersect(testPaths.Select(Path.GetFullPath), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var testPart = sharedFileTrainPart == RecordingPart.FirstHalf ? RecordingPart.SecondHalf : RecordingPart.FirstHalf;
        return new BearingRecordingSplit(
            trainPaths.Select(path => new BearingRecordingUse(path, shared.Contains(Path.GetFullPath(path)) ? sharedFileTrainPart : RecordingPart.Whole)).ToList(),
            testPaths.Select(path => new BearingRecordingUse(path, shared.Contains(Path.GetFullPath(path)) ? testPart : RecordingPart.Whole)).ToList());
    }

    private static void RefuseDuplicates(IReadOnlyList<string> paths, string side)
    {
        var duplicate = paths.GroupBy(Path.GetFullPath, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new BearingDataException($"{duplicate.First()} is named twice among the {side} recordings");
        }
    }
}

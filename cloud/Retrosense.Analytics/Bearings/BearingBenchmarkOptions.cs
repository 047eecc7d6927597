using System.Collections.Generic;

namespace Retrosense.Analytics.Bearings;

/// <summary>What <see cref="BearingBenchmark.Run"/> trains and tests on, and how.</summary>
/// <param name="TrainPaths">Training recordings (CWRU .mat, labelled by file name).</param>
/// <param name="TestPaths">Test recordings; a file also named for training is split in time.</param>
/// <param name="NodeSettings">The node configuration the features are computed with.</param>
/// <param name="Training">Seed and trainer effort.</param>
/// <param name="SharedFileTrainPart">The half a file on both sides trains on.</param>
/// <param name="SampleRateOverridesHz">Rates for files the CWRU catalogue does not list, by stem or path.</param>
public sealed record BearingBenchmarkOptions(
    IReadOnlyList<string> TrainPaths,
    IReadOnlyList<string> TestPaths,
    BearingNodeSettings NodeSettings,
    BearingTrainingSettings Training,
    RecordingPart SharedFileTrainPart = RecordingPart.FirstHalf,
    IReadOnlyDictionary<string, double>? SampleRateOverridesHz = null);

namespace Retrosense.Analytics.Bearings;

/// <summary>One recording on one side of a benchmark split, and what was read from it.</summary>
/// <param name="Path">The file as given.</param>
/// <param name="Part">Whole, or the half in time this side gets when the file is on both sides.</param>
public sealed record BearingRecordingUse(string Path, RecordingPart Part);

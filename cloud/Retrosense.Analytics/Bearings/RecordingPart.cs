namespace Retrosense.Analytics.Bearings;

/// <summary>Which stretch of a recording a set of windows comes from; a file used on both sides of a split is cut in time.</summary>
public enum RecordingPart
{
    Whole = 0,
    FirstHalf = 1,
    SecondHalf = 2,
}

namespace Retrosense.Analytics.Bearings;

/// <summary>What the benchmark read from one recording on one side.</summary>
/// <param name="Path">The file as given.</param>
/// <param name="Part">Whole or the half in time used.</param>
/// <param name="Label">Condition from the file name.</param>
/// <param name="ChannelName">Drive-end variable read.</param>
/// <param name="SampleRateHz">The file's rate, in Hz.</param>
/// <param name="SampleRateSource">Where the rate came from.</param>
/// <param name="DecimationFactor">File rate over node rate (1 = used as recorded).</param>
/// <param name="ShaftSpeedRpm">Shaft speed the node was configured with, in rpm.</param>
/// <param name="Windows">Windows taken from it.</param>
public sealed record BearingRecordingSummary(
    string Path,
    RecordingPart Part,
    BearingFaultClass Label,
    string ChannelName,
    double SampleRateHz,
    string SampleRateSource,
    int DecimationFactor,
    double ShaftSpeedRpm,
    int Windows);

namespace Retrosense.Cli.Features;

/// <summary>One channel of a recording, in g, and the shaft speed the file itself records when it has one.</summary>
/// <param name="SamplesG">Acceleration samples in g.</param>
/// <param name="ChannelName">The CSV column or MAT variable the samples came from.</param>
/// <param name="ShaftSpeedRpmInFile">A scalar "…RPM" variable of a MAT-file (the CWRU files carry one), else null.</param>
internal sealed record RecordedSignal(double[] SamplesG, string ChannelName, double? ShaftSpeedRpmInFile);

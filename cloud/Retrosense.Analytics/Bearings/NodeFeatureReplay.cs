using System;
using System.Collections.Generic;
using System.Globalization;
using Retrosense.Node.Dsp;
using Retrosense.Platform.Ingestion.Wire;
using Retrosense.Recordings;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// Replays a recording through the node's own feature extractor (firmware/Retrosense.Node.Core/Dsp), window by window,
/// and returns the features as the server would store them. The recording is first brought to the node's rate with
/// <see cref="AntiAliasDecimator"/> (48 kHz → 12 kHz for CWRU's normal baseline), because every feature depends on the
/// rate: running the extractor at 48 kHz instead would change the window's duration, the envelope resolution and the
/// bandwidth kurtosis and crest factor see, so a 48 kHz file would differ from 12 kHz files for reasons that have nothing
/// to do with the bearing. A node configured for 12 kHz would have delivered the decimated signal.
/// </summary>
public static class NodeFeatureReplay
{
    /// <summary>Features of every complete window of the given part of a recording.</summary>
    public static IReadOnlyList<BearingFeatureWindow> Windows(CwruRecording recording, RecordingPart part, BearingNodeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(settings);
        var factor = AntiAliasDecimator.Factor(recording.SampleRateHz, settings.SampleRateHz);
        var atNodeRate = AntiAliasDecimator.Decimate(recording.SignalG, factor);
        var (first, count) = part switch
        {
            RecordingPart.FirstHalf => (0, atNodeRate.Length / 2),
            RecordingPart.SecondHalf => (atNodeRate.Length / 2, atNodeRate.Length - (atNodeRate.Length / 2)),
            _ => (0, atNodeRate.Length),
        };

        var signal = atNodeRate.AsSpan(first, count).ToArray();
        if (signal.Length < settings.WindowSamples)
        {
            throw new BearingDataException(
                $"{recording.Path}: {Describe(recording.Name.Stem, part)} has {signal.Length} samples at {settings.SampleRateHz.ToString(CultureInfo.InvariantCulture)} Hz, fewer than one window of {settings.WindowSamples}");
        }

        var offsetSeconds = first / settings.SampleRateHz;
        return Windows(signal, recording.ShaftSpeedRpm, settings, (index, startSeconds, features) =>
            new BearingFeatureWindow(recording.Name.Stem, part, recording.Name.FaultClass, index, offsetSeconds + startSeconds, features));
    }

    /// <summary>
    /// Features of every complete window of a signal already at the node's rate, for a machine at
    /// <paramref name="shaftSpeedRpm"/>: the signal is scaled to int16 counts as <see cref="RecordingWindows"/> does for
    /// the node's ADC, and each value is rounded to the 6 significant digits the node's telemetry encoder writes.
    /// </summary>
    public static IReadOnlyList<T> Windows<T>(double[] signalG, double shaftSpeedRpm, BearingNodeSettings settings, Func<int, double, AxisFeaturesWire, T> create)
    {
        ArgumentNullException.ThrowIfNull(signalG);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(create);
        var config = settings.ToNodeConfig(shaftSpeedRpm);
        var windows = new RecordingWindows(signalG, config.SampleRateHz, config.WindowSamples);
        var extractor = new VibrationFeatureExtractor(config);
        var features = new VibrationFeatures(config.Bands.Length);
        var window = new AccelerationWindow(config.WindowSamples);
        var result = new List<T>(windows.Count);
        for (var index = 0; index < windows.Count; index++)
        {
            windows.Fill(index, window);
            extractor.Compute(window, features);
            result.Add(create(index, windows.StartSeconds(index), ToWire(features.X)));
        }

        return result;
    }

    /// <summary>"IR007_0", "Normal_0 (first half)".</summary>
    public static string Describe(string stem, RecordingPart part) => part switch
    {
        RecordingPart.FirstHalf => stem + " (first half)",
        RecordingPart.SecondHalf => stem + " (second half)",
        _ => stem,
    };

    /// <summary>One axis as the telemetry message carries it (NodeMessageEncoder writes 6 significant digits; non-finite is null).</summary>
    public static AxisFeaturesWire ToWire(AxisFeatures axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        return new AxisFeaturesWire
        {
            RmsG = AsWired(axis.RmsG),
            PeakG = AsWired(axis.PeakG),
            PeakToPeakG = AsWired(axis.PeakToPeakG),
            CrestFactor = AsWired(axis.CrestFactor),
            Kurtosis = AsWired(axis.Kurtosis),
            Skewness = AsWired(axis.Skewness),
            VelocityRmsMmPerSecond = AsWired(axis.VelocityRmsMmPerSecond),
            DominantFrequencyHz = AsWired(axis.DominantFrequencyHz),
            EnvelopeRmsG = AsWired(axis.EnvelopeRmsG),
            EnvelopeBpfoG = AsWired(axis.EnvelopeBpfoG),
            EnvelopeBpfiG = AsWired(axis.EnvelopeBpfiG),
            EnvelopeBsfG = AsWired(axis.EnvelopeBsfG),
            EnvelopeFtfG = AsWired(axis.EnvelopeFtfG),
        };
    }

    private static double? AsWired(float value) =>
        float.IsFinite(value) ? double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null;
}

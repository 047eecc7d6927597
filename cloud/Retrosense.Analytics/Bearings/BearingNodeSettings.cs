using System;
using Retrosense.Node.Configuration;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// The node configuration the bearing diagnosis is trained for: a node must run with these settings for its telemetry to
/// be classified (the live classifier checks the rate and window it can see in each telemetry message).
/// <list type="bullet">
/// <item>12 kHz and 2048-sample windows by default: the CWRU fault recordings' rate. A window of 2048 at 12 kHz lasts
/// 0.17 s, 19 revolutions at 1797 rpm, and resolves the envelope spectrum to 5.9 Hz, fine enough for BPFO ≈ 107 Hz and
/// BPFI ≈ 162 Hz with ±3 % search windows.</item>
/// <item>Envelope band 1.5–4 kHz: CWRU's bearing resonances lie around 2–5 kHz (W. A. Smith, R. B. Randall, "Rolling
/// element bearing diagnostics using the Case Western Reserve University data: A benchmark study", MSSP 64–65 (2015)),
/// and 4 kHz stays below the 4.8 kHz cut-off of the 48 → 12 kHz decimation, so every file is demodulated over the same band
/// (the node's default 500–1400 Hz does not separate the faults here; firmware/Retrosense.Node.Core/Dsp/README.md).</item>
/// <item>Bearing geometry of the drive-end SKF 6205-2RS JEM (CWRU): 9 balls of 7.94 mm on a 39.04 mm pitch circle, 0°
/// contact, so the node reports the envelope at BPFO, BPFI, BSF and FTF for the shaft speed it is configured with.</item>
/// </list>
/// </summary>
public sealed record BearingNodeSettings
{
    /// <summary>Node sample rate, in Hz.</summary>
    public double SampleRateHz { get; init; } = 12_000;

    /// <summary>Samples per window, a power of two.</summary>
    public int WindowSamples { get; init; } = 4096;

    /// <summary>Lower edge of the envelope band, in Hz.</summary>
    public double EnvelopeBandLowHz { get; init; } = 1_500;

    /// <summary>Upper edge of the envelope band, in Hz.</summary>
    public double EnvelopeBandHighHz { get; init; } = 4_000;

    /// <summary>Rolling elements of the bearing.</summary>
    public int RollingElementCount { get; init; } = 9;

    /// <summary>Rolling-element diameter, in mm.</summary>
    public double RollingElementDiameterMm { get; init; } = 7.94;

    /// <summary>Pitch diameter, in mm.</summary>
    public double PitchDiameterMm { get; init; } = 39.04;

    /// <summary>Contact angle, in degrees.</summary>
    public double ContactAngleDegrees { get; init; }

    /// <summary>The node configuration these settings describe, for a machine running at <paramref name="shaftSpeedRpm"/>.</summary>
    public NodeConfig ToNodeConfig(double shaftSpeedRpm)
    {
        if (WindowSamples < 256 || (WindowSamples & (WindowSamples - 1)) != 0)
        {
            throw new BearingDataException($"the window must be a power of two of at least 256 samples, got {WindowSamples}");
        }

        if (!(shaftSpeedRpm > 0) || !double.IsFinite(shaftSpeedRpm))
        {
            throw new ArgumentOutOfRangeException(nameof(shaftSpeedRpm), shaftSpeedRpm, "shaft speed must be a positive number of rpm");
        }

        var config = NodeConfig.CreateDefault();
        config.SampleRateHz = (float)SampleRateHz;
        config.WindowSamples = WindowSamples;
        config.ShaftSpeedRpm = (float)shaftSpeedRpm;
        config.EnvelopeBandLowHz = (float)EnvelopeBandLowHz;
        config.EnvelopeBandHighHz = (float)EnvelopeBandHighHz;
        config.Bearing = new BearingGeometry(RollingElementCount, (float)RollingElementDiameterMm, (float)PitchDiameterMm, (float)ContactAngleDegrees);
        return config;
    }
}

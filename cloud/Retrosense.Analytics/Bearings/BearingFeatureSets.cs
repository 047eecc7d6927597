using System.Collections.Generic;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// The feature sets cross-validation chooses among, all dimensionless (see <see cref="BearingFeatures"/>). Each follows
/// the two questions of envelope analysis (Smith &amp; Randall 2015; Randall &amp; Antoni 2011): is there impacting (how
/// much of the signal is resonance-band modulation, how impulsive it is), and at which defect frequency (which of the
/// BPFO, BPFI and BSF lines carries the envelope, relative to the envelope and to each other).
/// <para>
/// The cage line (FTF) is computed but used by no set: at the node's resolution (fs/N = 2.9 Hz for 4096 samples at
/// 12 kHz) its search windows are at least ±2 bins, so its 2nd and 3rd harmonics (24 and 36 Hz at 1797 rpm) reach the
/// shaft-rate line (30 Hz), which modulates every inner-race fault and depends on load, not on the defect.
/// </para>
/// </summary>
public static class BearingFeatureSets
{
    /// <summary>Impulsiveness of the waveform: kurtosis, crest factor, peak-to-peak over RMS, skewness.</summary>
    public static IReadOnlyList<string> TimeShape { get; } =
    [
        nameof(BearingFeatureRow.LogKurtosis),
        nameof(BearingFeatureRow.LogCrestFactor),
        nameof(BearingFeatureRow.LogPeakToPeakOverRms),
        nameof(BearingFeatureRow.Skewness),
    ];

    /// <summary>
    /// Envelope analysis relative to itself: the envelope's share of the signal, and the BPFO, BPFI and BSF lines over the
    /// envelope RMS and against each other.
    /// </summary>
    public static IReadOnlyList<string> EnvelopeLines { get; } =
    [
        nameof(BearingFeatureRow.LogEnvelopeOverRms),
        nameof(BearingFeatureRow.LogBpfoOverEnvelope),
        nameof(BearingFeatureRow.LogBpfiOverEnvelope),
        nameof(BearingFeatureRow.LogBsfOverEnvelope),
        nameof(BearingFeatureRow.LogBpfiOverBpfo),
        nameof(BearingFeatureRow.LogBsfOverStrongerRace),
    ];

    /// <summary>Name → features of every candidate set, in the order they are tried (the first wins a tie).</summary>
    public static IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Candidates { get; } =
    [
        new("envelope_lines", EnvelopeLines),
        new("envelope_lines+kurtosis", [.. EnvelopeLines, nameof(BearingFeatureRow.LogKurtosis)]),
        new("envelope_lines+time_shape", [.. EnvelopeLines, .. TimeShape]),
    ];
}

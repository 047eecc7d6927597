using System.Collections.Generic;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// The feature sets cross-validation chooses among, all dimensionless (see <see cref="BearingFeatures"/>): the shape of
/// the waveform alone, the envelope ratios alone, and both.
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
    /// Envelope analysis relative to itself: how much of the signal is resonance-band modulation, and which defect
    /// frequency carries it (BPFO, BPFI, BSF, FTF lines over the envelope RMS, and BPFI over BPFO).
    /// </summary>
    public static IReadOnlyList<string> EnvelopeRatios { get; } =
    [
        nameof(BearingFeatureRow.LogEnvelopeOverRms),
        nameof(BearingFeatureRow.LogBpfoOverEnvelope),
        nameof(BearingFeatureRow.LogBpfiOverEnvelope),
        nameof(BearingFeatureRow.LogBsfOverEnvelope),
        nameof(BearingFeatureRow.LogFtfOverEnvelope),
        nameof(BearingFeatureRow.LogBpfiOverBpfo),
    ];

    /// <summary>Name → features of every candidate set, in the order they are tried (the first wins a tie).</summary>
    public static IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Candidates { get; } =
    [
        new("envelope_ratios", EnvelopeRatios),
        new("envelope_ratios+time_shape", [.. EnvelopeRatios, .. TimeShape]),
        new("time_shape", TimeShape),
    ];
}

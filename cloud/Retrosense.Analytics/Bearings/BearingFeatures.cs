using System;
using System.Collections.Generic;
using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// Turns one axis of node features into the dimensionless inputs of the diagnosis. Only ratios and standardised moments
/// are used, never an absolute level (RMS, peak, envelope RMS in g, velocity), an absolute frequency (dominant frequency)
/// or the shaft speed: those change with motor load, speed, fault size and sensor mounting, so a model leaning on them
/// learns the recording rather than the fault. Smith and Randall's CWRU benchmark (MSSP 64–65, 2015) diagnoses with
/// envelope spectra read relative to their own level (defect lines standing out of the envelope spectrum) and with
/// kurtosis-type impulsiveness; the defect frequencies themselves are speed-normalised already, because the node
/// computes them from the configured shaft speed and the bearing geometry. Logarithms make ratios symmetric and let a
/// linear model weigh them.
/// </summary>
public static class BearingFeatures
{
    // A ratio whose numerator is 0 (no content at a defect line) would give −∞: floor it at 1e-6 of its denominator.
    private const double SmallestRatio = 1e-6;

    /// <summary>Every candidate feature, by the <see cref="BearingFeatureRow"/> property that holds it.</summary>
    public static IReadOnlyList<string> AllNames { get; } =
    [
        nameof(BearingFeatureRow.LogKurtosis),
        nameof(BearingFeatureRow.LogCrestFactor),
        nameof(BearingFeatureRow.LogPeakToPeakOverRms),
        nameof(BearingFeatureRow.Skewness),
        nameof(BearingFeatureRow.LogEnvelopeOverRms),
        nameof(BearingFeatureRow.LogBpfoOverEnvelope),
        nameof(BearingFeatureRow.LogBpfiOverEnvelope),
        nameof(BearingFeatureRow.LogBsfOverEnvelope),
        nameof(BearingFeatureRow.LogFtfOverEnvelope),
        nameof(BearingFeatureRow.LogBpfiOverBpfo),
        nameof(BearingFeatureRow.LogBsfOverStrongerRace),
    ];

    /// <summary>
    /// The model input for one axis, or null with <paramref name="missing"/> naming the first feature the axis lacks
    /// (null on the wire, zero RMS or envelope, no defect features because the node has no bearing geometry).
    /// </summary>
    public static BearingFeatureRow? TryCreate(AxisFeaturesWire axis, string label, out string? missing)
    {
        ArgumentNullException.ThrowIfNull(axis);
        missing = null;
        if (!Positive(axis.RmsG, "rms_g", ref missing)
            || !Positive(axis.Kurtosis, "kurtosis", ref missing)
            || !Positive(axis.CrestFactor, "crest", ref missing)
            || !Positive(axis.PeakToPeakG, "p2p_g", ref missing)
            || !Finite(axis.Skewness, "skewness", ref missing)
            || !Positive(axis.EnvelopeRmsG, "env_rms_g", ref missing)
            || !Finite(axis.EnvelopeBpfoG, "env_bpfo_g", ref missing)
            || !Finite(axis.EnvelopeBpfiG, "env_bpfi_g", ref missing)
            || !Finite(axis.EnvelopeBsfG, "env_bsf_g", ref missing)
            || !Finite(axis.EnvelopeFtfG, "env_ftf_g", ref missing))
        {
            return null;
        }

        var rms = axis.RmsG!.Value;
        var envelope = axis.EnvelopeRmsG!.Value;
        var bpfo = axis.EnvelopeBpfoG!.Value;
        var bpfi = axis.EnvelopeBpfiG!.Value;
        if (bpfo <= 0 && bpfi <= 0 && axis.EnvelopeBsfG!.Value <= 0 && axis.EnvelopeFtfG!.Value <= 0)
        {
            missing = "env_bpfo_g/env_bpfi_g/env_bsf_g/env_ftf_g (all 0: the node has no bearing geometry configured)";
            return null;
        }

        return new BearingFeatureRow
        {
            Label = label,
            LogKurtosis = (float)Math.Log(axis.Kurtosis!.Value),
            LogCrestFactor = (float)Math.Log(axis.CrestFactor!.Value),
            LogPeakToPeakOverRms = LogRatio(axis.PeakToPeakG!.Value, rms),
            Skewness = (float)axis.Skewness!.Value,
            LogEnvelopeOverRms = LogRatio(envelope, rms),
            LogBpfoOverEnvelope = LogRatio(bpfo, envelope),
            LogBpfiOverEnvelope = LogRatio(bpfi, envelope),
            LogBsfOverEnvelope = LogRatio(axis.EnvelopeBsfG!.Value, envelope),
            LogFtfOverEnvelope = LogRatio(axis.EnvelopeFtfG!.Value, envelope),
            LogBpfiOverBpfo = LogRatio(Math.Max(bpfi, SmallestRatio * envelope), Math.Max(bpfo, SmallestRatio * envelope)),
            LogBsfOverStrongerRace = LogRatio(Math.Max(axis.EnvelopeBsfG!.Value, SmallestRatio * envelope), Math.Max(Math.Max(bpfo, bpfi), SmallestRatio * envelope)),
        };
    }

    private static float LogRatio(double numerator, double denominator) =>
        (float)Math.Log(Math.Max(numerator / denominator, SmallestRatio));

    private static bool Positive(double? value, string name, ref string? missing)
    {
        if (value is > 0 && double.IsFinite(value.Value))
        {
            return true;
        }

        missing = value is null ? name + " (null)" : name + " (not positive)";
        return false;
    }

    private static bool Finite(double? value, string name, ref string? missing)
    {
        if (value is { } present && double.IsFinite(present))
        {
            return true;
        }

        missing = name + " (null)";
        return false;
    }
}

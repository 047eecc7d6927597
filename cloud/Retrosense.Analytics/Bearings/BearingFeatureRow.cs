using Microsoft.ML.Data;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// ML.NET input row: every candidate feature of one window (see <see cref="BearingFeatures"/>) and the label. A model's
/// pipeline concatenates only the features of its chosen set, so one row type serves every candidate set.
/// </summary>
public sealed class BearingFeatureRow
{
    /// <summary>Class name (<see cref="BearingFaultClasses.Name"/>); empty when scoring.</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>Example weight in training: balances classes with unequal window counts (the normal recording is shorter).</summary>
    public float Weight { get; set; } = 1f;

    /// <summary>ln(kurtosis): impulsiveness of the window (3 for Gaussian noise, higher for impacts).</summary>
    public float LogKurtosis { get; set; }

    /// <summary>ln(peak / RMS).</summary>
    public float LogCrestFactor { get; set; }

    /// <summary>ln(peak-to-peak / RMS).</summary>
    public float LogPeakToPeakOverRms { get; set; }

    /// <summary>Skewness (dimensionless).</summary>
    public float Skewness { get; set; }

    /// <summary>ln(envelope RMS / RMS): share of the signal that is amplitude modulation in the resonance band.</summary>
    public float LogEnvelopeOverRms { get; set; }

    /// <summary>ln(envelope at BPFO harmonics / envelope RMS).</summary>
    public float LogBpfoOverEnvelope { get; set; }

    /// <summary>ln(envelope at BPFI harmonics / envelope RMS).</summary>
    public float LogBpfiOverEnvelope { get; set; }

    /// <summary>ln(envelope at BSF harmonics / envelope RMS).</summary>
    public float LogBsfOverEnvelope { get; set; }

    /// <summary>ln(envelope at FTF harmonics / envelope RMS).</summary>
    public float LogFtfOverEnvelope { get; set; }

    /// <summary>ln(envelope at BPFI / envelope at BPFO): which race the impacts come from.</summary>
    public float LogBpfiOverBpfo { get; set; }

    /// <summary>ln(envelope at BSF harmonics / the stronger of BPFO and BPFI): a rolling-element defect against the races.</summary>
    public float LogBsfOverStrongerRace { get; set; }
}

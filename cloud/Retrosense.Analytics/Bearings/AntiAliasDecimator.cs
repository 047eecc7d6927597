using System;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// Lowers a signal's sample rate by an integer factor the way an accelerometer configured for the lower rate would have
/// delivered it: a linear-phase low-pass first (so nothing above the new Nyquist frequency folds back into the band),
/// then every factor-th sample. The filter is a Blackman-windowed sinc (F. J. Harris, "On the use of windows for harmonic
/// analysis with the discrete Fourier transform", Proc. IEEE 66 (1978)): cut-off at 40 % of the new rate (4.8 kHz for
/// 48 → 12 kHz), 40 taps per unit of factor + 1 (161 for 4×), stop band below −70 dB from about 47 % of the new rate.
/// </summary>
public static class AntiAliasDecimator
{
    /// <summary>Filter cut-off as a fraction of the output rate: below the output's Nyquist frequency (0.5) by the transition band.</summary>
    public const double CutoffFractionOfOutputRate = 0.4;

    /// <summary>Filter length per unit of decimation factor (the transition band narrows as the taps grow).</summary>
    public const int TapsPerFactor = 40;

    /// <summary>
    /// The integer factor from <paramref name="inputRateHz"/> to <paramref name="outputRateHz"/>, or a clear error when the
    /// output would need more samples than the input has (up-sampling adds nothing a node would have measured) or the
    /// ratio is not a whole number.
    /// </summary>
    public static int Factor(double inputRateHz, double outputRateHz)
    {
        var ratio = inputRateHz / outputRateHz;
        var factor = (int)Math.Round(ratio);
        if (factor < 1 || Math.Abs(ratio - factor) > 1e-9 * ratio)
        {
            throw new BearingDataException(
                $"a {inputRateHz:0.###} Hz recording cannot be brought to the node rate of {outputRateHz:0.###} Hz: the rate must be a whole multiple of it");
        }

        return factor;
    }

    /// <summary>The signal at 1/<paramref name="factor"/> of its rate; factor 1 returns the input unchanged.</summary>
    public static double[] Decimate(double[] input, int factor)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        if (factor == 1)
        {
            return input;
        }

        var coefficients = LowPass(factor);
        var taps = coefficients.Length;
        if (input.Length < taps)
        {
            return [];
        }

        // Only samples where the filter lies wholly inside the signal: no edge transient from zero padding.
        var output = new double[((input.Length - taps) / factor) + 1];
        for (var n = 0; n < output.Length; n++)
        {
            var start = n * factor;
            var accumulator = 0.0;
            for (var i = 0; i < taps; i++)
            {
                accumulator += coefficients[i] * input[start + i];
            }

            output[n] = accumulator;
        }

        return output;
    }

    // Unit-gain (at 0 Hz) Blackman-windowed sinc with the cut-off at CutoffFractionOfOutputRate / factor cycles per input sample.
    private static double[] LowPass(int factor)
    {
        var taps = (TapsPerFactor * factor) + 1;
        var cutoffCyclesPerSample = CutoffFractionOfOutputRate / factor;
        var coefficients = new double[taps];
        var sum = 0.0;
        for (var i = 0; i < taps; i++)
        {
            var m = i - ((taps - 1) / 2.0);
            var sinc = m == 0 ? 2.0 * cutoffCyclesPerSample : Math.Sin(2.0 * Math.PI * cutoffCyclesPerSample * m) / (Math.PI * m);
            var blackman = 0.42 - (0.5 * Math.Cos(2.0 * Math.PI * i / (taps - 1))) + (0.08 * Math.Cos(4.0 * Math.PI * i / (taps - 1)));
            coefficients[i] = sinc * blackman;
            sum += coefficients[i];
        }

        for (var i = 0; i < taps; i++)
        {
            coefficients[i] /= sum;
        }

        return coefficients;
    }
}

using System;

namespace Retrosense.Node.Host.Simulation;

/// <summary>
/// Band-limited resampling of a looped recording by windowed-sinc interpolation (J. O. Smith, "Digital Audio Resampling
/// Home Page", CCRMA, 2002: the kernel is widened by the rate ratio when decimating, so content above the new Nyquist
/// frequency is filtered out instead of folding back). Hann-windowed kernel of ±16 zero crossings, cutoff at 0.95 × the
/// lower Nyquist frequency; the input is treated as circular so the loop has no edge transient.
/// </summary>
public static class SincResampler
{
    private const int ZeroCrossings = 16;
    private const double CutoffFraction = 0.95;

    /// <summary>The whole recording resampled from <paramref name="inputRateHz"/> to <paramref name="outputRateHz"/>.</summary>
    public static float[] Resample(double[] input, double inputRateHz, double outputRateHz)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Length == 0 || !(inputRateHz > 0) || !(outputRateHz > 0))
        {
            throw new ArgumentException("a non-empty signal and positive rates are needed");
        }

        var outputLength = (int)Math.Max(1, Math.Round(input.Length * outputRateHz / inputRateHz));
        var output = new float[outputLength];
        if (inputRateHz == outputRateHz)
        {
            for (var i = 0; i < input.Length; i++)
            {
                output[i] = (float)input[i];
            }

            return output;
        }

        var cutoff = Math.Min(1.0, outputRateHz / inputRateHz) * CutoffFraction;
        var halfWidth = ZeroCrossings / cutoff;
        var step = inputRateHz / outputRateHz;
        for (var m = 0; m < outputLength; m++)
        {
            var position = m * step;
            var first = (long)Math.Ceiling(position - halfWidth);
            var last = (long)Math.Floor(position + halfWidth);
            var sum = 0.0;
            for (var k = first; k <= last; k++)
            {
                var offset = position - k;
                var window = 0.5 + (0.5 * Math.Cos(Math.PI * offset / halfWidth));
                var index = (int)(((k % input.Length) + input.Length) % input.Length);
                sum += input[index] * cutoff * Sinc(cutoff * offset) * window;
            }

            output[m] = (float)sum;
        }

        return output;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
}

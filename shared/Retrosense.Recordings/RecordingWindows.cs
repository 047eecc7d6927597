using System;
using Retrosense.Node.Dsp;

namespace Retrosense.Recordings;

/// <summary>
/// Cuts a recorded single-axis acceleration signal (in g) into consecutive, non-overlapping windows and hands each to the
/// node's DSP as the node's own ADC would: 16-bit counts on the X axis (Y and Z zero) with one scale for the whole recording.
/// A tail shorter than a window is dropped, as the node only processes complete windows.
/// </summary>
public sealed class RecordingWindows
{
    /// <summary>
    /// Largest count the scaled signal reaches. Slightly under the int16 limit of 32767 so rounding can never overflow and the
    /// quantisation step stays as fine as the format allows (full scale / 32000 ≈ 15 bits of resolution).
    /// </summary>
    public const int FullScaleCounts = 32000;

    private readonly double[] _signalG;

    /// <param name="signalG">Acceleration samples in g.</param>
    /// <param name="sampleRateHz">Rate the samples were taken at, in Hz (positive).</param>
    /// <param name="windowSamples">Samples per window (positive).</param>
    public RecordingWindows(double[] signalG, float sampleRateHz, int windowSamples)
    {
        ArgumentNullException.ThrowIfNull(signalG);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSamples);
        if (!(sampleRateHz > 0f) || !float.IsFinite(sampleRateHz))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), sampleRateHz, "sample rate must be a positive number of Hz");
        }

        _signalG = signalG;
        SampleRateHz = sampleRateHz;
        WindowSamples = windowSamples;
        GPerCount = ChooseGPerCount(signalG);
    }

    public float SampleRateHz { get; }

    public int WindowSamples { get; }

    /// <summary>Scale of one count in g, chosen once for the whole recording so its largest |sample| maps to <see cref="FullScaleCounts"/>.</summary>
    public float GPerCount { get; }

    /// <summary>Number of complete windows in the recording.</summary>
    public int Count => _signalG.Length / WindowSamples;

    /// <summary>Time of the first sample of window <paramref name="index"/> from the start of the recording, in seconds.</summary>
    public double StartSeconds(int index) => (double)index * WindowSamples / SampleRateHz;

    /// <summary>
    /// The scale for a signal: max |g| / <see cref="FullScaleCounts"/>. An all-zero signal gets the scale of a ±1 g full
    /// range so the window is still valid (all counts 0).
    /// </summary>
    public static float ChooseGPerCount(double[] signalG)
    {
        ArgumentNullException.ThrowIfNull(signalG);
        var maxAbsG = 0.0;
        foreach (var sample in signalG)
        {
            if (!double.IsFinite(sample))
            {
                throw new ArgumentException("the signal holds a NaN or infinite sample", nameof(signalG));
            }

            maxAbsG = Math.Max(maxAbsG, Math.Abs(sample));
        }

        return (float)((maxAbsG > 0.0 ? maxAbsG : 1.0) / FullScaleCounts);
    }

    /// <summary>Fills <paramref name="window"/> with window <paramref name="index"/>: X = counts, Y = Z = 0, Count, GPerCount, SampleRateHz.</summary>
    public void Fill(int index, AccelerationWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        if (window.Capacity < WindowSamples)
        {
            throw new ArgumentException($"window holds {window.Capacity} samples, {WindowSamples} needed", nameof(window));
        }

        double gPerCount = GPerCount;
        var start = index * WindowSamples;
        for (var i = 0; i < WindowSamples; i++)
        {
            var counts = Math.Round(_signalG[start + i] / gPerCount, MidpointRounding.AwayFromZero);
            window.X[i] = (short)Math.Clamp(counts, short.MinValue + 1, short.MaxValue);
            window.Y[i] = 0;
            window.Z[i] = 0;
        }

        window.Count = WindowSamples;
        window.GPerCount = GPerCount;
        window.SampleRateHz = SampleRateHz;
    }
}

using System;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Core.Tests.Runtime;

/// <summary>
/// An accelerometer whose FIFO the test fills: <see cref="Produce"/> makes samples of a sine (X, with smaller copies on
/// Y and Z) plus seeded noise available, as the chip would after that much time.
/// </summary>
public sealed class ScriptedAccelerometer : IAccelerometer
{
    private const float FullScaleG = 16f;
    private readonly Random _noise = new(7);
    private int _available;
    private long _sampleIndex;

    public float GPerCount => FullScaleG / 32768f;

    public float SampleRateHz { get; private set; }

    public int StartCount { get; private set; }

    /// <summary>Peak acceleration of the X-axis sine, in g.</summary>
    public float AmplitudeG { get; set; } = 0.03f;

    public float FrequencyHz { get; set; } = 50f;

    public float NoiseG { get; set; } = 0.002f;

    public float Start(float sampleRateHz)
    {
        SampleRateHz = sampleRateHz;
        StartCount++;
        return sampleRateHz;
    }

    public void Stop()
    {
    }

    public void Produce(int samples) => _available += samples;

    public int ReadAvailable(short[] x, short[] y, short[] z, int offset, int maxCount)
    {
        var count = Math.Min(_available, maxCount);
        for (var i = 0; i < count; i++)
        {
            var t = _sampleIndex++ / SampleRateHz;
            var sine = AmplitudeG * MathF.Sin(2f * MathF.PI * FrequencyHz * t);
            x[offset + i] = ToCounts(sine + Noise());
            y[offset + i] = ToCounts((0.5f * sine) + Noise());
            z[offset + i] = ToCounts(1f + (0.2f * sine) + Noise());
        }

        _available -= count;
        return count;
    }

    private float Noise() => NoiseG * (float)((_noise.NextDouble() * 2.0) - 1.0);

    private short ToCounts(float g) => (short)Math.Clamp(MathF.Round(g / GPerCount), short.MinValue, short.MaxValue);
}

using System;
using Retrosense.Node.Configuration;
using Retrosense.Node.Dsp;

namespace Retrosense.Node.Core.Tests.Dsp;

/// <summary>Synthetic acceleration signals in g, and their quantisation into accelerometer windows, for the DSP tests.</summary>
internal static class TestSignals
{
    /// <summary>Standard gravity, m/s² per g (3rd CGPM 1901).</summary>
    public const double StandardGravity = 9.80665;

    /// <summary>Counts a full-scale sample is quantised to, leaving headroom below short.MaxValue.</summary>
    private const double FullScaleCounts = 32000.0;

    public static double[] Sine(int count, double sampleRateHz, double frequencyHz, double amplitudeG, double phaseRadians = 0.0)
    {
        var samples = new double[count];
        AddSine(samples, sampleRateHz, frequencyHz, amplitudeG, phaseRadians);
        return samples;
    }

    public static void AddSine(double[] samples, double sampleRateHz, double frequencyHz, double amplitudeG, double phaseRadians = 0.0)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] += amplitudeG * Math.Sin((2.0 * Math.PI * frequencyHz * i / sampleRateHz) + phaseRadians);
        }
    }

    /// <summary>Adds zero-mean Gaussian noise by the Box–Muller transform from a seeded generator, so runs repeat exactly.</summary>
    public static void AddGaussianNoise(double[] samples, double standardDeviationG, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < samples.Length; i += 2)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var radius = Math.Sqrt(-2.0 * Math.Log(u1)) * standardDeviationG;
            samples[i] += radius * Math.Cos(2.0 * Math.PI * u2);
            if (i + 1 < samples.Length)
            {
                samples[i + 1] += radius * Math.Sin(2.0 * Math.PI * u2);
            }
        }
    }

    /// <summary>
    /// Adds a structural resonance struck by an impulse every 1/<paramref name="repeatHz"/> s: each strike rings as a
    /// decaying sine e^(−ζωt)·sin(ωt), the classic model of a localised bearing defect (Randall &amp; Antoni 2011, §2).
    /// <paramref name="modulationHz"/> &gt; 0 scales each strike by 1 + depth·cos(2π·fm·t), as an inner-race defect passing
    /// through the load zone once per shaft turn.
    /// </summary>
    public static void AddRingingImpulses(
        double[] samples, double sampleRateHz, double repeatHz, double resonanceHz, double dampingRatio, double amplitudeG,
        double modulationHz = 0.0, double modulationDepth = 0.0)
    {
        var omega = 2.0 * Math.PI * resonanceHz;
        var decayPerSecond = dampingRatio * omega;
        var duration = samples.Length / sampleRateHz;
        for (var strike = 0; strike * (1.0 / repeatHz) < duration; strike++)
        {
            var strikeTime = strike / repeatHz;
            var gain = modulationHz > 0.0 ? 1.0 + (modulationDepth * Math.Cos(2.0 * Math.PI * modulationHz * strikeTime)) : 1.0;
            var first = (int)Math.Ceiling(strikeTime * sampleRateHz);
            for (var i = first; i < samples.Length; i++)
            {
                var t = (i / sampleRateHz) - strikeTime;
                var decay = Math.Exp(-decayPerSecond * t);
                if (decay < 1e-4)
                {
                    break;
                }

                samples[i] += amplitudeG * gain * decay * Math.Sin(omega * t);
            }
        }
    }

    /// <summary>Counts-per-g scale that puts the largest |sample| of all axes at 32,000 counts.</summary>
    public static float GPerCountFor(params double[][] axes)
    {
        var maxAbs = 0.0;
        foreach (var axis in axes)
        {
            foreach (var value in axis)
            {
                maxAbs = Math.Max(maxAbs, Math.Abs(value));
            }
        }

        return (float)(maxAbs > 0.0 ? maxAbs / FullScaleCounts : 1.0 / FullScaleCounts);
    }

    /// <summary>Quantises three axes in g into a full window of counts, as the accelerometer would deliver them.</summary>
    public static AccelerationWindow ToWindow(double[] xG, double[] yG, double[] zG, float sampleRateHz)
    {
        var window = new AccelerationWindow(xG.Length);
        var gPerCount = GPerCountFor(xG, yG, zG);
        Quantise(xG, gPerCount, window.X);
        Quantise(yG, gPerCount, window.Y);
        Quantise(zG, gPerCount, window.Z);
        window.Count = xG.Length;
        window.GPerCount = gPerCount;
        window.SampleRateHz = sampleRateHz;
        return window;
    }

    /// <summary>The same signal on all three axes.</summary>
    public static AccelerationWindow ToWindow(double[] samplesG, float sampleRateHz)
    {
        return ToWindow(samplesG, samplesG, samplesG, sampleRateHz);
    }

    /// <summary>A node configuration for a window of <paramref name="windowSamples"/> at <paramref name="sampleRateHz"/>.</summary>
    public static NodeConfig Config(int windowSamples = 4096, float sampleRateHz = 3200f)
    {
        var config = NodeConfig.CreateDefault();
        config.WindowSamples = windowSamples;
        config.SampleRateHz = sampleRateHz;
        return config;
    }

    /// <summary>SKF 6205-2RS JEM, the drive-end bearing of the CWRU rig: 9 balls, d = 7.94 mm, D = 39.04 mm, θ = 0.</summary>
    public static BearingGeometry Skf6205()
    {
        return new BearingGeometry(9, 7.94f, 39.04f, 0f);
    }

    public static VibrationFeatures Compute(NodeConfig config, AccelerationWindow window)
    {
        var extractor = new VibrationFeatureExtractor(config);
        var features = new VibrationFeatures(config.Bands.Length);
        extractor.Compute(window, features);
        return features;
    }

    private static void Quantise(double[] samplesG, float gPerCount, short[] counts)
    {
        for (var i = 0; i < samplesG.Length; i++)
        {
            counts[i] = (short)Math.Round(samplesG[i] / gPerCount);
        }
    }
}

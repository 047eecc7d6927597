using System;
using BenchmarkDotNet.Attributes;
using Retrosense.Node.Configuration;
using Retrosense.Node.Dsp;

namespace Retrosense.Benchmarks.Dsp;

/// <summary>
/// Cost of the node's per-window feature extraction on one 3-axis, 4096-sample window at 3200 Hz (an ADXL345 at its top
/// rate, 1.28 s of signal), with realistic content: running speed and harmonics, broadband noise and bearing impulses
/// ringing a 1 kHz resonance. Divide the mean by 3 × 4096 for the cost per sample.
/// </summary>
[MemoryDiagnoser]
public class WindowFeaturesBenchmark
{
    private const int WindowSamples = 4096;
    private const float SampleRateHz = 3200f;
    private const float ShaftRpm = 1500f;

    private VibrationFeatureExtractor _extractor = null!;
    private AccelerationWindow _window = null!;
    private VibrationFeatures _features = null!;

    [GlobalSetup]
    public void Setup()
    {
        var config = NodeConfig.CreateDefault();
        config.WindowSamples = WindowSamples;
        config.SampleRateHz = SampleRateHz;
        config.ShaftSpeedRpm = ShaftRpm;
        config.Bearing = new BearingGeometry(9, 7.94f, 39.04f, 0f);
        config.Bands = new[] { new FrequencyBand("1x", 20f, 30f), new FrequencyBand("2x", 45f, 55f), new FrequencyBand("hf", 500f, 1400f) };

        _extractor = new VibrationFeatureExtractor(config);
        _features = new VibrationFeatures(config.Bands.Length);
        _window = new AccelerationWindow(WindowSamples) { Count = WindowSamples, SampleRateHz = SampleRateHz, GPerCount = 0.0039f };

        // 3.9 mg per count: the ADXL345 full-resolution scale factor (Analog Devices ADXL345 datasheet, Table 1).
        var random = new Random(42);
        var shaftHz = ShaftRpm / 60.0;
        for (var axis = 0; axis < 3; axis++)
        {
            var counts = _window.Axis(axis);
            var gain = 1.0 - (0.25 * axis);
            for (var i = 0; i < WindowSamples; i++)
            {
                var t = i / (double)SampleRateHz;
                var g = gain * ((0.3 * Math.Sin(2.0 * Math.PI * shaftHz * t)) + (0.1 * Math.Sin(4.0 * Math.PI * shaftHz * t) + 0.4));
                g += 0.02 * Gaussian(random);

                // Outer-race impulses at BPFO (3.5848 × shaft speed) ringing a 1 kHz resonance with 3 % damping.
                var sinceStrike = t % (1.0 / (3.5848 * shaftHz));
                g += gain * 0.5 * Math.Exp(-0.03 * 2.0 * Math.PI * 1000.0 * sinceStrike) * Math.Sin(2.0 * Math.PI * 1000.0 * sinceStrike);
                counts[i] = (short)Math.Round(g / _window.GPerCount);
            }
        }

        // Axis Z also carries 1 g of gravity.
        for (var i = 0; i < WindowSamples; i++)
        {
            _window.Z[i] += (short)Math.Round(1.0 / _window.GPerCount);
        }
    }

    [Benchmark]
    public float ComputeWindowFeatures()
    {
        _extractor.Compute(_window, _features);
        return _features.X.EnvelopeBpfoG;
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

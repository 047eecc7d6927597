using System;
using Retrosense.Node.Configuration;

namespace Retrosense.Node.Core.Tests.Dsp;

public class SpectralFeatureTests
{
    private const float SampleRateHz = 3200f;
    private const int WindowSamples = 4096;

    [Theory]
    [InlineData(20.0)]
    [InlineData(20.3)]
    [InlineData(35.0)]
    [InlineData(50.0)]
    [InlineData(100.0)]
    [InlineData(123.4)]
    [InlineData(250.0)]
    [InlineData(500.0)]
    [InlineData(750.0)]
    [InlineData(777.7)]
    [InlineData(900.0)]
    public void Velocity_Rms_Of_A_Sine_Matches_Peak_Acceleration_Over_Two_Pi_F_Root_Two(double frequencyHz)
    {
        // 4.5 mm/s RMS (the ISO 10816-3 group 2 rigid C/D boundary) at every frequency: a = v·√2·2πf.
        const double velocityRmsMmPerSecond = 4.5;
        var peakAccelerationMetresPerSecondSquared = velocityRmsMmPerSecond / 1000.0 * Math.Sqrt(2.0) * 2.0 * Math.PI * frequencyHz;
        var amplitudeG = peakAccelerationMetresPerSecondSquared / TestSignals.StandardGravity;
        var window = TestSignals.ToWindow(TestSignals.Sine(WindowSamples, SampleRateHz, frequencyHz, amplitudeG, 0.7), SampleRateHz);

        var features = TestSignals.Compute(TestSignals.Config(), window);

        var expected = peakAccelerationMetresPerSecondSquared / (2.0 * Math.PI * frequencyHz * Math.Sqrt(2.0)) * 1000.0;
        var measured = features.X.VelocityRmsMmPerSecond;
        Assert.True(Math.Abs(measured - expected) < 0.02 * expected, $"{frequencyHz} Hz: velocity {measured:F4} mm/s, expected {expected:F4}");
        Assert.Equal(measured, features.MaxVelocityRmsMmPerSecond);
    }

    [Fact]
    public void A_Tone_Below_The_Velocity_Band_Is_Excluded()
    {
        // 0.05 g at 5 Hz alone would read 11.0 mm/s; 0.05 g at 100 Hz reads 0.552 mm/s.
        var signal = TestSignals.Sine(WindowSamples, SampleRateHz, 5.0, 0.05);
        TestSignals.AddSine(signal, SampleRateHz, 100.0, 0.05);
        var config = TestSignals.Config();
        config.VelocityBandLowHz = 10f;
        config.VelocityBandHighHz = 1000f;

        var velocity = TestSignals.Compute(config, TestSignals.ToWindow(signal, SampleRateHz)).X.VelocityRmsMmPerSecond;

        var expected = 0.05 * TestSignals.StandardGravity / (2.0 * Math.PI * 100.0 * Math.Sqrt(2.0)) * 1000.0;
        Assert.True(Math.Abs(velocity - expected) < 0.02 * expected, $"velocity {velocity:F4} mm/s, expected {expected:F4}");
    }

    [Fact]
    public void A_Tone_Above_The_Velocity_Band_Is_Excluded()
    {
        var signal = TestSignals.Sine(WindowSamples, SampleRateHz, 1300.0, 1.0);
        TestSignals.AddSine(signal, SampleRateHz, 100.0, 0.01);

        var velocity = TestSignals.Compute(TestSignals.Config(), TestSignals.ToWindow(signal, SampleRateHz)).X.VelocityRmsMmPerSecond;

        var expected = 0.01 * TestSignals.StandardGravity / (2.0 * Math.PI * 100.0 * Math.Sqrt(2.0)) * 1000.0;
        Assert.True(Math.Abs(velocity - expected) < 0.02 * expected, $"velocity {velocity:F4} mm/s, expected {expected:F4}");
    }

    [Fact]
    public void Each_Band_Sees_The_Rms_Of_Its_Own_Tone()
    {
        var signal = TestSignals.Sine(WindowSamples, SampleRateHz, 60.3, 0.4);
        TestSignals.AddSine(signal, SampleRateHz, 812.7, 0.15, 1.1);
        var config = TestSignals.Config();
        config.Bands = new[] { new FrequencyBand("low", 10f, 200f), new FrequencyBand("high", 500f, 1000f), new FrequencyBand("empty", 300f, 400f) };

        var x = TestSignals.Compute(config, TestSignals.ToWindow(signal, SampleRateHz)).X;

        Assert.True(Math.Abs(x.BandRmsG[0] - (0.4 / Math.Sqrt(2.0))) < 0.02 * 0.4 / Math.Sqrt(2.0), $"low band {x.BandRmsG[0]}");
        Assert.True(Math.Abs(x.BandRmsG[1] - (0.15 / Math.Sqrt(2.0))) < 0.02 * 0.15 / Math.Sqrt(2.0), $"high band {x.BandRmsG[1]}");
        Assert.True(x.BandRmsG[2] < 0.01 * 0.15, $"empty band {x.BandRmsG[2]}");
    }

    [Fact]
    public void Dominant_Frequency_Is_The_Strongest_Tone_Interpolated_Between_Bins()
    {
        // 123.4 Hz lies 0.95 of a 0.78125 Hz bin past bin 157; a weaker 300 Hz tone and noise must not move it.
        var signal = TestSignals.Sine(WindowSamples, SampleRateHz, 123.4, 0.5);
        TestSignals.AddSine(signal, SampleRateHz, 300.0, 0.2);
        TestSignals.AddGaussianNoise(signal, 0.02, seed: 5);

        var dominant = TestSignals.Compute(TestSignals.Config(), TestSignals.ToWindow(signal, SampleRateHz)).X.DominantFrequencyHz;

        Assert.True(Math.Abs(dominant - 123.4) < 0.05, $"dominant {dominant} Hz");
    }

    [Fact]
    public void Dominant_Frequency_Ignores_Tones_Below_The_Velocity_Band()
    {
        var signal = TestSignals.Sine(WindowSamples, SampleRateHz, 4.0, 1.0);
        TestSignals.AddSine(signal, SampleRateHz, 49.6, 0.05);

        var dominant = TestSignals.Compute(TestSignals.Config(), TestSignals.ToWindow(signal, SampleRateHz)).X.DominantFrequencyHz;

        Assert.True(Math.Abs(dominant - 49.6) < 0.1, $"dominant {dominant} Hz");
    }
}

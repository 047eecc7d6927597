using System;
using Retrosense.Node.Dsp;

namespace Retrosense.Node.Core.Tests.Dsp;

public class EnvelopeFeatureTests
{
    private const float SampleRateHz = 3200f;
    private const int WindowSamples = 4096;
    private const float ShaftRpm = 1500f;

    private readonly ITestOutputHelper _output;

    public EnvelopeFeatureTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static float ShaftHz => ShaftRpm / 60f;

    [Fact]
    public void Amplitude_Modulation_At_Bpfo_Shows_As_Envelope_Rms_And_Bpfo_Line_Of_Modulation_Over_Root_Two()
    {
        // x = A·(1 + m·cos 2π·BPFO·t)·cos 2π·1000·t: envelope A(1 + m·cos …), so with the mean removed its RMS is A·m/√2,
        // all of it on the first BPFO line.
        const double carrierG = 0.5;
        const double depth = 0.4;
        var bpfoHz = BearingDefectFrequencies.BallPassOuterRaceHz(TestSignals.Skf6205(), ShaftHz);
        var signal = new double[WindowSamples];
        for (var i = 0; i < signal.Length; i++)
        {
            var t = i / (double)SampleRateHz;
            signal[i] = carrierG * (1.0 + (depth * Math.Cos(2.0 * Math.PI * bpfoHz * t))) * Math.Cos(2.0 * Math.PI * 1000.0 * t);
        }

        var x = TestSignals.Compute(BearingConfig(), TestSignals.ToWindow(signal, SampleRateHz)).X;

        var expected = carrierG * depth / Math.Sqrt(2.0);
        _output.WriteLine($"BPFO {bpfoHz:F2} Hz: envelope RMS {x.EnvelopeRmsG:F4} g, BPFO {x.EnvelopeBpfoG:F4} g, expected {expected:F4} g; BPFI {x.EnvelopeBpfiG:F5}, BSF {x.EnvelopeBsfG:F5}, FTF {x.EnvelopeFtfG:F5}");
        Assert.True(Math.Abs(x.EnvelopeRmsG - expected) < 0.03 * expected, $"envelope RMS {x.EnvelopeRmsG}");
        Assert.True(Math.Abs(x.EnvelopeBpfoG - expected) < 0.03 * expected, $"BPFO {x.EnvelopeBpfoG}");
        Assert.True(x.EnvelopeBpfiG < 0.02 * expected, $"BPFI {x.EnvelopeBpfiG}");
        Assert.True(x.EnvelopeBsfG < 0.02 * expected, $"BSF {x.EnvelopeBsfG}");
        Assert.True(x.EnvelopeFtfG < 0.02 * expected, $"FTF {x.EnvelopeFtfG}");
    }

    [Fact]
    public void Outer_Race_Fault_Puts_Its_Envelope_Energy_In_The_Bpfo_Band()
    {
        var bpfoHz = BearingDefectFrequencies.BallPassOuterRaceHz(TestSignals.Skf6205(), ShaftHz);
        var signal = Machine(seed: 1);
        TestSignals.AddRingingImpulses(signal, SampleRateHz, bpfoHz, 1000.0, 0.03, 0.5);

        var x = TestSignals.Compute(BearingConfig(), TestSignals.ToWindow(signal, SampleRateHz)).X;

        Report("outer race", x);
        Assert.True(x.EnvelopeBpfoG > 2.0 * x.EnvelopeBpfiG, "BPFO over BPFI");
        Assert.True(x.EnvelopeBpfoG > 2.0 * x.EnvelopeBsfG, "BPFO over BSF");
        Assert.True(x.EnvelopeBpfoG > 4.0 * x.EnvelopeFtfG, "BPFO over FTF");
    }

    [Fact]
    public void Inner_Race_Fault_Modulated_By_Shaft_Rotation_Puts_Its_Envelope_Energy_In_The_Bpfi_Band()
    {
        var bpfiHz = BearingDefectFrequencies.BallPassInnerRaceHz(TestSignals.Skf6205(), ShaftHz);
        var signal = Machine(seed: 2);
        TestSignals.AddRingingImpulses(signal, SampleRateHz, bpfiHz, 1000.0, 0.03, 0.5, modulationHz: ShaftHz, modulationDepth: 0.5);

        var x = TestSignals.Compute(BearingConfig(), TestSignals.ToWindow(signal, SampleRateHz)).X;

        Report("inner race", x);
        Assert.True(x.EnvelopeBpfiG > 2.0 * x.EnvelopeBpfoG, "BPFI over BPFO");
        Assert.True(x.EnvelopeBpfiG > 2.0 * x.EnvelopeBsfG, "BPFI over BSF");
        Assert.True(x.EnvelopeBpfiG > 4.0 * x.EnvelopeFtfG, "BPFI over FTF");
    }

    [Fact]
    public void Healthy_Machine_Has_Little_Envelope_Energy_At_Any_Defect_Frequency()
    {
        var healthy = TestSignals.Compute(BearingConfig(), TestSignals.ToWindow(Machine(seed: 3), SampleRateHz)).X;
        var faulty = Machine(seed: 3);
        TestSignals.AddRingingImpulses(faulty, SampleRateHz, BearingDefectFrequencies.BallPassOuterRaceHz(TestSignals.Skf6205(), ShaftHz), 1000.0, 0.03, 0.5);
        var outer = TestSignals.Compute(BearingConfig(), TestSignals.ToWindow(faulty, SampleRateHz)).X;

        Report("healthy", healthy);
        Assert.True(outer.EnvelopeBpfoG > 5.0 * healthy.EnvelopeBpfoG, "fault BPFO over healthy BPFO");
        Assert.True(outer.EnvelopeRmsG > 2.0 * healthy.EnvelopeRmsG, "fault envelope RMS over healthy");
    }

    [Fact]
    public void Envelope_Defect_Features_Are_Zero_Without_Bearing_Geometry()
    {
        var signal = Machine(seed: 4);
        TestSignals.AddRingingImpulses(signal, SampleRateHz, 90.0, 1000.0, 0.03, 0.5);
        var config = TestSignals.Config(WindowSamples, SampleRateHz);

        var x = TestSignals.Compute(config, TestSignals.ToWindow(signal, SampleRateHz)).X;

        Assert.True(x.EnvelopeRmsG > 0f);
        Assert.Equal(0f, x.EnvelopeBpfoG);
        Assert.Equal(0f, x.EnvelopeBpfiG);
        Assert.Equal(0f, x.EnvelopeBsfG);
        Assert.Equal(0f, x.EnvelopeFtfG);
    }

    // Running-speed unbalance, its second harmonic, and broadband noise: what a healthy motor shows.
    private static double[] Machine(int seed)
    {
        var signal = TestSignals.Sine(WindowSamples, SampleRateHz, ShaftHz, 0.3);
        TestSignals.AddSine(signal, SampleRateHz, 2.0 * ShaftHz, 0.1, 0.4);
        TestSignals.AddGaussianNoise(signal, 0.02, seed);
        return signal;
    }

    private static Retrosense.Node.Configuration.NodeConfig BearingConfig()
    {
        var config = TestSignals.Config(WindowSamples, SampleRateHz);
        config.ShaftSpeedRpm = ShaftRpm;
        config.Bearing = TestSignals.Skf6205();
        return config;
    }

    private void Report(string label, AxisFeatures x)
    {
        _output.WriteLine($"{label}: envelope RMS {x.EnvelopeRmsG:F4} g, BPFO {x.EnvelopeBpfoG:F4}, BPFI {x.EnvelopeBpfiG:F4}, BSF {x.EnvelopeBsfG:F4}, FTF {x.EnvelopeFtfG:F4} g; kurtosis {x.Kurtosis:F2}");
    }
}

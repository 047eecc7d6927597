using System;
using Retrosense.Node.Configuration;
using Retrosense.Node.Dsp;
using Retrosense.Node.Host.Simulation;
using Retrosense.Testing;

namespace Retrosense.Node.Host.Tests.Simulation;

public sealed class RecordedSignalSourceTests
{
    [Fact]
    public void Replay_At_The_Recording_Rate_Gives_The_Recording_And_Loops()
    {
        var recording = new[] { 0.1, -0.2, 0.3, -0.4, 0.5 };
        var source = new RecordedSignalSource(recording, 1000, "test");
        var x = new float[12];
        var y = new float[12];
        var z = new float[12];

        source.Fill(0.003, 1000, x, y, z);

        Assert.Equal([-0.4f, 0.5f, 0.1f, -0.2f, 0.3f, -0.4f, 0.5f, 0.1f, -0.2f, 0.3f, -0.4f, 0.5f], x);
        Assert.All(y, value => Assert.Equal(0f, value));
        Assert.All(z, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Decimating_Keeps_A_Tone_Below_The_New_Nyquist_And_Removes_One_Above_It()
    {
        // 12 kHz → 3.2 kHz: 100 Hz passes; 2,500 Hz lies above the new 1.6 kHz Nyquist and must not fold to 700 Hz.
        const double inputRateHz = 12000;
        const double outputRateHz = 3200;
        var pass = Tone(100, inputRateHz, 12000);
        var stop = Tone(2500, inputRateHz, 12000);

        var passed = SincResampler.Resample(pass, inputRateHz, outputRateHz);
        var stopped = SincResampler.Resample(stop, inputRateHz, outputRateHz);

        Assert.Equal(Math.Sqrt(0.5), Rms(passed), 2);
        Assert.True(Rms(stopped) < 0.01 * Math.Sqrt(0.5), $"2.5 kHz tone left {Rms(stopped)} g RMS after decimation (−40 dB is {0.01 * Math.Sqrt(0.5)})");
    }

    [Theory]
    [InlineData("bearing/OR021@6_0.mat", true)]
    [InlineData("bearing/IR021_0.mat", false)]
    public void Replayed_Cwru_Faults_Reach_The_Node_Features_Through_The_Simulated_Accelerometer(string file, bool outerRace)
    {
        var path = RepositoryPaths.RequireDataFile(file);
        var source = RecordedSignalSource.Load(path, RecordedSignalSource.CwruDriveEndRateHz);
        var clock = SimulatedClock.Manual(DateTimeOffset.UnixEpoch);
        var accelerometer = new SimulatedAccelerometer(source, clock, gPerCount: 0.001f);
        var config = NodeConfig.CreateDefault();
        config.SampleRateHz = 12000;
        config.WindowSamples = 16384;
        config.ShaftSpeedRpm = 1796;
        config.Bearing = new BearingGeometry(9, 7.94f, 39.04f, 0f);

        // CWRU's bearing resonances lie at 2–5 kHz (firmware/Retrosense.Node.Core/Dsp/README.md).
        config.EnvelopeBandLowHz = 1500;
        config.EnvelopeBandHighHz = 4000;
        var window = new AccelerationWindow(config.WindowSamples) { GPerCount = accelerometer.GPerCount, SampleRateHz = config.SampleRateHz };

        accelerometer.Start(config.SampleRateHz);
        clock.Advance(TimeSpan.FromSeconds(2));
        window.Count = accelerometer.ReadAvailable(window.X, window.Y, window.Z, 0, window.Capacity);
        var features = new VibrationFeatures(0);
        new VibrationFeatureExtractor(config).Compute(window, features);

        Assert.Equal(config.WindowSamples, window.Count);
        Assert.EndsWith("_DE_time", source.Name, StringComparison.Ordinal);
        if (outerRace)
        {
            Assert.True(features.X.EnvelopeBpfoG > 2 * features.X.EnvelopeBpfiG, $"BPFO {features.X.EnvelopeBpfoG} g vs BPFI {features.X.EnvelopeBpfiG} g");
        }
        else
        {
            Assert.True(features.X.EnvelopeBpfiG > 2 * features.X.EnvelopeBpfoG, $"BPFI {features.X.EnvelopeBpfiG} g vs BPFO {features.X.EnvelopeBpfoG} g");
        }
    }

    private static double[] Tone(double frequencyHz, double rateHz, int count)
    {
        var signal = new double[count];
        for (var i = 0; i < count; i++)
        {
            signal[i] = Math.Sin(2 * Math.PI * frequencyHz * i / rateHz);
        }

        return signal;
    }

    private static double Rms(float[] signal)
    {
        var sum = 0.0;
        foreach (var value in signal)
        {
            sum += value * value;
        }

        return Math.Sqrt(sum / signal.Length);
    }
}

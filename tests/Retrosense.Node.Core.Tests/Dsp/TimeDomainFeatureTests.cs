using System;

namespace Retrosense.Node.Core.Tests.Dsp;

public class TimeDomainFeatureTests
{
    [Fact]
    public void Pure_Sine_Has_Rms_Of_Amplitude_Over_Root_Two_Crest_Factor_Root_Two_And_Kurtosis_One_And_A_Half()
    {
        // 50 Hz at 3200 Hz: 64 samples a period, 64 whole periods in the window, so the sample peak is the true peak.
        const double amplitudeG = 0.8;
        var window = TestSignals.ToWindow(TestSignals.Sine(4096, 3200.0, 50.0, amplitudeG, 0.3), 3200f);
        var features = TestSignals.Compute(TestSignals.Config(), window);

        for (var axis = 0; axis < 3; axis++)
        {
            var x = features.Axis(axis);
            Assert.True(Math.Abs(x.RmsG - (amplitudeG / Math.Sqrt(2.0))) < 0.01 * amplitudeG / Math.Sqrt(2.0), $"RMS {x.RmsG}");
            Assert.True(Math.Abs(x.CrestFactor - Math.Sqrt(2.0)) < 0.01 * Math.Sqrt(2.0), $"crest factor {x.CrestFactor}");
            Assert.True(Math.Abs(x.Kurtosis - 1.5) < 0.015, $"kurtosis {x.Kurtosis}");
            Assert.True(Math.Abs(x.Skewness) < 0.01, $"skewness {x.Skewness}");
            Assert.True(Math.Abs(x.PeakG - amplitudeG) < 0.01 * amplitudeG, $"peak {x.PeakG}");
            Assert.True(Math.Abs(x.PeakToPeakG - (2.0 * amplitudeG)) < 0.01 * amplitudeG, $"peak to peak {x.PeakToPeakG}");
        }
    }

    [Fact]
    public void Gaussian_Noise_Has_Kurtosis_Three_And_No_Skew_Over_A_Long_Window()
    {
        const int samples = 65536;
        const double sigmaG = 0.25;
        var noise = new double[samples];
        TestSignals.AddGaussianNoise(noise, sigmaG, seed: 20261127);
        var window = TestSignals.ToWindow(noise, 3200f);

        var x = TestSignals.Compute(TestSignals.Config(samples), window).X;

        Assert.True(Math.Abs(x.Kurtosis - 3.0) < 0.1, $"kurtosis {x.Kurtosis}");
        Assert.True(Math.Abs(x.Skewness) < 0.05, $"skewness {x.Skewness}");
        Assert.True(Math.Abs(x.RmsG - sigmaG) < 0.02 * sigmaG, $"RMS {x.RmsG}");
    }

    [Fact]
    public void Gravity_Offset_Is_Removed_Before_Any_Feature()
    {
        var signal = TestSignals.Sine(4096, 3200.0, 50.0, 0.2);
        for (var i = 0; i < signal.Length; i++)
        {
            signal[i] += 1.0;
        }

        var x = TestSignals.Compute(TestSignals.Config(), TestSignals.ToWindow(signal, 3200f)).X;

        Assert.True(Math.Abs(x.RmsG - (0.2 / Math.Sqrt(2.0))) < 0.002, $"RMS {x.RmsG}");
        Assert.True(Math.Abs(x.PeakG - 0.2) < 0.002, $"peak {x.PeakG}");
    }

    [Fact]
    public void Sparse_Impulses_Raise_Kurtosis_And_Crest_Factor_Far_Above_A_Sine()
    {
        var signal = TestSignals.Sine(4096, 3200.0, 50.0, 0.1);
        TestSignals.AddRingingImpulses(signal, 3200.0, 7.0, 1000.0, 0.05, 1.0);

        var x = TestSignals.Compute(TestSignals.Config(), TestSignals.ToWindow(signal, 3200f)).X;

        Assert.True(x.Kurtosis > 10.0, $"kurtosis {x.Kurtosis}");
        Assert.True(x.CrestFactor > 5.0, $"crest factor {x.CrestFactor}");
    }
}

using System;
using Retrosense.Node.Dsp;

namespace Retrosense.Node.Core.Tests.Dsp;

public class ExtractorResourceTests
{
    private const int MemoryBudgetBytes = 48 * 1024;

    private readonly ITestOutputHelper _output;

    public ExtractorResourceTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Computing_A_Three_Axis_4096_Sample_Window_Allocates_Nothing_After_Warm_Up()
    {
        var config = TestSignals.Config();
        config.Bearing = TestSignals.Skf6205();
        config.Bands = new[] { new Retrosense.Node.Configuration.FrequencyBand("1x", 20f, 30f), new Retrosense.Node.Configuration.FrequencyBand("hf", 500f, 1400f) };
        var x = TestSignals.Sine(4096, 3200.0, 25.0, 0.3);
        TestSignals.AddGaussianNoise(x, 0.05, seed: 9);
        TestSignals.AddRingingImpulses(x, 3200.0, 89.6, 1000.0, 0.03, 0.5);
        var y = TestSignals.Sine(4096, 3200.0, 50.0, 0.1);
        var z = TestSignals.Sine(4096, 3200.0, 120.0, 0.05);
        var window = TestSignals.ToWindow(x, y, z, 3200f);
        var extractor = new VibrationFeatureExtractor(config);
        var features = new VibrationFeatures(config.Bands.Length);
        extractor.Compute(window, features);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            extractor.Compute(window, features);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(features.X.EnvelopeBpfoG > 0f);
    }

    [Fact]
    public void Window_And_Extractor_For_Three_Axes_Of_4096_Samples_Fit_In_48_KiB()
    {
        var config = TestSignals.Config();
        var window = new AccelerationWindow(config.WindowSamples);
        var extractor = new VibrationFeatureExtractor(config);

        var windowBytes = (window.X.Length + window.Y.Length + window.Z.Length) * sizeof(short);
        var total = windowBytes + extractor.PreallocatedBytes;
        _output.WriteLine($"window {windowBytes} B + extractor {extractor.PreallocatedBytes} B = {total} B of {MemoryBudgetBytes} B");

        Assert.Equal(24576, windowBytes);
        Assert.True(total <= MemoryBudgetBytes, $"total {total} bytes");
    }

    [Fact]
    public void A_Window_Of_The_Wrong_Length_Is_Refused()
    {
        var extractor = new VibrationFeatureExtractor(TestSignals.Config(1024));
        var window = new AccelerationWindow(2048) { Count = 2048, GPerCount = 0.004f, SampleRateHz = 3200f };

        Assert.Throws<ArgumentException>(() => extractor.Compute(window, new VibrationFeatures(0)));
    }
}

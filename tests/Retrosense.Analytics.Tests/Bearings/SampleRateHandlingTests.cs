using System;
using System.Linq;
using Retrosense.Analytics.Bearings;

namespace Retrosense.Analytics.Tests.Bearings;

/// <summary>
/// A 48 kHz recording must give the node the same features as a 12 kHz one of the same vibration: the benchmark mixes
/// CWRU's 48 kHz normal baseline with 12 kHz fault recordings.
/// </summary>
public sealed class SampleRateHandlingTests
{
    private const double ShaftRpm = 1797;
    private static readonly BearingNodeSettings Settings = new();

    [Fact]
    public void The_Same_Vibration_Recorded_At_48_kHz_And_At_12_kHz_Gives_The_Same_Node_Features()
    {
        // The decimator's first output lies at its FIR's centre, 80 input samples in (161 taps at 48 kHz): start the
        // 12 kHz recording at that instant so both describe the same stretch of vibration.
        var at12 = Recording(12_000, seconds: 1.5, startSeconds: 80 / 48_000.0);
        var at48 = Recording(48_000, seconds: 1.5, startSeconds: 0);

        var from12 = NodeFeatureReplay.Windows(at12, RecordingPart.Whole, Settings);
        var from48 = NodeFeatureReplay.Windows(at48, RecordingPart.Whole, Settings);

        Assert.Equal(from12.Count, from48.Count);
        Assert.True(from12.Count >= 3);

        // What remains is the filter's pass-band ripple and the int16 quantisation: within 1 %.
        for (var i = 0; i < from12.Count; i++)
        {
            var a = from12[i].Features;
            var b = from48[i].Features;
            AssertClose(a.RmsG, b.RmsG, "rms_g");
            AssertClose(a.Kurtosis, b.Kurtosis, "kurtosis");
            AssertClose(a.CrestFactor, b.CrestFactor, "crest");
            AssertClose(a.VelocityRmsMmPerSecond, b.VelocityRmsMmPerSecond, "vel_rms_mm_s");
            AssertClose(a.DominantFrequencyHz, b.DominantFrequencyHz, "dominant_hz");
            AssertClose(a.EnvelopeRmsG, b.EnvelopeRmsG, "env_rms_g");
            AssertClose(a.EnvelopeBpfoG, b.EnvelopeBpfoG, "env_bpfo_g");
        }
    }

    [Fact]
    public void Decimation_Keeps_The_Band_And_Removes_What_Would_Alias()
    {
        const double inputRateHz = 48_000;
        var inBand = Tone(1_000, inputRateHz, 48_000);
        var aliasing = Tone(8_000, inputRateHz, 48_000); // would fold to 4 kHz at 12 kHz, inside the envelope band

        var keptRms = Rms(AntiAliasDecimator.Decimate(inBand, 4));
        var leakedRms = Rms(AntiAliasDecimator.Decimate(aliasing, 4));

        Assert.InRange(keptRms, 0.99 * Math.Sqrt(0.5), 1.01 * Math.Sqrt(0.5));
        Assert.True(leakedRms < 1e-3, $"8 kHz tone leaks through at RMS {leakedRms:G3} (above -57 dB)");
    }

    [Theory]
    [InlineData(12_000.0, 1)]
    [InlineData(48_000.0, 4)]
    [InlineData(24_000.0, 2)]
    public void The_Decimation_Factor_Is_The_Whole_Ratio_Of_The_Rates(double inputHz, int factor)
    {
        Assert.Equal(factor, AntiAliasDecimator.Factor(inputHz, 12_000));
    }

    [Theory]
    [InlineData(8_000.0)]
    [InlineData(44_100.0)]
    public void A_Rate_That_Is_Not_A_Whole_Multiple_Of_The_Node_Rate_Is_Refused(double inputHz)
    {
        var error = Assert.Throws<BearingDataException>(() => AntiAliasDecimator.Factor(inputHz, 12_000));

        Assert.Contains("whole multiple", error.Message, StringComparison.Ordinal);
    }

    // A 160 Hz shaft-order tone plus a 3 kHz resonance amplitude-modulated at the SKF 6205's BPFO, sampled at the given rate.
    private static CwruRecording Recording(double rateHz, double seconds, double startSeconds)
    {
        var bpfoHz = 3.5848 * ShaftRpm / 60;
        var samples = (int)(seconds * rateHz);
        var signal = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var t = startSeconds + (i / rateHz);
            var modulation = 1 + (0.8 * Math.Cos(2 * Math.PI * bpfoHz * t));
            signal[i] = (0.3 * Math.Sin(2 * Math.PI * 160 * t)) + (0.2 * modulation * Math.Sin(2 * Math.PI * 3_000 * t));
        }

        var name = CwruRecordingName.Parse("OR007@6_0.mat");
        return new CwruRecording("synthetic", name, "X000_DE_time", signal, rateHz, "test", ShaftRpm);
    }

    private static double[] Tone(double hz, double rateHz, int samples) =>
        Enumerable.Range(0, samples).Select(i => Math.Sin(2 * Math.PI * hz * i / rateHz)).ToArray();

    private static double Rms(double[] signal) => Math.Sqrt(signal.Average(x => x * x));

    private static void AssertClose(double? expected, double? actual, string feature)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        var tolerance = 0.01 * Math.Max(Math.Abs(expected.Value), 1e-6);
        Assert.True(Math.Abs(expected.Value - actual.Value) <= tolerance, $"{feature}: 12 kHz {expected} vs 48 kHz {actual}");
    }
}

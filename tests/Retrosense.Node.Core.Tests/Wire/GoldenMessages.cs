using System;
using System.IO;
using System.Text;
using Retrosense.Node.Configuration;
using Retrosense.Node.Dsp;
using Retrosense.Node.EnvironmentChannels;
using Retrosense.Node.Wire;
using Retrosense.Testing;

namespace Retrosense.Node.Core.Tests.Wire;

/// <summary>
/// The golden files of shared/schemas/golden and the C# inputs each was written from (by hand, from the spec).
/// A golden file is the message bytes followed by one LF.
/// </summary>
internal static class GoldenMessages
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "shared", "schemas", "golden");

    /// <summary>The message bytes of a golden file: the file without its single trailing newline.</summary>
    public static byte[] Bytes(string fileName)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Directory, fileName));
        if (bytes.Length == 0 || bytes[^1] != (byte)'\n')
        {
            throw new InvalidOperationException(fileName + " must end with one newline");
        }

        return bytes.AsSpan(0, bytes.Length - 1).ToArray();
    }

    public static string Text(string fileName) => Encoding.UTF8.GetString(Bytes(fileName));

    public static MessageHeader Header(long seq)
    {
        return new MessageHeader
        {
            NodeId = "n-001",
            BootCount = 3,
            Seq = seq,
            TimestampMs = 1764246000123,
            TimeSynchronized = true,
            Historical = false,
            FirmwareVersion = "0.1.0",
        };
    }

    public static FrequencyBand[] TelemetryBands() =>
        new[] { new FrequencyBand("1x", 20f, 30f), new FrequencyBand("2x", 45f, 55f) };

    public static VibrationFeatures TelemetryFeatures()
    {
        var features = new VibrationFeatures(2) { SampleRateHz = 3200f, SampleCount = 4096 };
        Fill(features.X, 0.123f, 0.456f, 0.89f, 3.7f, 3.2f, -0.12f, 2.1f, 25f, 0.031f, 0.004f, 0.0025f, 0.0012f, 0.0008f);
        features.X.BandRmsG[0] = 0.08f;
        features.X.BandRmsG[1] = 0.021f;

        // Values with more than six significant digits check the formatter's rounding in a whole message.
        Fill(features.Y, 0.101f, 0.392f, 0.75f, 3.8811881f, 2.95f, 0.05f, 1.8f, 49.5f, 0.027f, 0.0035f, 0.0021f, 0.001f, 0.0006f);
        features.Y.BandRmsG[0] = 0.061f;
        features.Y.BandRmsG[1] = 0.033f;
        Fill(features.Z, 1.000123f, 1.5f, 2.25f, 1.499816f, 1.5f, 0f, 1.2f, 24.75f, 0.019f, 0.00125f, 0.0011f, 0.0007f, 0.0004f);
        features.Z.BandRmsG[0] = 0.042f;
        features.Z.BandRmsG[1] = 0.012f;
        return features;
    }

    public static EnvironmentSummary TelemetryEnvironment()
    {
        var environment = new EnvironmentSummary();
        environment.Add(21.5f, 40f, 1012.5f);
        environment.Add(22.5f, 44f, 1013.5f);
        return environment;
    }

    public static MessageHeader HistoricalHeader() => new()
    {
        NodeId = "pump-07.de",
        BootCount = 2,
        Seq = 17,
        TimestampMs = 1764245012000,
        TimeSynchronized = false,
        Historical = true,
        FirmwareVersion = "0.1.0-dev",
    };

    public static VibrationFeatures HistoricalFeatures()
    {
        var features = new VibrationFeatures(0) { SampleRateHz = 1600f, SampleCount = 2048 };
        for (var axis = 0; axis < 3; axis++)
        {
            Fill(features.Axis(axis), 0.0421f, 0.15f, 0.29f, 3.5629f, 4.75f, -0.5f, 0.95f, float.NaN, 0.012f, 0f, 0f, 0f, 0f);
        }

        return features;
    }

    public static EnvironmentSummary HistoricalEnvironment()
    {
        // Only the temperature channel has readings: humidity and pressure are omitted from env.
        var environment = new EnvironmentSummary();
        environment.TemperatureCelsius.Add(-10f);
        environment.TemperatureCelsius.Add(-15f);
        environment.TemperatureCelsius.Add(-12.5f);
        return environment;
    }

    public static NodeConfig GoldenConfig()
    {
        var config = NodeConfig.CreateDefault();
        config.ConfigVersion = 7;
        config.ShaftSpeedRpm = 1480f;
        config.Bands = TelemetryBands();

        // SKF 6205-2RS JEM, the CWRU drive-end bearing: 9 balls of 7.94 mm on a 39.04 mm pitch circle.
        config.Bearing = new BearingGeometry(9, 7.94f, 39.04f, 0f);
        config.Limits = new[]
        {
            new LimitRule(FeatureChannel.VelocityRmsMmPerSecond, AxisSelector.Max, 4.5f, 7.1f, 0.3f, 3, false),
            new LimitRule(FeatureChannel.TemperatureCelsius, AxisSelector.Max, 60f, 70f, 2.5f, 1, false),
        };
        config.Deadbands[(int)FeatureChannel.RelativeHumidityPercent] = 2f;
        return config;
    }

    private static void Fill(AxisFeatures axis, float rms, float peak, float peakToPeak, float crest, float kurtosis, float skewness, float velocity, float dominant, float envelope, float bpfo, float bpfi, float bsf, float ftf)
    {
        axis.RmsG = rms;
        axis.PeakG = peak;
        axis.PeakToPeakG = peakToPeak;
        axis.CrestFactor = crest;
        axis.Kurtosis = kurtosis;
        axis.Skewness = skewness;
        axis.VelocityRmsMmPerSecond = velocity;
        axis.DominantFrequencyHz = dominant;
        axis.EnvelopeRmsG = envelope;
        axis.EnvelopeBpfoG = bpfo;
        axis.EnvelopeBpfiG = bpfi;
        axis.EnvelopeBsfG = bsf;
        axis.EnvelopeFtfG = ftf;
    }
}

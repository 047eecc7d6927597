using System;
using System.Globalization;
using Retrosense.Node.Configuration;

namespace Retrosense.Cli.Simulation;

/// <summary>
/// The config every simulated node is sent at start, as the cloud would send it.
/// <para>Demo (no <c>--rate</c>): the node defaults (3200 Hz, 4096-sample windows, report by exception) with an SKF 6205
/// bearing so bearing faults show in the envelope features, and a 60 s heartbeat and status so a short run shows traffic.</para>
/// <para>Load (<c>--rate R</c>): every node reports every window, and the window pace sets the rate. A window is
/// <see cref="LoadWindowSamples"/> samples, so the sample rate is <c>256 × R / (N × time scale)</c> Hz: the fleet then
/// emits R telemetry messages per real second (plus birth, status and config-ack, which the totals count too). The
/// node still samples, computes features, judges zones and queues every message; only its pace is set for load.</para>
/// </summary>
internal static class FleetNodeConfiguration
{
    /// <summary>Smallest window the node accepts (NodeConfigValidator.MinWindowSamples): the most windows per sample.</summary>
    public const int LoadWindowSamples = NodeConfigValidator.MinWindowSamples;

    /// <summary>Below this sample rate the 10 Hz velocity band edge and the envelope band no longer fit under Nyquist.</summary>
    public const double MinimumLoadSampleRateHz = 64;

    /// <summary>Demo heartbeat and status interval, in seconds.</summary>
    public const int DemoReportSeconds = 60;

    /// <summary>Config version the fleet sends (the node default is 0).</summary>
    public const int FleetConfigVersion = 1;

    /// <summary>The config for the demo fleet, or for a load of <paramref name="totalMessagesPerSecond"/>.</summary>
    public static NodeConfig Create(double? totalMessagesPerSecond, int nodeCount, double timeScale)
    {
        var config = NodeConfig.CreateDefault();
        config.ConfigVersion = FleetConfigVersion;

        // SKF 6205-2RS deep-groove ball bearing (the CWRU test rig's drive-end bearing): 9 balls of 7.94 mm on a 39.04 mm pitch.
        config.Bearing = new BearingGeometry(9, 7.94f, 39.04f, 0f);
        config.HeartbeatSeconds = DemoReportSeconds;
        config.StatusIntervalSeconds = DemoReportSeconds;
        if (totalMessagesPerSecond is not { } rate)
        {
            return config;
        }

        var sampleRateHz = LoadSampleRateHz(rate, nodeCount, timeScale);
        config.WindowSamples = LoadWindowSamples;
        config.SampleRateHz = (float)sampleRateHz;
        var nyquistHz = (float)(sampleRateHz / 2);
        config.VelocityBandHighHz = Math.Min(config.VelocityBandHighHz, 0.9f * nyquistHz);
        config.EnvelopeBandLowHz = Math.Min(config.EnvelopeBandLowHz, 0.4f * nyquistHz);
        config.EnvelopeBandHighHz = Math.Min(config.EnvelopeBandHighHz, 0.9f * nyquistHz);

        // The smallest positive deadband on RMS acceleration: any change reports, so every window is published.
        config.Deadbands[(int)FeatureChannel.RmsG] = float.Epsilon;
        config.HeartbeatSeconds = 1;
        return config;
    }

    /// <summary>The sample rate that paces <paramref name="nodeCount"/> nodes to <paramref name="totalMessagesPerSecond"/>; throws a CLI error when out of range.</summary>
    public static double LoadSampleRateHz(double totalMessagesPerSecond, int nodeCount, double timeScale)
    {
        var sampleRateHz = LoadWindowSamples * totalMessagesPerSecond / (nodeCount * timeScale);
        if (sampleRateHz < MinimumLoadSampleRateHz)
        {
            var minimum = MinimumLoadSampleRateHz * nodeCount * timeScale / LoadWindowSamples;
            throw new CliInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"--rate {totalMessagesPerSecond} is too low for {nodeCount} nodes at time scale {timeScale}: at least {minimum} msg/s (leave --rate out for the demo pace)"));
        }

        if (sampleRateHz > NodeConfigValidator.MaxSampleRateHz)
        {
            var maximum = NodeConfigValidator.MaxSampleRateHz * nodeCount * timeScale / LoadWindowSamples;
            throw new CliInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"--rate {totalMessagesPerSecond} is too high for {nodeCount} nodes at time scale {timeScale}: at most {maximum} msg/s (add nodes)"));
        }

        return sampleRateHz;
    }
}

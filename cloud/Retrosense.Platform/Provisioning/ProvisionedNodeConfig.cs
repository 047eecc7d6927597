using System;
using Retrosense.Node.Configuration;
using Retrosense.Node.Thresholds;
using Retrosense.Node.Wire;

namespace Retrosense.Platform.Provisioning;

/// <summary>The first configuration a node receives at installation: the node defaults with the asset's ISO 10816-3 class.</summary>
public static class ProvisionedNodeConfig
{
    /// <summary>ISO 10816-3 §4: machines running below 600 rpm are measured from 2 Hz instead of 10 Hz.</summary>
    public const float LowSpeedRpm = 600f;

    /// <summary>Large enough for a config with every band, limit and deadband the validator allows.</summary>
    private const int EncodeBufferBytes = 8192;

    /// <summary>
    /// Defaults of <see cref="NodeConfig.CreateDefault"/> with the zone boundaries for <paramref name="group"/> and
    /// <paramref name="foundation"/> (<see cref="IsoZoneBoundaries"/>), the shaft speed, and the velocity band from 2 Hz
    /// under 600 rpm. Config version 1: version 0 is the node's built-in default, so the node reports it runs this one.
    /// </summary>
    public static NodeConfig Create(MachineGroup group, Foundation foundation, float shaftSpeedRpm)
    {
        if (!(shaftSpeedRpm > 0f) || !float.IsFinite(shaftSpeedRpm))
        {
            throw new ArgumentOutOfRangeException(nameof(shaftSpeedRpm), shaftSpeedRpm, "shaft speed must be a positive number of rpm");
        }

        var config = NodeConfig.CreateDefault();
        config.ConfigVersion = 1;
        config.MachineGroup = group;
        config.Foundation = foundation;
        config.ShaftSpeedRpm = shaftSpeedRpm;
        config.ZoneBoundariesMmPerSecond = IsoZoneBoundaries.For(group, foundation);
        config.VelocityBandLowHz = shaftSpeedRpm < LowSpeedRpm ? 2f : 10f;
        return config;
    }

    /// <summary>The config as the node's own <c>config</c> message (the same bytes the cloud publishes to its config topic).</summary>
    public static byte[] Encode(NodeConfig config)
    {
        var buffer = new byte[EncodeBufferBytes];
        var length = new ConfigMessageEncoder().Encode(config, buffer);
        return buffer.AsSpan(0, length).ToArray();
    }
}

using System;
using Retrosense.Node.Configuration;
using Retrosense.Node.Host.Simulation;
using Retrosense.Node.Runtime;
using Retrosense.Node.Thresholds;
using Retrosense.Node.Wire;

namespace Retrosense.Server.Demo;

/// <summary>The node config and machine model each demo node runs with.</summary>
public static class DemoFleetConfiguration
{
    /// <summary>Config version written to every demo node's flash (and registered).</summary>
    public const int ConfigVersion = 1;

    /// <summary>Shaft speed assumed for a resumed asset registered without one.</summary>
    public const float DefaultShaftSpeedRpm = 1500;

    /// <summary>
    /// The node defaults (3,200 Hz, 4,096-sample windows of 1.28 s, report by exception, so the first window reports at
    /// once) with the asset's ISO 10816-3 class and speed, an SKF 6205 bearing so the envelope watches BPFO, and a one
    /// minute heartbeat and status.
    /// </summary>
    public static NodeConfig For(DemoAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var config = NodeConfig.CreateDefault();
        config.ConfigVersion = ConfigVersion;
        config.MachineGroup = asset.MachineGroup;
        config.Foundation = asset.Foundation;
        config.ZoneBoundariesMmPerSecond = IsoZoneBoundaries.For(asset.MachineGroup, asset.Foundation);
        config.ShaftSpeedRpm = asset.ShaftSpeedRpm;

        // SKF 6205-2RS: 9 balls of 7.94 mm on a 39.04 mm pitch, 0° contact (the CWRU drive-end bearing), as in the model.
        config.Bearing = new BearingGeometry(9, 7.94f, 39.04f, 0f);
        config.HeartbeatSeconds = DemoFleetPlan.ReportIntervalSeconds;
        config.StatusIntervalSeconds = DemoFleetPlan.ReportIntervalSeconds;
        return config;
    }

    /// <summary>The config as the cloud would send it, for the node's flash at first boot.</summary>
    public static byte[] EncodeFor(DemoAsset asset)
    {
        var buffer = new byte[SensorNode.MaxConfigMessageBytes];
        var length = new ConfigMessageEncoder().Encode(For(asset), buffer);
        return buffer.AsSpan(0, length).ToArray();
    }

    /// <summary>The machine behind the node: healthy, or (for the faulty asset) a growing outer-race spall with looseness.</summary>
    public static MachineModelSettings ModelFor(DemoAsset asset, int seed, DateTimeOffset startUtc)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return new MachineModelSettings
        {
            Seed = seed,
            ShaftSpeedRpm = asset.ShaftSpeedRpm,
            StartUtc = startUtc,
            Faults = asset.DevelopsBearingFault ? DemoFleetPlan.FaultyAssetFaults : FaultPlan.None,
            BearingLoosenessFactor = asset.DevelopsBearingFault ? DemoFleetPlan.FaultyAssetLoosenessFactor : new MachineModelSettings().BearingLoosenessFactor,
        };
    }
}

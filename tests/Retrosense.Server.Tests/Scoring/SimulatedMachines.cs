using System;
using Retrosense.Contracts;
using Retrosense.Node.Configuration;
using Retrosense.Node.Host.Simulation;
using Retrosense.Node.Thresholds;
using Retrosense.Server.Scoring;

namespace Retrosense.Server.Tests.Scoring;

/// <summary>Simulated machines for the anomaly tests: the node runtime's machine model, node config and encoder, in simulated time.</summary>
internal static class SimulatedMachines
{
    public static readonly DateTimeOffset StartUtc = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A machine watched by a node with the defaults, an SKF 6205 and the given ISO class and speed.</summary>
    public static SimulatedNodeTelemetry Node(string assetId, int seed, double shaftSpeedRpm, Foundation foundation, FaultPlan faults, double loosenessFactor = 1)
    {
        var settings = new MachineModelSettings
        {
            Seed = seed,
            ShaftSpeedRpm = shaftSpeedRpm,
            StartUtc = StartUtc,
            Faults = faults,
            BearingLoosenessFactor = loosenessFactor,
        };
        var config = NodeConfig.CreateDefault();
        config.ShaftSpeedRpm = (float)shaftSpeedRpm;
        config.Foundation = foundation;
        config.ZoneBoundariesMmPerSecond = IsoZoneBoundaries.For(MachineGroup.Group2, foundation);
        config.Bearing = settings.Bearing;
        return new SimulatedNodeTelemetry(new MachineModel(settings), config, TopicPath.Create("acme", "plant-1", assetId, "n-" + assetId, "telemetry"));
    }
}

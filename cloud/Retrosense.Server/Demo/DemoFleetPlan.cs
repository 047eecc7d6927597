using System;
using System.Collections.Generic;
using Retrosense.Node.Configuration;
using Retrosense.Node.Host.Simulation;

namespace Retrosense.Server.Demo;

/// <summary>What the demo seeds: tenant <c>demo</c> ("Demo Foods"), site <c>plant-1</c> in Seoul's time zone, five machines of a food plant, one node each.</summary>
public static class DemoFleetPlan
{
    public const string TenantId = "demo";

    public const string TenantName = "Demo Foods";

    public const string SiteId = "plant-1";

    public const string SiteName = "Pyeongtaek plant 1";

    public const string SiteTimeZoneId = "Asia/Seoul";

    /// <summary>The asset whose bearing fails during the demo.</summary>
    public const string FaultyAssetId = "pump-cw-1";

    /// <summary>
    /// Medium machines (ISO 10816-3 group 2, 15–300 kW) on rigid foundations except the fan, whose frame sits on
    /// isolators (flexible). Speeds are 60 Hz induction-motor speeds: 2-pole ≈ 3,560, 4-pole ≈ 1,780, 6-pole ≈ 1,180 rpm.
    /// </summary>
    public static IReadOnlyList<DemoAsset> Assets { get; } =
    [
        new(FaultyAssetId, "Cooling water pump 1", MachineGroup.Group2, Foundation.Rigid, 1780, "node-01", DevelopsBearingFault: true),
        new("pump-cip-2", "CIP supply pump 2", MachineGroup.Group2, Foundation.Rigid, 3560, "node-02", DevelopsBearingFault: false),
        new("fan-ahu-1", "Air handling unit 1 supply fan", MachineGroup.Group2, Foundation.Flexible, 1180, "node-03", DevelopsBearingFault: false),
        new("mixer-batch-3", "Batch mixer 3 drive motor", MachineGroup.Group2, Foundation.Rigid, 1760, "node-04", DevelopsBearingFault: false),
        new("conveyor-pack-1", "Packing line conveyor drive", MachineGroup.Group2, Foundation.Rigid, 1745, "node-05", DevelopsBearingFault: false),
    ];

    /// <summary>
    /// Outer-race spall from 20 s after start, severity 0.02 growing 6 per hour (0.1 a minute), fully developed after
    /// about ten minutes. With <see cref="FaultyAssetLoosenessFactor"/> the envelope at BPFO rises first, then the 1×
    /// looseness takes velocity RMS into zone C after a few minutes and zone D a few minutes later.
    /// </summary>
    public static FaultPlan FaultyAssetFaults { get; } = new([new FaultGrowth(FaultKind.OuterRace, OnsetSeconds: 20, InitialSeverity: 0.02, SeverityPerHour: 6)]);

    /// <summary>
    /// 1× growth at severity 1 (the model's default is 1, which ends a failed bearing in zone C); 3 takes a healthy
    /// ≈ 1.5 mm/s to about 6 mm/s, zone D for group 2 rigid (boundary 4.5 mm/s), so the demo shows the whole story.
    /// </summary>
    public const double FaultyAssetLoosenessFactor = 3;

    /// <summary>Heartbeat and status interval of demo nodes, in seconds: a minute, so a short look shows traffic.</summary>
    public const int ReportIntervalSeconds = 60;

    /// <summary>The asset named <paramref name="assetId"/> in the plan, or null.</summary>
    public static DemoAsset? Find(string assetId)
    {
        foreach (var asset in Assets)
        {
            if (string.Equals(asset.AssetId, assetId, StringComparison.Ordinal))
            {
                return asset;
            }
        }

        return null;
    }
}

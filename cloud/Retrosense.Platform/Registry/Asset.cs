using System;
using Retrosense.Node.Configuration;

namespace Retrosense.Platform.Registry;

/// <summary>A machine at a site that nodes watch; its ISO 10816-3 class decides the node's zone thresholds.</summary>
public sealed record Asset
{
    /// <param name="tenantId">Owning tenant.</param>
    /// <param name="siteId">Site the machine stands in.</param>
    /// <param name="assetId">The asset level of the topic; unique within the site.</param>
    /// <param name="name">Human-readable name.</param>
    /// <param name="machineGroup">ISO 10816-3 machine group (1 large, 2 medium).</param>
    /// <param name="foundation">ISO 10816-3 foundation class.</param>
    /// <param name="shaftSpeedRpm">Nominal shaft speed when known (for bearing defect frequencies); null when not.</param>
    public Asset(string tenantId, string siteId, string assetId, string name, MachineGroup machineGroup, Foundation foundation, float? shaftSpeedRpm)
    {
        TenantId = RegistryValidation.RequireId("tenant", tenantId);
        SiteId = RegistryValidation.RequireId("site", siteId);
        AssetId = RegistryValidation.RequireId("asset", assetId);
        Name = RegistryValidation.RequireText("asset name", name);
        if (machineGroup is not (MachineGroup.Group1 or MachineGroup.Group2))
        {
            throw new ArgumentException($"machine group {(int)machineGroup} is not 1 or 2", nameof(machineGroup));
        }

        if (foundation is not (Foundation.Rigid or Foundation.Flexible))
        {
            throw new ArgumentException($"foundation {(int)foundation} is not rigid or flexible", nameof(foundation));
        }

        MachineGroup = machineGroup;
        Foundation = foundation;
        ShaftSpeedRpm = RegistryValidation.OptionalShaftSpeedRpm(shaftSpeedRpm);
    }

    public string TenantId { get; }

    public string SiteId { get; }

    public string AssetId { get; }

    public string Name { get; }

    public MachineGroup MachineGroup { get; }

    public Foundation Foundation { get; }

    public float? ShaftSpeedRpm { get; }
}

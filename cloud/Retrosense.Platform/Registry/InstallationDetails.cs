using System;

namespace Retrosense.Platform.Registry;

/// <summary>How a technician mounted a node, as recorded at a retrofit install.</summary>
public sealed record InstallationDetails
{
    /// <param name="tenantId">Owning tenant.</param>
    /// <param name="nodeId">The node (its current, non-revoked registration).</param>
    /// <param name="mountingPoint">Where on the machine.</param>
    /// <param name="axisOrientation">How the sensor axes face the machine, e.g. "x=horizontal,y=vertical,z=axial".</param>
    /// <param name="installer">Who mounted it.</param>
    /// <param name="installedOn">The local date of the install.</param>
    /// <param name="notes">Anything else (surface preparation, stud or magnet, exact spot); may be null.</param>
    public InstallationDetails(string tenantId, string nodeId, MountingPoint mountingPoint, string axisOrientation, string installer, DateOnly installedOn, string? notes)
    {
        TenantId = RegistryValidation.RequireId("tenant", tenantId);
        NodeId = RegistryValidation.RequireId("node", nodeId);
        if (mountingPoint is not (MountingPoint.DriveEnd or MountingPoint.NonDriveEnd or MountingPoint.Other))
        {
            throw new ArgumentException($"mounting point {(int)mountingPoint} is not drive-end, non-drive-end or other", nameof(mountingPoint));
        }

        MountingPoint = mountingPoint;
        AxisOrientation = RegistryValidation.RequireText("axis orientation", axisOrientation);
        Installer = RegistryValidation.RequireText("installer", installer);
        InstalledOn = installedOn;
        Notes = RegistryValidation.OptionalText("installation notes", notes, RegistryValidation.MaxNotesLength);
    }

    public string TenantId { get; }

    public string NodeId { get; }

    public MountingPoint MountingPoint { get; }

    public string AxisOrientation { get; }

    public string Installer { get; }

    public DateOnly InstalledOn { get; }

    public string? Notes { get; }
}

using System;

namespace Retrosense.Platform.Registry;

/// <summary>A recorded installation: the details plus the store's id and the time it was recorded.</summary>
public sealed record Installation
{
    public Installation(long installationId, InstallationDetails details, DateTimeOffset nodeProvisionedAtUtc, DateTimeOffset recordedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        InstallationId = installationId;
        Details = details;
        NodeProvisionedAtUtc = RegistryValidation.ToUtc(nodeProvisionedAtUtc);
        RecordedAtUtc = RegistryValidation.ToUtc(recordedAtUtc);
    }

    /// <summary>Assigned by the store; increases with every recorded installation.</summary>
    public long InstallationId { get; }

    public InstallationDetails Details { get; }

    /// <summary>Which registration of the node id the installation belongs to (a replaced board is a new registration).</summary>
    public DateTimeOffset NodeProvisionedAtUtc { get; }

    public DateTimeOffset RecordedAtUtc { get; }
}

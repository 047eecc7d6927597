using System;

namespace Retrosense.Platform.Registry;

/// <summary>
/// A node as the registry knows it. A node id may be registered again after its earlier registration was revoked
/// (a replaced board keeps its place in the topic tree), so revoked registrations stay as history.
/// </summary>
public sealed record RegisteredNode
{
    public RegisteredNode(
        NodeRegistration registration,
        NodeStatus status,
        DateTimeOffset provisionedAtUtc,
        DateTimeOffset? revokedAtUtc,
        string? revocationReason,
        string? firmwareVersionLastSeen,
        DateTimeOffset? lastSeenAtUtc)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (status == NodeStatus.Revoked && revokedAtUtc is null)
        {
            throw new ArgumentException("a revoked node needs the time it was revoked", nameof(revokedAtUtc));
        }

        if (status == NodeStatus.Provisioned && revokedAtUtc is not null)
        {
            throw new ArgumentException("a provisioned node has no revocation time", nameof(revokedAtUtc));
        }

        Registration = registration;
        Status = status;
        ProvisionedAtUtc = RegistryValidation.ToUtc(provisionedAtUtc);
        RevokedAtUtc = revokedAtUtc is { } revoked ? RegistryValidation.ToUtc(revoked) : null;
        RevocationReason = revocationReason;
        FirmwareVersionLastSeen = firmwareVersionLastSeen;
        LastSeenAtUtc = lastSeenAtUtc is { } seen ? RegistryValidation.ToUtc(seen) : null;
    }

    /// <summary>What provisioning registered; <see cref="NodeRegistration.ConfigVersion"/> is the config version in force as last recorded.</summary>
    public NodeRegistration Registration { get; }

    public string TenantId => Registration.TenantId;

    public string SiteId => Registration.SiteId;

    public string AssetId => Registration.AssetId;

    public string NodeId => Registration.NodeId;

    public NodeBoard Board => Registration.Board;

    public string CertificateThumbprintSha256 => Registration.CertificateThumbprintSha256;

    public string CertificateSerialNumber => Registration.CertificateSerialNumber;

    /// <summary>The config version last recorded for the node (at provisioning, then as config-acks arrive).</summary>
    public int ConfigVersion => Registration.ConfigVersion;

    public NodeStatus Status { get; }

    public DateTimeOffset ProvisionedAtUtc { get; }

    public DateTimeOffset? RevokedAtUtc { get; }

    public string? RevocationReason { get; }

    /// <summary>Firmware version from the node's last birth message; null until it has connected.</summary>
    public string? FirmwareVersionLastSeen { get; }

    /// <summary>When that firmware version was recorded.</summary>
    public DateTimeOffset? LastSeenAtUtc { get; }

    public bool IsActive => Status == NodeStatus.Provisioned;
}

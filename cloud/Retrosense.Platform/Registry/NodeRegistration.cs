using System;

namespace Retrosense.Platform.Registry;

/// <summary>What provisioning registers for a new node: where it is, what it runs on, which certificate it holds.</summary>
public sealed record NodeRegistration
{
    /// <param name="tenantId">Owning tenant.</param>
    /// <param name="siteId">Site of the asset (must be registered).</param>
    /// <param name="assetId">Asset the node is mounted on (must be registered).</param>
    /// <param name="nodeId">The node level of the topic; unique among the tenant's non-revoked nodes.</param>
    /// <param name="board">Hardware the node runs on.</param>
    /// <param name="certificateThumbprintSha256">SHA-256 of the node's client certificate (64 hex digits).</param>
    /// <param name="certificateSerialNumber">Serial number of that certificate (hex).</param>
    /// <param name="configVersion">Version of the config written for the node at provisioning.</param>
    public NodeRegistration(string tenantId, string siteId, string assetId, string nodeId, NodeBoard board, string certificateThumbprintSha256, string certificateSerialNumber, int configVersion)
    {
        TenantId = RegistryValidation.RequireId("tenant", tenantId);
        SiteId = RegistryValidation.RequireId("site", siteId);
        AssetId = RegistryValidation.RequireId("asset", assetId);
        NodeId = RegistryValidation.RequireId("node", nodeId);
        if (board is not (NodeBoard.Esp32 or NodeBoard.Stm32 or NodeBoard.Linux))
        {
            throw new ArgumentException($"board {(int)board} is not esp32, stm32 or linux", nameof(board));
        }

        Board = board;
        CertificateThumbprintSha256 = RegistryValidation.RequireSha256Thumbprint(certificateThumbprintSha256);
        CertificateSerialNumber = RegistryValidation.RequireSerialNumber(certificateSerialNumber);
        ConfigVersion = RegistryValidation.RequireConfigVersion(configVersion);
    }

    public string TenantId { get; }

    public string SiteId { get; }

    public string AssetId { get; }

    public string NodeId { get; }

    public NodeBoard Board { get; }

    /// <summary>Upper-case hex.</summary>
    public string CertificateThumbprintSha256 { get; }

    /// <summary>Upper-case hex.</summary>
    public string CertificateSerialNumber { get; }

    public int ConfigVersion { get; }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Platform.Registry;

/// <summary>
/// The registry of tenants, sites, assets, nodes and installations in the reporting store. Provisioning writes it;
/// ingestion asks it, for every message, whether the sending node is allowed to publish there.
/// Ids follow the topic segment rule; invalid arguments throw <see cref="ArgumentException"/>, references to
/// unregistered parents throw <see cref="RegistryNotFoundException"/>, rule violations throw
/// <see cref="RegistryConflictException"/>. All times are UTC and come from the store's clock.
/// </summary>
public interface IRegistryStore
{
    /// <summary>Creates the tenant if it does not exist; an existing tenant keeps its creation time and gets <paramref name="displayName"/>.</summary>
    Task<Tenant> EnsureTenantAsync(string tenantId, string displayName, CancellationToken cancellationToken = default);

    Task<Tenant?> GetTenantAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Creates or updates (name, time zone) a site; the tenant must exist.</summary>
    Task<Site> UpsertSiteAsync(Site site, CancellationToken cancellationToken = default);

    Task<Site?> GetSiteAsync(string tenantId, string siteId, CancellationToken cancellationToken = default);

    /// <summary>The tenant's sites ordered by id.</summary>
    Task<IReadOnlyList<Site>> ListSitesAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Creates or updates (name, machine group, foundation, shaft speed) an asset; the site must exist.</summary>
    Task<Asset> UpsertAssetAsync(Asset asset, CancellationToken cancellationToken = default);

    Task<Asset?> GetAssetAsync(string tenantId, string siteId, string assetId, CancellationToken cancellationToken = default);

    /// <summary>The tenant's assets (optionally of one site) ordered by site and asset id.</summary>
    Task<IReadOnlyList<Asset>> ListAssetsAsync(string tenantId, string? siteId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers a node as provisioned. The asset must exist. Throws <see cref="RegistryConflictException"/> when the
    /// node id is already registered and not revoked in that tenant, or when the certificate thumbprint is already
    /// registered to a non-revoked node.
    /// </summary>
    Task<RegisteredNode> AddNodeAsync(NodeRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>The node's current registration: the non-revoked one, else the most recently provisioned revoked one; null when never registered.</summary>
    Task<RegisteredNode?> GetNodeAsync(string tenantId, string nodeId, CancellationToken cancellationToken = default);

    /// <summary>The non-revoked node holding the certificate with this SHA-256 thumbprint, in any tenant; null when none (device authentication).</summary>
    Task<RegisteredNode?> FindActiveNodeByCertificateAsync(string certificateThumbprintSha256, CancellationToken cancellationToken = default);

    /// <summary>
    /// The tenant's node registrations, revoked ones included, optionally of one site and/or asset, ordered by node id
    /// then provisioning time.
    /// </summary>
    Task<IReadOnlyList<RegisteredNode>> ListNodesAsync(string tenantId, string? siteId = null, string? assetId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes the node's active registration with a reason; from then on <see cref="IsNodeAuthorizedAsync"/> is false.
    /// Throws <see cref="RegistryNotFoundException"/> when the node has no active registration.
    /// </summary>
    Task<RegisteredNode> RevokeNodeAsync(string tenantId, string nodeId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Records the firmware version a node reported (birth message) on its active registration.</summary>
    Task RecordFirmwareSeenAsync(string tenantId, string nodeId, string firmwareVersion, CancellationToken cancellationToken = default);

    /// <summary>Records the config version in force on the node (after a config-ack) on its active registration.</summary>
    Task RecordConfigVersionAsync(string tenantId, string nodeId, int configVersion, CancellationToken cancellationToken = default);

    /// <summary>Records an installation of the node's active registration; throws <see cref="RegistryNotFoundException"/> when there is none.</summary>
    Task<Installation> RecordInstallationAsync(InstallationDetails details, CancellationToken cancellationToken = default);

    /// <summary>Every installation recorded for the node id (all its registrations), oldest first.</summary>
    Task<IReadOnlyList<Installation>> ListInstallationsAsync(string tenantId, string nodeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// True when the node is provisioned, not revoked, and registered on exactly this site and asset: the check
    /// ingestion makes for every message. One indexed lookup; never throws for malformed ids (they are simply not
    /// authorized). Caching is the caller's business.
    /// </summary>
    Task<bool> IsNodeAuthorizedAsync(string tenantId, string siteId, string assetId, string nodeId, CancellationToken cancellationToken = default);
}

using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Credentials;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Registry;

namespace Retrosense.Server.Demo;

/// <summary>
/// Seeds the demo tenant on a fresh store, or finds it again on a restart, and issues every demo node a new password
/// (the store keeps only hashes, so a restarted server cannot reuse the old ones). Never writes over real data.
/// </summary>
public sealed class DemoFleetSeeder
{
    private readonly IRegistryStore _registry;
    private readonly IIngestionStore _ingestion;
    private readonly INodeCredentialStore _credentials;

    public DemoFleetSeeder(IRegistryStore registry, IIngestionStore ingestion, INodeCredentialStore credentials)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _ingestion = ingestion ?? throw new ArgumentNullException(nameof(ingestion));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
    }

    /// <summary>
    /// The nodes to run with fresh passwords and whether the tenant was seeded now; an empty list when the store holds
    /// other data and no demo tenant (the demo then stays off).
    /// </summary>
    public async Task<DemoSeedOutcome> SeedOrResumeAsync(CancellationToken cancellationToken)
    {
        var tenant = await _registry.GetTenantAsync(DemoFleetPlan.TenantId, cancellationToken).ConfigureAwait(false);
        if (tenant is not null)
        {
            return new DemoSeedOutcome(DemoSeedAction.Resumed, await ResumeAsync(cancellationToken).ConfigureAwait(false));
        }

        if (!await IsFreshAsync(cancellationToken).ConfigureAwait(false))
        {
            return new DemoSeedOutcome(DemoSeedAction.SkippedStoreInUse, []);
        }

        return new DemoSeedOutcome(DemoSeedAction.Seeded, await SeedAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Fresh means nothing any node ever sent: no node activity and no quarantine in any tenant. IRegistryStore cannot
    /// list tenants, so a store with provisioned but silent nodes also counts as fresh; the demo then adds its own tenant
    /// beside them and touches nothing of theirs.
    /// </summary>
    private async Task<bool> IsFreshAsync(CancellationToken cancellationToken)
    {
        var activity = await _ingestion.ListNodeActivityAsync(cancellationToken).ConfigureAwait(false);
        if (activity.Count > 0)
        {
            return false;
        }

        return await _ingestion.CountQuarantineAsync(null, cancellationToken).ConfigureAwait(false) == 0;
    }

    private async Task<IReadOnlyList<DemoNode>> SeedAsync(CancellationToken cancellationToken)
    {
        await _registry.EnsureTenantAsync(DemoFleetPlan.TenantId, DemoFleetPlan.TenantName, cancellationToken).ConfigureAwait(false);
        await _registry.UpsertSiteAsync(new Site(DemoFleetPlan.TenantId, DemoFleetPlan.SiteId, DemoFleetPlan.SiteName, DemoFleetPlan.SiteTimeZoneId), cancellationToken).ConfigureAwait(false);
        var nodes = new List<DemoNode>();
        foreach (var asset in DemoFleetPlan.Assets)
        {
            await _registry.UpsertAssetAsync(
                new Asset(DemoFleetPlan.TenantId, DemoFleetPlan.SiteId, asset.AssetId, asset.Name, asset.MachineGroup, asset.Foundation, asset.ShaftSpeedRpm),
                cancellationToken).ConfigureAwait(false);

            // Demo nodes authenticate by password only; the registry needs a certificate identity, so each gets a random
            // thumbprint and serial that no certificate has.
            var registration = new NodeRegistration(
                DemoFleetPlan.TenantId,
                DemoFleetPlan.SiteId,
                asset.AssetId,
                asset.NodeId,
                NodeBoard.Linux,
                Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
                Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                DemoFleetConfiguration.ConfigVersion);
            await _registry.AddNodeAsync(registration, cancellationToken).ConfigureAwait(false);
            var password = await _credentials.IssuePasswordAsync(DemoFleetPlan.TenantId, asset.NodeId, cancellationToken).ConfigureAwait(false);
            nodes.Add(new DemoNode(asset, password, 0));
        }

        return nodes;
    }

    private async Task<IReadOnlyList<DemoNode>> ResumeAsync(CancellationToken cancellationToken)
    {
        var nodes = new List<DemoNode>();
        var lastBootByNode = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var activity in await _ingestion.ListNodeActivityAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(activity.TenantId, DemoFleetPlan.TenantId, StringComparison.Ordinal))
            {
                lastBootByNode[activity.NodeId] = activity.LastBoot;
            }
        }

        var registered = await _registry.ListNodesAsync(DemoFleetPlan.TenantId, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var node in registered)
        {
            if (!node.IsActive)
            {
                continue;
            }

            var asset = await _registry.GetAssetAsync(node.TenantId, node.SiteId, node.AssetId, cancellationToken).ConfigureAwait(false);
            if (asset is null || !string.Equals(node.SiteId, DemoFleetPlan.SiteId, StringComparison.Ordinal))
            {
                continue;
            }

            var planned = DemoFleetPlan.Find(asset.AssetId);
            var demoAsset = new DemoAsset(
                asset.AssetId,
                asset.Name,
                asset.MachineGroup,
                asset.Foundation,
                asset.ShaftSpeedRpm ?? planned?.ShaftSpeedRpm ?? DemoFleetConfiguration.DefaultShaftSpeedRpm,
                node.NodeId,
                planned?.DevelopsBearingFault ?? false);
            var password = await _credentials.IssuePasswordAsync(node.TenantId, node.NodeId, cancellationToken).ConfigureAwait(false);
            nodes.Add(new DemoNode(demoAsset, password, lastBootByNode.GetValueOrDefault(node.NodeId)));
        }

        return nodes;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Registry;
using Retrosense.Server.Api.Responses;

namespace Retrosense.Server.Api;

/// <summary>
/// Sites, assets and nodes of a tenant. Assets are addressed as <c>sites/{siteId}/assets/{assetId}</c>: an asset id is
/// unique only within its site (as in the topic tree <c>{tenant}/{site}/{asset}/{node}</c>), so the site is part of
/// its name.
/// </summary>
internal static class RegistryApi
{
    public static RouteGroupBuilder MapRegistryApi(this RouteGroupBuilder tenantRoutes)
    {
        var tenant = tenantRoutes.MapGroup(string.Empty).WithTags("Registry");
        tenant.MapGet("/sites", ListSitesAsync).WithName("ListSites").WithSummary("The tenant's sites, ordered by id.");
        tenant.MapGet("/assets", ListAssetsAsync).WithName("ListAssets").WithSummary("The tenant's assets (optionally of one site: ?site=), ordered by site and asset id.");
        tenant.MapGet("/sites/{siteId}/assets", ListSiteAssetsAsync).WithName("ListSiteAssets").WithSummary("The assets of one site.");
        tenant.MapGet("/sites/{siteId}/assets/{assetId}", GetAssetAsync).WithName("GetAsset").WithSummary("One asset.");
        tenant.MapGet("/nodes", ListNodesAsync).WithName("ListNodes")
            .WithSummary("The tenant's node registrations (revoked ones too) with registration state and when each node was last heard from; ?site= and ?asset= narrow it.");
        return tenantRoutes;
    }

    private static async Task<Ok<IReadOnlyList<SiteResponse>>> ListSitesAsync(string tenantId, [FromServices] IRegistryStore registry, CancellationToken cancellationToken)
    {
        var sites = await registry.ListSitesAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<SiteResponse>>(sites.Select(site => site.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<AssetResponse>>, ProblemHttpResult>> ListAssetsAsync(
        string tenantId, [FromQuery] string? site, [FromServices] IRegistryStore registry, CancellationToken cancellationToken)
    {
        if (site is not null && await registry.GetSiteAsync(tenantId, site, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiProblems.NotFound($"tenant '{tenantId}' has no site '{ApiQuery.Shorten(site)}'");
        }

        var assets = await registry.ListAssetsAsync(tenantId, site, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<AssetResponse>>(assets.Select(asset => asset.ToResponse()).ToList());
    }

    private static Task<Results<Ok<IReadOnlyList<AssetResponse>>, ProblemHttpResult>> ListSiteAssetsAsync(
        string tenantId, string siteId, [FromServices] IRegistryStore registry, CancellationToken cancellationToken) =>
        ListAssetsAsync(tenantId, siteId, registry, cancellationToken);

    private static async Task<Results<Ok<AssetResponse>, ProblemHttpResult>> GetAssetAsync(
        string tenantId, string siteId, string assetId, [FromServices] IRegistryStore registry, CancellationToken cancellationToken)
    {
        var asset = await registry.GetAssetAsync(tenantId, siteId, assetId, cancellationToken).ConfigureAwait(false);
        return asset is null ? AssetNotFound(tenantId, siteId, assetId) : TypedResults.Ok(asset.ToResponse());
    }

    private static async Task<Ok<IReadOnlyList<NodeResponse>>> ListNodesAsync(
        string tenantId,
        [FromQuery] string? site,
        [FromQuery] string? asset,
        [FromServices] IRegistryStore registry,
        [FromServices] IIngestionStore ingestion,
        CancellationToken cancellationToken)
    {
        var nodes = await registry.ListNodesAsync(tenantId, site, asset, cancellationToken).ConfigureAwait(false);
        var activity = await NodeActivityAsync(ingestion, tenantId, cancellationToken).ConfigureAwait(false);

        // Activity is kept per node id for its non-revoked registration, so only that registration gets it.
        return TypedResults.Ok<IReadOnlyList<NodeResponse>>(nodes
            .Select(node => node.ToResponse(node.IsActive ? activity.GetValueOrDefault(node.NodeId) : null))
            .ToList());
    }

    internal static ProblemHttpResult AssetNotFound(string tenantId, string siteId, string assetId) =>
        ApiProblems.NotFound($"tenant '{tenantId}' has no asset '{ApiQuery.Shorten(assetId)}' at site '{ApiQuery.Shorten(siteId)}'");

    private static async Task<Dictionary<string, NodeActivity>> NodeActivityAsync(IIngestionStore ingestion, string tenantId, CancellationToken cancellationToken)
    {
        // The store lists every tenant's activity (the offline monitor sweeps them all); keep this tenant's only.
        var activity = await ingestion.ListNodeActivityAsync(cancellationToken).ConfigureAwait(false);
        return activity
            .Where(node => string.Equals(node.TenantId, tenantId, StringComparison.Ordinal))
            .ToDictionary(node => node.NodeId, StringComparer.Ordinal);
    }
}

using System;

namespace Retrosense.Platform.Models;

/// <summary>
/// Whom a model serves: a whole tenant (<see cref="SiteId"/> and <see cref="AssetId"/> null), or one asset of it (both
/// given, since an asset id is unique only within its site). Scoring resolves an asset's model as: the asset's promoted
/// version of the name, else the tenant's.
/// </summary>
public sealed record ModelScope(string TenantId, string? SiteId = null, string? AssetId = null)
{
    /// <summary>True for a model of one asset.</summary>
    public bool IsAsset => AssetId is not null;

    public static ModelScope Tenant(string tenantId) => new(tenantId);

    public static ModelScope Asset(string tenantId, string siteId, string assetId) => new(tenantId, siteId, assetId);

    /// <summary>Throws <see cref="ArgumentException"/> with one line when the scope is incomplete.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(TenantId))
        {
            throw new ArgumentException("a model scope needs a tenant id", nameof(TenantId));
        }

        if ((SiteId is null) != (AssetId is null))
        {
            throw new ArgumentException("an asset model scope needs both the site and the asset id (an asset id is unique only within its site)", nameof(AssetId));
        }

        if (SiteId is not null && (string.IsNullOrWhiteSpace(SiteId) || string.IsNullOrWhiteSpace(AssetId)))
        {
            throw new ArgumentException("site and asset ids of a model scope must not be blank", nameof(AssetId));
        }
    }

    public override string ToString() => IsAsset ? $"{TenantId}/{SiteId}/{AssetId}" : TenantId;
}

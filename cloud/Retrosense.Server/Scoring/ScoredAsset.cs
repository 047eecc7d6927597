namespace Retrosense.Server.Scoring;

/// <summary>An asset as scoring keys it: the site is part of its name (an asset id is unique only within its site).</summary>
public readonly record struct ScoredAsset(string TenantId, string SiteId, string AssetId)
{
    public override string ToString() => $"{TenantId}/{SiteId}/{AssetId}";
}

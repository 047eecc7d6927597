using Retrosense.Platform.Rollups;

namespace Retrosense.Storage.Rollups;

/// <summary>One rollup row's key: the primary key of <c>asset_rollups</c>.</summary>
internal readonly record struct AssetRollupKey(string TenantId, string AssetId, RollupResolution Resolution, long BucketStartUnixMilliseconds, string Metric);

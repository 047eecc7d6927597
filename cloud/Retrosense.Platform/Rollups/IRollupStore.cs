using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Platform.Rollups;

/// <summary>
/// Per-asset minute and hour rollups of telemetry. They are maintained by <see cref="Ingestion.IIngestionStore.WriteBatchAsync"/>
/// in the same transaction as the messages (a duplicate adds nothing), so they are never behind the raw rows.
/// </summary>
public interface IRollupStore
{
    /// <summary>
    /// Rollup points of one asset with bucket start in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), ordered by
    /// bucket then metric; <paramref name="metrics"/> null or empty means every metric. Unknown metric names throw
    /// <see cref="ArgumentException"/>.
    /// </summary>
    Task<IReadOnlyList<AssetRollupPoint>> GetAssetRollupsAsync(
        string tenantId,
        string assetId,
        RollupResolution resolution,
        DateTimeOffset fromUtc,
        DateTimeOffset toUtc,
        IReadOnlyCollection<string>? metrics = null,
        CancellationToken cancellationToken = default);
}

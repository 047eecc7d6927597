using System;
using System.Collections.Generic;
using System.Data;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Rollups;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage.Rollups;

/// <summary>
/// Reads <c>asset_rollups</c>, which <see cref="Ingestion.SqlIngestionStore"/> maintains inside each batch's
/// transaction; the mean is computed on read from the stored sum and count, so merging buckets stays exact.
/// </summary>
internal sealed class SqlRollupStore : IRollupStore
{
    private static readonly HashSet<string> KnownMetrics = new(RollupMetrics.All, StringComparer.Ordinal);

    private readonly StoreDialect _dialect;

    public SqlRollupStore(StoreDialect dialect)
    {
        _dialect = dialect;
    }

    public async Task<IReadOnlyList<AssetRollupPoint>> GetAssetRollupsAsync(
        string tenantId,
        string assetId,
        RollupResolution resolution,
        DateTimeOffset fromUtc,
        DateTimeOffset toUtc,
        IReadOnlyCollection<string>? metrics = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(assetId);
        var resolutionName = AssetRollupBatch.ResolutionName(resolution);
        var wanted = metrics?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        var unknown = wanted.Where(metric => !KnownMetrics.Contains(metric)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"unknown rollup metric(s) {string.Join(", ", unknown.Select(metric => "'" + metric + "'"))}; known: {string.Join(", ", RollupMetrics.All)}",
                nameof(metrics));
        }

        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder(
            "SELECT bucket_start, metric, value_count, value_min, value_max, value_sum FROM asset_rollups "
            + "WHERE tenant_id = @tenant AND asset_id = @asset AND resolution = @resolution AND bucket_start >= @from AND bucket_start < @to");
        if (wanted.Count > 0)
        {
            sql.Append(" AND metric IN (");
            for (var i = 0; i < wanted.Count; i++)
            {
                var name = "@metric" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(i == 0 ? name : ", " + name);
                StoreDialect.AddParameter(command, name, DbType.String, wanted[i]);
            }

            sql.Append(')');
        }

        sql.Append(" ORDER BY bucket_start, metric");
        command.CommandText = sql.ToString();
        StoreDialect.AddParameter(command, "@tenant", DbType.String, tenantId);
        StoreDialect.AddParameter(command, "@asset", DbType.String, assetId);
        StoreDialect.AddParameter(command, "@resolution", DbType.String, resolutionName);
        _dialect.AddInstant(command, "@from", fromUtc);
        _dialect.AddInstant(command, "@to", toUtc);
        var points = new List<AssetRollupPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var count = reader.GetInt64(2);
            points.Add(new AssetRollupPoint(_dialect.ReadInstant(reader, 0), reader.GetString(1), count, reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5) / count));
        }

        return points;
    }
}

using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Retention;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage.Retention;

/// <summary>
/// <see cref="IRetentionStore"/> over either database. Every delete runs in batches of at most
/// <see cref="RowsPerTransaction"/> rows, each in its own short write transaction, so ingestion waits at most one
/// batch for the write lock. Child rows go before their parent in the same transaction, by an explicit id list (a
/// historical message arriving between the statements cannot be half deleted). The latest status message of each node
/// (referenced by <c>node_status</c>) is kept however old, so a long-silent node still shows its last status.
/// </summary>
internal sealed class SqlRetentionStore : IRetentionStore
{
    internal const int RowsPerTransaction = 1000;

    // Telemetry has no child rows since migration 0004 (its features live in node_messages.payload).
    private static readonly string[] MessageChildTables = ["node_alarms", "node_status_history"];

    private readonly StoreDialect _dialect;

    public SqlRetentionStore(StoreDialect dialect)
    {
        _dialect = dialect;
    }

    public async Task<RetentionResult> ApplyAsync(RetentionPolicy policy, DateTimeOffset nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        var deleted = new Dictionary<string, long>(StringComparer.Ordinal);

        await DeleteParentsWithChildrenAsync(
            "node_messages",
            "message_id",
            "SELECT message_id FROM node_messages WHERE ts < @cutoff AND message_id NOT IN (SELECT message_id FROM node_status) ORDER BY ts LIMIT @limit",
            MessageChildTables,
            "message_id",
            nowUtc.AddDays(-policy.RawTelemetryDays),
            deleted,
            cancellationToken).ConfigureAwait(false);

        await DeleteParentsWithChildrenAsync(
            "alarms",
            "alarm_id",
            "SELECT alarm_id FROM alarms WHERE cleared_at IS NOT NULL AND cleared_at < @cutoff ORDER BY cleared_at LIMIT @limit",
            ["alarm_events"],
            "alarm_id",
            nowUtc.AddDays(-policy.ClearedAlarmDays),
            deleted,
            cancellationToken).ConfigureAwait(false);

        const string RollupKey = "tenant_id, asset_id, resolution, bucket_start, metric";
        Add(deleted, "asset_rollups", await DeleteInBatchesAsync(
            "DELETE FROM asset_rollups WHERE (" + RollupKey + ") IN (SELECT " + RollupKey + " FROM asset_rollups WHERE resolution = 'minute' AND bucket_start < @cutoff LIMIT @limit)",
            nowUtc.AddDays(-policy.MinuteRollupDays),
            cancellationToken).ConfigureAwait(false));
        Add(deleted, "asset_rollups", await DeleteInBatchesAsync(
            "DELETE FROM asset_rollups WHERE (" + RollupKey + ") IN (SELECT " + RollupKey + " FROM asset_rollups WHERE resolution = 'hour' AND bucket_start < @cutoff LIMIT @limit)",
            nowUtc.AddDays(-policy.HourRollupDays),
            cancellationToken).ConfigureAwait(false));
        Add(deleted, "quarantine", await DeleteInBatchesAsync(
            "DELETE FROM quarantine WHERE quarantine_id IN (SELECT quarantine_id FROM quarantine WHERE received_at < @cutoff LIMIT @limit)",
            nowUtc.AddDays(-policy.QuarantineDays),
            cancellationToken).ConfigureAwait(false));

        // Validate() already refused fewer days; Math.Max keeps the floor even if that check were ever loosened.
        var usageDays = Math.Max(policy.UsageEventDays, RetentionPolicy.MinimumUsageEventDays);
        Add(deleted, "usage_events", await DeleteInBatchesAsync(
            "DELETE FROM usage_events WHERE usage_event_id IN (SELECT usage_event_id FROM usage_events WHERE ts < @cutoff LIMIT @limit)",
            nowUtc.AddDays(-usageDays),
            cancellationToken).ConfigureAwait(false));

        return new RetentionResult(deleted);
    }

    private static void Add(Dictionary<string, long> deleted, string table, long rows) =>
        deleted[table] = (deleted.TryGetValue(table, out var earlier) ? earlier : 0) + rows;

    private async Task<long> DeleteInBatchesAsync(string deleteSql, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = deleteSql;
            _dialect.AddInstant(command, "@cutoff", cutoff);
            StoreDialect.AddParameter(command, "@limit", DbType.Int32, RowsPerTransaction);
            var rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            total += rows;
            if (rows < RowsPerTransaction)
            {
                return total;
            }
        }
    }

    private async Task DeleteParentsWithChildrenAsync(
        string parentTable,
        string parentKey,
        string selectIdsSql,
        IReadOnlyList<string> childTables,
        string childKey,
        DateTimeOffset cutoff,
        Dictionary<string, long> deleted,
        CancellationToken cancellationToken)
    {
        foreach (var table in childTables)
        {
            Add(deleted, table, 0);
        }

        Add(deleted, parentTable, 0);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
            var ids = new List<long>(RowsPerTransaction);
            await using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = selectIdsSql;
                _dialect.AddInstant(select, "@cutoff", cutoff);
                StoreDialect.AddParameter(select, "@limit", DbType.Int32, RowsPerTransaction);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(reader.GetInt64(0));
                }
            }

            if (ids.Count == 0)
            {
                return;
            }

            foreach (var table in childTables)
            {
                Add(deleted, table, await DeleteIdsAsync(connection, transaction, table, childKey, ids, cancellationToken).ConfigureAwait(false));
            }

            Add(deleted, parentTable, await DeleteIdsAsync(connection, transaction, parentTable, parentKey, ids, cancellationToken).ConfigureAwait(false));
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (ids.Count < RowsPerTransaction)
            {
                return;
            }
        }
    }

    private static async Task<long> DeleteIdsAsync(DbConnection connection, DbTransaction transaction, string table, string key, List<long> ids, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("DELETE FROM ").Append(table).Append(" WHERE ").Append(key).Append(" IN (");
        for (var i = 0; i < ids.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : ", ").Append(MultiRowValues.Name(i));
            StoreDialect.AddParameter(command, MultiRowValues.Name(i), DbType.Int64, ids[i]);
        }

        command.CommandText = sql.Append(')').ToString();
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

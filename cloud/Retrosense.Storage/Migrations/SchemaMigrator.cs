using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage.Migrations;

/// <summary>
/// Brings a database to the latest schema: each pending migration runs in its own transaction together with its row
/// in <c>schema_migrations</c>, so a crash leaves the database at a whole version. Concurrent starters are serialized
/// (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock) and re-check inside the lock, so re-running is a no-op.
/// </summary>
internal sealed class SchemaMigrator
{
    private readonly StoreDialect _dialect;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly TimeProvider _timeProvider;

    public SchemaMigrator(StoreDialect dialect, IReadOnlyList<Migration> migrations, TimeProvider timeProvider)
    {
        _dialect = dialect;
        _migrations = migrations;
        _timeProvider = timeProvider;
    }

    private int LatestVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        var appliedNow = new List<int>();
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // First pass in its own transaction: create the bookkeeping table, refuse a database this build cannot use.
        await using (var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            await _dialect.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, CreateMigrationsTableSql(), cancellationToken).ConfigureAwait(false);
            var applied = await ReadAppliedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            CheckCompatible(applied);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var migration in _migrations)
        {
            await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
            await _dialect.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var applied = await ReadAppliedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            CheckCompatible(applied);
            if (applied.ContainsKey(migration.Version))
            {
                continue;
            }

            try
            {
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException exception)
            {
                throw new ReportingStoreSchemaException(
                    $"migration {migration.Version:D4}_{migration.Name} failed on {_dialect.Location}: {exception.Message}", exception);
            }

            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @appliedAt)";
                StoreDialect.AddParameter(insert, "@version", DbType.Int32, migration.Version);
                StoreDialect.AddParameter(insert, "@name", DbType.String, migration.Name);
                StoreDialect.AddParameter(insert, "@checksum", DbType.String, migration.Checksum);
                _dialect.AddInstant(insert, "@appliedAt", _timeProvider.GetUtcNow());
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            appliedNow.Add(migration.Version);
        }

        return new MigrationResult(LatestVersion, appliedNow);
    }

    private string CreateMigrationsTableSql() => _dialect.Name == "postgres"
        ? "CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL)"
        : "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL)";

    private void CheckCompatible(IReadOnlyDictionary<int, (string Name, string Checksum)> applied)
    {
        var newest = 0;
        foreach (var version in applied.Keys)
        {
            newest = Math.Max(newest, version);
        }

        if (newest > LatestVersion)
        {
            throw new ReportingStoreSchemaException(
                $"{_dialect.Location} has schema version {newest.ToString(CultureInfo.InvariantCulture)}, newer than the latest this build of Retrosense knows "
                + $"({LatestVersion.ToString(CultureInfo.InvariantCulture)}); run a newer Retrosense against it, or point this one at another store");
        }

        foreach (var migration in _migrations)
        {
            if (applied.TryGetValue(migration.Version, out var recorded) && !string.Equals(recorded.Checksum, migration.Checksum, StringComparison.OrdinalIgnoreCase))
            {
                throw new ReportingStoreSchemaException(
                    $"{_dialect.Location} applied migration {migration.Version:D4}_{recorded.Name} with different SQL than this build carries "
                    + $"(checksum {recorded.Checksum} there, {migration.Checksum} here); a released migration must never be edited, add a new one");
            }
        }
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> ReadAppliedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string, string)>();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, name, checksum FROM schema_migrations";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = (reader.GetString(1), reader.GetString(2));
        }

        return applied;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Storage.Alarms;
using Retrosense.Storage.Credentials;
using Retrosense.Storage.Ingestion;
using Retrosense.Storage.Migrations;
using Retrosense.Storage.Models;
using Retrosense.Storage.Predictions;
using Retrosense.Storage.Recommendations;
using Retrosense.Storage.Registry;
using Retrosense.Storage.Retention;
using Retrosense.Storage.Rollups;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage;

/// <summary>Opens a reporting store: connects, applies pending migrations, refuses a schema newer than this build.</summary>
public static class ReportingStoreFactory
{
    /// <summary>
    /// Opens the store the options describe and brings its schema up to date. Throws
    /// <see cref="ReportingStoreSchemaException"/> when the database is newer than this build or a migration fails,
    /// <see cref="ArgumentException"/> when the options are incomplete.
    /// </summary>
    public static async Task<ReportingStore> OpenAsync(ReportingStoreOptions options, CancellationToken cancellationToken = default)
    {
        var dialect = await OpenDialectAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await new SchemaMigrator(dialect, MigrationCatalog.For(options.Kind), options.TimeProvider)
                .MigrateAsync(cancellationToken).ConfigureAwait(false);
            return new ReportingStore(
                options.Kind,
                dialect,
                result.SchemaVersion,
                new SqlRegistryStore(dialect, options.TimeProvider),
                new SqlIngestionStore(dialect, options.TimeProvider),
                new SqlRollupStore(dialect),
                new SqlAlarmStore(dialect, options.TimeProvider),
                new SqlNodeCredentialStore(dialect, options.TimeProvider),
                new SqlRetentionStore(dialect),
                new SqlModelRegistryStore(dialect, options.TimeProvider),
                new SqlPredictionStore(dialect, options.TimeProvider),
                new SqlRecommendationStore(dialect, options.TimeProvider));
        }
        catch
        {
            await dialect.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Applies pending migrations and reports what was done, without keeping the store open.</summary>
    public static async Task<MigrationResult> MigrateAsync(ReportingStoreOptions options, CancellationToken cancellationToken = default)
    {
        var dialect = await OpenDialectAsync(options, cancellationToken).ConfigureAwait(false);
        await using (dialect.ConfigureAwait(false))
        {
            return await new SchemaMigrator(dialect, MigrationCatalog.For(options.Kind), options.TimeProvider)
                .MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<StoreDialect> OpenDialectAsync(ReportingStoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Kind)
        {
            case ReportingStoreKind.Sqlite:
                if (string.IsNullOrWhiteSpace(options.SqliteFilePath))
                {
                    throw new ArgumentException("a SQLite reporting store needs a file path", nameof(options));
                }

                var sqlite = new SqliteDialect(options.SqliteFilePath, options.BusyTimeout);
                try
                {
                    await sqlite.InitializeAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await sqlite.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                return sqlite;
            case ReportingStoreKind.Postgres:
                if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
                {
                    throw new ArgumentException("a PostgreSQL reporting store needs a connection string", nameof(options));
                }

                return new PostgresDialect(options.PostgresConnectionString);
            default:
                throw new ArgumentException($"unknown reporting store kind {options.Kind}", nameof(options));
        }
    }
}

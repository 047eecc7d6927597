using System;
using System.Threading.Tasks;
using Retrosense.Platform.Alarms;
using Retrosense.Platform.Credentials;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Models;
using Retrosense.Platform.Predictions;
using Retrosense.Platform.Recommendations;
using Retrosense.Platform.Registry;
using Retrosense.Platform.Retention;
using Retrosense.Platform.Rollups;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage;

/// <summary>
/// An open, migrated reporting store. Its parts are the Platform's store interfaces (registry, ingestion, rollups,
/// alarms, node credentials, retention, models, predictions, recommendations); they are thread-safe and share one connection pool.
/// </summary>
public sealed class ReportingStore : IAsyncDisposable
{
    private readonly StoreDialect _dialect;

    internal ReportingStore(
        ReportingStoreKind kind,
        StoreDialect dialect,
        int schemaVersion,
        IRegistryStore registry,
        IIngestionStore ingestion,
        IRollupStore rollups,
        IAlarmStore alarms,
        INodeCredentialStore credentials,
        IRetentionStore retention,
        IModelRegistryStore models,
        IPredictionStore predictions,
        IRecommendationStore recommendations)
    {
        Kind = kind;
        _dialect = dialect;
        SchemaVersion = schemaVersion;
        Registry = registry;
        Ingestion = ingestion;
        Rollups = rollups;
        Alarms = alarms;
        Credentials = credentials;
        Retention = retention;
        Models = models;
        Predictions = predictions;
        Recommendations = recommendations;
    }

    public ReportingStoreKind Kind { get; }

    /// <summary>Where the store is, without secrets.</summary>
    public string Location => _dialect.Location;

    /// <summary>The schema version the database is at (the latest migration this build carries).</summary>
    public int SchemaVersion { get; }

    public IRegistryStore Registry { get; }

    /// <summary>Accepted node messages (exactly once), their telemetry, alarms and status, and the quarantine.</summary>
    public IIngestionStore Ingestion { get; }

    /// <summary>Per-asset minute and hour rollups, kept by <see cref="Ingestion"/> in each batch's transaction.</summary>
    public IRollupStore Rollups { get; }

    /// <summary>Cloud and node alarms with their raised / escalated / cleared / acknowledged history.</summary>
    public IAlarmStore Alarms { get; }

    /// <summary>Per-node MQTT passwords (SHA-256 only).</summary>
    public INodeCredentialStore Credentials { get; }

    /// <summary>Deletes what the retention policy no longer keeps, in bounded batches.</summary>
    public IRetentionStore Retention { get; }

    /// <summary>Versioned model packages per tenant or asset, promotion and roll-back (migration 0005).</summary>
    public IModelRegistryStore Models { get; }

    /// <summary>Model outputs per asset: health score, failure risk, RUL, fault type (migrations 0003, 0005).</summary>
    public IPredictionStore Predictions { get; }

    /// <summary>Process-optimization recommendations and the accept/reject decisions on them (migration 0003).</summary>
    public IRecommendationStore Recommendations { get; }

    /// <summary>Closes the ingestion store's writer connection, then the connection pool.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Ingestion is IAsyncDisposable ingestion)
        {
            await ingestion.DisposeAsync().ConfigureAwait(false);
        }

        await _dialect.DisposeAsync().ConfigureAwait(false);
    }
}

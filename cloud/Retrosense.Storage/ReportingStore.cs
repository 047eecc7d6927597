using System;
using System.Threading.Tasks;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Registry;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage;

/// <summary>
/// An open, migrated reporting store. Its parts are the Platform's store interfaces (the registry and ingestion); they are thread-safe and share one connection pool.
/// </summary>
public sealed class ReportingStore : IAsyncDisposable
{
    private readonly StoreDialect _dialect;

    internal ReportingStore(ReportingStoreKind kind, StoreDialect dialect, int schemaVersion, IRegistryStore registry, IIngestionStore ingestion)
    {
        Kind = kind;
        _dialect = dialect;
        SchemaVersion = schemaVersion;
        Registry = registry;
        Ingestion = ingestion;
    }

    public ReportingStoreKind Kind { get; }

    /// <summary>Where the store is, without secrets.</summary>
    public string Location => _dialect.Location;

    /// <summary>The schema version the database is at (the latest migration this build carries).</summary>
    public int SchemaVersion { get; }

    public IRegistryStore Registry { get; }

    /// <summary>Accepted node messages (exactly once), their telemetry, alarms and status, and the quarantine.</summary>
    public IIngestionStore Ingestion { get; }

    /// <summary>Closes the connection pool.</summary>
    public ValueTask DisposeAsync() => _dialect.DisposeAsync();
}

namespace Retrosense.Storage;

/// <summary>Which database holds the reporting store.</summary>
public enum ReportingStoreKind
{
    /// <summary>A SQLite file (the local default, under the server's data directory).</summary>
    Sqlite = 1,

    /// <summary>A PostgreSQL database (production).</summary>
    Postgres = 2,
}

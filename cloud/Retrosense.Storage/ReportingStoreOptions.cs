using System;
using System.IO;

namespace Retrosense.Storage;

/// <summary>Where the reporting store lives and how to talk to it.</summary>
public sealed record ReportingStoreOptions
{
    /// <summary>File name of the SQLite store inside a data directory.</summary>
    public const string SqliteFileName = "retrosense.db";

    /// <summary>How long a SQLite writer waits for another writer's lock before failing.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(10);

    public required ReportingStoreKind Kind { get; init; }

    /// <summary>The SQLite database file (created with its folder when missing); for <see cref="ReportingStoreKind.Sqlite"/>.</summary>
    public string? SqliteFilePath { get; init; }

    /// <summary>An Npgsql connection string; for <see cref="ReportingStoreKind.Postgres"/>.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>SQLite's busy timeout.</summary>
    public TimeSpan BusyTimeout { get; init; } = DefaultBusyTimeout;

    /// <summary>The clock that stamps created, provisioned, revoked and recorded times (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>A SQLite store in <paramref name="filePath"/>.</summary>
    public static ReportingStoreOptions ForSqlite(string filePath) => new()
    {
        Kind = ReportingStoreKind.Sqlite,
        SqliteFilePath = filePath,
    };

    /// <summary>A PostgreSQL store reached with <paramref name="connectionString"/>.</summary>
    public static ReportingStoreOptions ForPostgres(string connectionString) => new()
    {
        Kind = ReportingStoreKind.Postgres,
        PostgresConnectionString = connectionString,
    };

    /// <summary>
    /// The options the server and CLI flags describe: <c>--store sqlite|postgres</c> (default sqlite),
    /// <c>--connection</c> (PostgreSQL connection string, or a SQLite file path), <c>--data-dir</c>
    /// (SQLite file <see cref="SqliteFileName"/> inside it when no connection is given).
    /// Throws <see cref="ArgumentException"/> with one clear line on a bad combination.
    /// </summary>
    public static ReportingStoreOptions FromFlags(string? store, string? connection, string dataDirectory)
    {
        switch (store?.Trim().ToLowerInvariant())
        {
            case null or "" or "sqlite":
                return ForSqlite(string.IsNullOrWhiteSpace(connection) ? Path.Combine(dataDirectory, SqliteFileName) : connection);
            case "postgres" or "postgresql":
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new ArgumentException("--store postgres needs --connection \"Host=…;Database=…;Username=…\"", nameof(connection));
                }

                return ForPostgres(connection);
            default:
                throw new ArgumentException($"store '{store}' is not sqlite or postgres", nameof(store));
        }
    }

    /// <summary>Where the store is, without secrets (for logs and error messages).</summary>
    public string Describe() => Kind switch
    {
        ReportingStoreKind.Sqlite => "SQLite file " + Path.GetFullPath(SqliteFilePath ?? string.Empty),
        ReportingStoreKind.Postgres => "PostgreSQL " + Sql.PostgresDialect.DescribeWithoutPassword(PostgresConnectionString ?? string.Empty),
        _ => Kind.ToString(),
    };
}

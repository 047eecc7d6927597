using System;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Retrosense.Storage.Sql;

/// <summary>
/// SQLite through Microsoft.Data.Sqlite: WAL journal (readers never block the writer), <c>synchronous=NORMAL</c>
/// (a commit survives a process kill; an OS crash can lose the last commits, see https://sqlite.org/wal.html),
/// foreign keys on, and a busy timeout so concurrent writers wait instead of failing. Instants are unix milliseconds.
/// </summary>
internal sealed class SqliteDialect : StoreDialect
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>SQLITE_CONSTRAINT (https://sqlite.org/rescode.html#constraint).</summary>
    private const int ConstraintErrorCode = 19;

    /// <summary>SQLITE_CONSTRAINT_PRIMARYKEY and SQLITE_CONSTRAINT_UNIQUE (https://sqlite.org/rescode.html).</summary>
    private const int PrimaryKeyErrorCode = 1555;
    private const int UniqueErrorCode = 2067;

    private readonly string _connectionString;
    private readonly string _perConnectionPragmas;

    public SqliteDialect(string filePath, TimeSpan busyTimeout)
    {
        FilePath = Path.GetFullPath(filePath);
        var folder = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var busySeconds = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = busySeconds,
        }.ToString();

        // synchronous and busy_timeout are per connection, so every opened connection sets them (microseconds).
        _perConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = "
            + ((long)busyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + ";";
    }

    public string FilePath { get; }

    public override string Name => "sqlite";

    /// <summary>
    /// Small on purpose: Microsoft.Data.Sqlite binds each parameter by name through sqlite3_bind_parameter_index, which
    /// scans the statement's parameter list (sqlite3VListNameToNum, one strncmp per entry), so binding n parameters costs
    /// n²/2 name comparisons. perf on the running server (ingest benchmark, 2026-11-27) put 23% of its CPU samples in that
    /// scan (strncmp 18.7%, sqlite3VListNameToNum 4.3%) at 400 parameters per statement, 1.6% at 20. 20 keeps one
    /// telemetry message (node_messages row; its 3 telemetry_features rows) per statement and two rollup or activity rows.
    /// Store alone (Ten_Thousand test, batches of 500, same hour, load 20–75): 4,148–6,052 messages per CPU-second at
    /// 400, 4,954–7,813 at 20 (1 parameter, i.e. one row per statement: 4,806–5,334; 48: 4,845–4,967).
    /// </summary>
    public override int ParametersPerStatement => 20;

    public override string Location => "SQLite file " + FilePath;

    public override bool KeepsWriterConnection => true;

    /// <summary>Switches the file to WAL; the journal mode is stored in the file, so once is enough.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{Location} refused WAL journal mode (got '{mode}')");
        }
    }

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = _perConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: takes the write lock now, so a read-check-write sequence cannot interleave with another writer.
        return ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // The migration transaction is BEGIN IMMEDIATE: it already excludes every other writer.
        return Task.CompletedTask;
    }

    public override async Task<bool> MigrationsTableExistsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
        var count = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0L);
        return count > 0;
    }

    public override void AddInstant(DbCommand command, string name, DateTimeOffset? instant) =>
        AddParameter(command, name, DbType.Int64, instant?.ToUnixTimeMilliseconds());

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public override void AddDate(DbCommand command, string name, DateOnly date) =>
        AddParameter(command, name, DbType.String, date.ToString(DateFormat, CultureInfo.InvariantCulture));

    public override DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), DateFormat, CultureInfo.InvariantCulture);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: ConstraintErrorCode } sqlite
        && sqlite.SqliteExtendedErrorCode is UniqueErrorCode or PrimaryKeyErrorCode;

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file (and its -wal and -shm files) open; release them with the store.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}

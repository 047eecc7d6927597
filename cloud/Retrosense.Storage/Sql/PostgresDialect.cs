using System;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace Retrosense.Storage.Sql;

/// <summary>PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>; instants are <c>timestamptz</c>.</summary>
internal sealed class PostgresDialect : StoreDialect
{
    /// <summary>Key of the transaction-scoped advisory lock that serializes migrations ("Rtrs" in ASCII).</summary>
    private const long MigrationLockKey = 0x52747273;

    /// <summary>unique_violation (https://www.postgresql.org/docs/current/errcodes-appendix.html).</summary>
    private const string UniqueViolationSqlState = "23505";

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(string connectionString)
    {
        try
        {
            _dataSource = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException exception)
        {
            // Npgsql's message names the bad keyword without echoing the string, which may hold a password.
            throw new ArgumentException("the PostgreSQL connection string is not valid: " + exception.Message, nameof(connectionString), exception);
        }

        Location = "PostgreSQL " + DescribeWithoutPassword(connectionString);
    }

    public override string Name => "postgres";

    /// <summary>Each statement is a round trip to the server, so fewer, larger statements win (the protocol allows 65,535 parameters).</summary>
    public override int ParametersPerStatement => 4000;

    public override string Location { get; }

    /// <summary>Host, port and database of a connection string, never its password.</summary>
    public static string DescribeWithoutPassword(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"database '{builder.Database}' on {builder.Host}:{builder.Port} as '{builder.Username}'";
        }
        catch (ArgumentException)
        {
            return "(unparseable connection string)";
        }
    }

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT pg_advisory_xact_lock(@key)";
        AddParameter(command, "@key", DbType.Int64, MigrationLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task<bool> MigrationsTableExistsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_regclass('schema_migrations') IS NOT NULL";
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? false);
    }

    public override void AddInstant(DbCommand command, string name, DateTimeOffset? instant) =>
        AddParameter(command, name, DbType.DateTimeOffset, instant?.ToUniversalTime());

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override void AddDate(DbCommand command, string name, DateOnly date) =>
        AddParameter(command, name, DbType.Date, date);

    public override DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateOnly>(ordinal);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: UniqueViolationSqlState };

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}

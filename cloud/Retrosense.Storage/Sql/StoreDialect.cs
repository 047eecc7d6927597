using System;
using System.Data;
using System.Data.Common;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Storage.Sql;

/// <summary>
/// What differs between the two databases: connecting, how times and dates are stored, how a migration is serialized
/// against concurrent starters, and how a unique-key violation is recognised. The SQL of the stores is otherwise
/// shared (both speak <c>@name</c> parameters, <c>ON CONFLICT</c>, <c>RETURNING</c> and partial indexes).
/// </summary>
internal abstract class StoreDialect : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres": also the folder of this dialect's migration scripts.</summary>
    public abstract string Name { get; }

    /// <summary>Where the store is, without secrets.</summary>
    public abstract string Location { get; }

    public abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// How many parameters a multi-row INSERT should bind at most: enough rows to save per-statement work, few enough
    /// that binding stays cheap (see the dialects for why the numbers differ).
    /// </summary>
    public abstract int ParametersPerStatement { get; }

    /// <summary>
    /// True when the ingestion store should keep one writer connection open with its compiled statements across batches
    /// (SQLite: a file handle, no server that could drop it); false opens a pooled connection per batch.
    /// </summary>
    public virtual bool KeepsWriterConnection => false;

    /// <summary>Begins a transaction that holds the write lock from its start (so read-then-write cannot race).</summary>
    public abstract ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Serializes migrations between processes starting at once; called first inside each migration transaction.
    /// </summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>True when the <c>schema_migrations</c> table exists.</summary>
    public abstract Task<bool> MigrationsTableExistsAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Adds a UTC instant parameter (SQLite: unix milliseconds; PostgreSQL: timestamptz).</summary>
    public abstract void AddInstant(DbCommand command, string name, DateTimeOffset? instant);

    public abstract DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);

    /// <summary>Adds a calendar date parameter (SQLite: ISO text yyyy-MM-dd; PostgreSQL: date).</summary>
    public abstract void AddDate(DbCommand command, string name, DateOnly date);

    public abstract DateOnly ReadDate(DbDataReader reader, int ordinal);

    /// <summary>True when <paramref name="exception"/> is a unique-constraint or unique-index violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    public DateTimeOffset? ReadNullableInstant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadInstant(reader, ordinal);

    public abstract ValueTask DisposeAsync();

    public static void AddParameter(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// The optional equality filters of the list queries: appends <c> AND column = parameterName</c> and binds
    /// <paramref name="value"/> as text, or does nothing when the caller did not filter on that column.
    /// </summary>
    public static void AppendOptionalTextFilter(StringBuilder sql, DbCommand command, string column, string parameterName, string? value)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (value is null)
        {
            return;
        }

        sql.Append(" AND ").Append(column).Append(" = ").Append(parameterName);
        AddParameter(command, parameterName, DbType.String, value);
    }
}

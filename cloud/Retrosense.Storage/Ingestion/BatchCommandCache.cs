using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading.Tasks;

namespace Retrosense.Storage.Ingestion;

/// <summary>
/// One command per SQL text for the life of a batch's transaction, or of a kept writer connection across batches (see
/// <see cref="UseTransaction"/>). Re-using the command lets SQLite keep its compiled statement instead of parsing the
/// same INSERT for every row; parameters are cleared and re-added per use.
/// </summary>
internal sealed class BatchCommandCache : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private DbTransaction _transaction;

    public BatchCommandCache(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>The next batch's transaction on the same connection: its commands (and their compiled statements) are kept.</summary>
    public void UseTransaction(DbTransaction transaction)
    {
        _transaction = transaction;
        foreach (var command in _commands.Values)
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>The batch's command for <paramref name="sql"/>, with no parameters.</summary>
    public DbCommand For(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Parameters.Clear();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
    }
}

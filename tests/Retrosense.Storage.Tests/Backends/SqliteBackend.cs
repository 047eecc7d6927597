using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Retrosense.Storage.Tests.Backends;

/// <summary>SQLite files in a temp folder deleted with the backend.</summary>
public sealed class SqliteBackend : StoreBackend
{
    private readonly string _folder = Directory.CreateTempSubdirectory("retrosense-sqlite-").FullName;
    private int _count;

    public override string NowExpression => "0";

    public override Task<ReportingStoreOptions> CreateEmptyStoreAsync(TimeProvider timeProvider)
    {
        _count++;
        var path = Path.Combine(_folder, $"store{_count}", "retrosense.db");
        return Task.FromResult(ReportingStoreOptions.ForSqlite(path) with { TimeProvider = timeProvider });
    }

    public override async Task ExecuteSqlAsync(ReportingStoreOptions options, string sql)
    {
        await using var connection = Open(options);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<object?> QueryScalarAsync(ReportingStoreOptions options, string sql)
    {
        await using var connection = Open(options);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static SqliteConnection Open(ReportingStoreOptions options)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = options.SqliteFilePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}

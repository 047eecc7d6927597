using System;
using System.Data.Common;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Storage.Registry;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage.Tests.Sqlite;

/// <summary>The SQLite settings the store promises: WAL, synchronous=NORMAL, foreign keys, busy timeout, indexed authorization.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("retrosense-sqlite-settings-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Every_Connection_Uses_Wal_Normal_Sync_Foreign_Keys_And_The_Busy_Timeout()
    {
        var path = Path.Combine(_folder, "nested", "folder", "retrosense.db");
        await using (await ReportingStoreFactory.OpenAsync(ReportingStoreOptions.ForSqlite(path) with { BusyTimeout = TimeSpan.FromSeconds(7) }))
        {
        }

        await using var dialect = new SqliteDialect(path, TimeSpan.FromSeconds(7));
        await using var connection = await dialect.OpenConnectionAsync(CancellationToken.None);

        Assert.True(File.Exists(path));
        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal("1", await PragmaAsync(connection, "synchronous"));
        Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));
        Assert.Equal("7000", await PragmaAsync(connection, "busy_timeout"));
    }

    [Fact]
    public async Task The_Authorization_Query_Is_One_Lookup_In_The_Active_Node_Index()
    {
        var path = Path.Combine(_folder, "retrosense.db");
        await using (await ReportingStoreFactory.OpenAsync(ReportingStoreOptions.ForSqlite(path)))
        {
        }

        await using var dialect = new SqliteDialect(path, TimeSpan.FromSeconds(1));
        await using var connection = await dialect.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqlRegistryStore.IsNodeAuthorizedSql;
        foreach (var name in new[] { "@tenant", "@node", "@site", "@asset" })
        {
            StoreDialect.AddParameter(command, name, System.Data.DbType.String, "x");
        }

        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var plan = reader.GetString(3);
        Assert.False(await reader.ReadAsync());

        Assert.Equal("SEARCH nodes USING INDEX nodes_active_by_node (tenant_id=? AND node_id=?)", plan);
    }

    private static async Task<string> PragmaAsync(DbConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}

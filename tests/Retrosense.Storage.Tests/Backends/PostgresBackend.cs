using System;
using System.Threading.Tasks;
using Npgsql;
using Retrosense.Testing;

namespace Retrosense.Storage.Tests.Backends;

/// <summary>Fresh databases on the test class's <see cref="PostgresServer"/>.</summary>
public sealed class PostgresBackend : StoreBackend
{
    private readonly PostgresServer _server;

    public PostgresBackend(PostgresServer server)
    {
        _server = server;
    }

    public override string NowExpression => "now()";

    public override async Task<ReportingStoreOptions> CreateEmptyStoreAsync(TimeProvider timeProvider)
    {
        _server.RequireRunning();
        var connectionString = await _server.CreateDatabaseConnectionStringAsync();
        return ReportingStoreOptions.ForPostgres(connectionString) with { TimeProvider = timeProvider };
    }

    public override async Task ExecuteSqlAsync(ReportingStoreOptions options, string sql)
    {
        await using var connection = new NpgsqlConnection(options.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task<object?> QueryScalarAsync(ReportingStoreOptions options, string sql)
    {
        await using var connection = new NpgsqlConnection(options.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public override ValueTask DisposeAsync()
    {
        // The databases go with the server when the class fixture is disposed; drop pooled connections to them now.
        NpgsqlConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}

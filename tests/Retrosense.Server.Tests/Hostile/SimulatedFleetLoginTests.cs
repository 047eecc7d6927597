using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Retrosense.Cli;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Registry;
using Retrosense.Storage;

namespace Retrosense.Server.Tests.Hostile;

/// <summary>
/// <c>retrosense simulate --credentials</c> against the real server: nodes with their issued passwords are stored and
/// their publish→PUBACK times reported; the same fleet with a wrong password never gets in and nothing is stored.
/// </summary>
public sealed class SimulatedFleetLoginTests : IAsyncDisposable
{
    private const string Tenant = "bench";
    private const string Site = "sim";
    private const int Nodes = 3;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "retrosense-login-" + Guid.NewGuid().ToString("N")[..12]);

    public SimulatedFleetLoginTests()
    {
        Directory.CreateDirectory(_folder);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_Fleet_With_Its_Issued_Passwords_Is_Stored_And_One_With_Wrong_Passwords_Is_Kept_Out()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = await ServerApplication.StartAsync(
            new ServerOptions { Store = ReportingStoreOptions.ForSqlite(Path.Combine(_folder, "retrosense.db")), Urls = "http://127.0.0.1:0", MqttPort = 0, DemoEnabled = false },
            cancellationToken: cancellation);
        var store = server.Services.GetRequiredService<ReportingStore>();
        var statistics = server.Services.GetRequiredService<IngestionStatistics>();
        var broker = await server.GetBrokerAddressAsync(cancellation);
        var right = new System.Text.StringBuilder();
        var wrong = new System.Text.StringBuilder();
        await store.Registry.EnsureTenantAsync(Tenant, "Bench", cancellation);
        await store.Registry.UpsertSiteAsync(new Site(Tenant, Site, "Sim"), cancellation);
        for (var index = 1; index <= Nodes; index++)
        {
            var asset = $"asset-{index:D3}";
            var node = $"node-{index:D3}";
            await store.Registry.UpsertAssetAsync(new Asset(Tenant, Site, asset, "Machine " + index, MachineGroup.Group2, Foundation.Rigid, 1500f), cancellation);
            await store.Registry.AddNodeAsync(new NodeRegistration(Tenant, Site, asset, node, NodeBoard.Linux, new string((char)('A' + index), 64), index.ToString("X", System.Globalization.CultureInfo.InvariantCulture), 1), cancellation);
            var password = await store.Credentials.IssuePasswordAsync(Tenant, node, cancellation);
            right.Append($"{Tenant}:{node} {password}\n");
            wrong.Append($"{Tenant}:{node} not-{password}\n");
        }

        var rightFile = Path.Combine(_folder, "right.txt");
        var wrongFile = Path.Combine(_folder, "wrong.txt");
        await File.WriteAllTextAsync(rightFile, right.ToString(), cancellation);
        await File.WriteAllTextAsync(wrongFile, wrong.ToString(), cancellation);

        var refused = await Task.Run(() => Simulate(broker, wrongFile), cancellation);
        Assert.Equal(0, refused.GetProperty("connected_nodes").GetInt32());
        Assert.Equal(0, refused.GetProperty("messages_acknowledged").GetInt64());
        Assert.Equal(0, statistics.Snapshot().MessagesStored);

        var accepted = await Task.Run(() => Simulate(broker, rightFile), cancellation);
        Assert.Equal(Nodes, accepted.GetProperty("connected_nodes").GetInt32());
        var acknowledged = accepted.GetProperty("messages_acknowledged").GetInt64();
        Assert.True(acknowledged > 20, "acknowledged " + acknowledged);

        // Every acknowledged publish was committed first, so the store holds at least as many (births and deaths come on top).
        Assert.True(statistics.Snapshot().MessagesStored >= acknowledged, $"stored {statistics.Snapshot().MessagesStored} < acknowledged {acknowledged}");
        var latency = accepted.GetProperty("publish_latency");
        Assert.Equal(acknowledged, latency.GetProperty("samples").GetInt64());
        Assert.True(latency.GetProperty("p50_ms").GetDouble() <= latency.GetProperty("p99_ms").GetDouble());
        Assert.True(latency.GetProperty("p99_ms").GetDouble() <= latency.GetProperty("max_ms").GetDouble());
    }

    private static JsonElement Simulate(Uri broker, string credentials)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = CliApp.Run(
            ["simulate", "--nodes", Nodes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--broker", $"mqtt://{broker.Host}:{broker.Port}", "--tenant", Tenant, "--duration", "4", "--rate", "30", "--credentials", credentials, "--json"],
            stdout,
            stderr);
        Assert.True(exitCode == 0, "simulate exited with " + exitCode + ": " + stderr);
        using var document = JsonDocument.Parse(stdout.ToString().Trim());
        return document.RootElement.Clone();
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Registry;
using Retrosense.Storage;

namespace Retrosense.Server.Tests.Hostile;

/// <summary>
/// The issue's hostile-input check: 10,000 generated bad payloads sent through the real embedded broker by authenticated
/// MQTT 5 clients at QoS 1. The server stays up, every one is quarantined or refused as unauthorized (and nothing is
/// stored), no error is logged, and memory stays bounded.
/// </summary>
public sealed class HostileInputTests : IAsyncDisposable
{
    private const string Tenant = "acme";
    private const string Site = "plant-1";
    private const string Asset = "pump-3";
    private const string Node = "n-001";
    private const int PayloadCount = 10_000;
    private const int ClientCount = 4;

    /// <summary>Publishes in flight per client: enough to keep the group commit's batches full, few enough to stay polite.</summary>
    private const int InFlightPerClient = 32;

    /// <summary>
    /// Generous bounds on growth over the run: the payloads add up to about 60 MB, so a server that kept them (or leaked per
    /// message) would pass these; a steady one stays far below.
    /// </summary>
    private const long ManagedHeapGrowthLimitBytes = 64L * 1024 * 1024;

    private const long WorkingSetGrowthLimitBytes = 256L * 1024 * 1024;

    private readonly ITestOutputHelper _output;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "retrosense-hostile-" + Guid.NewGuid().ToString("N")[..12]);

    public HostileInputTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_folder);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Ten_Thousand_Bad_Payloads_Are_All_Quarantined_Or_Refused_While_The_Server_Keeps_Running_In_Bounded_Memory()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = await ServerApplication.StartAsync(
            new ServerOptions
            {
                Store = ReportingStoreOptions.ForSqlite(Path.Combine(_folder, "retrosense.db")),
                Urls = "http://127.0.0.1:0",
                MqttPort = 0,
                DemoEnabled = false,
            },
            cancellationToken: cancellation);
        using var errors = new ServerErrorLogCollector();
        server.Services.GetRequiredService<ILoggerFactory>().AddProvider(errors);
        var unhandled = new ConcurrentQueue<string>();
        UnhandledExceptionEventHandler onUnhandled = (_, e) => unhandled.Enqueue(e.ExceptionObject.ToString() ?? "unknown");
        EventHandler<UnobservedTaskExceptionEventArgs> onUnobserved = (_, e) => unhandled.Enqueue(e.Exception.ToString());
        AppDomain.CurrentDomain.UnhandledException += onUnhandled;
        TaskScheduler.UnobservedTaskException += onUnobserved;
        try
        {
            var password = await ProvisionAsync(server.Services.GetRequiredService<ReportingStore>(), cancellation);
            var broker = await server.GetBrokerAddressAsync(cancellation);
            var statistics = server.Services.GetRequiredService<IngestionStatistics>();
            var clients = await Task.WhenAll(Enumerable.Range(0, ClientCount).Select(index => ConnectAsync(broker, "hostile-" + index, password, cancellation)));
            try
            {
                var before = statistics.Snapshot();
                var (heapBefore, workingSetBefore) = MeasureMemory();
                var elapsed = Stopwatch.StartNew();

                var generator = new HostilePayloadGenerator(Tenant, Site, Asset, Node, seed: 4);
                var results = new ConcurrentDictionary<MqttClientPublishReasonCode, int>();
                var failures = new ConcurrentQueue<string>();
                var inFlight = clients.Select(_ => new SemaphoreSlim(InFlightPerClient)).ToArray();
                var publishes = new List<Task>(PayloadCount);
                var index = 0;
                foreach (var payload in generator.Generate(PayloadCount))
                {
                    var client = index % ClientCount;
                    index++;
                    await inFlight[client].WaitAsync(cancellation);
                    publishes.Add(PublishAsync(clients[client], payload, results, failures, inFlight[client], cancellation));
                }

                await Task.WhenAll(publishes);
                var sendSeconds = elapsed.Elapsed.TotalSeconds;
                var (heapAfter, workingSetAfter) = MeasureMemory();
                var after = statistics.Snapshot();
                var quarantined = after.Quarantined - before.Quarantined;
                var unauthorized = after.Unauthorized - before.Unauthorized;
                _output.WriteLine($"sent {PayloadCount} in {sendSeconds:0.0} s; PUBACK codes: {string.Join(", ", results.Select(pair => pair.Key + " " + pair.Value))}");
                _output.WriteLine($"quarantined {quarantined}, unauthorized {unauthorized}, stored {after.MessagesStored - before.MessagesStored}, received {after.MessagesReceived - before.MessagesReceived}");
                _output.WriteLine($"managed heap {heapBefore / 1048576.0:0.0} → {heapAfter / 1048576.0:0.0} MiB, working set {workingSetBefore / 1048576.0:0.0} → {workingSetAfter / 1048576.0:0.0} MiB");

                Assert.Empty(failures);
                Assert.Equal(PayloadCount, results.Values.Sum());
                Assert.Equal(PayloadCount, quarantined + unauthorized);
                Assert.Equal(0, after.MessagesStored - before.MessagesStored);
                Assert.Equal(results.GetValueOrDefault(MqttClientPublishReasonCode.NotAuthorized), unauthorized);
                Assert.Equal(results.GetValueOrDefault(MqttClientPublishReasonCode.Success), quarantined);
                Assert.True(heapAfter - heapBefore < ManagedHeapGrowthLimitBytes, $"managed heap grew by {(heapAfter - heapBefore) / 1048576.0:0.0} MiB");
                Assert.True(workingSetAfter - workingSetBefore < WorkingSetGrowthLimitBytes, $"working set grew by {(workingSetAfter - workingSetBefore) / 1048576.0:0.0} MiB");

                // Still up and still storing: one valid message after the flood is committed.
                var valid = generator.ValidMessage(Node).ToJsonString();
                var result = await clients[0].PublishAsync(
                    new MqttApplicationMessageBuilder().WithTopic(generator.OwnTelemetryTopic).WithPayload(valid).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                    cancellation);
                Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
                Assert.Equal(1, statistics.Snapshot().MessagesStored - after.MessagesStored);
                Assert.All(clients, client => Assert.True(client.IsConnected));
            }
            finally
            {
                foreach (var client in clients)
                {
                    await client.DisconnectAsync(cancellationToken: CancellationToken.None);
                    client.Dispose();
                }
            }

            Assert.Empty(errors.Errors);
            Assert.Empty(unhandled);
        }
        finally
        {
            AppDomain.CurrentDomain.UnhandledException -= onUnhandled;
            TaskScheduler.UnobservedTaskException -= onUnobserved;
        }
    }

    private static async Task PublishAsync(
        IMqttClient client,
        HostilePayload payload,
        ConcurrentDictionary<MqttClientPublishReasonCode, int> results,
        ConcurrentQueue<string> failures,
        SemaphoreSlim slot,
        CancellationToken cancellationToken)
    {
        try
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(payload.Topic)
                .WithPayload(payload.Payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            var result = await client.PublishAsync(message, cancellationToken);
            results.AddOrUpdate(result.ReasonCode, 1, (_, count) => count + 1);
            if (result.ReasonCode is not (MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NotAuthorized))
            {
                failures.Enqueue(payload.Kind + " " + payload.Description + ": PUBACK " + result.ReasonCode + " " + result.ReasonString);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failures.Enqueue(payload.Kind + " " + payload.Description + ": " + exception.GetType().Name + " " + exception.Message);
        }
        finally
        {
            slot.Release();
        }
    }

    private static async Task<string> ProvisionAsync(ReportingStore store, CancellationToken cancellationToken)
    {
        await store.Registry.EnsureTenantAsync(Tenant, "Acme", cancellationToken);
        await store.Registry.UpsertSiteAsync(new Site(Tenant, Site, "Plant 1"), cancellationToken);
        await store.Registry.UpsertAssetAsync(new Asset(Tenant, Site, Asset, "Pump 3", MachineGroup.Group2, Foundation.Rigid, 1500f), cancellationToken);
        await store.Registry.AddNodeAsync(new NodeRegistration(Tenant, Site, Asset, Node, NodeBoard.Linux, new string('A', 64), "01", 1), cancellationToken);
        return await store.Credentials.IssuePasswordAsync(Tenant, Node, cancellationToken);
    }

    private static async Task<IMqttClient> ConnectAsync(Uri broker, string clientId, string password, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCredentials(Tenant + ":" + Node, password)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        var connected = await client.ConnectAsync(options, cancellationToken);
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        return client;
    }

    private static (long ManagedHeapBytes, long WorkingSetBytes) MeasureMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}

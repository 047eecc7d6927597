using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using Retrosense.Platform.Ingestion;
using Retrosense.Server.Tests.Ingestion;
using Retrosense.Storage;
using Retrosense.Testing.Services;

namespace Retrosense.Server.Tests.Mqtt;

/// <summary><c>--broker mqtt://HOST:PORT</c> against a real Mosquitto: a persistent session that loses nothing across a server outage.</summary>
public sealed class ExternalBrokerTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("retrosense-external-").FullName;
    private MosquittoBroker _mosquitto = null!;

    public async ValueTask InitializeAsync()
    {
        _mosquitto = new MosquittoBroker(new MosquittoBrokerOptions { Persistence = true });
        await _mosquitto.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _mosquitto.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Messages_published_while_the_server_is_down_are_stored_after_it_reconnects()
    {
        var options = new ServerOptions
        {
            Store = ReportingStoreOptions.ForSqlite(Path.Combine(_directory, "retrosense.db")),
            Urls = "http://127.0.0.1:0",
            MqttPort = 0,
            DemoEnabled = false,
            DataDirectory = _directory,
            ExternalBroker = new Uri(_mosquitto.Url),
        };

        // First run: provision, let the server create its persistent session, publish a few, stop it.
        await using (var server = await ServerApplication.StartAsync(options))
        {
            await ServerTestFleet.ProvisionAsync(server.Services.GetRequiredService<ReportingStore>().Registry, "n-001");
            await server.GetBrokerAddressAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await PublishAsync(0, 10);
            await WaitUntilAsync(() => Totals(server).MessagesStored == 10, TimeSpan.FromSeconds(30), () => Totals(server) + "\n" + _mosquitto.Log);
        }

        // While the server is down Mosquitto queues for its session.
        await PublishAsync(10, 50);

        await using (var server = await ServerApplication.StartAsync(options))
        {
            // Statistics count this process only: the 40 queued while it was down, each new (the first 10 were acknowledged).
            await WaitUntilAsync(() => Totals(server).MessagesStored == 40, TimeSpan.FromSeconds(30), () => Totals(server) + "\n" + _mosquitto.Log);
            var store = server.Services.GetRequiredService<ReportingStore>();
            Assert.Equal(0, await store.Ingestion.CountQuarantineAsync(null));
            Assert.Equal(0, Totals(server).Duplicates);
        }
    }

    private static IngestionStatisticsSnapshot Totals(RunningServer server) => server.Services.GetRequiredService<IngestionStatistics>().Snapshot();

    private async Task PublishAsync(int fromSeq, int toSeq)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(_mosquitto.Host, _mosquitto.Port).WithClientId("n-001").Build());
        for (var seq = fromSeq; seq < toSeq; seq++)
        {
            var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(ServerTestFleet.StatusTopic("n-001"))
                .WithPayload(ServerTestFleet.StatusPayload("n-001", 1, seq))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
            Assert.True(result.IsSuccess || result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers, result.ReasonCode.ToString());
        }

        await client.DisconnectAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not reached within " + timeout.TotalSeconds + " s: " + describe());
            await Task.Delay(50);
        }
    }
}

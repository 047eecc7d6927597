using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Retrosense.Contracts;
using Retrosense.Platform.Credentials;
using Retrosense.Platform.Ingestion;
using Retrosense.Server.Tests.Ingestion;
using Retrosense.Storage;
using Retrosense.Testing;

namespace Retrosense.Server.Tests.Mqtt;

/// <summary>
/// The whole server (SQLite store, embedded broker on a free port, no demo) with real MQTT clients: MQTTnet as the
/// node runtime uses it, and Debian's mosquitto_pub as a client that is not ours.
/// </summary>
public sealed class EmbeddedBrokerTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("retrosense-broker-").FullName;
    private RunningServer _server = null!;
    private Uri _broker = null!;
    private string _passwordOfNode1 = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _server = await ServerApplication.StartAsync(new ServerOptions
        {
            Store = ReportingStoreOptions.ForSqlite(Path.Combine(_directory, "retrosense.db")),
            Urls = "http://127.0.0.1:0",
            MqttPort = 0,
            DemoEnabled = false,
            DataDirectory = _directory,
        });
        _broker = await _server.GetBrokerAddressAsync();
        var store = _server.Services.GetRequiredService<ReportingStore>();
        await ServerTestFleet.ProvisionAsync(store.Registry, "n-001", "n-002");
        var credentials = _server.Services.GetRequiredService<INodeCredentialStore>();
        _passwordOfNode1 = await credentials.IssuePasswordAsync(ServerTestFleet.Tenant, "n-001");
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private IngestionStatisticsSnapshot Totals => _server.Services.GetRequiredService<IngestionStatistics>().Snapshot();

    [Fact]
    public async Task A_provisioned_node_with_its_password_gets_a_puback_only_for_stored_messages()
    {
        using var client = await ConnectAsync("acme:n-001", _passwordOfNode1);

        for (var seq = 0; seq < 20; seq++)
        {
            var result = await client.PublishAsync(Message(ServerTestFleet.StatusTopic("n-001"), ServerTestFleet.StatusPayload("n-001", 1, seq)));
            Assert.True(result.IsSuccess, result.ReasonCode + " " + result.ReasonString);
        }

        // Each PUBACK came after its commit, so the count is already final.
        Assert.Equal(20, Totals.MessagesStored);
        var again = await client.PublishAsync(Message(ServerTestFleet.StatusTopic("n-001"), ServerTestFleet.StatusPayload("n-001", 1, 0)));
        Assert.True(again.IsSuccess);
        Assert.Equal(1, Totals.Duplicates);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_at_connect()
    {
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await TryConnectAsync("acme:n-001", "not-the-password"));

        // A node without an issued password and a user name that is not tenant:node are refused alike.
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await TryConnectAsync("acme:n-002", "anything"));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, await TryConnectAsync("n-001", _passwordOfNode1));
        Assert.Equal(MqttClientConnectResultCode.Success, await TryConnectAsync("acme:n-001", _passwordOfNode1));
    }

    [Fact]
    public async Task A_publish_on_another_nodes_topic_is_refused_and_not_stored()
    {
        using var client = await ConnectAsync("acme:n-001", _passwordOfNode1);

        var result = await client.PublishAsync(Message(ServerTestFleet.StatusTopic("n-002"), ServerTestFleet.StatusPayload("n-002", 1, 1)));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        Assert.Equal(0, Totals.MessagesStored);
        Assert.Equal(1, Totals.Unauthorized);
    }

    [Fact]
    public async Task A_malformed_payload_is_quarantined_with_its_reason_and_the_server_keeps_running()
    {
        using var client = await ConnectAsync("acme:n-001", _passwordOfNode1);

        var malformed = await client.PublishAsync(Message(ServerTestFleet.StatusTopic("n-001"), Encoding.UTF8.GetBytes("{\"schema\":1,\"kind\":")));
        var valid = await client.PublishAsync(Message(ServerTestFleet.StatusTopic("n-001"), ServerTestFleet.StatusPayload("n-001", 1, 7)));

        Assert.True(malformed.IsSuccess, "a quarantined message is kept, so it is acknowledged");
        Assert.StartsWith("quarantined: " + RejectCode.MalformedJson, malformed.ReasonString, StringComparison.Ordinal);
        Assert.True(valid.IsSuccess);
        var store = _server.Services.GetRequiredService<ReportingStore>();
        var kept = Assert.Single(await store.Ingestion.ListQuarantineAsync(ServerTestFleet.Tenant, 10));
        Assert.Equal(RejectCode.MalformedJson, kept.ReasonCode);
        Assert.Equal(1, Totals.MessagesStored);
    }

    [Fact]
    public async Task A_node_may_subscribe_to_its_own_config_topic_only()
    {
        using var client = await ConnectAsync("acme:n-001", _passwordOfNode1);
        var own = TopicPath.ConfigSubscription(ServerTestFleet.Tenant, ServerTestFleet.Site, ServerTestFleet.Asset, "n-001");
        var other = TopicPath.ConfigSubscription(ServerTestFleet.Tenant, ServerTestFleet.Site, ServerTestFleet.Asset, "n-002");

        var result = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(own, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(other, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(TopicPath.AllMessagesFilter, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

        var codes = result.Items.ToDictionary(item => item.TopicFilter.Topic, item => item.ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, codes[own]);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, codes[other]);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, codes[TopicPath.AllMessagesFilter]);
    }

    [Fact]
    public async Task Mosquitto_pub_with_a_provisioned_identity_stores_a_valid_message_and_gets_a_malformed_one_quarantined()
    {
        var mosquittoPub = new[] { "/usr/bin/mosquitto_pub", "/usr/local/bin/mosquitto_pub" }.FirstOrDefault(File.Exists);
        if (mosquittoPub is null)
        {
            RequiredService.SkipOrFail("mosquitto_pub is not installed (Debian package mosquitto-clients)");
            return;
        }

        // MQTT 3.1.1 with a client id (MQTTnet refuses an empty 3.1.1 id), then MQTT 5 letting the broker assign one.
        var topic = ServerTestFleet.StatusTopic("n-001");
        var (validExit, validOutput) = await RunAsync(mosquittoPub, "-h", _broker.Host, "-p", _broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-i", "n-001-valid", "-u", "acme:n-001", "-P", _passwordOfNode1, "-q", "1", "-t", topic, "-m", Encoding.UTF8.GetString(ServerTestFleet.StatusPayload("n-001", 4, 1)));
        var (malformedExit, malformedOutput) = await RunAsync(mosquittoPub, "-h", _broker.Host, "-p", _broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-V", "mqttv5", "-u", "acme:n-001", "-P", _passwordOfNode1, "-q", "1", "-t", topic, "-m", "{\"schema\":\"one\"}");

        Assert.True(validExit == 0, validOutput);
        Assert.True(malformedExit == 0, malformedOutput);
        Assert.Equal(1, Totals.MessagesStored);
        var store = _server.Services.GetRequiredService<ReportingStore>();
        var kept = Assert.Single(await store.Ingestion.ListQuarantineAsync(ServerTestFleet.Tenant, 10));
        Assert.Equal(RejectCode.WrongType, kept.ReasonCode);

        // And the server is still there for the next client.
        using var client = await ConnectAsync("acme:n-001", _passwordOfNode1);
        Assert.True((await client.PublishAsync(Message(topic, ServerTestFleet.StatusPayload("n-001", 4, 2)))).IsSuccess);
        Assert.Equal(2, Totals.MessagesStored);
    }

    [Fact]
    public async Task A_will_is_stored_as_the_nodes_death_when_its_connection_drops_without_a_disconnect()
    {
        // A real client that dies as a powered-off node does: mosquitto_sub holding a will is killed, so the broker
        // sees the TCP connection end without DISCONNECT and must publish (and we must ingest) the will.
        var mosquittoSub = new[] { "/usr/bin/mosquitto_sub", "/usr/local/bin/mosquitto_sub" }.FirstOrDefault(File.Exists);
        if (mosquittoSub is null)
        {
            RequiredService.SkipOrFail("mosquitto_sub is not installed (Debian package mosquitto-clients)");
            return;
        }

        var deathTopic = TopicPath.Build(ServerTestFleet.Tenant, ServerTestFleet.Site, ServerTestFleet.Asset, "n-001", MessageKind.Death);
        var configTopic = TopicPath.Build(ServerTestFleet.Tenant, ServerTestFleet.Site, ServerTestFleet.Asset, "n-001", MessageKind.Config);
        var death = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $$"""{"schema":1,"kind":"death","node":"n-001","boot":7,"seq":0,"ts":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}},"time_quality":"synced","historical":false,"fw":"0.1.0"}""");
        // stdbuf: mosquitto_sub block-buffers its piped stdout, which would hold the CONNACK line back.
        var start = new ProcessStartInfo("stdbuf") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "-oL", mosquittoSub, "-h", _broker.Host, "-p", _broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-V", "mqttv5",
            "-d", "-i", "n-001-will", "-u", "acme:n-001", "-P", _passwordOfNode1, "-q", "1", "-t", configTopic,
            "--will-topic", deathTopic, "--will-payload", death, "--will-qos", "1",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        var store = _server.Services.GetRequiredService<ReportingStore>();
        // -d prints the CONNACK, so the kill below cannot come before the broker accepted the node (and its will).
        using var connectTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? line;
        while ((line = await node.StandardOutput.ReadLineAsync(connectTimeout.Token)) is not null && !line.Contains("CONNACK", StringComparison.Ordinal))
        {
        }

        Assert.NotNull(line);
        node.Kill();
        await node.WaitForExitAsync();

        var storedBy = DateTime.UtcNow.AddSeconds(20);
        NodeActivity? activity;
        while ((activity = (await store.Ingestion.ListNodeActivityAsync()).SingleOrDefault(a => a.NodeId == "n-001")) is null)
        {
            Assert.True(DateTime.UtcNow < storedBy, "the will was not stored within 20 s");
            await Task.Delay(50);
        }

        Assert.Equal(MessageKind.Death, activity.LastKind);
        Assert.Equal(7, activity.LastBoot);
        Assert.Equal(1, Totals.MessagesStored);
    }

    private static MqttApplicationMessage Message(string topic, byte[] payload) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(payload)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    private static async Task<(int ExitCode, string Output)> RunAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token) + await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output);
    }

    private async Task<IMqttClient> ConnectAsync(string userName, string password)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            var result = await client.ConnectAsync(ClientOptions(userName, password));
            Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The CONNACK's result code (MQTTnet 5 returns a refusal as the result rather than throwing).</summary>
    private async Task<MqttClientConnectResultCode> TryConnectAsync(string userName, string password)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(ClientOptions(userName, password));
        return result.ResultCode;
    }

    private MqttClientOptions ClientOptions(string userName, string password) => new MqttClientOptionsBuilder()
        .WithTcpServer(_broker.Host, _broker.Port)
        .WithClientId(nameof(EmbeddedBrokerTests) + "-" + Guid.NewGuid().ToString("N")[..8])
        .WithCredentials(userName, password)
        .WithProtocolVersion(MqttProtocolVersion.V500)
        .WithTimeout(TimeSpan.FromSeconds(10))
        .Build();
}

using System;
using System.Linq;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using Retrosense.Node.Configuration;
using Retrosense.Node.Wire;
using Retrosense.Testing.Services;

namespace Retrosense.Node.Host.Tests.Integration;

/// <summary>
/// Issue 3, "Done when" 3: a config published to the node's config topic (as the cloud will) is applied and acknowledged;
/// an invalid one is rejected with its reason and the old config stays in force.
/// </summary>
public sealed class ConfigOverMqttTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Valid_Config_Is_Applied_And_Acknowledged_And_Shows_In_The_Next_Telemetry()
    {
        await using var setup = await NodeWithSubscriberAsync("it-config-valid");
        var host = setup.Host;
        var next = HostNodeUnderTest.FastConfig(configVersion: 4);
        next.SampleRateHz = 2048f;
        next.EnvelopeBandHighHz = 900f;

        await PublishConfigAsync(setup.Broker, host, next);

        var ack = WireMessage.Parse(await setup.Subscriber.WaitForAsync(message => message.Kind == "config-ack", Wait, "config-ack"));
        Assert.Equal(4, ack.Field("config_version").GetInt32());
        Assert.True(ack.Field("accepted").GetBoolean(), ack.Json);
        Assert.Equal(4, host.Node.Config.ConfigVersion);
        Assert.Equal(2048f, host.Node.Config.SampleRateHz);

        // Telemetry after the ack is computed under the new config.
        var after = WireMessage.Parse(await setup.Subscriber.WaitForAsync(
            message => message.Kind == "telemetry" && message.ArrivalIndex > ack.ArrivalIndex, Wait, "telemetry after the config-ack"));
        Assert.Equal(4, after.Field("config_version").GetInt32());
        Assert.Equal(2048, after.Field("window").GetProperty("rate_hz").GetInt32());
    }

    [Fact]
    public async Task Invalid_Config_Is_Rejected_With_Its_Reason_And_The_Old_Config_Stays_In_Force()
    {
        await using var setup = await NodeWithSubscriberAsync("it-config-invalid");
        var host = setup.Host;
        var invalid = HostNodeUnderTest.FastConfig(configVersion: 5);
        invalid.WindowSamples = 1000;

        await PublishConfigAsync(setup.Broker, host, invalid);

        var ack = WireMessage.Parse(await setup.Subscriber.WaitForAsync(message => message.Kind == "config-ack", Wait, "config-ack"));
        Assert.Equal(5, ack.Field("config_version").GetInt32());
        Assert.False(ack.Field("accepted").GetBoolean(), ack.Json);
        Assert.Equal("WindowSamples must be a power of two from 256 to 16384 (got 1000)", ack.Field("reason").GetString());
        Assert.Equal(3, host.Node.Config.ConfigVersion);
        Assert.Equal(256, host.Node.Config.WindowSamples);

        var after = WireMessage.Parse(await setup.Subscriber.WaitForAsync(
            message => message.Kind == "telemetry" && message.ArrivalIndex > ack.ArrivalIndex, Wait, "telemetry after the rejection"));
        Assert.Equal(3, after.Field("config_version").GetInt32());
        Assert.Equal(256, after.Field("window").GetProperty("samples").GetInt32());
    }

    private static async Task<NodeSetup> NodeWithSubscriberAsync(string tenant)
    {
        var broker = await MosquittoBroker.StartNewAsync(cancellationToken: TestContext.Current.CancellationToken);
        var subscriber = await MqttTestSubscriber.ConnectAsync(broker.Host, broker.Port, tenant + "-subscriber", $"retrosense/v1/{tenant}/#");
        var host = new HostNodeUnderTest(broker, tenant, HostNodeUnderTest.FastConfig(configVersion: 3), queueCapacity: 100);

        // Birth comes after the config subscription is in place, so a config published now reaches the node.
        await subscriber.WaitForAsync(message => message.Kind == "birth", Wait, "birth");
        return new NodeSetup(broker, subscriber, host);
    }

    private static async Task PublishConfigAsync(MosquittoBroker broker, HostNodeUnderTest host, NodeConfig config)
    {
        var payload = new byte[Runtime.SensorNode.MaxConfigMessageBytes];
        var length = new ConfigMessageEncoder().Encode(config, payload);
        using var cloud = new MqttClientFactory().CreateMqttClient();
        await cloud.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId(host.Tenant + "-cloud").Build(), TestContext.Current.CancellationToken);
        var result = await cloud.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(host.Node.ConfigTopic)
                .WithPayload(payload.AsSpan(0, length).ToArray())
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            TestContext.Current.CancellationToken);
        Assert.True(result.IsSuccess, result.ReasonString);
        await cloud.DisconnectAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    private sealed record NodeSetup(MosquittoBroker Broker, MqttTestSubscriber Subscriber, HostNodeUnderTest Host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Host.Dispose();
            await Subscriber.DisposeAsync();
            await Broker.DisposeAsync();
        }
    }
}

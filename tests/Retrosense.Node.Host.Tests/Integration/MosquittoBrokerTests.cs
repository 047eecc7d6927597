using System;
using System.Text;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using Retrosense.Testing.Services;

namespace Retrosense.Node.Host.Tests.Integration;

/// <summary>The broker fixture itself: it runs, restarts on the same port, and keeps persistent sessions across a restart.</summary>
public sealed class MosquittoBrokerTests
{
    [Fact]
    public async Task Broker_Restarted_On_The_Same_Port_Delivers_What_Was_Queued_For_A_Persistent_Session()
    {
        await using var broker = await MosquittoBroker.StartNewAsync(new MosquittoBrokerOptions { Persistence = true }, TestContext.Current.CancellationToken);
        var topic = "retrosense-test/" + nameof(Broker_Restarted_On_The_Same_Port_Delivers_What_Was_Queued_For_A_Persistent_Session);
        await using var subscriber = await MqttTestSubscriber.ConnectAsync(broker.Host, broker.Port, "fixture-subscriber", topic, persistentSession: true);
        await subscriber.DisconnectAsync();
        var portBefore = broker.Port;

        await broker.StopAsync();
        Assert.False(broker.IsRunning);
        await broker.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(portBefore, broker.Port);
        await PublishAsync(broker, topic, "queued while the subscriber was away");
        await subscriber.ConnectAndSubscribeAsync(TimeSpan.FromSeconds(10));
        var received = await subscriber.WaitForAsync(message => message.Topic == topic, TimeSpan.FromSeconds(10), "queued message");
        Assert.Equal("queued while the subscriber was away", received.PayloadText);
    }

    [Fact]
    public async Task Reload_Keeps_The_Broker_Running_And_Accepting_Clients()
    {
        await using var broker = await MosquittoBroker.StartNewAsync(cancellationToken: TestContext.Current.CancellationToken);

        broker.Reload();
        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.True(broker.IsRunning);
        await using var subscriber = await MqttTestSubscriber.ConnectAsync(broker.Host, broker.Port, "reload-subscriber", "retrosense-test/reload");
        Assert.True(subscriber.IsConnected);
        Assert.Contains("Reloading config", broker.Log, StringComparison.Ordinal);
    }

    private static async Task PublishAsync(MosquittoBroker broker, string topic, string payload)
    {
        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("fixture-publisher").Build());
        var result = await publisher.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        Assert.True(result.IsSuccess, result.ReasonString);
        await publisher.DisconnectAsync();
    }
}

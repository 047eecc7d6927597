using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;

namespace Retrosense.Node.Host.Tests.Integration;

/// <summary>
/// A QoS 1 MQTT subscriber for integration tests (MQTTnet against the test's Mosquitto): records every message in
/// arrival order and waits for the ones a test expects. With a persistent session (clean session false) the broker
/// queues messages for it while it is disconnected, so nothing is lost across a broker restart.
/// </summary>
internal sealed class MqttTestSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;
    private readonly string _topicFilter;
    private readonly List<ReceivedMqttMessage> _received = new();
    private readonly object _receivedLock = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private MqttTestSubscriber(string host, int port, string clientId, string topicFilter, bool persistentSession)
    {
        _topicFilter = topicFilter;
        _client = new MqttClientFactory().CreateMqttClient();
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
            .WithCleanSession(!persistentSession)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(5))
            .Build();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    /// <summary>Everything received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedMqttMessage> Received
    {
        get
        {
            lock (_receivedLock)
            {
                return _received.ToArray();
            }
        }
    }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connects and subscribes to <paramref name="topicFilter"/> at QoS 1.</summary>
    public static async Task<MqttTestSubscriber> ConnectAsync(string host, int port, string clientId, string topicFilter, bool persistentSession = false)
    {
        var subscriber = new MqttTestSubscriber(host, port, clientId, topicFilter, persistentSession);
        await subscriber.ConnectAndSubscribeAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        return subscriber;
    }

    /// <summary>
    /// Connects again (retrying until <paramref name="timeout"/>, e.g. while a broker restarts) and subscribes again;
    /// with a persistent session the broker then delivers what it queued meanwhile.
    /// </summary>
    public async Task ConnectAndSubscribeAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await _client.ConnectAsync(_options, attempt.Token).ConfigureAwait(false);
                }

                var subscribe = new MqttClientSubscribeOptionsBuilder()
                    .WithTopicFilter(filter => filter.WithTopic(_topicFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                    .Build();
                await _client.SubscribeAsync(subscribe).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Disconnects cleanly (a persistent session stays on the broker).</summary>
    public async Task DisconnectAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Waits until some received message matches <paramref name="predicate"/>; fails the test with what did arrive otherwise.</summary>
    public async Task<ReceivedMqttMessage> WaitForAsync(Func<ReceivedMqttMessage, bool> predicate, TimeSpan timeout, string what)
    {
        var matches = await WaitForCountAsync(predicate, 1, timeout, what).ConfigureAwait(false);
        return matches[0];
    }

    /// <summary>Waits until at least <paramref name="count"/> received messages match; returns them in arrival order.</summary>
    public async Task<IReadOnlyList<ReceivedMqttMessage>> WaitForCountAsync(Func<ReceivedMqttMessage, bool> predicate, int count, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var matches = Received.Where(predicate).ToArray();
            if (matches.Length >= count)
            {
                return matches;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                var kinds = string.Join(", ", Received.GroupBy(message => message.Kind).Select(group => $"{group.Key}×{group.Count()}"));
                Assert.Fail($"waited {timeout.TotalSeconds} s for {count} {what}, got {matches.Length}; received: {(kinds.Length == 0 ? "nothing" : kinds)}");
            }

            await _arrived.WaitAsync(remaining < TimeSpan.FromMilliseconds(250) ? remaining : TimeSpan.FromMilliseconds(250)).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DisconnectAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            // The broker may already be gone at the end of a test.
        }

        _client.Dispose();
        _arrived.Dispose();
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs eventArgs)
    {
        var message = eventArgs.ApplicationMessage;
        lock (_receivedLock)
        {
            _received.Add(new ReceivedMqttMessage(message.Topic, message.Payload.ToArray(), message.Retain, _received.Count));
        }

        _arrived.Release();
        return Task.CompletedTask;
    }
}

using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Retrosense.Contracts;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Server.Mqtt;

/// <summary>
/// Ingests from an external broker (<c>--broker mqtt://[user:password@]HOST:PORT</c>, e.g. Mosquitto with the ACL that
/// <c>retrosense node provision</c> writes) instead of embedding one. It holds a persistent MQTT 5 session (clean start
/// off, session never expires) with a QoS 1 subscription to every node topic, so the broker keeps messages for it while
/// the server is down (up to Mosquitto's <c>max_queued_messages</c>, 1000 by default: raise it for long outages). Each
/// message is acknowledged only after the pipeline committed it (MQTTnet's manual acknowledgement); a message whose
/// commit failed is never acknowledged and the connection is dropped so the broker redelivers it. Acknowledgements
/// go out in the order the messages arrived (MQTT 3.1.1 §4.6 asks for that) and never on a later connection than the
/// one that delivered the message (packet identifiers are per connection). The broker enforces who may publish where,
/// so topics are trusted here; the registry check still applies.
/// </summary>
internal sealed partial class ExternalBrokerSubscriber : IHostedService, IBrokerEndpoint, IAsyncDisposable
{
    /// <summary>Client id of the cloud's session; one server per broker (a second would take the session over).</summary>
    public const string ClientId = "retrosense-cloud-ingest";

    /// <summary>Every node → cloud topic (the cloud's own config topics are filtered out by the decoder as bad_topic).</summary>
    public const string NodeTopicsFilter = TopicPath.Prefix + "+/+/+/+/+";

    private const int MaxMessagesInFlight = 2000;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(30);

    private readonly Uri _brokerAddress;
    private readonly IngestionPipeline _pipeline;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly SemaphoreSlim _inFlight = new(MaxMessagesInFlight);
    private readonly SemaphoreSlim _disconnected = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<Uri> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _previousAcknowledgement = Task.CompletedTask;
    private Task? _connectionLoop;
    private long _connectionGeneration;

    public ExternalBrokerSubscriber(ServerOptions options, IngestionPipeline pipeline, TimeProvider timeProvider, ILogger<ExternalBrokerSubscriber> logger)
    {
        _brokerAddress = options.ExternalBroker ?? throw new ArgumentException("no external broker configured", nameof(options));
        _pipeline = pipeline;
        _timeProvider = timeProvider;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public bool IsEmbedded => false;

    public Task<Uri> WaitUntilListeningAsync(CancellationToken cancellationToken) => _connected.Task.WaitAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not awaited: the server starts (API, store) even while the broker is unreachable, and keeps retrying.
        _connectionLoop = Task.Run(() => RunConnectionLoopAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_connectionLoop is not null)
        {
            await _connectionLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        // Let the messages already handed to the pipeline commit and be acknowledged before the session closes.
        try
        {
            await Volatile.Read(ref _previousAcknowledgement).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not OperationCanceledException)
        {
            // Already logged where it happened.
        }

        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), cancellationToken).ConfigureAwait(false);
        }

        _connected.TrySetCanceled(CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        _stopping.Dispose();
        _inFlight.Dispose();
        _disconnected.Dispose();
        return ValueTask.CompletedTask;
    }

    private MqttClientOptions BuildClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_brokerAddress.Host, _brokerAddress.IsDefaultPort || _brokerAddress.Port < 0 ? 1883 : _brokerAddress.Port)
            .WithClientId(ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(uint.MaxValue)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30));
        if (!string.IsNullOrEmpty(_brokerAddress.UserInfo))
        {
            var parts = _brokerAddress.UserInfo.Split(':', 2);
            builder = builder.WithCredentials(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null);
        }

        return builder.Build();
    }

    private async Task RunConnectionLoopAsync(CancellationToken stopping)
    {
        var delay = FirstRetryDelay;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var result = await _client.ConnectAsync(BuildClientOptions(), stopping).ConfigureAwait(false);
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    throw new InvalidOperationException("broker refused the connection: " + result.ResultCode + " " + result.ReasonString);
                }

                Interlocked.Increment(ref _connectionGeneration);
                var subscribe = new MqttClientSubscribeOptionsBuilder()
                    .WithTopicFilter(filter => filter.WithTopic(NodeTopicsFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                    .Build();
                await _client.SubscribeAsync(subscribe, stopping).ConfigureAwait(false);
                LogConnected(_logger, _brokerAddress.Host, _brokerAddress.Port, result.IsSessionPresent);
                _connected.TrySetResult(_brokerAddress);
                delay = FirstRetryDelay;
                // Woken by DisconnectedAsync; the periodic look at IsConnected covers a release that came before this wait.
                while (_client.IsConnected)
                {
                    await _disconnected.WaitAsync(TimeSpan.FromSeconds(1), stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogConnectFailed(_logger, _brokerAddress.Host, _brokerAddress.Port, delay.TotalSeconds, exception.Message);
                try
                {
                    await Task.Delay(delay, _timeProvider, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetryDelay.Ticks));
            }
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs disconnected)
    {
        if (disconnected.ClientWasConnected)
        {
            LogDisconnected(_logger, disconnected.Reason.ToString());
            _disconnected.Release();
        }

        return Task.CompletedTask;
    }

    private async Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs received)
    {
        received.AutoAcknowledge = false;
        var generation = Interlocked.Read(ref _connectionGeneration);
        var message = received.ApplicationMessage;
        var payload = message.Payload.IsEmpty ? ReadOnlyMemory<byte>.Empty : message.Payload.ToArray();
        var topic = message.Topic ?? string.Empty;

        // MQTTnet hands messages over one at a time; waiting here for the commit would make every message a batch of
        // one. So the submit runs on, bounded by MaxMessagesInFlight, and its acknowledgement is chained after the
        // previous message's so PUBACKs keep arrival order.
        await _inFlight.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        var commit = _pipeline.SubmitAsync(topic, payload, null, _timeProvider.GetUtcNow(), CancellationToken.None);
        var previous = _previousAcknowledgement;
        _previousAcknowledgement = AcknowledgeAfterCommitAsync(received, commit, previous, generation, topic);
    }

    private async Task AcknowledgeAfterCommitAsync(MqttApplicationMessageReceivedEventArgs received, Task<IngestionPipelineOutcome> commit, Task previous, long generation, string topic)
    {
        try
        {
            try
            {
                await previous.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The previous message's failure is handled by its own task.
            }

            try
            {
                await commit.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogNotAcknowledged(_logger, exception, IngestionPipeline.Printable(topic));
                if (generation == Interlocked.Read(ref _connectionGeneration) && _client.IsConnected)
                {
                    // Without a PUBACK the message stays in flight; only a new connection makes the broker resend it.
                    await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.UnspecifiedError).Build(), CancellationToken.None).ConfigureAwait(false);
                }

                return;
            }

            if (generation == Interlocked.Read(ref _connectionGeneration) && _client.IsConnected)
            {
                await received.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The connection went away between the check and the PUBACK: the broker resends, the store deduplicates.
            LogAcknowledgeFailed(_logger, IngestionPipeline.Printable(topic), exception.Message);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    [LoggerMessage(EventId = 4220, Level = LogLevel.Information, Message = "Connected to external broker {Host}:{Port} (session present: {SessionPresent}); subscribed to node topics")]
    private static partial void LogConnected(ILogger logger, string host, int port, bool sessionPresent);

    [LoggerMessage(EventId = 4221, Level = LogLevel.Warning, Message = "Cannot connect to external broker {Host}:{Port}; retrying in {DelaySeconds} s: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string host, int port, double delaySeconds, string reason);

    [LoggerMessage(EventId = 4222, Level = LogLevel.Warning, Message = "Disconnected from external broker ({Reason}); reconnecting")]
    private static partial void LogDisconnected(ILogger logger, string reason);

    [LoggerMessage(EventId = 4223, Level = LogLevel.Error, Message = "Message on {Topic} not committed; not acknowledged, reconnecting so the broker redelivers it")]
    private static partial void LogNotAcknowledged(ILogger logger, Exception exception, string topic);

    [LoggerMessage(EventId = 4224, Level = LogLevel.Warning, Message = "PUBACK for {Topic} not sent ({Reason}); the broker will redeliver it")]
    private static partial void LogAcknowledgeFailed(ILogger logger, string topic, string reason);
}

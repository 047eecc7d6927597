using System;
using System.Buffers;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Transport;

/// <summary>
/// The node's MQTT connection over MQTTnet 5 (MQTT 5.0): client id = node id, a persistent session, the node's
/// <c>death</c> message as last will, a QoS 1 subscription to the config topic, and reconnection in the background with
/// <see cref="ReconnectBackoff"/>. <see cref="Publish"/> is synchronous for the node core and returns true only on a
/// PUBACK with a success reason code.
/// <para>
/// Threads: the connection loop runs on the thread pool. After every (re)connect it sets a flag that the node's main loop
/// takes with <see cref="TakeReconnected"/> to call <c>SensorNode.OnConnected</c> on its own thread (the core is not
/// thread-safe); config payloads are handed over on MQTTnet's receive thread, which <c>SensorNode.OnConfigMessage</c>
/// allows.
/// </para>
/// </summary>
public sealed class MqttNodeTransport : IMessageTransport, IDisposable
{
    /// <summary>Room for the encoded death message (SensorNode.EncodeLastWill: "256 bytes are plenty").</summary>
    private const int LastWillBufferBytes = 512;

    private readonly MqttNodeTransportOptions _options;
    private readonly INodeLog _log;
    private readonly ReconnectBackoff _backoff;
    private readonly IMqttClient _client;
    private readonly SemaphoreSlim _connectionLost = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private X509Certificate2? _clientCertificate;
    private BrokerCertificateValidator? _brokerValidator;
    private string? _willTopic;
    private Func<byte[], int>? _encodeWill;
    private byte[]? _willPayload;
    private string? _configTopic;
    private Action<byte[], int>? _onConfigMessage;
    private Task? _connectionLoop;
    private volatile bool _sessionReady;
    private int _reconnectedPending;
    private long _connectionCount;
    private bool _disposed;

    public MqttNodeTransport(MqttNodeTransportOptions options, INodeLog log)
        : this(options, log, new ReconnectBackoff(new Random()))
    {
    }

    /// <exception cref="System.Security.Cryptography.CryptographicException">A certificate or key file cannot be read.</exception>
    /// <exception cref="System.IO.IOException">A certificate or key file cannot be opened.</exception>
    public MqttNodeTransport(MqttNodeTransportOptions options, INodeLog log, ReconnectBackoff backoff)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(backoff);
        _options = options;
        _log = log;
        _backoff = backoff;
        LoadCertificates();
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
    }

    /// <summary>True while the broker connection is up and the config subscription is in place.</summary>
    public bool IsConnected => _sessionReady && _client.IsConnected;

    /// <summary>Successful connections so far (1 after the first connect; each reconnect adds one).</summary>
    public long ConnectionCount => Interlocked.Read(ref _connectionCount);

    public MqttNodeTransportOptions Options => _options;

    /// <summary>Raised on the connection loop's thread after every (re)connect, once the config subscription is in place.</summary>
    public event Action? Connected;

    /// <summary>
    /// Registers the last will (the node's <c>death</c> message, QoS 1, not retained); call before <see cref="Start"/>.
    /// <paramref name="encode"/> (<c>SensorNode.EncodeLastWill</c>) writes the payload into the buffer it is given and returns
    /// its length; it is called before the first connection attempt and again after every successful connection, so each
    /// session's death message carries a fresh seq while retries during an outage reuse the same one.
    /// </summary>
    public void SetLastWill(string topic, Func<byte[], int> encode)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(encode);
        _willTopic = topic;
        _encodeWill = encode;
        _willPayload = null;
    }

    /// <summary>Subscribes to <paramref name="topic"/> at QoS 1 on every connect and hands each payload to <paramref name="onMessage"/>.</summary>
    public void SetConfigSubscription(string topic, Action<byte[], int> onMessage)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(onMessage);
        _configTopic = topic;
        _onConfigMessage = onMessage;
    }

    /// <summary>Starts connecting in the background; reconnects after every loss until disposed.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_connectionLoop is not null)
        {
            throw new InvalidOperationException("the transport is already started");
        }

        _connectionLoop = Task.Run(() => RunConnectionLoopAsync(_stopping.Token));
    }

    /// <summary>Blocks until connected (true) or until <paramref name="timeout"/> passes (false).</summary>
    public bool WaitUntilConnected(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!IsConnected)
        {
            if (DateTime.UtcNow >= deadline || _disposed)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }

    /// <summary>
    /// True once after each (re)connect: the node's main loop then calls <c>SensorNode.OnConnected</c> (birth, then the
    /// store-and-forward queue drains).
    /// </summary>
    public bool TakeReconnected() => Interlocked.Exchange(ref _reconnectedPending, 0) == 1;

    public bool Publish(string topic, byte[] payload, int length)
    {
        if (!IsConnected)
        {
            return false;
        }

        try
        {
            var task = PublishAsync(topic, payload, length, CancellationToken.None);
            return task.Wait(_options.PublishTimeout) && task.Result;
        }
        catch (AggregateException exception)
        {
            _log.Warning("publish to " + topic + " failed: " + exception.InnerException?.Message);
            return false;
        }
    }

    /// <summary>Publishes at QoS 1; true only when the broker answered PUBACK with a success reason code.</summary>
    public async Task<bool> PublishAsync(string topic, byte[] payload, int length, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(payload);
        if (!IsConnected)
        {
            return false;
        }

        // The core reuses its encode buffer as soon as Publish returns, even after a timeout, so MQTTnet gets a copy.
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.AsSpan(0, length).ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            var result = await _client.PublishAsync(message, timeout.Token).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                _log.Warning("broker refused a publish to " + topic + ": " + result.ReasonCode + " " + result.ReasonString);
            }

            return result.IsSuccess;
        }
        catch (OperationCanceledException)
        {
            _log.Warning("no PUBACK for " + topic + " within " + _options.PublishTimeout.TotalSeconds + " s");
            return false;
        }
        catch (Exception exception) when (exception is MqttCommunicationException or InvalidOperationException)
        {
            _log.Warning("publish to " + topic + " failed: " + exception.Message);
            return false;
        }
    }

    /// <summary>
    /// Drops the connection as a crash would, with DISCONNECT reason 0x04 ("disconnect with will message", MQTT 5.0
    /// §3.14.2.1) so the broker publishes the death message; the loop then reconnects. For tests and the simulator.
    /// </summary>
    public async Task DisconnectWithWillAsync()
    {
        var options = new MqttClientDisconnectOptionsBuilder()
            .WithReason(MqttClientDisconnectOptionsReason.DisconnectWithWillMessage)
            .Build();
        await _client.DisconnectAsync(options).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops reconnecting and disconnects. With <paramref name="announceDeath"/> the DISCONNECT carries reason 0x04 so the
    /// broker publishes the death message (a node shut down on purpose is offline all the same); without it the broker
    /// discards the last will.
    /// </summary>
    public void Stop(bool announceDeath)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        try
        {
            _connectionLoop?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by cancellation; nothing to report.
        }

        try
        {
            if (_client.IsConnected)
            {
                var reason = announceDeath ? MqttClientDisconnectOptionsReason.DisconnectWithWillMessage : MqttClientDisconnectOptionsReason.NormalDisconnection;
                var options = new MqttClientDisconnectOptionsBuilder().WithReason(reason).Build();
                _client.DisconnectAsync(options).Wait(TimeSpan.FromSeconds(5));
            }
        }
        catch (AggregateException exception)
        {
            _log.Warning("disconnect failed: " + exception.InnerException?.Message);
        }

        _sessionReady = false;
    }

    /// <summary>Stops reconnecting and disconnects normally (the broker then discards the last will), then frees the client.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Stop(announceDeath: false);
        _disposed = true;

        _client.Dispose();
        _clientCertificate?.Dispose();
        _connectionLost.Dispose();
        _stopping.Dispose();
    }

    private async Task RunConnectionLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                _sessionReady = false;
                try
                {
                    await ConnectAsync(stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    // Connected but the subscription was refused: drop the connection, or the loop would wait on it forever.
                    await DisconnectQuietlyAsync().ConfigureAwait(false);
                    var delay = _backoff.NextDelay();
                    _log.Warning("cannot connect to " + _options.BrokerUri + " (attempt " + _backoff.FailedAttempts + "): " + exception.Message
                        + "; retrying in " + delay.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s");
                    try
                    {
                        await Task.Delay(delay, stopping).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    continue;
                }
            }

            try
            {
                // Woken by the Disconnected event; the timeout re-checks in case an event was missed.
                await _connectionLost.WaitAsync(TimeSpan.FromSeconds(1), stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DisconnectQuietlyAsync()
    {
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            await _client.DisconnectAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is MqttCommunicationException or InvalidOperationException or OperationCanceledException)
        {
            _log.Warning("disconnect after a failed session set-up failed: " + exception.Message);
        }
    }

    private async Task ConnectAsync(CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_options.ConnectTimeout);
        var result = await _client.ConnectAsync(BuildClientOptions(), timeout.Token).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException("broker refused the connection: " + result.ResultCode + " " + result.ReasonString);
        }

        if (_configTopic is not null)
        {
            var subscribe = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(_configTopic, MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            var subscribed = await _client.SubscribeAsync(subscribe, timeout.Token).ConfigureAwait(false);
            foreach (var item in subscribed.Items)
            {
                if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
                {
                    throw new InvalidOperationException("broker refused the config subscription: " + item.ResultCode);
                }
            }
        }

        _backoff.Reset();
        _willPayload = null;
        Interlocked.Increment(ref _connectionCount);
        _sessionReady = true;
        Interlocked.Exchange(ref _reconnectedPending, 1);
        _log.Info("connected to " + _options.BrokerUri + (result.IsSessionPresent ? " (session resumed)" : " (new session)"));
        Connected?.Invoke();
    }

    private MqttClientOptions BuildClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithClientId(_options.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(_options.SessionExpirySeconds)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(_options.ConnectTimeout);
        if (_options.Username is not null)
        {
            builder = builder.WithCredentials(_options.Username, _options.Password ?? string.Empty);
        }

        if (_willTopic is not null && _encodeWill is not null)
        {
            if (_willPayload is null)
            {
                var buffer = new byte[LastWillBufferBytes];
                _willPayload = buffer.AsSpan(0, _encodeWill(buffer)).ToArray();
            }

            builder = builder
                .WithWillTopic(_willTopic)
                .WithWillPayload(_willPayload)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithWillRetain(false);
        }

        if (_options.UseTls)
        {
            builder = builder.WithTlsOptions(tls =>
            {
                tls.UseTls()
                    .WithTargetHost(_options.Host)
                    .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13);
                if (_brokerValidator is not null)
                {
                    var validator = _brokerValidator;
                    tls.WithCertificateValidationHandler(e => validator.IsTrusted(e.Certificate, e.SslPolicyErrors));
                }

                if (_clientCertificate is not null)
                {
                    tls.WithClientCertificates(new X509Certificate2Collection(_clientCertificate));
                }
            });
        }

        return builder.Build();
    }

    private void LoadCertificates()
    {
        if (_options.CaCertificatePath is not null)
        {
            _brokerValidator = BrokerCertificateValidator.FromPemFile(_options.CaCertificatePath);
        }

        if (_options.ClientCertificatePath is not null)
        {
            var keyPath = _options.ClientKeyPath ?? throw new InvalidOperationException("a client certificate needs its private key file");
            _clientCertificate = X509Certificate2.CreateFromPemFile(_options.ClientCertificatePath, keyPath);
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs eventArgs)
    {
        var wasReady = _sessionReady;
        _sessionReady = false;
        if (wasReady && _stopping.IsCancellationRequested)
        {
            _log.Info("disconnected from " + _options.BrokerUri + " (" + eventArgs.Reason + ")");
        }
        else if (wasReady)
        {
            _log.Warning("disconnected from " + _options.BrokerUri + ": " + eventArgs.Reason + " " + eventArgs.Exception?.Message);
        }

        if (!_disposed)
        {
            _connectionLost.Release();
        }

        return Task.CompletedTask;
    }

    private Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs eventArgs)
    {
        var message = eventArgs.ApplicationMessage;
        if (_onConfigMessage is not null && string.Equals(message.Topic, _configTopic, StringComparison.Ordinal))
        {
            var payload = message.Payload.ToArray();
            _onConfigMessage(payload, payload.Length);
        }

        return Task.CompletedTask;
    }
}

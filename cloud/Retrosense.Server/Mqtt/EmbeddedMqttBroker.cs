using System;
using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Retrosense.Contracts;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Registry;

namespace Retrosense.Server.Mqtt;

/// <summary>
/// The broker nodes connect to (MQTTnet.Server): a plain listener on <c>--mqtt-port</c> and, with a certificate, a TLS
/// listener that also accepts client certificates. Every node publish is handed to the ingestion pipeline inside
/// MQTTnet's publish interceptor, which MQTTnet awaits before it queues the PUBACK (MqttConnectedClient
/// .HandleIncomingPublishPacket → MqttClientSessionsManager.DispatchApplicationMessage), so a node gets its PUBACK only
/// after the message is committed. If the commit fails the connection is closed without a PUBACK, and the node resends
/// the message on its persistent session (MQTT 3.1.1 §4.4; 5.0 §4.4), which works for both protocol versions — an error
/// reason code in a PUBACK would instead end the exchange for the message (5.0 §4.3.2) and 3.1.1 has none.
/// Node messages are not forwarded to other subscribers: the cloud is the only consumer, and forwarding would cost a
/// copy per message; messages the server itself injects (config to nodes) are delivered normally.
/// </summary>
internal sealed partial class EmbeddedMqttBroker : IHostedService, IBrokerEndpoint, IAsyncDisposable
{
    private readonly ServerOptions _options;
    private readonly IngestionPipeline _pipeline;
    private readonly MqttDeviceAuthenticator _authenticator;
    private readonly IRegistryStore _registry;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MqttServer? _server;
    private X509Certificate2? _tlsCertificate;

    public EmbeddedMqttBroker(
        ServerOptions options,
        IngestionPipeline pipeline,
        MqttDeviceAuthenticator authenticator,
        IRegistryStore registry,
        TimeProvider timeProvider,
        ILogger<EmbeddedMqttBroker> logger)
    {
        _options = options;
        _pipeline = pipeline;
        _authenticator = authenticator;
        _registry = registry;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public bool IsEmbedded => true;

    /// <summary>The bound plain port (the real one when 0 was asked for); 0 before start.</summary>
    public int BoundPort { get; private set; }

    /// <summary>The bound TLS port, or 0 without a certificate.</summary>
    public int BoundTlsPort { get; private set; }

    public Task<Uri> WaitUntilListeningAsync(CancellationToken cancellationToken) => _listening.Task.WaitAsync(cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(_options.MqttPort)
            .WithPersistentSessions();
        if (_options.MqttTlsCertificatePath is not null)
        {
            _tlsCertificate = MqttTlsCertificate.Load(_options.MqttTlsCertificatePath, _options.MqttTlsKeyPath);
            builder = builder
                .WithEncryptedEndpoint()
                .WithEncryptedEndpointPort(_options.MqttTlsPort)
                .WithEncryptionCertificate(_tlsCertificate)
                .WithClientCertificate(AcceptAnyClientCertificate);
        }

        // ClientCertificateRequired makes SslStream send a CertificateRequest, without which no client offers its
        // certificate at all; AcceptAnyClientCertificate also accepts a client that sends none, so password logins over
        // TLS stay possible: a certificate is asked for, not required.
        var serverOptions = builder.Build();

        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += _authenticator.ValidateAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        await _server.StartAsync().ConfigureAwait(false);

        // MQTTnet writes the port the socket was bound to back into the endpoint options (MqttTcpServerListener.Start).
        BoundPort = serverOptions.DefaultEndpointOptions.Port;
        BoundTlsPort = serverOptions.TlsEndpointOptions.IsEnabled ? serverOptions.TlsEndpointOptions.Port : 0;
        LogListening(_logger, BoundPort, BoundTlsPort);
        _listening.TrySetResult(new Uri(string.Create(CultureInfo.InvariantCulture, $"mqtt://127.0.0.1:{BoundPort}")));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true } server)
        {
            await server.StopAsync().ConfigureAwait(false);
        }

        _listening.TrySetCanceled(CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        _tlsCertificate?.Dispose();
        return ValueTask.CompletedTask;
    }

    // The registry decides which certificates are accepted (MqttDeviceAuthenticator); TLS only has to hand the client's
    // certificate over, whatever CA signed it.
    private static bool AcceptAnyClientCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs publish)
    {
        var sender = MqttDeviceAuthenticator.SenderOf(publish.SessionItems);
        if (sender is null)
        {
            // Injected by the server itself (config to a node): deliver to subscribers as usual.
            return;
        }

        publish.ProcessPublish = false;
        var message = publish.ApplicationMessage;
        var receivedAt = _timeProvider.GetUtcNow();
        try
        {
            // MQTTnet reuses its receive buffer after the interceptor returns; the pipeline keeps the bytes until commit.
            var payload = message.Payload.IsEmpty ? ReadOnlyMemory<byte>.Empty : message.Payload.ToArray();
            var outcome = await _pipeline.SubmitAsync(message.Topic ?? string.Empty, payload, sender, receivedAt, publish.CancellationToken).ConfigureAwait(false);
            switch (outcome.Kind)
            {
                case IngestionPipelineOutcomeKind.Unauthorized:
                    publish.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
                    publish.Response.ReasonString = outcome.Reason?.Message;
                    break;
                case IngestionPipelineOutcomeKind.Quarantined:
                    // Kept durably with its reason, so it is acknowledged (an error code would make a node retry a
                    // message that can never pass); MQTT 5 clients see why in the reason string.
                    publish.Response.ReasonString = "quarantined: " + outcome.Reason;
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            publish.CloseConnection = true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogNotAcknowledged(_logger, exception, publish.ClientId, IngestionPipeline.Printable(message.Topic));
            publish.CloseConnection = true;
        }
    }

    private async Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs subscription)
    {
        var sender = MqttDeviceAuthenticator.SenderOf(subscription.SessionItems);
        if (sender is null)
        {
            return;
        }

        var filter = subscription.TopicFilter.Topic;
        var allowed = false;
        try
        {
            // A node reads only its own config topic, exactly (TopicPath rejects + and #), on the site and asset it is registered on.
            allowed = TopicPath.TryParse(filter, out var path, out _) && path is not null
                && path.Kind == MessageKind.Config
                && string.Equals(path.Tenant, sender.TenantId, StringComparison.Ordinal)
                && string.Equals(path.Node, sender.NodeId, StringComparison.Ordinal)
                && await _registry.IsNodeAuthorizedAsync(path.Tenant, path.Site, path.Asset, path.Node, subscription.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not OperationCanceledException)
        {
            LogSubscriptionCheckFailed(_logger, exception, subscription.ClientId);
        }

        if (!allowed)
        {
            subscription.ProcessSubscription = false;
            subscription.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            LogSubscriptionRefused(_logger, sender.ToString(), IngestionPipeline.Printable(filter));
        }
    }

    [LoggerMessage(EventId = 4210, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on port {Port} (TLS port {TlsPort}, 0 = none)")]
    private static partial void LogListening(ILogger logger, int port, int tlsPort);

    [LoggerMessage(EventId = 4211, Level = LogLevel.Error, Message = "Publish from {ClientId} on {Topic} not committed; closing its connection without PUBACK so it redelivers")]
    private static partial void LogNotAcknowledged(ILogger logger, Exception exception, string clientId, string topic);

    [LoggerMessage(EventId = 4212, Level = LogLevel.Warning, Message = "Subscription of {Sender} to {TopicFilter} refused: a node may subscribe only to its own config topic")]
    private static partial void LogSubscriptionRefused(ILogger logger, string sender, string topicFilter);

    [LoggerMessage(EventId = 4213, Level = LogLevel.Error, Message = "Checking a subscription of {ClientId} failed; refused")]
    private static partial void LogSubscriptionCheckFailed(ILogger logger, Exception exception, string clientId);
}

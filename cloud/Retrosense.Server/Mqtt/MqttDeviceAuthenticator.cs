using System;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Retrosense.Platform.Credentials;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Registry;

namespace Retrosense.Server.Mqtt;

/// <summary>
/// Decides who may connect to the embedded broker and who they are: a node presenting (over TLS) a client certificate
/// whose SHA-256 thumbprint belongs to an active registration, or a node logging in as <c>{tenant}:{node}</c> with the
/// password <c>retrosense node credentials</c> issued. The identity is kept in the session for the publish and
/// subscribe checks. Anonymous clients are refused.
/// </summary>
internal sealed partial class MqttDeviceAuthenticator(
    IRegistryStore registry,
    INodeCredentialStore? credentials,
    TimeProvider timeProvider,
    ILogger<MqttDeviceAuthenticator> logger)
{
    /// <summary>Key of the <see cref="IngestionPipelineSender"/> in MQTTnet's per-session items.</summary>
    public const string SenderSessionItemKey = "retrosense.sender";

    public async Task ValidateAsync(ValidatingConnectionEventArgs connection)
    {
        var sender = await AuthenticateAsync(connection, CancellationToken.None).ConfigureAwait(false);
        if (sender is null)
        {
            // MQTT 5 BadUserNameOrPassword; MQTTnet maps it to 3.1.1's "bad user name or password" (return code 4).
            connection.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return;
        }

        connection.SessionItems[SenderSessionItemKey] = sender;
        LogConnected(logger, connection.ClientId, sender.ToString(), connection.ClientCertificate is null ? "password" : "certificate");
    }

    /// <summary>The sender the session belongs to; null for messages the server injected itself.</summary>
    public static IngestionPipelineSender? SenderOf(System.Collections.IDictionary? sessionItems) =>
        sessionItems is not null && sessionItems.Contains(SenderSessionItemKey) ? sessionItems[SenderSessionItemKey] as IngestionPipelineSender : null;

    private async Task<IngestionPipelineSender?> AuthenticateAsync(ValidatingConnectionEventArgs connection, CancellationToken cancellationToken)
    {
        try
        {
            if (connection.ClientCertificate is X509Certificate2 certificate)
            {
                return await AuthenticateCertificateAsync(connection, certificate, cancellationToken).ConfigureAwait(false);
            }

            if (!IngestionPipelineSender.TryParse(connection.UserName, out var claimed) || claimed is null)
            {
                LogRefused(logger, connection.ClientId, Printable(connection.UserName), "user name is not {tenant}:{node}");
                return null;
            }

            if (credentials is null)
            {
                LogRefused(logger, connection.ClientId, claimed.ToString(), "this store has no node credentials");
                return null;
            }

            var password = connection.Password ?? string.Empty;
            if (!await credentials.VerifyPasswordAsync(claimed.TenantId, claimed.NodeId, password, cancellationToken).ConfigureAwait(false))
            {
                LogRefused(logger, connection.ClientId, claimed.ToString(), "wrong password, or no active registration");
                return null;
            }

            return claimed;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A store failure refuses the connection; the node retries with its backoff.
            LogAuthenticationFailed(logger, exception, connection.ClientId);
            return null;
        }
    }

    private async Task<IngestionPipelineSender?> AuthenticateCertificateAsync(ValidatingConnectionEventArgs connection, X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            LogRefused(logger, connection.ClientId, certificate.Subject, "client certificate is outside its validity period");
            return null;
        }

        // The registry is the trust anchor: only the exact certificates provisioning recorded (and did not revoke) are
        // accepted, so a certificate the tenant CA signed but the registry does not hold is refused.
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var node = await registry.FindActiveNodeByCertificateAsync(thumbprint, cancellationToken).ConfigureAwait(false);
        if (node is null)
        {
            LogRefused(logger, connection.ClientId, certificate.Subject, "client certificate is not held by an active node");
            return null;
        }

        var sender = new IngestionPipelineSender(node.Registration.TenantId, node.Registration.NodeId);
        if (!string.IsNullOrEmpty(connection.UserName) && !string.Equals(connection.UserName, sender.ToString(), StringComparison.Ordinal))
        {
            LogRefused(logger, connection.ClientId, sender.ToString(), "user name differs from the certificate's node");
            return null;
        }

        return sender;
    }

    private static string Printable(string? text) => IngestionPipeline.Printable(text);

    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "MQTT client {ClientId} connected as {Sender} ({Method})")]
    private static partial void LogConnected(ILogger logger, string clientId, string sender, string method);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "MQTT client {ClientId} refused ({Identity}): {Reason}")]
    private static partial void LogRefused(ILogger logger, string clientId, string identity, string reason);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error, Message = "Authenticating MQTT client {ClientId} failed; connection refused")]
    private static partial void LogAuthenticationFailed(ILogger logger, Exception exception, string clientId);
}

using System;

namespace Retrosense.Node.Host.Transport;

/// <summary>How a node reaches its broker: address, identity, TLS files and timeouts.</summary>
public sealed class MqttNodeTransportOptions
{
    /// <summary>Plain MQTT port (IANA "mqtt", 1883).</summary>
    public const int DefaultPlainPort = 1883;

    /// <summary>MQTT over TLS port (IANA "secure-mqtt", 8883).</summary>
    public const int DefaultTlsPort = 8883;

    public MqttNodeTransportOptions(Uri brokerUri, string clientId)
    {
        ArgumentNullException.ThrowIfNull(brokerUri);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        if (!IsSupportedScheme(brokerUri.Scheme))
        {
            throw new ArgumentException($"broker URL must start with mqtt:// or mqtts://, got {brokerUri}", nameof(brokerUri));
        }

        BrokerUri = brokerUri;
        ClientId = clientId;
    }

    /// <summary><c>mqtt://host:port</c> or <c>mqtts://host:port</c> (TLS 1.2 or 1.3).</summary>
    public Uri BrokerUri { get; }

    /// <summary>MQTT client id, normally <see cref="ClientIdFor"/>: the broker's session belongs to this node.</summary>
    public string ClientId { get; }

    /// <summary>
    /// The client id a node connects with: <c>{tenant}:{node}</c>, the same text as its certificate CN (provisioning's
    /// NodeCertificateSubject) and the nanoFramework apps' client id (NodeApplication). Node ids are unique only within a
    /// tenant, and a broker drops the older session when a second client connects with the same id, so the bare node id
    /// would let two tenants' nodes kick each other off.
    /// </summary>
    public static string ClientIdFor(string tenant, string nodeId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        return tenant + ":" + nodeId;
    }

    public bool UseTls => string.Equals(BrokerUri.Scheme, "mqtts", StringComparison.OrdinalIgnoreCase);

    public string Host => BrokerUri.Host;

    public int Port => BrokerUri.IsDefaultPort || BrokerUri.Port <= 0 ? (UseTls ? DefaultTlsPort : DefaultPlainPort) : BrokerUri.Port;

    /// <summary>PEM file of the CA that signed the broker's certificate; null trusts the system store.</summary>
    public string? CaCertificatePath { get; init; }

    /// <summary>PEM file of this node's client certificate, for mutual TLS; needs <see cref="ClientKeyPath"/>.</summary>
    public string? ClientCertificatePath { get; init; }

    /// <summary>PEM file of the client certificate's private key.</summary>
    public string? ClientKeyPath { get; init; }

    /// <summary>
    /// MQTT username for brokers that authenticate nodes by password instead of a client certificate (the Retrosense
    /// server takes <c>{tenant}:{node}</c>); null sends none.
    /// </summary>
    public string? Username { get; init; }

    /// <summary>The password that goes with <see cref="Username"/>; ignored without one.</summary>
    public string? Password { get; init; }

    /// <summary>How long <c>Publish</c> waits for the PUBACK before reporting failure (the core then keeps the message).</summary>
    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one connection attempt may take, TLS handshake included.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>MQTT keep-alive; the broker declares the node dead (and sends its last will) after 1.5 × this without traffic.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the broker keeps the session (subscription and queued config messages) after the node drops, in seconds:
    /// one week by default, so a config sent while a node is offline is still delivered when it returns.
    /// </summary>
    public uint SessionExpirySeconds { get; init; } = 7 * 24 * 3600;

    public static bool IsSupportedScheme(string scheme) =>
        string.Equals(scheme, "mqtt", StringComparison.OrdinalIgnoreCase) || string.Equals(scheme, "mqtts", StringComparison.OrdinalIgnoreCase);
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Retrosense.Platform.Provisioning;
using Retrosense.Testing.Services;

namespace Retrosense.Platform.Tests.Provisioning;

/// <summary>
/// Debian's Mosquitto configured only from the files provisioning generates (CA bundle, server certificate, CRL, ACL,
/// listener settings), with nodes and the cloud connecting through mosquitto_pub/mosquitto_sub over mutual TLS.
/// </summary>
public sealed class MutualTlsBrokerTests : IAsyncLifetime
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long a message that must not arrive is waited for, after a later message proved the pipe works.</summary>
    private static readonly TimeSpan SilenceTimeout = TimeSpan.FromSeconds(1);

    private readonly PkiFolder _folder = new();
    private readonly List<NodeTopicGrant> _grants = [new("acme", "plant1", "pump7", "n1"), new("acme", "plant1", "pump8", "n2")];
    private readonly Dictionary<string, MosquittoTlsClient> _nodes = [];
    private readonly Dictionary<string, IssuedCertificate> _nodeCertificates = [];
    private TenantCertificateAuthority? _authority;
    private MosquittoBroker? _broker;
    private BrokerSecurityFiles? _files;
    private MosquittoTlsClient? _cloud;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private MosquittoBroker Broker => _broker!;

    public async ValueTask InitializeAsync()
    {
        MosquittoTlsClient.RequireClients();
        _broker = new MosquittoBroker(new MosquittoBrokerOptions { AllowAnonymous = false });
        var now = DateTimeOffset.UtcNow;
        var pkiRoot = _folder.Combine("pki");
        _authority = TenantCertificateAuthority.OpenOrCreate(pkiRoot, "acme", now);
        _files = new BrokerSecurityFiles(_folder.Combine("mosquitto"));
        _files.EnsureIdentities(_authority, "127.0.0.1", now);
        foreach (var grant in _grants)
        {
            var issued = _authority.IssueNodeCertificate(new NodeCertificateSubject(grant.Tenant, grant.Site, grant.Asset, grant.Node), now);
            _nodeCertificates[grant.Node] = issued;
            _nodes[grant.Node] = ClientWith(issued, grant.Node);
        }

        _cloud = new MosquittoTlsClient(Broker.Host, Broker.Port, _files.ServerCaPath, _files.CloudCertificatePath, _files.CloudKeyPath);
        _files.Write(pkiRoot, _grants, Broker.Port);
        var listener = new MosquittoListenerConfig(Broker.Port, _files.CaBundlePath, _files.ServerCertificatePath, _files.ServerKeyPath, _files.CrlPath, _files.AclPath);
        Broker.RewriteConfig(listener.ListenerSettingLines());
        await Broker.StartAsync(Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        _authority?.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Provisioned_Node_Publishes_Telemetry_Over_Mutual_Tls_And_The_Cloud_Receives_It()
    {
        await using var cloud = await _cloud!.SubscribeAsync("cloud", "retrosense/#", Cancellation);

        var (exitCode, output) = await _nodes["n1"].PublishAsync("n1", "retrosense/v1/acme/plant1/pump7/n1/telemetry", "t1", Cancellation);

        Assert.True(exitCode == 0, $"mosquitto_pub exit {exitCode}: {output}\n{Broker.Log}");
        Assert.Equal("retrosense/v1/acme/plant1/pump7/n1/telemetry t1", cloud.NextMessage(DeliveryTimeout));
        Assert.Contains("u'acme:n1'", Broker.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_Signed_By_A_Different_Ca_Is_Refused()
    {
        using var rogueFolder = new PkiFolder();
        using var rogue = TenantCertificateAuthority.OpenOrCreate(rogueFolder.Path, "acme", DateTimeOffset.UtcNow);
        var forged = rogue.IssueNodeCertificate(new NodeCertificateSubject("acme", "plant1", "pump7", "n1"), DateTimeOffset.UtcNow);
        var client = ClientWith(forged, "forged");
        await using var cloud = await _cloud!.SubscribeAsync("cloud", "retrosense/#", Cancellation);

        var (exitCode, output) = await client.PublishAsync("n1", "retrosense/v1/acme/plant1/pump7/n1/telemetry", "forged", Cancellation);

        Assert.True(exitCode != 0, $"mosquitto_pub with a certificate from another CA succeeded: {output}");
        Assert.Null(cloud.NextMessage(SilenceTimeout));
        Assert.Contains("certificate verify failed", Broker.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_Publishing_Into_Another_Nodes_Topic_Is_Not_Delivered()
    {
        await using var cloud = await _cloud!.SubscribeAsync("cloud", "retrosense/#", Cancellation);

        // Mosquitto drops an unauthorised MQTT 3.1.1 publish and still acknowledges it, so the publisher cannot tell;
        // the proof is that the subscriber gets the node's next, authorised message and never the forged one before it.
        var forged = await _nodes["n1"].PublishAsync("n1", "retrosense/v1/acme/plant1/pump8/n2/telemetry", "forged", Cancellation);
        var control = await _nodes["n1"].PublishAsync("n1", "retrosense/v1/acme/plant1/pump7/n1/telemetry", "control", Cancellation);

        Assert.Equal(0, control.ExitCode);
        var received = cloud.MessagesUntil("retrosense/v1/acme/plant1/pump7/n1/telemetry control", DeliveryTimeout);
        Assert.Equal(["retrosense/v1/acme/plant1/pump7/n1/telemetry control"], received);
        Assert.Null(cloud.NextMessage(SilenceTimeout));
        Assert.True(forged.ExitCode == 0, "MQTT 3.1.1 publishers are not told about the ACL: " + forged.Output);
        Assert.Contains("Denied PUBLISH from n1", Broker.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_May_Not_Publish_To_Its_Own_Config_Topic_Or_Subscribe_To_Other_Nodes()
    {
        await using var cloud = await _cloud!.SubscribeAsync("cloud", "retrosense/#", Cancellation);
        await using var snoop = await _nodes["n1"].SubscribeAsync("n1-snoop", "retrosense/v1/acme/plant1/pump8/n2/#", Cancellation);

        await _nodes["n1"].PublishAsync("n1", "retrosense/v1/acme/plant1/pump7/n1/config", "self-config", Cancellation);
        await _nodes["n2"].PublishAsync("n2", "retrosense/v1/acme/plant1/pump8/n2/telemetry", "n2-data", Cancellation);

        Assert.Equal(["retrosense/v1/acme/plant1/pump8/n2/telemetry n2-data"], cloud.MessagesUntil("retrosense/v1/acme/plant1/pump8/n2/telemetry n2-data", DeliveryTimeout));
        Assert.Null(snoop.NextMessage(SilenceTimeout));
    }

    [Fact]
    public async Task Revoked_Node_Is_Refused_After_The_Crl_And_Acl_Are_Regenerated_And_The_Broker_Restarted()
    {
        var before = await _nodes["n1"].PublishAsync("n1", "retrosense/v1/acme/plant1/pump7/n1/telemetry", "before", Cancellation);
        Assert.Equal(0, before.ExitCode);

        _authority!.Revoke("acme:n1", "board replaced", DateTimeOffset.UtcNow);
        _grants.RemoveAll(grant => grant.Node == "n1");
        _files!.Write(_folder.Combine("pki"), _grants, Broker.Port);
        await Broker.StopAsync();
        await Broker.StartAsync(Cancellation);
        await using var cloud = await _cloud!.SubscribeAsync("cloud", "retrosense/#", Cancellation);

        var after = await _nodes["n1"].PublishAsync("n1", "retrosense/v1/acme/plant1/pump7/n1/telemetry", "after", Cancellation);
        var other = await _nodes["n2"].PublishAsync("n2", "retrosense/v1/acme/plant1/pump8/n2/telemetry", "still-here", Cancellation);

        Assert.True(after.ExitCode != 0, $"revoked node still connected: {after.Output}");
        Assert.Equal(0, other.ExitCode);
        Assert.Equal(["retrosense/v1/acme/plant1/pump8/n2/telemetry still-here"], cloud.MessagesUntil("retrosense/v1/acme/plant1/pump8/n2/telemetry still-here", DeliveryTimeout));
        // OpenSSL reports the revoked certificate as a failed verification; the same certificate connected before the revocation.
        Assert.Contains("certificate verify failed", Broker.Log[Broker.Log.LastIndexOf("starting", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_Node_Is_Refused_After_The_Broker_Reloads_On_Sighup()
    {
        var before = await _nodes["n1"].PublishAsync("n1", "retrosense/v1/acme/plant1/pump7/n1/telemetry", "before", Cancellation);
        Assert.Equal(0, before.ExitCode);

        _authority!.Revoke("acme:n1", "board replaced", DateTimeOffset.UtcNow);
        _grants.RemoveAll(grant => grant.Node == "n1");
        _files!.Write(_folder.Combine("pki"), _grants, Broker.Port);
        Broker.Reload();
        await using var cloud = await _cloud!.SubscribeAsync("cloud", "retrosense/#", Cancellation);

        // The subscription round trip above happens after the broker handled SIGHUP (signals are handled in its main loop).
        var after = await _nodes["n1"].PublishAsync("n1", "retrosense/v1/acme/plant1/pump7/n1/telemetry", "after", Cancellation);
        var other = await _nodes["n2"].PublishAsync("n2", "retrosense/v1/acme/plant1/pump8/n2/telemetry", "still-here", Cancellation);

        Assert.True(after.ExitCode != 0, $"revoked node still connected after SIGHUP: {after.Output}\n{Broker.Log}");
        Assert.Equal(0, other.ExitCode);
        Assert.Equal(["retrosense/v1/acme/plant1/pump8/n2/telemetry still-here"], cloud.MessagesUntil("retrosense/v1/acme/plant1/pump8/n2/telemetry still-here", DeliveryTimeout));
        Assert.Contains("Reloading config", Broker.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dotnet_Node_Client_Connects_With_Its_Certificate_And_Is_Told_A_Cross_Node_Publish_Is_Not_Authorized()
    {
        await using var cloud = await _cloud!.SubscribeAsync("cloud", "retrosense/#", Cancellation);
        using var node = new MqttClientFactory().CreateMqttClient();
        using var clientCertificate = X509Certificate2.CreateFromPem(_nodeCertificates["n1"].CertificatePem, _nodeCertificates["n1"].PrivateKeyPem);
        var options = DotnetNodeOptions("n1-dotnet", clientCertificate);

        var connected = await node.ConnectAsync(options, Cancellation);
        var own = await node.PublishAsync(Message("retrosense/v1/acme/plant1/pump7/n1/telemetry", "own"), Cancellation);
        var foreign = await node.PublishAsync(Message("retrosense/v1/acme/plant1/pump8/n2/telemetry", "foreign"), Cancellation);
        await node.DisconnectAsync(cancellationToken: Cancellation);

        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        Assert.Equal(MqttClientPublishReasonCode.Success, own.ReasonCode);

        // MQTT 5 lets the broker say what 3.1.1 cannot: the PUBACK of the forged publish carries 0x87 Not authorized.
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, foreign.ReasonCode);
        Assert.Equal(["retrosense/v1/acme/plant1/pump7/n1/telemetry own"], cloud.MessagesUntil("retrosense/v1/acme/plant1/pump7/n1/telemetry own", DeliveryTimeout));
        Assert.Null(cloud.NextMessage(SilenceTimeout));
    }

    [Fact]
    public async Task Revoked_Node_Still_Connected_May_No_Longer_Publish_Once_The_Broker_Reloads_Its_Acl()
    {
        using var node = new MqttClientFactory().CreateMqttClient();
        using var clientCertificate = X509Certificate2.CreateFromPem(_nodeCertificates["n1"].CertificatePem, _nodeCertificates["n1"].PrivateKeyPem);
        await node.ConnectAsync(DotnetNodeOptions("n1-dotnet", clientCertificate), Cancellation);
        await using var cloud = await _cloud!.SubscribeAsync("cloud-1", "retrosense/#", Cancellation);
        var before = await node.PublishAsync(Message("retrosense/v1/acme/plant1/pump7/n1/telemetry", "before"), Cancellation);

        _authority!.Revoke("acme:n1", "stolen", DateTimeOffset.UtcNow);
        _grants.RemoveAll(grant => grant.Node == "n1");
        _files!.Write(_folder.Combine("pki"), _grants, Broker.Port);
        Broker.Reload();

        // A new subscription is a full round trip through the broker's main loop, which handles SIGHUP first.
        await using var sync = await _cloud.SubscribeAsync("cloud-2", "retrosense/#", Cancellation);
        var after = await node.PublishAsync(Message("retrosense/v1/acme/plant1/pump7/n1/telemetry", "after"), Cancellation);

        // The TLS session of a connected node outlives the CRL; the reloaded ACL is what stops it at once.
        Assert.Equal(MqttClientPublishReasonCode.Success, before.ReasonCode);
        Assert.True(node.IsConnected);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, after.ReasonCode);
        Assert.Equal("retrosense/v1/acme/plant1/pump7/n1/telemetry before", cloud.NextMessage(DeliveryTimeout));
        Assert.Null(cloud.NextMessage(SilenceTimeout));
        Assert.Null(sync.NextMessage(SilenceTimeout));
    }

    private MqttClientOptions DotnetNodeOptions(string clientId, X509Certificate2 clientCertificate)
    {
        var trust = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(_authority!.Certificate.RawData));
        return new MqttClientOptionsBuilder()
            .WithTcpServer(Broker.Host, Broker.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTlsOptions(tls => tls.UseTls().WithClientCertificates(new X509Certificate2Collection(clientCertificate)).WithTrustChain(trust))
            .Build();
    }

    private static MqttApplicationMessage Message(string topic, string payload) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private MosquittoTlsClient ClientWith(IssuedCertificate issued, string name)
    {
        var certificatePath = _folder.Combine($"{name}-{issued.SerialNumber}.crt");
        var keyPath = _folder.Combine($"{name}-{issued.SerialNumber}.key");
        File.WriteAllText(certificatePath, issued.CertificatePem);
        OwnerOnlyFiles.WriteAllText(keyPath, issued.PrivateKeyPem);
        return new MosquittoTlsClient(Broker.Host, Broker.Port, _files!.ServerCaPath, certificatePath, keyPath);
    }
}

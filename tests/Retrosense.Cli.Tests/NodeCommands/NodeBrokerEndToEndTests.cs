using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Provisioning;
using Retrosense.Platform.Tests.Provisioning;
using Retrosense.Testing.Services;

namespace Retrosense.Cli.Tests.NodeCommands;

/// <summary>
/// The whole technician flow against Debian's Mosquitto: <c>retrosense node provision</c> writes the broker's
/// mosquitto.conf, CA bundle, CRL and ACL and the node's folder; the broker runs on exactly those settings; the node
/// connects with the files from its folder; <c>retrosense node revoke</c> and a SIGHUP shut it out.
/// </summary>
public sealed class NodeBrokerEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(10);
    private readonly NodeWorkspace _workspace = new();
    private MosquittoBroker? _broker;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        MosquittoTlsClient.RequireClients();
        _broker = new MosquittoBroker(new MosquittoBrokerOptions { AllowAnonymous = false });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        _workspace.Dispose();
    }

    [Fact]
    public async Task Provisioned_Node_Connects_With_Its_Folder_And_Is_Shut_Out_After_Revoke_And_Reload()
    {
        var broker = _broker!;
        var brokerUrl = string.Create(CultureInfo.InvariantCulture, $"mqtts://127.0.0.1:{broker.Port}");
        Assert.Equal(0, _workspace.Provision("acme", "n1", broker: brokerUrl).ExitCode);
        Assert.Equal(0, _workspace.Provision("acme", "n2", asset: "pump8", broker: brokerUrl).ExitCode);
        var config = File.ReadAllLines(Path.Combine(_workspace.BrokerDirectory, BrokerSecurityFiles.ConfigFileName));
        var listenerLine = Array.FindIndex(config, line => line.StartsWith("listener ", StringComparison.Ordinal));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"listener {broker.Port}"), config[listenerLine]);
        broker.RewriteConfig(config[(listenerLine + 1)..]);
        await broker.StartAsync(Cancellation);
        var n1 = NodeClient("n1");
        var n2 = NodeClient("n2");
        var cloud = new MosquittoTlsClient(broker.Host, broker.Port, Path.Combine(_workspace.BrokerDirectory, BrokerSecurityFiles.ServerCaFileName),
            Path.Combine(_workspace.BrokerDirectory, BrokerSecurityFiles.CloudCertificateFileName), Path.Combine(_workspace.BrokerDirectory, BrokerSecurityFiles.CloudKeyFileName));

        await using (var subscriber = await cloud.SubscribeAsync("cloud-1", "retrosense/#", Cancellation))
        {
            var published = await n1.PublishAsync("n1", "retrosense/v1/acme/plant1/pump7/n1/telemetry", "t1", Cancellation);
            Assert.True(published.ExitCode == 0, published.Output + broker.Log);
            Assert.Equal("retrosense/v1/acme/plant1/pump7/n1/telemetry t1", subscriber.NextMessage(DeliveryTimeout));
        }

        var revoke = _workspace.Run("node", "revoke", "--tenant", "acme", "--node", "n1", "--reason", "board replaced");
        Assert.Equal(0, revoke.ExitCode);
        broker.Reload();

        // A new subscription is a full round trip through the broker's main loop, which handles SIGHUP first.
        await using var after = await cloud.SubscribeAsync("cloud-2", "retrosense/#", Cancellation);
        var refused = await n1.PublishAsync("n1", "retrosense/v1/acme/plant1/pump7/n1/telemetry", "t2", Cancellation);
        var stillAdmitted = await n2.PublishAsync("n2", "retrosense/v1/acme/plant1/pump8/n2/telemetry", "t3", Cancellation);

        Assert.True(refused.ExitCode != 0, "revoked node was admitted: " + refused.Output);
        Assert.Equal(0, stillAdmitted.ExitCode);
        Assert.Equal(["retrosense/v1/acme/plant1/pump8/n2/telemetry t3"], after.MessagesUntil("retrosense/v1/acme/plant1/pump8/n2/telemetry t3", DeliveryTimeout));
    }

    private MosquittoTlsClient NodeClient(string node)
    {
        var folder = _workspace.NodeFolder("acme", node);
        return new MosquittoTlsClient(_broker!.Host, _broker.Port, Path.Combine(folder, NodeOutputFiles.TrustBundle), Path.Combine(folder, NodeOutputFiles.Certificate), Path.Combine(folder, NodeOutputFiles.PrivateKey));
    }
}

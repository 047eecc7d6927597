using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Retrosense.Testing.Services;

namespace Retrosense.Node.Host.Tests.Integration;

/// <summary>
/// Issue 3, "Done when" 2: killing the node process makes the broker deliver the node's <c>death</c> message (its MQTT
/// last will) to a subscriber; so does a stop by SIGTERM, by the program's design.
/// </summary>
public sealed class NodeProcessDeathTests
{
    private const string Site = "site-it";
    private const string Asset = "asset-007";
    private const string NodeId = "node-007";

    // Process start, JIT and the first connect on a busy 2-core machine.
    private static readonly TimeSpan BirthTimeout = TimeSpan.FromSeconds(60);

    // Killed, the process's socket is closed by the kernel and Mosquitto publishes the will at once; the keep-alive
    // (30 s, 45 s before the broker gives up) only matters when the link dies silently, so 10 s is a generous bound.
    private static readonly TimeSpan DeathTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Killing_The_Node_Process_Makes_The_Broker_Deliver_Its_Death_Message()
    {
        const string Tenant = "it-death";
        await using var broker = await MosquittoBroker.StartNewAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var subscriber = await MqttTestSubscriber.ConnectAsync(broker.Host, broker.Port, "death-subscriber", $"retrosense/v1/{Tenant}/#");
        using var node = new NodeProcess(broker.Url, Tenant, Site, Asset, NodeId);
        var birth = WireMessage.Parse(await WaitForBirthAsync(subscriber, node));

        var sinceKill = Stopwatch.StartNew();
        node.Kill();
        var death = WireMessage.Parse(await subscriber.WaitForAsync(message => message.Kind == "death", DeathTimeout, "death after the kill"));

        TestContext.Current.SendDiagnosticMessage($"death arrived {sinceKill.Elapsed.TotalMilliseconds:0} ms after the kill");
        Assert.Equal($"retrosense/v1/{Tenant}/{Site}/{Asset}/{NodeId}/death", death.Topic);
        Assert.Equal(NodeId, death.Node);
        Assert.Equal(birth.Boot, death.Boot);
        Assert.False(death.Historical);

        // The will is encoded before each session's CONNECT, so it takes the seq just before that session's birth.
        Assert.True(death.Seq < birth.Seq, $"death seq {death.Seq} should precede birth seq {birth.Seq}");
    }

    [Fact]
    public async Task Stopping_The_Node_With_Sigterm_Also_Announces_Its_Death_And_Exits_Cleanly()
    {
        // retrosense-node disconnects "with will message" on SIGINT/SIGTERM (its --help: "the broker then publishes its
        // death message"), so the cloud learns of a planned stop the same way as of a crash.
        const string Tenant = "it-sigterm";
        await using var broker = await MosquittoBroker.StartNewAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var subscriber = await MqttTestSubscriber.ConnectAsync(broker.Host, broker.Port, "sigterm-subscriber", $"retrosense/v1/{Tenant}/#");
        using var node = new NodeProcess(broker.Url, Tenant, Site, Asset, NodeId);
        var birth = WireMessage.Parse(await WaitForBirthAsync(subscriber, node));

        node.Terminate(TimeSpan.FromSeconds(20));
        var death = WireMessage.Parse(await subscriber.WaitForAsync(message => message.Kind == "death", DeathTimeout, "death after SIGTERM"));

        Assert.Equal(0, node.ExitCode);
        Assert.Equal(birth.Boot, death.Boot);
        Assert.Single(subscriber.Received, message => message.Kind == "death");
    }

    private static async Task<ReceivedMqttMessage> WaitForBirthAsync(MqttTestSubscriber subscriber, NodeProcess node)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < BirthTimeout)
        {
            var birth = subscriber.Received.FirstOrDefault(message => message.Kind == "birth");
            if (birth is not null)
            {
                return birth;
            }

            if (node.HasExited)
            {
                Assert.Fail("retrosense-node exited before its birth:\n" + node.Output);
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"no birth within {BirthTimeout.TotalSeconds} s; retrosense-node printed:\n{node.Output}");
        return null!;
    }
}

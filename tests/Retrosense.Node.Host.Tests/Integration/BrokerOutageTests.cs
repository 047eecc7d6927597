using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Retrosense.Testing.Services;

namespace Retrosense.Node.Host.Tests.Integration;

/// <summary>
/// Issue 3, "Done when" 1: a host node against Debian's Mosquitto keeps every message through a 30 s broker outage.
/// The subscriber keeps a persistent session and the broker persists it, so what the node publishes after the restart
/// but before the subscriber is back is queued for it, as for the cloud's ingestion.
/// </summary>
public sealed class BrokerOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_Message_Produced_Around_A_30_Second_Broker_Outage_Arrives_In_Order_With_The_Outage_Ones_Historical()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var broker = await MosquittoBroker.StartNewAsync(new MosquittoBrokerOptions { Persistence = true }, cancellation);
        const string Tenant = "it-outage";
        await using var subscriber = await MqttTestSubscriber.ConnectAsync(
            broker.Host, broker.Port, "outage-subscriber", $"retrosense/v1/{Tenant}/#", persistentSession: true);

        // 30 s at 4 reports per second is 120 messages plus status: the queue holds 1,000, as a gateway-class node would.
        using var host = new HostNodeUnderTest(broker, Tenant, HostNodeUnderTest.FastConfig(configVersion: 3), queueCapacity: 1000);

        // Mid-stream: birth, a run of telemetry and the first status (10 s after boot) have arrived.
        await subscriber.WaitForAsync(message => message.Kind == "birth", TimeSpan.FromSeconds(15), "birth");
        await subscriber.WaitForCountAsync(message => message.Kind == "telemetry", 8, TimeSpan.FromSeconds(15), "telemetry before the outage");
        await subscriber.WaitForAsync(message => message.Kind == "status", TimeSpan.FromSeconds(20), "status before the outage");

        await broker.StopAsync();
        var producedWhenBrokerDown = host.Node.ProducedCount;
        await Task.Delay(Outage, cancellation);
        var producedBeforeRestart = host.Node.ProducedCount;
        await broker.StartAsync(cancellation);
        await subscriber.ConnectAndSubscribeAsync(TimeSpan.FromSeconds(30));

        // The node reconnects, sends a new birth and drains its queue; then let it run live for a moment and stop producing.
        await WaitUntilAsync(() => host.Transport.ConnectionCount >= 2 && host.Node.QueueDepth == 0, TimeSpan.FromSeconds(45), "the node to reconnect and drain its queue", host);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellation);
        host.StopLoop();
        Assert.Equal(0, host.Node.QueueDepth);
        Assert.Equal(0, host.Node.QueueDropped);

        // Every seq the node gave out, except those its registered last wills took, must arrive.
        var produced = host.Node.ProducedCount;
        var lastWillSeqs = host.LastWillSeqs.ToHashSet();
        var expectedSeqs = Enumerable.Range(0, (int)produced).Select(seq => (long)seq).Where(seq => !lastWillSeqs.Contains(seq)).ToArray();
        var received = await subscriber.WaitForCountAsync(
            message => message.Kind != "death", expectedSeqs.Length, TimeSpan.FromSeconds(20), $"messages of the {expectedSeqs.Length} the node produced");
        var messages = received.Select(WireMessage.Parse).ToArray();

        Assert.All(messages, message => Assert.Equal(host.Node.BootCount, message.Boot));
        var firstArrivals = messages.GroupBy(message => message.Seq).Select(group => group.First()).OrderBy(message => message.ArrivalIndex).ToArray();
        Assert.Equal(expectedSeqs, firstArrivals.Select(message => message.Seq).Order().ToArray());

        // In order: apart from birth, which goes straight out ahead of the queue on every connect, seqs arrive ascending.
        var queuedOrder = firstArrivals.Where(message => message.Kind != "birth").Select(message => message.Seq).ToArray();
        Assert.True(queuedOrder.SequenceEqual(queuedOrder.Order()), "messages arrived out of seq order: " + string.Join(",", queuedOrder));

        // What the node produced while the broker was down was replayed, flagged historical.
        var duringOutage = messages.Where(message => message.Seq >= producedWhenBrokerDown && message.Seq < producedBeforeRestart).ToArray();
        Assert.True(duringOutage.Select(message => message.Seq).Distinct().Count() >= 3 * (int)Outage.TotalSeconds, $"only {duringOutage.Length} messages from the outage");
        Assert.All(duringOutage, message => Assert.True(message.Historical, $"seq {message.Seq} ({message.Kind}) produced during the outage is not historical"));
        Assert.Contains(duringOutage, message => message.Kind == "telemetry");
        Assert.Contains(duringOutage, message => message.Kind == "status");
        Assert.Equal(2, messages.Count(message => message.Kind == "birth"));

        // Any death the broker sent (a will published at shutdown) must be one the node registered, never a live message's seq.
        Assert.All(received.Where(message => message.Kind == "death").Select(WireMessage.Parse), death => Assert.Contains(death.Seq, lastWillSeqs));
        TestContext.Current.SendDiagnosticMessage(
            $"produced {produced} seqs ({lastWillSeqs.Count} taken by last wills), received {firstArrivals.Length} distinct ({messages.Length - firstArrivals.Length} duplicates), {duringOutage.Length} from the outage");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, HostNodeUnderTest host)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > timeout)
            {
                Assert.Fail($"waited {timeout.TotalSeconds} s for {what}; node log:\n{host.Log}");
            }

            await Task.Delay(100);
        }
    }
}

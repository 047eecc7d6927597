using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Retrosense.Node.Host.Tests.Integration;
using Retrosense.Testing.Services;

namespace Retrosense.Cli.Tests.Simulate;

/// <summary><c>retrosense simulate</c> against a real Mosquitto: what the fleet says it published is what a subscriber receives.</summary>
public sealed class SimulateCommandBrokerTests
{
    [Fact]
    public async Task Twenty_Nodes_Publish_Births_And_Telemetry_That_A_Subscriber_Receives_And_Announce_Their_Death_At_The_End()
    {
        const string Tenant = "cli-simulate";
        await using var broker = await MosquittoBroker.StartNewAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var subscriber = await MqttTestSubscriber.ConnectAsync(broker.Host, broker.Port, "simulate-test-subscriber", $"retrosense/v1/{Tenant}/#");

        var run = await Task.Run(
            () => CliRun.Of("simulate", "--nodes", "20", "--broker", broker.Url, "--duration", "5", "--tenant", Tenant, "--json"),
            TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var totals = JsonDocument.Parse(run.Stdout);
        var acknowledged = totals.RootElement.GetProperty("messages_acknowledged").GetInt64();
        Assert.Equal(20, totals.RootElement.GetProperty("nodes").GetInt32());
        Assert.Equal(0, totals.RootElement.GetProperty("messages_failed").GetInt64());

        // Every message the broker acknowledged to a node reaches the QoS 1 subscriber; and as the run ends each node
        // stops like retrosense-node does, disconnecting with its will, so the broker announces its death.
        var received = await subscriber.WaitForCountAsync(_ => true, (int)acknowledged + 20, TimeSpan.FromSeconds(10), "messages the fleet published and its deaths");
        Assert.Equal(acknowledged, received.Count(message => message.Kind != "death"));
        Assert.Equal(20, received.Where(message => message.Kind == "death").Select(message => message.Topic).Distinct().Count());
        var births = received.Where(message => message.Kind == "birth").Select(message => message.Topic.Split('/')[5]).Distinct().ToArray();
        Assert.Equal(20, births.Length);
        Assert.Contains("node-001", births);
        Assert.Contains("node-020", births);
        Assert.True(received.Count(message => message.Kind == "telemetry") >= 20, "each node reports its first window");
        Assert.All(received, message => Assert.Matches(@"^retrosense/v1/cli-simulate/sim/asset-\d{3}/node-\d{3}/(birth|telemetry|status|alarm|death)$", message.Topic));
    }

    [Fact]
    public async Task Load_Mode_Reports_Every_Window_At_About_The_Requested_Rate()
    {
        const string Tenant = "cli-load";
        await using var broker = await MosquittoBroker.StartNewAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var subscriber = await MqttTestSubscriber.ConnectAsync(broker.Host, broker.Port, "load-test-subscriber", $"retrosense/v1/{Tenant}/+/+/+/telemetry");

        var run = await Task.Run(
            () => CliRun.Of("simulate", "--nodes", "10", "--broker", broker.Url, "--duration", "4", "--tenant", Tenant, "--rate", "100", "--json"),
            TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var totals = JsonDocument.Parse(run.Stdout);
        var windows = totals.RootElement.GetProperty("windows").GetInt64();
        var elapsedSeconds = totals.RootElement.GetProperty("elapsed_seconds").GetDouble();

        // 10 nodes at 100 msg/s sample at 2,560 Hz in 256-sample windows: 10 windows per node per second, each reported.
        Assert.InRange(windows, (long)(0.5 * 100 * elapsedSeconds), (long)(1.1 * 100 * elapsedSeconds) + 10);
        // One telemetry message per window; those still queued at the end (or dropped) never left the nodes.
        var leftBehind = totals.RootElement.GetProperty("messages_queued").GetInt64() + totals.RootElement.GetProperty("messages_dropped").GetInt64();
        var telemetry = await subscriber.WaitForCountAsync(_ => true, (int)(windows - leftBehind), TimeSpan.FromSeconds(10), "telemetry, one per window");
        Assert.Equal(windows - leftBehind, telemetry.Count);
    }
}

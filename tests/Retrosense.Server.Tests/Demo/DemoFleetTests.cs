using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Retrosense.Platform.Alarms;
using Retrosense.Platform.Registry;
using Retrosense.Server.Alarms;
using Retrosense.Server.Demo;
using Retrosense.Storage;

namespace Retrosense.Server.Tests.Demo;

/// <summary>The demo tenant and fleet in the real server: embedded broker, ingestion and a SQLite store in a temp folder.</summary>
public sealed class DemoFleetTests
{
    private static readonly TimeSpan TelemetryDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task On_a_fresh_store_the_demo_seeds_its_tenant_and_its_telemetry_is_stored_within_30_seconds()
    {
        using var folder = new DemoServer();
        await using var server = await folder.StartAsync(demoEnabled: true);

        var outcome = await DemoServer.WaitForFleetAsync(server);
        var waited = await DemoServer.WaitForDemoTelemetryAsync(server, minimumBoot: 1, TelemetryDeadline);

        Assert.Equal(DemoSeedAction.Seeded, outcome.Action);
        Assert.Equal(DemoFleetPlan.Assets.Count, outcome.Nodes.Count);
        var registry = server.Services.GetRequiredService<IRegistryStore>();
        var tenant = await registry.GetTenantAsync(DemoFleetPlan.TenantId, TestContext.Current.CancellationToken);
        Assert.Equal("Demo Foods", tenant?.DisplayName);
        var site = await registry.GetSiteAsync(DemoFleetPlan.TenantId, DemoFleetPlan.SiteId, TestContext.Current.CancellationToken);
        Assert.Equal("Asia/Seoul", site?.TimeZoneId);
        Assert.Equal(DemoFleetPlan.Assets.Count, (await registry.ListAssetsAsync(DemoFleetPlan.TenantId, cancellationToken: TestContext.Current.CancellationToken)).Count);
        TestContext.Current.TestOutputHelper?.WriteLine($"first demo telemetry stored {waited.TotalSeconds:0.0} s after the fleet started");
    }

    [Fact]
    public async Task With_the_demo_disabled_nothing_is_seeded_and_no_fleet_runs()
    {
        using var folder = new DemoServer();
        await using var server = await folder.StartAsync(demoEnabled: false);

        Assert.Null(server.Services.GetService<DemoFleetService>());
        var registry = server.Services.GetRequiredService<IRegistryStore>();
        Assert.Null(await registry.GetTenantAsync(DemoFleetPlan.TenantId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_restart_resumes_the_demo_fleet_without_seeding_again_and_the_stopped_nodes_deaths_raise_offline_alarms()
    {
        using var folder = new DemoServer();
        DateTimeOffset[] provisionedTimes;
        await using (var first = await folder.StartAsync(demoEnabled: true))
        {
            Assert.Equal(DemoSeedAction.Seeded, (await DemoServer.WaitForFleetAsync(first)).Action);
            await DemoServer.WaitForDemoTelemetryAsync(first, minimumBoot: 1, TelemetryDeadline);
            provisionedTimes = await ProvisionedTimesAsync(first);
        }

        // Stopping disconnected every node with its will: each node's last stored message is its death.
        await using (var store = await ReportingStoreFactory.OpenAsync(folder.StoreOptions, TestContext.Current.CancellationToken))
        {
            var activity = await store.Ingestion.ListNodeActivityAsync(TestContext.Current.CancellationToken);
            Assert.Equal(Enumerable.Repeat("death", DemoFleetPlan.Assets.Count), activity.Where(node => node.TenantId == DemoFleetPlan.TenantId).Select(node => node.LastKind));
        }

        await using var second = await folder.StartAsync(demoEnabled: true);
        var outcome = await DemoServer.WaitForFleetAsync(second);

        Assert.Equal(DemoSeedAction.Resumed, outcome.Action);
        Assert.Equal(provisionedTimes, await ProvisionedTimesAsync(second));

        // The resumed nodes boot as 2: their messages are new to the cloud, not repeats of the first run's.
        await DemoServer.WaitForDemoTelemetryAsync(second, minimumBoot: 2, TelemetryDeadline);
        var alarms = await second.Services.GetRequiredService<IAlarmStore>().ListAsync(new AlarmQuery(DemoFleetPlan.TenantId), TestContext.Current.CancellationToken);
        var offlineNodes = alarms.Where(alarm => alarm.ConditionKey == CloudAlarmConditions.NodeOffline).Select(alarm => alarm.NodeId).Distinct().Count();
        Assert.Equal(DemoFleetPlan.Assets.Count, offlineNodes);
    }

    private static async Task<DateTimeOffset[]> ProvisionedTimesAsync(RunningServer server)
    {
        var nodes = await server.Services.GetRequiredService<IRegistryStore>().ListNodesAsync(DemoFleetPlan.TenantId, cancellationToken: TestContext.Current.CancellationToken);
        return [.. nodes.Select(node => node.ProvisionedAtUtc)];
    }
}

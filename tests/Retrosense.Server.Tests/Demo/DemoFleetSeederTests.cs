using System;
using System.Threading.Tasks;
using Retrosense.Server.Demo;
using Retrosense.Server.Tests.Alarms;

namespace Retrosense.Server.Tests.Demo;

/// <summary>The seeder's decision on stores that are not fresh.</summary>
public sealed class DemoFleetSeederTests
{
    [Fact]
    public async Task A_store_holding_another_tenants_node_data_gets_no_demo_tenant()
    {
        await using var test = await AlarmTestStore.OpenAsync();
        var token = TestContext.Current.CancellationToken;
        await test.Store.Ingestion.WriteBatchAsync([TestNodeMessages.Birth(1, 1, DateTimeOffset.UtcNow)], token);
        var seeder = new DemoFleetSeeder(test.Store.Registry, test.Store.Ingestion, test.Store.Credentials);

        var outcome = await seeder.SeedOrResumeAsync(token);

        Assert.Equal(DemoSeedAction.SkippedStoreInUse, outcome.Action);
        Assert.Empty(outcome.Nodes);
        Assert.Null(await test.Store.Registry.GetTenantAsync(DemoFleetPlan.TenantId, token));
    }

    [Fact]
    public async Task Seeding_twice_resumes_the_same_nodes_with_new_passwords_that_verify()
    {
        await using var test = await AlarmTestStore.OpenAsync();
        var token = TestContext.Current.CancellationToken;
        var seeder = new DemoFleetSeeder(test.Store.Registry, test.Store.Ingestion, test.Store.Credentials);

        var seeded = await seeder.SeedOrResumeAsync(token);
        var resumed = await seeder.SeedOrResumeAsync(token);

        Assert.Equal(DemoSeedAction.Seeded, seeded.Action);
        Assert.Equal(DemoSeedAction.Resumed, resumed.Action);
        Assert.Equal(seeded.Nodes.Count, resumed.Nodes.Count);
        for (var index = 0; index < seeded.Nodes.Count; index++)
        {
            Assert.Equal(seeded.Nodes[index].Asset, resumed.Nodes[index].Asset);
            Assert.NotEqual(seeded.Nodes[index].Password, resumed.Nodes[index].Password);
            Assert.False(await test.Store.Credentials.VerifyPasswordAsync(DemoFleetPlan.TenantId, seeded.Nodes[index].Asset.NodeId, seeded.Nodes[index].Password, token));
            Assert.True(await test.Store.Credentials.VerifyPasswordAsync(DemoFleetPlan.TenantId, resumed.Nodes[index].Asset.NodeId, resumed.Nodes[index].Password, token));
        }
    }
}

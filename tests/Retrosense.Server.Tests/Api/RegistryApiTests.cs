using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;

namespace Retrosense.Server.Tests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class RegistryApiTests(ApiTestServer fixture)
{
    private const string Acme = "/api/v1/tenants/" + ApiTestServer.Tenant;

    [Fact]
    public async Task Sites_Lists_The_Tenants_Sites_With_Their_Time_Zones()
    {
        var sites = await fixture.Http.GetJsonAsync(Acme + "/sites");

        Assert.Equal([ApiTestServer.Site, ApiTestServer.OtherSite], sites.EnumerateArray().Select(site => site.GetProperty("siteId").GetString()));
        Assert.Equal("Asia/Seoul", sites[0].GetProperty("timeZoneId").GetString());
        Assert.Equal("Europe/Berlin", sites[1].GetProperty("timeZoneId").GetString());
        Assert.All(sites.EnumerateArray(), site => Assert.Equal(ApiTestServer.Tenant, site.GetProperty("tenantId").GetString()));
    }

    [Fact]
    public async Task Assets_Lists_Every_Site_Or_One_Site_With_Its_Iso_Class()
    {
        var all = await fixture.Http.GetJsonAsync(Acme + "/assets");
        var plant2 = await fixture.Http.GetJsonAsync(Acme + "/assets?site=" + ApiTestServer.OtherSite);
        var plant2Nested = await fixture.Http.GetJsonAsync(Acme + "/sites/" + ApiTestServer.OtherSite + "/assets");

        Assert.Equal(2, all.GetArrayLength());
        var fan = Assert.Single(plant2.EnumerateArray());
        Assert.Equal(ApiTestServer.OtherSiteAsset, fan.GetProperty("assetId").GetString());
        Assert.Equal(1, fan.GetProperty("machineGroup").GetInt32());
        Assert.Equal("flexible", fan.GetProperty("foundation").GetString());
        Assert.Equal(JsonValueKindNull, fan.GetProperty("shaftSpeedRpm").ValueKind);
        Assert.Equal(fan.GetRawText(), Assert.Single(plant2Nested.EnumerateArray()).GetRawText());
    }

    [Fact]
    public async Task One_Asset_Is_Addressed_By_Its_Site_And_Id()
    {
        var pump = await fixture.Http.GetJsonAsync($"{Acme}/sites/{ApiTestServer.Site}/assets/{ApiTestServer.Asset}");

        Assert.Equal("Pump 3", pump.GetProperty("name").GetString());
        Assert.Equal(2, pump.GetProperty("machineGroup").GetInt32());
        Assert.Equal("rigid", pump.GetProperty("foundation").GetString());
        Assert.Equal(1780f, pump.GetProperty("shaftSpeedRpm").GetSingle());
    }

    [Fact]
    public async Task Nodes_Show_Registration_State_And_When_The_Node_Was_Last_Heard()
    {
        var nodes = await fixture.Http.GetJsonAsync(Acme + "/nodes");

        Assert.Equal(2, nodes.GetArrayLength());
        var active = nodes.EnumerateArray().Single(node => node.GetProperty("nodeId").GetString() == ApiTestServer.Node);
        Assert.Equal("provisioned", active.GetProperty("status").GetString());
        Assert.Equal("esp32", active.GetProperty("board").GetString());
        var lastHeard = active.GetUtcTime("lastReceivedAtUtc");
        Assert.InRange(lastHeard, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddMinutes(1));

        // The newest message time is the last window (10:02:40), not the late replay written last.
        Assert.Equal(fixture.Windows.Max(window => window.Timestamp), active.GetUtcTime("lastMessageAtUtc"));
        Assert.Equal(3, active.GetProperty("lastBoot").GetInt64());

        var revoked = nodes.EnumerateArray().Single(node => node.GetProperty("nodeId").GetString() == ApiTestServer.RevokedNode);
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Equal("board replaced", revoked.GetProperty("revocationReason").GetString());
        Assert.Equal(JsonValueKindNull, revoked.GetProperty("lastReceivedAtUtc").ValueKind);
    }

    [Fact]
    public async Task Nodes_Can_Be_Narrowed_To_One_Asset()
    {
        var nodes = await fixture.Http.GetJsonAsync($"{Acme}/nodes?site={ApiTestServer.OtherSite}&asset={ApiTestServer.OtherSiteAsset}");

        Assert.Equal(ApiTestServer.RevokedNode, Assert.Single(nodes.EnumerateArray()).GetProperty("nodeId").GetString());
    }

    [Theory]
    [InlineData("/api/v1/tenants/nobody/sites", "no tenant 'nobody'")]
    [InlineData("/api/v1/tenants/nobody/nodes", "no tenant 'nobody'")]
    [InlineData(Acme + "/assets?site=plant-9", "tenant 'acme' has no site 'plant-9'")]
    [InlineData(Acme + "/sites/plant-1/assets/fan-1", "tenant 'acme' has no asset 'fan-1' at site 'plant-1'")]
    [InlineData(Acme + "/sites/plant-1/assets/pump-9/telemetry?from=2026-01-05T10:00:00Z&to=2026-01-05T11:00:00Z", "tenant 'acme' has no asset 'pump-9' at site 'plant-1'")]
    [InlineData(Acme + "/sites/plant-1/assets/pump-9/rollups?from=2026-01-05T10:00:00Z&to=2026-01-05T11:00:00Z", "tenant 'acme' has no asset 'pump-9' at site 'plant-1'")]
    public async Task Unknown_Tenants_Sites_And_Assets_Are_Not_Found(string path, string expectedDetail)
    {
        var detail = await fixture.Http.GetProblemDetailAsync(path, HttpStatusCode.NotFound);

        Assert.Equal(expectedDetail, detail);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}

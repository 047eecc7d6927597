using System;
using System.Linq;
using System.Threading.Tasks;

namespace Retrosense.Server.Tests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class QuarantineApiTests(ApiTestServer fixture)
{
    private const string Acme = "/api/v1/tenants/" + ApiTestServer.Tenant;

    [Fact]
    public async Task Quarantine_Lists_The_Tenants_Rejected_Messages_Newest_First_With_Reasons()
    {
        var quarantine = await fixture.Http.GetJsonAsync(Acme + "/quarantine");

        Assert.Equal(2, quarantine.GetProperty("totalCount").GetInt64());
        var messages = quarantine.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["invalid_utf8", "malformed_json"], messages.Select(message => message.GetProperty("reasonCode").GetString()));
        Assert.Equal("truncated JSON", messages[1].GetProperty("reasonMessage").GetString());
        Assert.Equal("{\"schema\":1,", messages[1].GetProperty("payloadText").GetString());
        Assert.Equal(12, messages[1].GetProperty("originalSizeBytes").GetInt32());
        Assert.False(messages[1].GetProperty("isTruncated").GetBoolean());
        Assert.EndsWith("/telemetry", messages[1].GetProperty("topic").GetString(), StringComparison.Ordinal);

        // Invalid UTF-8 is returned exactly in base64 and readably (U+FFFD) as text.
        Assert.Equal(new byte[] { 0xC3, 0x28 }, Convert.FromBase64String(messages[0].GetProperty("payloadBase64").GetString()!));
        Assert.Equal("\uFFFD(", messages[0].GetProperty("payloadText").GetString());
    }

    [Fact]
    public async Task Quarantine_Honours_The_Limit_And_Counts_Separately()
    {
        var first = await fixture.Http.GetJsonAsync(Acme + "/quarantine?limit=1");
        var count = await fixture.Http.GetJsonAsync(Acme + "/quarantine/count");
        var otherCount = await fixture.Http.GetJsonAsync($"/api/v1/tenants/{ApiTestServer.OtherTenant}/quarantine/count");

        Assert.Single(first.GetProperty("messages").EnumerateArray());
        Assert.Equal(2, first.GetProperty("totalCount").GetInt64());
        Assert.Equal(2, count.GetProperty("count").GetInt64());
        Assert.Equal(1, otherCount.GetProperty("count").GetInt64());
    }
}

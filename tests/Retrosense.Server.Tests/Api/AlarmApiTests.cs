using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Retrosense.Platform.Alarms;
using static Retrosense.Server.Tests.Api.ApiResponses;

namespace Retrosense.Server.Tests.Api;

[Collection(ApiServerCollection.Name)]
public sealed class AlarmApiTests(ApiTestServer fixture)
{
    private const string Acme = "/api/v1/tenants/" + ApiTestServer.Tenant;

    [Fact]
    public async Task An_Alarm_Is_Listed_Fetched_With_Its_Events_And_Acknowledged_With_Who_And_Why()
    {
        var raised = await RaiseAsync(ApiTestServer.Tenant, "limit:vel_rms_mm_s:x:ack-flow", AlarmSeverity.Warning);

        var listed = await fixture.Http.GetJsonAsync(Acme + "/alarms?active=true&unacknowledged=true&asset=" + ApiTestServer.Asset);
        var alarm = listed.EnumerateArray().Single(candidate => candidate.GetProperty("alarmId").GetInt64() == raised.AlarmId);
        Assert.Equal("warning", alarm.GetProperty("severity").GetString());
        Assert.Equal("node", alarm.GetProperty("origin").GetString());
        Assert.True(alarm.GetProperty("isActive").GetBoolean());

        using var acknowledge = await fixture.Http.PostAsJsonAsync(
            $"{Acme}/alarms/{raised.AlarmId}/acknowledge", new { by = "kim.operator", note = "bearing greased, watching" }, TestContext.Current.CancellationToken);
        var acknowledged = await ReadAsync(acknowledge, HttpStatusCode.OK);

        Assert.Equal("kim.operator", acknowledged.GetProperty("alarm").GetProperty("acknowledgedBy").GetString());
        Assert.Equal("bearing greased, watching", acknowledged.GetProperty("alarm").GetProperty("acknowledgementNote").GetString());
        var detail = await fixture.Http.GetJsonAsync($"{Acme}/alarms/{raised.AlarmId}");
        var events = detail.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["raised", "acknowledged"], events.Select(alarmEvent => alarmEvent.GetProperty("type").GetString()));
        Assert.Equal("kim.operator", events[1].GetProperty("actor").GetString());
        Assert.Equal("bearing greased, watching", events[1].GetProperty("note").GetString());
        Assert.InRange(events[1].GetUtcTime("atUtc"), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

        var stillUnacknowledged = await fixture.Http.GetJsonAsync(Acme + "/alarms?unacknowledged=true");
        Assert.DoesNotContain(stillUnacknowledged.EnumerateArray(), candidate => candidate.GetProperty("alarmId").GetInt64() == raised.AlarmId);
    }

    [Fact]
    public async Task Cleared_Alarms_Drop_Out_Of_The_Active_List_But_Stay_Listed()
    {
        var alarms = RequireAlarmStore();
        var raised = await RaiseAsync(ApiTestServer.Tenant, "zone:clear-flow", AlarmSeverity.Alarm);
        await alarms.ClearAsync(ApiTestServer.Tenant, ApiTestServer.Asset, ApiTestServer.Node, "zone:clear-flow", DateTimeOffset.UtcNow, "back in zone B");

        var active = await fixture.Http.GetJsonAsync(Acme + "/alarms?active=true");
        var all = await fixture.Http.GetJsonAsync(Acme + "/alarms");

        Assert.DoesNotContain(active.EnumerateArray(), candidate => candidate.GetProperty("alarmId").GetInt64() == raised.AlarmId);
        var cleared = all.EnumerateArray().Single(candidate => candidate.GetProperty("alarmId").GetInt64() == raised.AlarmId);
        Assert.False(cleared.GetProperty("isActive").GetBoolean());
        Assert.Equal("back in zone B", cleared.GetProperty("clearReason").GetString());
    }

    [Fact]
    public async Task Another_Tenants_Alarm_Is_Not_Found_Listed_Or_Acknowledgeable()
    {
        var foreign = await RaiseAsync(ApiTestServer.OtherTenant, "node-offline:tenancy", AlarmSeverity.Alarm);
        var path = $"{Acme}/alarms/{foreign.AlarmId.ToString(CultureInfo.InvariantCulture)}";

        await fixture.Http.GetProblemDetailAsync(path, HttpStatusCode.NotFound);
        using var acknowledge = await fixture.Http.PostAsJsonAsync(path + "/acknowledge", new { by = "intruder" }, TestContext.Current.CancellationToken);
        Assert.Equal($"tenant 'acme' has no alarm {foreign.AlarmId}", await ReadProblemDetailAsync(acknowledge, HttpStatusCode.NotFound));
        var listed = await fixture.Http.GetJsonAsync(Acme + "/alarms");
        Assert.DoesNotContain(listed.EnumerateArray(), candidate => candidate.GetProperty("alarmId").GetInt64() == foreign.AlarmId);
        Assert.Null((await RequireAlarmStore().GetAsync(ApiTestServer.OtherTenant, foreign.AlarmId))!.AcknowledgedBy);
    }

    [Theory]
    [InlineData("{\"note\":\"no name\"}", "'by' is required: who acknowledges the alarm")]
    [InlineData("{\"by\":\"   \"}", "'by' is required: who acknowledges the alarm")]
    [InlineData("{}", "'by' is required: who acknowledges the alarm")]
    public async Task Acknowledging_Without_Saying_Who_Is_A_Bad_Request_And_Changes_Nothing(string body, string expectedDetail)
    {
        var raised = await RaiseAsync(ApiTestServer.Tenant, "limit:blank-ack:" + Guid.NewGuid().ToString("N"), AlarmSeverity.Warning);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await fixture.Http.PostAsync(new Uri($"{Acme}/alarms/{raised.AlarmId}/acknowledge", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(expectedDetail, await ReadProblemDetailAsync(response, HttpStatusCode.BadRequest));
        Assert.Single(await RequireAlarmStore().ListEventsAsync(ApiTestServer.Tenant, raised.AlarmId));
    }

    [Fact]
    public async Task Acknowledging_With_Malformed_Json_Is_A_Bad_Request_Saying_So()
    {
        var raised = await RaiseAsync(ApiTestServer.Tenant, "limit:malformed-ack", AlarmSeverity.Warning);
        using var content = new StringContent("{\"by\":", System.Text.Encoding.UTF8, "application/json");

        using var response = await fixture.Http.PostAsync(new Uri($"{Acme}/alarms/{raised.AlarmId}/acknowledge", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.StartsWith("the body is not a JSON object {\"by\": \"who\", \"note\": \"why\"}: ", await ReadProblemDetailAsync(response, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Single(await RequireAlarmStore().ListEventsAsync(ApiTestServer.Tenant, raised.AlarmId));
    }

    [Fact]
    public async Task Acknowledging_With_A_Body_That_Is_Not_Json_Is_Refused_As_Unsupported()
    {
        var raised = await RaiseAsync(ApiTestServer.Tenant, "limit:form-ack", AlarmSeverity.Warning);
        using var content = new StringContent("by=kim", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await fixture.Http.PostAsync(new Uri($"{Acme}/alarms/{raised.AlarmId}/acknowledge", UriKind.Relative), content, TestContext.Current.CancellationToken);

        var problem = await ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(415, problem.GetProperty("status").GetInt32());
        Assert.Single(await RequireAlarmStore().ListEventsAsync(ApiTestServer.Tenant, raised.AlarmId));
    }

    [Theory]
    [InlineData(Acme + "/alarms/999999", HttpStatusCode.NotFound, "tenant 'acme' has no alarm 999999")]
    [InlineData(Acme + "/alarms?active=yes", HttpStatusCode.BadRequest, "'active' value 'yes' is not true or false")]
    [InlineData(Acme + "/alarms?limit=0", HttpStatusCode.BadRequest, "'limit' value '0' is not a whole number from 1 to 1000")]
    [InlineData(Acme + "/alarms?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", HttpStatusCode.BadRequest, "'from' must be before 'to'")]
    public async Task Alarm_Queries_With_Bad_Values_Or_Unknown_Ids_Get_Problems(string path, HttpStatusCode expected, string expectedDetail)
    {
        RequireAlarmStore();

        Assert.Equal(expectedDetail, await fixture.Http.GetProblemDetailAsync(path, expected));
    }

    [Fact]
    public async Task Node_Alarm_Messages_Are_Listed_As_Sent()
    {
        var messages = await fixture.Http.GetJsonAsync($"{Acme}/node-alarms?from={Iso(ApiTestServer.FirstWindowAt)}&to={Iso(ApiTestServer.FirstWindowAt.AddHours(1))}");

        var message = Assert.Single(messages.EnumerateArray());
        Assert.Equal(200, message.GetProperty("seq").GetInt64());
        Assert.Equal("limit", message.GetProperty("source").GetString());       // golden alarm.json
        Assert.Equal("raised", message.GetProperty("state").GetString());
        Assert.Equal(5.2, message.GetProperty("value").GetDouble());
        Assert.Equal(ApiTestServer.FirstWindowAt.AddSeconds(30), message.GetUtcTime("timestampUtc"));
    }

    private IAlarmStore RequireAlarmStore() => fixture.RequireService<IAlarmStore>();

    private Task<Alarm> RaiseAsync(string tenant, string conditionKey, AlarmSeverity severity) =>
        RequireAlarmStore().RaiseAsync(new AlarmRaise(
            tenant, ApiTestServer.Site, ApiTestServer.Asset, ApiTestServer.Node, AlarmOrigin.Node, conditionKey, severity, "velocity above limit", 5.2, 4.5, DateTimeOffset.UtcNow.AddMinutes(-1)));
}

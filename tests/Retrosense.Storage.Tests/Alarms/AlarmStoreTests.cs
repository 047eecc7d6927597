using System;
using System.Linq;
using System.Threading.Tasks;
using Retrosense.Platform.Alarms;
using Retrosense.Platform.Registry;
using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Alarms;

/// <summary>Alarms and their history through <see cref="IAlarmStore"/>; run against every adapter.</summary>
public abstract class AlarmStoreTests : StoreTestBase
{
    private const string Tenant = "acme";
    private const string Site = "plant-1";
    private const string Asset = "pump-3";
    private const string Node = "n-001";

    protected AlarmStoreTests(StoreBackend backend)
        : base(backend)
    {
    }

    private IAlarmStore Alarms => Store.Alarms;

    [Fact]
    public async Task Raising_An_Active_Condition_Again_Keeps_One_Alarm_And_A_Higher_Severity_Escalates_It()
    {
        var first = await Alarms.RaiseAsync(Limit(AlarmSeverity.Warning, 4.6, Start));
        var repeated = await Alarms.RaiseAsync(Limit(AlarmSeverity.Warning, 4.7, Start.AddMinutes(1)));
        var escalated = await Alarms.RaiseAsync(Limit(AlarmSeverity.Alarm, 7.2, Start.AddMinutes(2)));
        var lowerAgain = await Alarms.RaiseAsync(Limit(AlarmSeverity.Warning, 4.8, Start.AddMinutes(3)));

        Assert.Equal(first, repeated);
        Assert.Equal(first.AlarmId, escalated.AlarmId);
        Assert.Equal((AlarmSeverity.Alarm, 7.2, Start), (escalated.Severity, escalated.Value!.Value, escalated.RaisedAtUtc));
        Assert.Equal(escalated, lowerAgain);
        Assert.Equal(1, await CountAsync("alarms"));
        var events = await Alarms.ListEventsAsync(Tenant, first.AlarmId);
        Assert.Equal(
            [
                new AlarmEvent(first.AlarmId, AlarmEventType.Raised, Start, "node:" + Node, AlarmSeverity.Warning, first.Message),
                new AlarmEvent(first.AlarmId, AlarmEventType.Escalated, Start.AddMinutes(2), "node:" + Node, AlarmSeverity.Alarm, escalated.Message),
            ],
            events);
    }

    [Fact]
    public async Task Clearing_Is_Idempotent_And_A_Raise_After_The_Clear_Opens_A_New_Alarm()
    {
        var first = await Alarms.RaiseAsync(Limit(AlarmSeverity.Warning, 4.6, Start));

        var cleared = await Alarms.ClearAsync(Tenant, Asset, Node, "limit:vel_rms_mm_s:x", Start.AddMinutes(10), "back below the limit");
        var clearedAgain = await Alarms.ClearAsync(Tenant, Asset, Node, "limit:vel_rms_mm_s:x", Start.AddMinutes(11), "again");
        var second = await Alarms.RaiseAsync(Limit(AlarmSeverity.Warning, 4.9, Start.AddMinutes(20)));

        Assert.NotNull(cleared);
        Assert.Equal((first.AlarmId, Start.AddMinutes(10), "back below the limit", false), (cleared.AlarmId, cleared.ClearedAtUtc!.Value, cleared.ClearReason!, cleared.IsActive));
        Assert.Null(clearedAgain);
        Assert.NotEqual(first.AlarmId, second.AlarmId);
        Assert.True(second.IsActive);
        Assert.Equal([AlarmEventType.Raised, AlarmEventType.Cleared], (await Alarms.ListEventsAsync(Tenant, first.AlarmId)).Select(e => e.Type));
        Assert.Equal([AlarmEventType.Raised], (await Alarms.ListEventsAsync(Tenant, second.AlarmId)).Select(e => e.Type));
    }

    [Fact]
    public async Task An_Asset_Level_Condition_And_A_Node_Condition_Are_Separate_Alarms()
    {
        var nodeAlarm = await Alarms.RaiseAsync(Cloud(Node, "zone", Start));
        var assetAlarm = await Alarms.RaiseAsync(Cloud(null, "zone", Start));
        var assetAgain = await Alarms.RaiseAsync(Cloud(null, "zone", Start.AddMinutes(1)));

        Assert.NotEqual(nodeAlarm.AlarmId, assetAlarm.AlarmId);
        Assert.Equal(assetAlarm, assetAgain);
        Assert.Null(assetAlarm.NodeId);
        Assert.Equal("cloud", Assert.Single(await Alarms.ListEventsAsync(Tenant, assetAlarm.AlarmId)).Actor);
        Assert.NotNull(await Alarms.ClearAsync(Tenant, Asset, null, "zone", Start.AddMinutes(2), "zone back to B"));
        Assert.True((await Alarms.GetAsync(Tenant, nodeAlarm.AlarmId))!.IsActive);
    }

    [Fact]
    public async Task Acknowledging_Records_Who_And_Why_Every_Time()
    {
        var alarm = await Alarms.RaiseAsync(Limit(AlarmSeverity.Alarm, 7.2, Start));
        Clock.Advance(TimeSpan.FromMinutes(3));

        var first = await Alarms.AcknowledgeAsync(Tenant, alarm.AlarmId, "kim", "checked the bearing, greasing tonight");
        Clock.Advance(TimeSpan.FromMinutes(3));
        var second = await Alarms.AcknowledgeAsync(Tenant, alarm.AlarmId, "lee", null);

        Assert.Equal((Start.AddMinutes(3), "kim", "checked the bearing, greasing tonight"), (first.AcknowledgedAtUtc!.Value, first.AcknowledgedBy!, first.AcknowledgementNote!));
        Assert.Equal((Start.AddMinutes(6), "lee", (string?)null), (second.AcknowledgedAtUtc!.Value, second.AcknowledgedBy!, second.AcknowledgementNote));
        Assert.True(second.IsActive);
        var events = await Alarms.ListEventsAsync(Tenant, alarm.AlarmId);
        Assert.Equal(
            [(AlarmEventType.Acknowledged, "kim", "checked the bearing, greasing tonight"), (AlarmEventType.Acknowledged, "lee", (string?)null)],
            events.Skip(1).Select(e => (e.Type, e.Actor, e.Note)));
    }

    [Fact]
    public async Task Acknowledging_An_Unknown_Alarm_Or_Without_A_Name_Is_Refused()
    {
        var alarm = await Alarms.RaiseAsync(Limit(AlarmSeverity.Alarm, 7.2, Start));

        await Assert.ThrowsAsync<RegistryNotFoundException>(() => Alarms.AcknowledgeAsync(Tenant, alarm.AlarmId + 1000, "kim", null));
        await Assert.ThrowsAsync<RegistryNotFoundException>(() => Alarms.AcknowledgeAsync("other-tenant", alarm.AlarmId, "kim", null));
        await Assert.ThrowsAsync<ArgumentException>(() => Alarms.AcknowledgeAsync(Tenant, alarm.AlarmId, "  ", null));

        Assert.Null((await Alarms.GetAsync(Tenant, alarm.AlarmId))!.AcknowledgedAtUtc);
        Assert.Null(await Alarms.GetAsync("other-tenant", alarm.AlarmId));
        Assert.Single(await Alarms.ListEventsAsync(Tenant, alarm.AlarmId));
    }

    [Fact]
    public async Task Lists_Filter_By_Asset_State_And_Raise_Time_Newest_First()
    {
        var old = await Alarms.RaiseAsync(Limit(AlarmSeverity.Warning, 4.6, Start));
        var offline = await Alarms.RaiseAsync(Cloud(Node, "node-offline", Start.AddMinutes(5)));
        var otherAsset = await Alarms.RaiseAsync(Cloud(null, "zone", Start.AddMinutes(6)) with { AssetId = "fan-1" });
        var otherTenant = await Alarms.RaiseAsync(Cloud(Node, "node-offline", Start.AddMinutes(7)) with { TenantId = "beta" });
        await Alarms.ClearAsync(Tenant, Asset, Node, old.ConditionKey, Start.AddMinutes(8), "ok");
        await Alarms.AcknowledgeAsync(Tenant, offline.AlarmId, "kim", null);

        Assert.Equal([otherAsset.AlarmId, offline.AlarmId, old.AlarmId], (await Alarms.ListAsync(new AlarmQuery(Tenant))).Select(a => a.AlarmId));
        Assert.Equal([offline.AlarmId, old.AlarmId], (await Alarms.ListAsync(new AlarmQuery(Tenant, AssetId: Asset))).Select(a => a.AlarmId));
        Assert.Equal([otherAsset.AlarmId, offline.AlarmId], (await Alarms.ListAsync(new AlarmQuery(Tenant, ActiveOnly: true))).Select(a => a.AlarmId));
        Assert.Equal([otherAsset.AlarmId, old.AlarmId], (await Alarms.ListAsync(new AlarmQuery(Tenant, UnacknowledgedOnly: true))).Select(a => a.AlarmId));
        Assert.Equal([offline.AlarmId], (await Alarms.ListAsync(new AlarmQuery(Tenant, RaisedFromUtc: Start.AddMinutes(1), RaisedToUtc: Start.AddMinutes(6)))).Select(a => a.AlarmId));
        Assert.Equal([otherAsset.AlarmId], (await Alarms.ListAsync(new AlarmQuery(Tenant, Limit: 1))).Select(a => a.AlarmId));
        Assert.Equal([offline.AlarmId, otherTenant.AlarmId], (await Alarms.ListActiveByConditionAsync("node-offline")).Select(a => a.AlarmId));
    }

    private static AlarmRaise Limit(AlarmSeverity severity, double value, DateTimeOffset at) =>
        new(Tenant, Site, Asset, Node, AlarmOrigin.Node, "limit:vel_rms_mm_s:x", severity, $"velocity RMS x {value} mm/s", value, severity == AlarmSeverity.Alarm ? 7.1 : 4.5, at);

    private static AlarmRaise Cloud(string? node, string condition, DateTimeOffset at) =>
        new(Tenant, Site, Asset, node, AlarmOrigin.Cloud, condition, AlarmSeverity.Warning, condition + " detected", null, null, at);
}

using System;
using System.Linq;
using System.Threading.Tasks;
using Retrosense.Platform.Alarms;
using Retrosense.Server.Alarms;

namespace Retrosense.Server.Tests.Alarms;

/// <summary>The cloud alarm monitor against a real SQLite reporting store, fed the messages ingestion would pass it.</summary>
public sealed class CloudAlarmMonitorTests
{
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Zone_C_then_D_then_A_raises_a_warning_escalates_it_to_an_alarm_and_clears_it_with_every_event_kept()
    {
        await using var test = await AlarmTestStore.OpenAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var monitor = test.CreateMonitor(new ManualTimeProvider(DateTimeOffset.UtcNow), OfflineAfter);
        var token = TestContext.Current.CancellationToken;

        await monitor.OnCommittedAsync([TestNodeMessages.Telemetry(1, 1, start, "B", 2.1)], token);
        Assert.Empty(await ZoneAlarmsAsync(test));

        await monitor.OnCommittedAsync([TestNodeMessages.Telemetry(1, 2, start.AddMinutes(1), "C", 3.4), TestNodeMessages.Telemetry(1, 3, start.AddMinutes(2), "C", 3.6)], token);
        var raised = Assert.Single(await ZoneAlarmsAsync(test));
        Assert.Equal(AlarmSeverity.Warning, raised.Severity);
        Assert.Equal(AlarmOrigin.Cloud, raised.Origin);
        Assert.Equal(AlarmTestStore.NodeId, raised.NodeId);
        Assert.True(raised.IsActive);
        Assert.Equal(3.4, raised.Value);

        await monitor.OnCommittedAsync([TestNodeMessages.Telemetry(1, 4, start.AddMinutes(3), "D", 5.2)], token);
        var escalated = Assert.Single(await ZoneAlarmsAsync(test));
        Assert.Equal(raised.AlarmId, escalated.AlarmId);
        Assert.Equal(AlarmSeverity.Alarm, escalated.Severity);

        await monitor.OnCommittedAsync([TestNodeMessages.Telemetry(1, 5, start.AddMinutes(4), "A", 0.9)], token);
        var cleared = Assert.Single(await ZoneAlarmsAsync(test));
        Assert.False(cleared.IsActive);
        Assert.Contains("zone A", cleared.ClearReason, StringComparison.Ordinal);

        var events = await test.Store.Alarms.ListEventsAsync(AlarmTestStore.TenantId, raised.AlarmId, token);
        Assert.Equal([AlarmEventType.Raised, AlarmEventType.Escalated, AlarmEventType.Cleared], events.Select(entry => entry.Type));
        Assert.Equal([AlarmSeverity.Warning, AlarmSeverity.Alarm], events.Take(2).Select(entry => entry.Severity));
    }

    [Fact]
    public async Task A_late_telemetry_window_does_not_rewrite_the_present_zone()
    {
        await using var test = await AlarmTestStore.OpenAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var monitor = test.CreateMonitor(new ManualTimeProvider(DateTimeOffset.UtcNow), OfflineAfter);
        var token = TestContext.Current.CancellationToken;

        await monitor.OnCommittedAsync([TestNodeMessages.Telemetry(1, 10, start.AddMinutes(5), "D", 5.0)], token);
        await monitor.OnCommittedAsync([TestNodeMessages.Telemetry(1, 2, start, "A", 1.0)], token);

        var alarm = Assert.Single(await ZoneAlarmsAsync(test));
        Assert.True(alarm.IsActive);
    }

    [Fact]
    public async Task Death_raises_node_offline_at_once_and_the_next_birth_clears_it_with_a_reason()
    {
        await using var test = await AlarmTestStore.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        var monitor = test.CreateMonitor(new ManualTimeProvider(now), OfflineAfter);
        var token = TestContext.Current.CancellationToken;

        await monitor.OnCommittedAsync([TestNodeMessages.Birth(1, 1, now.AddMinutes(-1)), TestNodeMessages.Death(1, now.AddMinutes(-1))], token);
        var offline = Assert.Single(await test.Store.Alarms.ListActiveByConditionAsync(CloudAlarmConditions.NodeOffline, token));
        Assert.Equal(AlarmTestStore.NodeId, offline.NodeId);
        Assert.Equal(AlarmOrigin.Cloud, offline.Origin);
        Assert.Contains("death", offline.Message, StringComparison.Ordinal);

        await monitor.OnCommittedAsync([TestNodeMessages.Birth(2, 0, now)], token);
        Assert.Empty(await test.Store.Alarms.ListActiveByConditionAsync(CloudAlarmConditions.NodeOffline, token));
        var cleared = await test.Store.Alarms.GetAsync(AlarmTestStore.TenantId, offline.AlarmId, token);
        Assert.NotNull(cleared);
        Assert.Equal("node sent birth (boot 2, seq 0)", cleared.ClearReason);
        var events = await test.Store.Alarms.ListEventsAsync(AlarmTestStore.TenantId, offline.AlarmId, token);
        Assert.Equal([AlarmEventType.Raised, AlarmEventType.Cleared], events.Select(entry => entry.Type));
    }

    [Fact]
    public async Task The_sweep_raises_node_offline_only_once_the_node_was_silent_longer_than_the_limit()
    {
        await using var test = await AlarmTestStore.OpenAsync();
        var token = TestContext.Current.CancellationToken;
        var birth = TestNodeMessages.Birth(1, 1, DateTimeOffset.UtcNow);
        await test.Store.Ingestion.WriteBatchAsync([birth], token);
        var received = Assert.Single(await test.Store.Ingestion.ListNodeActivityAsync(token)).LastReceivedAtUtc;
        var clock = new ManualTimeProvider(received + OfflineAfter - TimeSpan.FromSeconds(1));
        var monitor = test.CreateMonitor(clock, OfflineAfter);

        Assert.Equal(0, await monitor.SweepOfflineNodesAsync(token));
        Assert.Empty(await test.Store.Alarms.ListActiveByConditionAsync(CloudAlarmConditions.NodeOffline, token));

        clock.UtcNow = received + OfflineAfter + TimeSpan.FromSeconds(1);
        Assert.Equal(1, await monitor.SweepOfflineNodesAsync(token));
        var offline = Assert.Single(await test.Store.Alarms.ListActiveByConditionAsync(CloudAlarmConditions.NodeOffline, token));
        Assert.Equal(AlarmTestStore.NodeId, offline.NodeId);
        Assert.Contains("no message for 181 s", offline.Message, StringComparison.Ordinal);

        // A second sweep keeps the one alarm; the next message clears it.
        Assert.Equal(0, await monitor.SweepOfflineNodesAsync(token));
        await monitor.OnCommittedAsync([TestNodeMessages.Telemetry(1, 2, DateTimeOffset.UtcNow, "B", 2.0)], token);
        Assert.Empty(await test.Store.Alarms.ListActiveByConditionAsync(CloudAlarmConditions.NodeOffline, token));
    }

    [Fact]
    public async Task A_restarted_monitor_still_clears_an_offline_alarm_raised_before_the_restart()
    {
        await using var test = await AlarmTestStore.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        var token = TestContext.Current.CancellationToken;
        await test.CreateMonitor(new ManualTimeProvider(now), OfflineAfter).OnCommittedAsync([TestNodeMessages.Death(1, now)], token);

        var restarted = test.CreateMonitor(new ManualTimeProvider(now.AddMinutes(1)), OfflineAfter);
        await restarted.OnCommittedAsync([TestNodeMessages.Birth(2, 0, now.AddMinutes(1))], token);

        Assert.Empty(await test.Store.Alarms.ListActiveByConditionAsync(CloudAlarmConditions.NodeOffline, token));
    }

    [Fact]
    public async Task A_node_zone_alarm_is_raised_escalated_lowered_to_a_warning_and_cleared_as_the_node_reports_it()
    {
        await using var test = await AlarmTestStore.OpenAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var monitor = test.CreateMonitor(new ManualTimeProvider(DateTimeOffset.UtcNow), OfflineAfter);
        var token = TestContext.Current.CancellationToken;
        var key = CloudAlarmConditions.ForNodeAlarm("zone", "vel_rms_mm_s", "max");

        await monitor.OnCommittedAsync([TestNodeMessages.ZoneAlarm(1, 1, start, "raised", "warning", "C", "B", 3.1, 2.8)], token);
        await monitor.OnCommittedAsync([TestNodeMessages.ZoneAlarm(1, 2, start.AddMinutes(1), "raised", "alarm", "D", "C", 4.9, 4.5)], token);
        var first = Assert.Single(await NodeAlarmsAsync(test, key));
        Assert.Equal(AlarmSeverity.Alarm, first.Severity);
        Assert.Equal(AlarmOrigin.Node, first.Origin);
        Assert.Equal(start.ToUnixTimeMilliseconds(), first.RaisedAtUtc.ToUnixTimeMilliseconds());

        // D → C: the node clears the alarm level; the machine is still in C, so a warning stays open.
        await monitor.OnCommittedAsync([TestNodeMessages.ZoneAlarm(1, 3, start.AddMinutes(2), "cleared", "alarm", "C", "D", 4.2, 4.5)], token);
        var afterLowering = await NodeAlarmsAsync(test, key);
        Assert.Equal(2, afterLowering.Count);
        var warning = Assert.Single(afterLowering, alarm => alarm.IsActive);
        Assert.Equal(AlarmSeverity.Warning, warning.Severity);

        await monitor.OnCommittedAsync([TestNodeMessages.ZoneAlarm(1, 4, start.AddMinutes(3), "cleared", "warning", "B", "C", 2.5, 2.8)], token);
        Assert.All(await NodeAlarmsAsync(test, key), alarm => Assert.False(alarm.IsActive));
        var events = await test.Store.Alarms.ListEventsAsync(AlarmTestStore.TenantId, first.AlarmId, token);
        Assert.Equal([AlarmEventType.Raised, AlarmEventType.Escalated, AlarmEventType.Cleared], events.Select(entry => entry.Type));
        Assert.Equal("node:" + AlarmTestStore.NodeId, events[0].Actor);
    }

    private static async Task<System.Collections.Generic.IReadOnlyList<Alarm>> ZoneAlarmsAsync(AlarmTestStore test) =>
        await NodeAlarmsAsync(test, CloudAlarmConditions.Zone);

    private static async Task<System.Collections.Generic.IReadOnlyList<Alarm>> NodeAlarmsAsync(AlarmTestStore test, string conditionKey)
    {
        var alarms = await test.Store.Alarms.ListAsync(new AlarmQuery(AlarmTestStore.TenantId), TestContext.Current.CancellationToken);
        return [.. alarms.Where(alarm => alarm.ConditionKey == conditionKey)];
    }
}

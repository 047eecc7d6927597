using System;
using System.Threading.Tasks;
using Retrosense.Platform.Alarms;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Retention;
using Retrosense.Platform.Rollups;
using Retrosense.Storage.Retention;
using Retrosense.Storage.Tests.Backends;
using Retrosense.Storage.Tests.Ingestion;

namespace Retrosense.Storage.Tests.Retention;

/// <summary>Retention through <see cref="IRetentionStore"/>; run against every adapter.</summary>
public abstract class RetentionStoreTests : StoreTestBase
{
    private static readonly DateTimeOffset Now = GoldenNodeMessages.NewestGoldenTimestamp;

    protected RetentionStoreTests(StoreBackend backend)
        : base(backend)
    {
    }

    private IRetentionStore Retention => Store.Retention;

    [Fact]
    public async Task Old_Raw_Messages_Go_With_Their_Rows_While_Rollups_And_The_Latest_Status_Stay()
    {
        var old = Now.AddDays(-100);
        await Store.Ingestion.WriteBatchAsync(
        [
            GoldenNodeMessages.Telemetry(1, old, 3.0),
            GoldenNodeMessages.DecodeVariant("alarm.json", 2, old, historical: false),
            GoldenNodeMessages.DecodeVariant("status.json", 3, old.AddMinutes(1), historical: false),
            GoldenNodeMessages.DecodeVariant("status.json", 4, old.AddMinutes(2), historical: false),
            GoldenNodeMessages.Telemetry(5, Now.AddDays(-1), 3.0),
        ]);

        var result = await Retention.ApplyAsync(new RetentionPolicy(RawTelemetryDays: 90), Now);

        Assert.Equal(3, result.DeletedRowsByTable["node_messages"]);
        Assert.Equal(1, result.DeletedRowsByTable["node_alarms"]);
        Assert.Equal(1, result.DeletedRowsByTable["node_status_history"]);
        Assert.Equal(2, await CountAsync("node_messages"));
        Assert.Equal(1, await CountAsync("node_messages", "seq = 4")); // the node's latest status
        Assert.Equal(1, await CountAsync("node_messages", "kind = 'telemetry'"));
        var minuteRollups = await Store.Rollups.GetAssetRollupsAsync(GoldenNodeMessages.Tenant, GoldenNodeMessages.Asset, RollupResolution.Minute, old.AddHours(-1), old.AddHours(1));
        Assert.NotEmpty(minuteRollups);
        Assert.Equal(0, result.DeletedRowsByTable["asset_rollups"]);
    }

    [Fact]
    public async Task Minute_Rollups_Expire_Before_Hour_Rollups()
    {
        await Store.Ingestion.WriteBatchAsync([GoldenNodeMessages.Telemetry(1, Now.AddDays(-500), 3.0)]);

        var result = await Retention.ApplyAsync(new RetentionPolicy(), Now);

        Assert.Equal(RollupMetrics.All.Count, result.DeletedRowsByTable["asset_rollups"]);
        Assert.Equal(0, await CountAsync("asset_rollups", "resolution = 'minute'"));
        Assert.Equal(RollupMetrics.All.Count, await CountAsync("asset_rollups", "resolution = 'hour'"));
    }

    [Fact]
    public async Task Cleared_Alarms_Expire_With_Their_Events_But_Active_Ones_Never_Do()
    {
        var cleared = await Store.Alarms.RaiseAsync(Raise("zone", Now.AddDays(-1200)));
        await Store.Alarms.ClearAsync(cleared.TenantId, cleared.AssetId, cleared.NodeId, cleared.ConditionKey, Now.AddDays(-1199), "ok");
        var active = await Store.Alarms.RaiseAsync(Raise("node-offline", Now.AddDays(-1300)));

        var result = await Retention.ApplyAsync(new RetentionPolicy(), Now);

        Assert.Equal((1L, 2L), (result.DeletedRowsByTable["alarms"], result.DeletedRowsByTable["alarm_events"]));
        Assert.Null(await Store.Alarms.GetAsync(cleared.TenantId, cleared.AlarmId));
        Assert.NotNull(await Store.Alarms.GetAsync(active.TenantId, active.AlarmId));
    }

    [Fact]
    public async Task Usage_Events_Younger_Than_Three_Years_Are_Never_Deleted()
    {
        await Backend.ExecuteSqlAsync(Options,
            "INSERT INTO usage_events (tenant_id, ts, actor, event_type) VALUES "
            + $"('acme', {InstantLiteral(Now.AddDays(-RetentionPolicy.MinimumUsageEventDays + 1))}, 'kim', 'dashboard.view'), "
            + $"('acme', {InstantLiteral(Now.AddDays(-RetentionPolicy.MinimumUsageEventDays - 1))}, 'kim', 'dashboard.view')");

        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Retention.ApplyAsync(new RetentionPolicy(UsageEventDays: 30), Now));
        var result = await Retention.ApplyAsync(new RetentionPolicy(), Now);

        Assert.Equal(nameof(RetentionPolicy.UsageEventDays), refused.ParamName);
        Assert.Equal(1, result.DeletedRowsByTable["usage_events"]);
        Assert.Equal(1, await CountAsync("usage_events"));
    }

    [Fact]
    public async Task Deletes_Run_In_Bounded_Batches_Until_Nothing_Old_Is_Left()
    {
        var rows = (2 * SqlRetentionStore.RowsPerTransaction) + 7;
        await Backend.ExecuteSqlAsync(Options,
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows + ") "
            + "INSERT INTO quarantine (tenant_id, topic, payload, payload_size_bytes, reason_code, reason_message, received_at) "
            + $"SELECT 'acme', 'x', {(Options.Kind == ReportingStoreKind.Postgres ? "'\\x00'::bytea" : "x'00'")}, 1, 'malformed_json', 'bad', {InstantLiteral(Now.AddDays(-91))} FROM n");
        await Store.Ingestion.QuarantineAsync("x", new byte[] { 0 }, new RejectReason(RejectCode.MalformedJson, "recent"), Now);

        var result = await Retention.ApplyAsync(new RetentionPolicy(), Now);

        Assert.Equal(rows, result.DeletedRowsByTable["quarantine"]);
        Assert.Equal(1, await Store.Ingestion.CountQuarantineAsync(null));
    }

    private static AlarmRaise Raise(string condition, DateTimeOffset at) =>
        new(GoldenNodeMessages.Tenant, GoldenNodeMessages.Site, GoldenNodeMessages.Asset, "n-001", AlarmOrigin.Cloud, condition, AlarmSeverity.Warning, condition, null, null, at);
}

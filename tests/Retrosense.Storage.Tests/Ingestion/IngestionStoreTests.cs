using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Ingestion.Wire;
using Retrosense.Storage.Migrations;
using Retrosense.Storage.Sql;
using Retrosense.Storage.Tests.Backends;

namespace Retrosense.Storage.Tests.Ingestion;

/// <summary>
/// The ingestion store's behaviour, written once and run against every adapter: golden messages in, exactly-once by
/// (tenant, node, boot, seq), reads in message-time order, quarantine, and migration 0002 over 0001.
/// </summary>
public abstract class IngestionStoreTests : StoreTestBase
{
    /// <summary>The store's clock (receive times).</summary>
    protected static readonly DateTimeOffset ReceivedAt = Start;

    protected IngestionStoreTests(StoreBackend backend)
        : base(backend)
    {
    }

    protected IIngestionStore Ingestion => Store.Ingestion;

    [Fact]
    public async Task Every_Golden_Message_Is_Stored_Once_With_Its_Kind_Rows()
    {
        var messages = GoldenNodeMessages.NodeFiles.Select(GoldenNodeMessages.Decode).ToList();

        var result = await Ingestion.WriteBatchAsync(messages);

        Assert.Equal((messages.Count, 0), (result.StoredCount, result.DuplicateCount));
        Assert.Equal(messages.Count, await CountAsync("node_messages"));
        var telemetry = messages.Count(message => message.Message is TelemetryWire);
        // Telemetry has no child rows since migration 0004: its features are read back from the message's payload.
        Assert.Equal(telemetry, await CountAsync("node_messages", "kind = 'telemetry' AND length(payload) > 0"));
        Assert.Equal(messages.Count(message => message.Message is AlarmWire), await CountAsync("node_alarms"));
        Assert.Equal(messages.Count(message => message.Message is StatusWire), await CountAsync("node_status_history"));
        Assert.Equal(messages.Where(message => message.Message is StatusWire).Select(message => message.Topic.Node).Distinct().Count(), await CountAsync("node_status"));
        foreach (var kind in messages.Select(message => message.Kind).Distinct())
        {
            Assert.Equal(messages.Count(message => message.Kind == kind), await CountAsync("node_messages", $"kind = '{kind}'"));
        }
    }

    [Fact]
    public async Task A_Duplicate_Inside_A_Batch_And_A_Resent_Batch_Are_Stored_Exactly_Once()
    {
        var messages = GoldenNodeMessages.NodeFiles.Select(GoldenNodeMessages.Decode).ToList();
        var withRepeats = messages.Concat(messages.Take(3)).ToList();

        var first = await Ingestion.WriteBatchAsync(withRepeats);
        var resent = await Ingestion.WriteBatchAsync(messages);

        Assert.Equal((messages.Count, 3), (first.StoredCount, first.DuplicateCount));
        Assert.Equal((0, messages.Count), (resent.StoredCount, resent.DuplicateCount));
        Assert.Equal(messages.Count, await CountAsync("node_messages"));
        Assert.Equal(messages.Count(message => message.Message is TelemetryWire), await CountAsync("node_messages", "kind = 'telemetry'"));
        Assert.Equal(messages.Count(message => message.Message is AlarmWire), await CountAsync("node_alarms"));
        Assert.Equal(messages.Count(message => message.Message is StatusWire), await CountAsync("node_status_history"));
    }

    [Fact]
    public async Task The_Same_Boot_And_Seq_From_Another_Tenant_Is_Not_A_Duplicate()
    {
        var message = GoldenNodeMessages.Decode("telemetry.json");
        Assert.True(Retrosense.Contracts.TopicPath.TryParse(
            Retrosense.Contracts.TopicPath.Build("other-tenant", message.Topic.Site, message.Topic.Asset, message.Topic.Node, message.Kind), out var otherTopic, out _));
        var otherTenant = message with { Topic = otherTopic! };

        var result = await Ingestion.WriteBatchAsync([message, otherTenant]);

        Assert.Equal((2, 0), (result.StoredCount, result.DuplicateCount));
    }

    [Fact]
    public async Task Telemetry_Reads_Back_The_Decoded_Golden_Values()
    {
        var sent = GoldenNodeMessages.Decode("telemetry.json");
        var wire = (TelemetryWire)sent.Message;
        Assert.NotNull(wire.Environment); // so the environment and band comparisons below compare stored values
        Assert.NotNull(wire.Axes.X.BandsG);
        await Ingestion.WriteBatchAsync([sent]);

        var stored = Assert.Single(await Ingestion.GetTelemetryAsync(
            GoldenNodeMessages.Tenant, GoldenNodeMessages.Asset, DateTimeOffset.UnixEpoch, GoldenNodeMessages.NewestGoldenTimestamp.AddDays(1), 100));

        Assert.Equal((sent.Topic.Tenant, sent.Topic.Site, sent.Topic.Asset, sent.Topic.Node), (stored.TenantId, stored.SiteId, stored.AssetId, stored.NodeId));
        Assert.Equal((wire.Boot, wire.Seq, wire.Historical), (stored.Boot, stored.Seq, stored.Historical));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(wire.TimestampUnixMilliseconds), stored.TimestampUtc);
        Assert.Equal(ReceivedAt, stored.ReceivedAtUtc);
        Assert.Equal((wire.ConfigVersion, wire.Window.RateHz, wire.Window.Samples, wire.Zone), (stored.ConfigVersion, stored.RateHz, stored.Samples, stored.Zone));
        Assert.Equal(wire.VelocityRmsMaxMmPerSecond, stored.VelocityRmsMaxMmPerSecond);
        AssertSameAxis(wire.Axes.X, stored.X);
        AssertSameAxis(wire.Axes.Y, stored.Y);
        AssertSameAxis(wire.Axes.Z, stored.Z);
        Assert.Equal(wire.Environment, stored.Environment);
    }

    [Fact]
    public async Task Historical_And_Late_Messages_Come_Back_In_Message_Time_Order()
    {
        var now = GoldenNodeMessages.NewestGoldenTimestamp;

        // Arrival order: a live window, a late one (older ts, not historical), then a store-and-forward replay older still.
        var live = GoldenNodeMessages.DecodeVariant("telemetry.json", seq: 100, now, historical: false);
        var late = GoldenNodeMessages.DecodeVariant("telemetry.json", seq: 101, now.AddMinutes(-5), historical: false);
        var replayed = GoldenNodeMessages.DecodeVariant("telemetry.json", seq: 102, now.AddHours(-2), historical: true);
        await Ingestion.WriteBatchAsync([live]);
        await Ingestion.WriteBatchAsync([late]);
        await Ingestion.WriteBatchAsync([replayed]);

        var stored = await Ingestion.GetTelemetryAsync(GoldenNodeMessages.Tenant, GoldenNodeMessages.Asset, now.AddDays(-1), now.AddDays(1), 100);

        Assert.Equal([102L, 101L, 100L], stored.Select(window => window.Seq));
        Assert.Equal([true, false, false], stored.Select(window => window.Historical));
        Assert.Equal(stored.Select(window => window.TimestampUtc).Order(), stored.Select(window => window.TimestampUtc));
        var recent = await Ingestion.GetTelemetryAsync(GoldenNodeMessages.Tenant, GoldenNodeMessages.Asset, now.AddHours(-1), now, 100);
        Assert.Equal([101L], recent.Select(window => window.Seq));
    }

    [Fact]
    public async Task Alarms_Read_Back_As_Sent_In_Message_Time_Order()
    {
        var files = GoldenNodeMessages.NodeFiles.Where(file => GoldenNodeMessages.KindOf(file) == "alarm").ToList();
        var sent = files.Select(GoldenNodeMessages.Decode).ToList();
        await Ingestion.WriteBatchAsync(sent);

        var stored = await Ingestion.ListAlarmsAsync(GoldenNodeMessages.Tenant, GoldenNodeMessages.Asset, DateTimeOffset.UnixEpoch, GoldenNodeMessages.NewestGoldenTimestamp.AddDays(1), 100);

        var expected = sent.OrderBy(message => message.Message.TimestampUnixMilliseconds).ThenBy(message => message.Message.Seq).ToList();
        Assert.Equal(expected.Select(message => ((AlarmWire)message.Message).Alarm), stored.Select(alarm => alarm.Alarm));
        Assert.Equal(expected.Select(message => message.Message.Seq), stored.Select(alarm => alarm.Seq));
        Assert.Empty(await Ingestion.ListAlarmsAsync("other-tenant", null, DateTimeOffset.UnixEpoch, GoldenNodeMessages.NewestGoldenTimestamp.AddDays(1), 100));
    }

    [Fact]
    public async Task An_Older_Status_Does_Not_Replace_The_Latest_One()
    {
        var now = GoldenNodeMessages.NewestGoldenTimestamp;
        var newer = GoldenNodeMessages.DecodeVariant("status.json", seq: 200, now, historical: false);
        var older = GoldenNodeMessages.DecodeVariant("status.json", seq: 201, now.AddHours(-1), historical: true);

        await Ingestion.WriteBatchAsync([newer]);
        await Ingestion.WriteBatchAsync([older]);

        Assert.Equal(2, await CountAsync("node_status_history"));
        Assert.Equal(1, await CountAsync("node_status"));
        var latestSeq = await Backend.QueryScalarAsync(Options, "SELECT m.seq FROM node_status s JOIN node_messages m ON m.message_id = s.message_id");
        Assert.Equal(200L, Convert.ToInt64(latestSeq, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Quarantine_Keeps_The_Reason_And_Caps_The_Payload()
    {
        var decoder = new NodeMessageDecoder(new ManualTimeProvider(GoldenNodeMessages.NewestGoldenTimestamp.AddHours(1)));
        var topic = GoldenNodeMessages.TopicFor("telemetry.json", GoldenNodeMessages.Payload("telemetry.json"));
        var malformed = Encoding.UTF8.GetBytes("{\"schema\":1,");
        Assert.False(decoder.TryDecode(topic, malformed, out _, out var malformedReason));
        var oversized = new byte[NodeMessageDecoder.MaxPayloadBytes + 1000];
        Array.Fill(oversized, (byte)'x');
        Assert.False(decoder.TryDecode("not/a/topic", oversized, out _, out var oversizedReason));

        var first = await Ingestion.QuarantineAsync(topic, malformed, malformedReason!, ReceivedAt);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await Ingestion.QuarantineAsync("not/a/topic", oversized, oversizedReason!, ReceivedAt.AddSeconds(1));

        var all = await Ingestion.ListQuarantineAsync(null, 10);
        Assert.Equal([second.QuarantineId, first.QuarantineId], all.Select(entry => entry.QuarantineId));
        var stored = all[1];
        Assert.Equal((GoldenNodeMessages.Tenant, topic, malformedReason!.Code, malformedReason.Message), (stored.TenantId, stored.Topic, stored.ReasonCode, stored.ReasonMessage));
        Assert.Equal(malformed, stored.Payload);
        Assert.Equal(ReceivedAt, stored.ReceivedAtUtc);
        Assert.False(stored.IsTruncated);

        var capped = all[0];
        Assert.Null(capped.TenantId);
        Assert.Equal(RejectCode.PayloadTooLarge, capped.ReasonCode);
        Assert.Equal(oversizedReason!.Message, capped.ReasonMessage);
        Assert.Equal(QuarantinedMessage.MaxStoredPayloadBytes, capped.Payload.Length);
        Assert.Equal(oversized.Length, capped.OriginalSizeBytes);
        Assert.True(capped.IsTruncated);

        Assert.Equal(2, await Ingestion.CountQuarantineAsync(null));
        Assert.Equal(1, await Ingestion.CountQuarantineAsync(GoldenNodeMessages.Tenant));
        Assert.Equal([first.QuarantineId], (await Ingestion.ListQuarantineAsync(GoldenNodeMessages.Tenant, 10)).Select(entry => entry.QuarantineId));
    }

    [Fact]
    public async Task Migration_0002_Applies_On_Top_Of_0001_And_Keeps_The_Registry()
    {
        var fresh = await Backend.CreateEmptyStoreAsync(Clock);
        var catalog = MigrationCatalog.For(fresh.Kind);
        Assert.Equal("ingestion", catalog.Single(migration => migration.Version == 2).Name);
        await using (var dialect = await OpenDialectAsync(fresh))
        {
            var onlyFirst = await new SchemaMigrator(dialect, catalog.Where(migration => migration.Version == 1).ToList(), Clock).MigrateAsync(default);
            Assert.Equal([1], onlyFirst.AppliedVersions);
        }

        await Backend.ExecuteSqlAsync(fresh, $"INSERT INTO tenants (tenant_id, display_name, created_at) VALUES ('kept', 'Kept', {Backend.NowExpression})");

        var upgrade = await ReportingStoreFactory.MigrateAsync(fresh);
        var again = await ReportingStoreFactory.MigrateAsync(fresh);

        Assert.Equal(Enumerable.Range(2, catalog[^1].Version - 1), upgrade.AppliedVersions);
        Assert.Empty(again.AppliedVersions);
        Assert.Equal(catalog[^1].Version, again.SchemaVersion);
        Assert.Equal(1L, Convert.ToInt64(await Backend.QueryScalarAsync(fresh, "SELECT count(*) FROM tenants WHERE tenant_id = 'kept'"), CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64(await Backend.QueryScalarAsync(fresh, "SELECT count(*) FROM node_messages"), CultureInfo.InvariantCulture));
    }

    private static void AssertSameAxis(AxisFeaturesWire sent, AxisFeaturesWire stored)
    {
        Assert.Equal(sent with { BandsG = null }, stored with { BandsG = null });
        Assert.Equal(sent.BandsG?.OrderBy(band => band.Key, StringComparer.Ordinal), stored.BandsG?.OrderBy(band => band.Key, StringComparer.Ordinal));
    }

    private static async Task<StoreDialect> OpenDialectAsync(ReportingStoreOptions options)
    {
        if (options.Kind == ReportingStoreKind.Postgres)
        {
            return new PostgresDialect(options.PostgresConnectionString!);
        }

        var sqlite = new SqliteDialect(options.SqliteFilePath!, options.BusyTimeout);
        await sqlite.InitializeAsync(default);
        return sqlite;
    }
}

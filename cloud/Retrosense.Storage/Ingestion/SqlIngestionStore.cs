using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Contracts;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Ingestion.Wire;
using Retrosense.Storage.Rollups;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage.Ingestion;

/// <summary>
/// <see cref="IIngestionStore"/> over either database with shared SQL. Exactly-once comes from the unique key
/// <c>node_messages (tenant_id, node_id, boot, seq)</c> and <c>INSERT … ON CONFLICT DO NOTHING RETURNING message_id</c>:
/// no row back means a duplicate, and the kind's rows are then not written either.
/// </summary>
internal sealed class SqlIngestionStore : IIngestionStore
{
    private const string StatusColumns =
        "config_version, uptime_s, free_heap_bytes, rssi_dbm, reset_reason, queue_depth, queue_capacity, queue_dropped, publish_failures";

    private const string StatusValues =
        "@configVersion, @uptime, @freeHeap, @rssi, @resetReason, @queueDepth, @queueCapacity, @queueDropped, @publishFailures";

    private const int MessageColumns = 13;
    private const int RollupColumns = 9;
    private const int ActivityColumns = 8;

    private readonly StoreDialect _dialect;
    private readonly TimeProvider _timeProvider;

    public SqlIngestionStore(StoreDialect dialect, TimeProvider timeProvider)
    {
        _dialect = dialect;
        _timeProvider = timeProvider;
    }

    public async Task<IngestionBatchResult> WriteBatchAsync(IReadOnlyList<DecodedNodeMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return new IngestionBatchResult(0, 0);
        }

        // Repeats inside the batch are dropped here (the first one stays), so each multi-row INSERT holds distinct keys.
        var distinct = new List<DecodedNodeMessage>(messages.Count);
        var seen = new HashSet<MessageKey>();
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (seen.Add(MessageKey.Of(message)))
            {
                distinct.Add(message);
            }
        }

        var receivedAt = Now();
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var commands = new BatchCommandCache(connection, transaction);

        var messageIds = new Dictionary<MessageKey, long>(distinct.Count);
        foreach (var chunk in distinct.Chunk(RowsPerStatement(MessageColumns)))
        {
            await InsertNodeMessagesAsync(commands, chunk, receivedAt, messageIds, cancellationToken).ConfigureAwait(false);
        }

        var stored = new List<DecodedNodeMessage>(messageIds.Count);
        var rollups = new AssetRollupBatch();
        foreach (var message in distinct)
        {
            if (!messageIds.TryGetValue(MessageKey.Of(message), out var messageId))
            {
                continue; // already stored by an earlier batch
            }

            stored.Add(message);
            switch (message.Message)
            {
                case TelemetryWire window:
                    // No row of its own: the window, features and environment are read back from node_messages.payload
                    // (migration 0004), so a telemetry message costs one row on this hot path.
                    rollups.Add(message.Topic, window);
                    break;
                case AlarmWire alarm:
                    await InsertAlarmAsync(commands, messageId, alarm.Alarm, cancellationToken).ConfigureAwait(false);
                    break;
                case StatusWire status:
                    await InsertStatusAsync(commands, messageId, message.Topic, status, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    // birth, death and config-ack have no table of their own: node_messages.payload holds them whole.
                    break;
            }
        }

        await UpsertRollupsAsync(commands, rollups, cancellationToken).ConfigureAwait(false);
        await UpsertNodeActivityAsync(commands, messages, receivedAt, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new IngestionBatchResult(stored.Count, messages.Count - stored.Count) { StoredMessages = stored };
    }

    public async Task<QuarantinedMessage> QuarantineAsync(string topic, ReadOnlyMemory<byte> payload, RejectReason reason, DateTimeOffset receivedAtUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(reason);
        var kept = payload.Length > QuarantinedMessage.MaxStoredPayloadBytes
            ? payload[..QuarantinedMessage.MaxStoredPayloadBytes].ToArray()
            : payload.ToArray();
        var tenantId = TopicPath.TryParse(topic, out var path, out _) ? path!.Tenant : null;
        var receivedAt = TruncateToMilliseconds(receivedAtUtc);

        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO quarantine (tenant_id, topic, payload, payload_size_bytes, reason_code, reason_message, received_at) "
            + "VALUES (@tenant, @topic, @payload, @size, @code, @message, @receivedAt) RETURNING quarantine_id";
        AddText(command, "@tenant", tenantId);
        AddText(command, "@topic", topic);
        StoreDialect.AddParameter(command, "@payload", DbType.Binary, kept);
        StoreDialect.AddParameter(command, "@size", DbType.Int64, (long)payload.Length);
        AddText(command, "@code", reason.Code);
        AddText(command, "@message", reason.Message);
        _dialect.AddInstant(command, "@receivedAt", receivedAt);
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        return new QuarantinedMessage(id, tenantId, topic, kept, payload.Length, reason.Code, reason.Message, receivedAt);
    }

    public async Task<IReadOnlyList<QuarantinedMessage>> ListQuarantineAsync(string? tenantId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT quarantine_id, tenant_id, topic, payload, payload_size_bytes, reason_code, reason_message, received_at FROM quarantine "
            + (tenantId is null ? string.Empty : "WHERE tenant_id = @tenant ")
            + "ORDER BY received_at DESC, quarantine_id DESC LIMIT @limit";
        AddText(command, "@tenant", tenantId);
        StoreDialect.AddParameter(command, "@limit", DbType.Int32, limit);
        var list = new List<QuarantinedMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new QuarantinedMessage(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<byte[]>(3),
                checked((int)reader.GetInt64(4)),
                reader.GetString(5),
                reader.GetString(6),
                _dialect.ReadInstant(reader, 7)));
        }

        return list;
    }

    public async Task<long> CountQuarantineAsync(string? tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM quarantine" + (tenantId is null ? string.Empty : " WHERE tenant_id = @tenant");
        AddText(command, "@tenant", tenantId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<StoredTelemetryWindow>> GetTelemetryAsync(string tenantId, string assetId, DateTimeOffset fromUtc, DateTimeOffset toUtc, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(assetId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT m.tenant_id, m.site_id, m.asset_id, m.node_id, m.boot, m.seq, m.ts, m.received_at, m.historical, m.message_id, m.payload "
            + "FROM node_messages m "
            + "WHERE m.tenant_id = @tenant AND m.asset_id = @asset AND m.kind = 'telemetry' AND m.ts >= @from AND m.ts < @to "
            + "ORDER BY m.ts, m.node_id, m.boot, m.seq LIMIT @limit";
        AddMessageRangeParameters(command, tenantId, assetId, fromUtc, toUtc, limit);
        var list = new List<StoredTelemetryWindow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var telemetry = ReadTelemetryPayload(reader.GetInt64(9), reader.GetString(10));
            list.Add(new StoredTelemetryWindow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt64(4),
                reader.GetInt64(5),
                _dialect.ReadInstant(reader, 6),
                _dialect.ReadInstant(reader, 7),
                reader.GetBoolean(8),
                telemetry.ConfigVersion,
                telemetry.Window.RateHz,
                telemetry.Window.Samples,
                telemetry.Zone,
                telemetry.VelocityRmsMaxMmPerSecond,
                telemetry.Axes.X,
                telemetry.Axes.Y,
                telemetry.Axes.Z,
                ReadEnvironment(telemetry.Environment)));
        }

        return list;
    }

    /// <summary>
    /// A stored telemetry message's payload: accepted by the decoder (or serialized from a decoded message), so it always
    /// reads back; the plain deserializer is used because the decoder's checks (a sane <c>ts</c> against today's clock)
    /// judge a message on arrival, not years later.
    /// </summary>
    private static TelemetryWire ReadTelemetryPayload(long messageId, string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, NodeMessageJsonContext.Default.TelemetryWire)
                ?? throw new JsonException("payload is JSON null");
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"stored telemetry message {messageId} has a payload that does not read back: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// The environment as the column layout before migration 0004 returned it: a channel whose mean, min and max are all
    /// null read back as omitted, so reads do not change with the storage layout.
    /// </summary>
    private static EnvironmentWire? ReadEnvironment(EnvironmentWire? environment) => environment is null
        ? null
        : new EnvironmentWire
        {
            TemperatureCelsius = PresentChannel(environment.TemperatureCelsius),
            RelativeHumidityPercent = PresentChannel(environment.RelativeHumidityPercent),
            PressureHectopascals = PresentChannel(environment.PressureHectopascals),
        };

    private static ChannelSummaryWire? PresentChannel(ChannelSummaryWire? channel) =>
        channel is { Mean: null, Min: null, Max: null } ? null : channel;

    /// <summary>The parameters of a message-time range read: @tenant, @asset (null when not filtered), @from, @to, @limit.</summary>
    private void AddMessageRangeParameters(DbCommand command, string tenantId, string? assetId, DateTimeOffset fromUtc, DateTimeOffset toUtc, int limit)
    {
        AddText(command, "@tenant", tenantId);
        AddText(command, "@asset", assetId);
        _dialect.AddInstant(command, "@from", fromUtc);
        _dialect.AddInstant(command, "@to", toUtc);
        StoreDialect.AddParameter(command, "@limit", DbType.Int32, limit);
    }

    public async Task<IReadOnlyList<StoredAlarm>> ListAlarmsAsync(string tenantId, string? assetId, DateTimeOffset fromUtc, DateTimeOffset toUtc, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT m.tenant_id, m.site_id, m.asset_id, m.node_id, m.boot, m.seq, m.ts, m.historical, "
            + "a.source, a.channel, a.axis, a.severity, a.state, a.value, a.threshold, a.zone, a.previous_zone "
            + "FROM node_messages m JOIN node_alarms a ON a.message_id = m.message_id "
            + "WHERE m.tenant_id = @tenant AND m.kind = 'alarm' AND m.ts >= @from AND m.ts < @to "
            + (assetId is null ? string.Empty : "AND m.asset_id = @asset ")
            + "ORDER BY m.ts, m.node_id, m.boot, m.seq LIMIT @limit";
        AddMessageRangeParameters(command, tenantId, assetId, fromUtc, toUtc, limit);
        var list = new List<StoredAlarm>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new StoredAlarm(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt64(4),
                reader.GetInt64(5),
                _dialect.ReadInstant(reader, 6),
                reader.GetBoolean(7),
                new AlarmDetailWire
                {
                    Source = reader.GetString(8),
                    Channel = reader.GetString(9),
                    Axis = reader.GetString(10),
                    Severity = reader.GetString(11),
                    State = reader.GetString(12),
                    Value = ReadDouble(reader, 13),
                    Threshold = ReadDouble(reader, 14),
                    Zone = reader.IsDBNull(15) ? null : reader.GetString(15),
                    PreviousZone = reader.IsDBNull(16) ? null : reader.GetString(16),
                }));
        }

        return list;
    }

    private async Task InsertNodeMessagesAsync(BatchCommandCache commands, DecodedNodeMessage[] chunk, DateTimeOffset receivedAt, Dictionary<MessageKey, long> messageIds, CancellationToken cancellationToken)
    {
        var command = commands.For(MultiRowValues.Sql(
            "INSERT INTO node_messages (tenant_id, site_id, asset_id, node_id, boot, seq, kind, ts, received_at, historical, time_quality, firmware, payload) VALUES",
            MessageColumns,
            chunk.Length,
            "ON CONFLICT (tenant_id, node_id, boot, seq) DO NOTHING RETURNING message_id, tenant_id, node_id, boot, seq"));
        var parameter = 0;
        foreach (var message in chunk)
        {
            var wire = message.Message;
            AddText(command, MultiRowValues.Name(parameter++), message.Topic.Tenant);
            AddText(command, MultiRowValues.Name(parameter++), message.Topic.Site);
            AddText(command, MultiRowValues.Name(parameter++), message.Topic.Asset);
            AddText(command, MultiRowValues.Name(parameter++), message.Topic.Node);
            StoreDialect.AddParameter(command, MultiRowValues.Name(parameter++), DbType.Int64, wire.Boot);
            StoreDialect.AddParameter(command, MultiRowValues.Name(parameter++), DbType.Int64, wire.Seq);
            AddText(command, MultiRowValues.Name(parameter++), message.Kind);
            _dialect.AddInstant(command, MultiRowValues.Name(parameter++), DateTimeOffset.FromUnixTimeMilliseconds(wire.TimestampUnixMilliseconds));
            _dialect.AddInstant(command, MultiRowValues.Name(parameter++), receivedAt);
            StoreDialect.AddParameter(command, MultiRowValues.Name(parameter++), DbType.Boolean, wire.Historical);
            AddText(command, MultiRowValues.Name(parameter++), wire.TimeQuality);
            AddText(command, MultiRowValues.Name(parameter++), wire.Firmware);
            AddText(command, MultiRowValues.Name(parameter++), PayloadText(message));
        }

        // Only new rows come back (a conflict returns nothing), in no promised order: match them by key.
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            messageIds[new MessageKey(reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4))] = reader.GetInt64(0);
        }
    }

    /// <summary>Rows of <paramref name="parametersPerRow"/> parameters per multi-row statement for this dialect (at least one).</summary>
    private int RowsPerStatement(int parametersPerRow) => Math.Max(1, _dialect.ParametersPerStatement / parametersPerRow);

    /// <summary>The node's own bytes when the decoder kept them, else the decoded message serialized again.</summary>
    private static string PayloadText(DecodedNodeMessage message) => message.PayloadUtf8.IsEmpty
        ? JsonSerializer.Serialize(message.Message, message.Message.GetType(), NodeMessageJsonContext.Default)
        : Encoding.UTF8.GetString(message.PayloadUtf8.Span);

    /// <summary>One upsert per group of the batch: count and sum add, min and max merge (CASE: portable to both databases).</summary>
    private async Task UpsertRollupsAsync(BatchCommandCache commands, AssetRollupBatch rollups, CancellationToken cancellationToken)
    {
        foreach (var chunk in rollups.Groups.Chunk(RowsPerStatement(RollupColumns)))
        {
            var command = commands.For(MultiRowValues.Sql(
                "INSERT INTO asset_rollups (tenant_id, asset_id, resolution, bucket_start, metric, value_count, value_sum, value_min, value_max) VALUES",
                RollupColumns,
                chunk.Length,
                "ON CONFLICT (tenant_id, asset_id, resolution, bucket_start, metric) DO UPDATE SET "
                + "value_count = asset_rollups.value_count + excluded.value_count, "
                + "value_sum = asset_rollups.value_sum + excluded.value_sum, "
                + "value_min = CASE WHEN excluded.value_min < asset_rollups.value_min THEN excluded.value_min ELSE asset_rollups.value_min END, "
                + "value_max = CASE WHEN excluded.value_max > asset_rollups.value_max THEN excluded.value_max ELSE asset_rollups.value_max END"));
            var parameter = 0;
            foreach (var (key, aggregate) in chunk)
            {
                AddText(command, MultiRowValues.Name(parameter++), key.TenantId);
                AddText(command, MultiRowValues.Name(parameter++), key.AssetId);
                AddText(command, MultiRowValues.Name(parameter++), AssetRollupBatch.ResolutionName(key.Resolution));
                _dialect.AddInstant(command, MultiRowValues.Name(parameter++), DateTimeOffset.FromUnixTimeMilliseconds(key.BucketStartUnixMilliseconds));
                AddText(command, MultiRowValues.Name(parameter++), key.Metric);
                StoreDialect.AddParameter(command, MultiRowValues.Name(parameter++), DbType.Int64, aggregate.Count);
                StoreDialect.AddParameter(command, MultiRowValues.Name(parameter++), DbType.Double, aggregate.Sum);
                StoreDialect.AddParameter(command, MultiRowValues.Name(parameter++), DbType.Double, aggregate.Minimum);
                StoreDialect.AddParameter(command, MultiRowValues.Name(parameter++), DbType.Double, aggregate.Maximum);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Every message of the batch, repeats included, shows its node is alive: the node that resends a backlog whose
    /// acknowledgements it lost is online. Kind and boot come from the last message in batch (arrival) order; the
    /// message time only moves forward.
    /// </summary>
    private async Task UpsertNodeActivityAsync(BatchCommandCache commands, IReadOnlyList<DecodedNodeMessage> messages, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<(string Tenant, string Node), (DecodedNodeMessage Last, long MaxTimestamp)>();
        foreach (var message in messages)
        {
            var key = (message.Topic.Tenant, message.Topic.Node);
            var timestamp = message.Message.TimestampUnixMilliseconds;
            latest[key] = latest.TryGetValue(key, out var seen) ? (message, Math.Max(seen.MaxTimestamp, timestamp)) : (message, timestamp);
        }

        foreach (var chunk in latest.Values.Chunk(RowsPerStatement(ActivityColumns)))
        {
            var command = commands.For(MultiRowValues.Sql(
                "INSERT INTO node_activity (tenant_id, node_id, site_id, asset_id, last_received_at, last_message_ts, last_kind, last_boot) VALUES",
                ActivityColumns,
                chunk.Length,
                "ON CONFLICT (tenant_id, node_id) DO UPDATE SET site_id = excluded.site_id, asset_id = excluded.asset_id, "
                + "last_received_at = excluded.last_received_at, last_kind = excluded.last_kind, last_boot = excluded.last_boot, "
                + "last_message_ts = CASE WHEN excluded.last_message_ts > node_activity.last_message_ts THEN excluded.last_message_ts ELSE node_activity.last_message_ts END"));
            var parameter = 0;
            foreach (var (last, maxTimestamp) in chunk)
            {
                AddText(command, MultiRowValues.Name(parameter++), last.Topic.Tenant);
                AddText(command, MultiRowValues.Name(parameter++), last.Topic.Node);
                AddText(command, MultiRowValues.Name(parameter++), last.Topic.Site);
                AddText(command, MultiRowValues.Name(parameter++), last.Topic.Asset);
                _dialect.AddInstant(command, MultiRowValues.Name(parameter++), receivedAt);
                _dialect.AddInstant(command, MultiRowValues.Name(parameter++), DateTimeOffset.FromUnixTimeMilliseconds(maxTimestamp));
                AddText(command, MultiRowValues.Name(parameter++), last.Kind);
                StoreDialect.AddParameter(command, MultiRowValues.Name(parameter++), DbType.Int64, last.Message.Boot);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<NodeActivity>> ListNodeActivityAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT a.tenant_id, a.site_id, a.asset_id, a.node_id, a.last_received_at, a.last_message_ts, a.last_kind, a.last_boot "
            + "FROM node_activity a "
            + "WHERE EXISTS (SELECT 1 FROM nodes n WHERE n.tenant_id = a.tenant_id AND n.node_id = a.node_id AND n.revoked_at IS NULL) "
            + "ORDER BY a.tenant_id, a.node_id";
        var list = new List<NodeActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new NodeActivity(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                _dialect.ReadInstant(reader, 4),
                _dialect.ReadInstant(reader, 5),
                reader.GetString(6),
                reader.GetInt64(7)));
        }

        return list;
    }

    private static async Task InsertAlarmAsync(BatchCommandCache commands, long messageId, AlarmDetailWire alarm, CancellationToken cancellationToken)
    {
        var command = commands.For(
            "INSERT INTO node_alarms (message_id, source, channel, axis, severity, state, value, threshold, zone, previous_zone) "
            + "VALUES (@id, @source, @channel, @axis, @severity, @state, @value, @threshold, @zone, @previousZone)");
        StoreDialect.AddParameter(command, "@id", DbType.Int64, messageId);
        AddText(command, "@source", alarm.Source);
        AddText(command, "@channel", alarm.Channel);
        AddText(command, "@axis", alarm.Axis);
        AddText(command, "@severity", alarm.Severity);
        AddText(command, "@state", alarm.State);
        StoreDialect.AddParameter(command, "@value", DbType.Double, alarm.Value);
        StoreDialect.AddParameter(command, "@threshold", DbType.Double, alarm.Threshold);
        AddText(command, "@zone", alarm.Zone);
        AddText(command, "@previousZone", alarm.PreviousZone);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task InsertStatusAsync(BatchCommandCache commands, long messageId, TopicPath topic, StatusWire status, CancellationToken cancellationToken)
    {
        var historyCommand = commands.For("INSERT INTO node_status_history (message_id, " + StatusColumns + ") VALUES (@id, " + StatusValues + ")");
        AddStatus(historyCommand, messageId, status);
        await historyCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        // Only a newer message time replaces the latest row, so a replayed (historical) status cannot roll it back.
        var latestCommand = commands.For(
            "INSERT INTO node_status (tenant_id, node_id, message_id, ts, " + StatusColumns + ") "
            + "VALUES (@tenant, @node, @id, @ts, " + StatusValues + ") "
            + "ON CONFLICT (tenant_id, node_id) DO UPDATE SET message_id = excluded.message_id, ts = excluded.ts, "
            + "config_version = excluded.config_version, uptime_s = excluded.uptime_s, free_heap_bytes = excluded.free_heap_bytes, "
            + "rssi_dbm = excluded.rssi_dbm, reset_reason = excluded.reset_reason, queue_depth = excluded.queue_depth, "
            + "queue_capacity = excluded.queue_capacity, queue_dropped = excluded.queue_dropped, publish_failures = excluded.publish_failures "
            + "WHERE excluded.ts > node_status.ts");
        AddStatus(latestCommand, messageId, status);
        AddText(latestCommand, "@tenant", topic.Tenant);
        AddText(latestCommand, "@node", topic.Node);
        _dialect.AddInstant(latestCommand, "@ts", DateTimeOffset.FromUnixTimeMilliseconds(status.TimestampUnixMilliseconds));
        await latestCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddStatus(DbCommand command, long messageId, StatusWire status)
    {
        StoreDialect.AddParameter(command, "@id", DbType.Int64, messageId);
        StoreDialect.AddParameter(command, "@configVersion", DbType.Int64, status.ConfigVersion);
        StoreDialect.AddParameter(command, "@uptime", DbType.Int64, status.UptimeSeconds);
        StoreDialect.AddParameter(command, "@freeHeap", DbType.Int64, status.FreeHeapBytes);
        StoreDialect.AddParameter(command, "@rssi", DbType.Int64, status.RssiDbm);
        AddText(command, "@resetReason", status.ResetReason);
        StoreDialect.AddParameter(command, "@queueDepth", DbType.Int64, status.QueueDepth);
        StoreDialect.AddParameter(command, "@queueCapacity", DbType.Int64, status.QueueCapacity);
        StoreDialect.AddParameter(command, "@queueDropped", DbType.Int64, status.QueueDropped);
        StoreDialect.AddParameter(command, "@publishFailures", DbType.Int64, status.PublishFailures);
    }

    private static double? ReadDouble(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private static void AddText(DbCommand command, string name, string? value) => StoreDialect.AddParameter(command, name, DbType.String, value);

    private DateTimeOffset Now() => TruncateToMilliseconds(_timeProvider.GetUtcNow());

    /// <summary>Both databases then return the identical instant (PostgreSQL keeps microseconds, SQLite milliseconds).</summary>
    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());
}

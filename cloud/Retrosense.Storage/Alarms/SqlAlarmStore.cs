using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Alarms;
using Retrosense.Platform.Registry;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage.Alarms;

/// <summary>
/// <see cref="IAlarmStore"/> over either database. The partial unique index
/// <c>alarms_one_active_per_condition (tenant, asset, COALESCE(node, ''), condition) WHERE cleared_at IS NULL</c> keeps
/// one active alarm per condition; raise reads then writes inside a write transaction, and a PostgreSQL race that
/// still hits the index is retried once (the retry finds the other writer's alarm).
/// </summary>
internal sealed class SqlAlarmStore : IAlarmStore
{
    private const string Columns =
        "alarm_id, tenant_id, site_id, asset_id, node_id, origin, condition_key, severity, message, value, threshold, "
        + "raised_at, cleared_at, clear_reason, acknowledged_at, acknowledged_by, acknowledgement_note";

    private const string ActiveConditionFilter =
        "tenant_id = @tenant AND asset_id = @asset AND COALESCE(node_id, '') = @nodeOrEmpty AND condition_key = @condition AND cleared_at IS NULL";

    private readonly StoreDialect _dialect;
    private readonly TimeProvider _timeProvider;

    public SqlAlarmStore(StoreDialect dialect, TimeProvider timeProvider)
    {
        _dialect = dialect;
        _timeProvider = timeProvider;
    }

    public async Task<Alarm> RaiseAsync(AlarmRaise raise, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(raise);
        RequireText(raise.TenantId, nameof(raise.TenantId));
        RequireText(raise.SiteId, nameof(raise.SiteId));
        RequireText(raise.AssetId, nameof(raise.AssetId));
        RequireText(raise.ConditionKey, nameof(raise.ConditionKey));
        ArgumentNullException.ThrowIfNull(raise.Message);
        try
        {
            return await TryRaiseAsync(raise, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception) when (_dialect.IsUniqueViolation(exception))
        {
            return await TryRaiseAsync(raise, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<Alarm?> ClearAsync(string tenantId, string assetId, string? nodeId, string conditionKey, DateTimeOffset atUtc, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(assetId);
        ArgumentNullException.ThrowIfNull(conditionKey);
        ArgumentNullException.ThrowIfNull(reason);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        Alarm? cleared;
        await using (var command = CreateCommand(connection, transaction,
            "UPDATE alarms SET cleared_at = @at, clear_reason = @reason WHERE " + ActiveConditionFilter + " RETURNING " + Columns))
        {
            AddCondition(command, tenantId, assetId, nodeId, conditionKey);
            _dialect.AddInstant(command, "@at", Truncate(atUtc));
            AddText(command, "@reason", reason);
            cleared = await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false);
        }

        if (cleared is not null)
        {
            await InsertEventAsync(connection, transaction, new AlarmEvent(cleared.AlarmId, AlarmEventType.Cleared, cleared.ClearedAtUtc!.Value, ActorOf(cleared), cleared.Severity, reason), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return cleared;
    }

    public async Task<Alarm> AcknowledgeAsync(string tenantId, long alarmId, string acknowledgedBy, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        if (string.IsNullOrWhiteSpace(acknowledgedBy))
        {
            throw new ArgumentException("who acknowledges the alarm must be given (not blank)", nameof(acknowledgedBy));
        }

        var now = Truncate(_timeProvider.GetUtcNow());
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        Alarm? acknowledged;
        await using (var command = CreateCommand(connection, transaction,
            "UPDATE alarms SET acknowledged_at = @at, acknowledged_by = @by, acknowledgement_note = @note "
            + "WHERE tenant_id = @tenant AND alarm_id = @id RETURNING " + Columns))
        {
            AddText(command, "@tenant", tenantId);
            StoreDialect.AddParameter(command, "@id", DbType.Int64, alarmId);
            _dialect.AddInstant(command, "@at", now);
            AddText(command, "@by", acknowledgedBy);
            AddText(command, "@note", note);
            acknowledged = await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false);
        }

        if (acknowledged is null)
        {
            throw new RegistryNotFoundException($"tenant '{tenantId}' has no alarm {alarmId}");
        }

        await InsertEventAsync(connection, transaction, new AlarmEvent(alarmId, AlarmEventType.Acknowledged, now, acknowledgedBy, acknowledged.Severity, note), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return acknowledged;
    }

    public async Task<Alarm?> GetAsync(string tenantId, long alarmId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, null, "SELECT " + Columns + " FROM alarms WHERE tenant_id = @tenant AND alarm_id = @id");
        AddText(command, "@tenant", tenantId);
        StoreDialect.AddParameter(command, "@id", DbType.Int64, alarmId);
        return await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Alarm>> ListAsync(AlarmQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.TenantId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query.Limit));
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT " + Columns + " FROM alarms WHERE tenant_id = @tenant");
        AddText(command, "@tenant", query.TenantId);
        StoreDialect.AppendOptionalTextFilter(sql, command, "site_id", "@site", query.SiteId);
        StoreDialect.AppendOptionalTextFilter(sql, command, "asset_id", "@asset", query.AssetId);

        if (query.ActiveOnly)
        {
            sql.Append(" AND cleared_at IS NULL");
        }

        if (query.UnacknowledgedOnly)
        {
            sql.Append(" AND acknowledged_at IS NULL");
        }

        if (query.RaisedFromUtc is { } from)
        {
            sql.Append(" AND raised_at >= @from");
            _dialect.AddInstant(command, "@from", from);
        }

        if (query.RaisedToUtc is { } to)
        {
            sql.Append(" AND raised_at < @to");
            _dialect.AddInstant(command, "@to", to);
        }

        sql.Append(" ORDER BY raised_at DESC, alarm_id DESC LIMIT @limit");
        StoreDialect.AddParameter(command, "@limit", DbType.Int32, query.Limit);
        command.CommandText = sql.ToString();
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AlarmEvent>> ListEventsAsync(string tenantId, long alarmId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, null,
            "SELECT e.alarm_id, e.event_type, e.event_at, e.actor, e.severity, e.note FROM alarm_events e "
            + "JOIN alarms a ON a.alarm_id = e.alarm_id WHERE a.tenant_id = @tenant AND e.alarm_id = @id ORDER BY e.event_id");
        AddText(command, "@tenant", tenantId);
        StoreDialect.AddParameter(command, "@id", DbType.Int64, alarmId);
        var events = new List<AlarmEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new AlarmEvent(
                reader.GetInt64(0),
                ParseEventType(reader.GetString(1)),
                _dialect.ReadInstant(reader, 2),
                reader.GetString(3),
                ParseSeverity(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return events;
    }

    public async Task<IReadOnlyList<Alarm>> ListActiveByConditionAsync(string conditionKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conditionKey);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, null,
            "SELECT " + Columns + " FROM alarms WHERE condition_key = @condition AND cleared_at IS NULL ORDER BY tenant_id, alarm_id");
        AddText(command, "@condition", conditionKey);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    internal static string SeverityName(AlarmSeverity severity) => severity switch
    {
        AlarmSeverity.Warning => "warning",
        AlarmSeverity.Alarm => "alarm",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "unknown alarm severity"),
    };

    private async Task<Alarm> TryRaiseAsync(AlarmRaise raise, CancellationToken cancellationToken)
    {
        var at = Truncate(raise.AtUtc);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        Alarm? active;
        await using (var find = CreateCommand(connection, transaction, "SELECT " + Columns + " FROM alarms WHERE " + ActiveConditionFilter))
        {
            AddCondition(find, raise.TenantId, raise.AssetId, raise.NodeId, raise.ConditionKey);
            active = await ReadSingleAsync(find, cancellationToken).ConfigureAwait(false);
        }

        Alarm result;
        if (active is null)
        {
            await using var insert = CreateCommand(connection, transaction,
                "INSERT INTO alarms (tenant_id, site_id, asset_id, node_id, origin, condition_key, severity, message, value, threshold, raised_at) "
                + "VALUES (@tenant, @site, @asset, @node, @origin, @condition, @severity, @message, @value, @threshold, @at) RETURNING " + Columns);
            AddText(insert, "@tenant", raise.TenantId);
            AddText(insert, "@site", raise.SiteId);
            AddText(insert, "@asset", raise.AssetId);
            AddText(insert, "@node", raise.NodeId);
            AddText(insert, "@origin", OriginName(raise.Origin));
            AddText(insert, "@condition", raise.ConditionKey);
            AddText(insert, "@severity", SeverityName(raise.Severity));
            AddText(insert, "@message", raise.Message);
            StoreDialect.AddParameter(insert, "@value", DbType.Double, raise.Value);
            StoreDialect.AddParameter(insert, "@threshold", DbType.Double, raise.Threshold);
            _dialect.AddInstant(insert, "@at", at);
            result = (await ReadSingleAsync(insert, cancellationToken).ConfigureAwait(false))!;
            await InsertEventAsync(connection, transaction, new AlarmEvent(result.AlarmId, AlarmEventType.Raised, at, ActorOf(result), result.Severity, raise.Message), cancellationToken).ConfigureAwait(false);
        }
        else if (raise.Severity > active.Severity)
        {
            // Escalation keeps the alarm (and its raise time) and records the new reading with the higher severity.
            await using var escalate = CreateCommand(connection, transaction,
                "UPDATE alarms SET severity = @severity, message = @message, value = @value, threshold = @threshold WHERE alarm_id = @id RETURNING " + Columns);
            AddText(escalate, "@severity", SeverityName(raise.Severity));
            AddText(escalate, "@message", raise.Message);
            StoreDialect.AddParameter(escalate, "@value", DbType.Double, raise.Value);
            StoreDialect.AddParameter(escalate, "@threshold", DbType.Double, raise.Threshold);
            StoreDialect.AddParameter(escalate, "@id", DbType.Int64, active.AlarmId);
            result = (await ReadSingleAsync(escalate, cancellationToken).ConfigureAwait(false))!;
            await InsertEventAsync(connection, transaction, new AlarmEvent(result.AlarmId, AlarmEventType.Escalated, at, ActorOf(result), result.Severity, raise.Message), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            result = active;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task InsertEventAsync(DbConnection connection, DbTransaction transaction, AlarmEvent alarmEvent, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, transaction,
            "INSERT INTO alarm_events (alarm_id, event_type, event_at, actor, severity, note) VALUES (@id, @type, @at, @actor, @severity, @note)");
        StoreDialect.AddParameter(command, "@id", DbType.Int64, alarmEvent.AlarmId);
        AddText(command, "@type", EventTypeName(alarmEvent.Type));
        _dialect.AddInstant(command, "@at", alarmEvent.AtUtc);
        AddText(command, "@actor", alarmEvent.Actor);
        AddText(command, "@severity", SeverityName(alarmEvent.Severity));
        AddText(command, "@note", alarmEvent.Note);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<Alarm?> ReadSingleAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAlarm(reader) : null;
    }

    private async Task<IReadOnlyList<Alarm>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var alarms = new List<Alarm>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            alarms.Add(ReadAlarm(reader));
        }

        return alarms;
    }

    private Alarm ReadAlarm(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        ReadText(reader, 4),
        reader.GetString(5) == "node" ? AlarmOrigin.Node : AlarmOrigin.Cloud,
        reader.GetString(6),
        ParseSeverity(reader.GetString(7)),
        reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetDouble(9),
        reader.IsDBNull(10) ? null : reader.GetDouble(10),
        _dialect.ReadInstant(reader, 11),
        _dialect.ReadNullableInstant(reader, 12),
        ReadText(reader, 13),
        _dialect.ReadNullableInstant(reader, 14),
        ReadText(reader, 15),
        ReadText(reader, 16));

    private static void AddCondition(DbCommand command, string tenantId, string assetId, string? nodeId, string conditionKey)
    {
        AddText(command, "@tenant", tenantId);
        AddText(command, "@asset", assetId);
        AddText(command, "@nodeOrEmpty", nodeId ?? string.Empty);
        AddText(command, "@condition", conditionKey);
    }

    private static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Who acts for the alarm's own raise, escalate and clear: the node, or the cloud.</summary>
    private static string ActorOf(Alarm alarm) => alarm.Origin == AlarmOrigin.Node && alarm.NodeId is not null ? "node:" + alarm.NodeId : "cloud";

    private static string OriginName(AlarmOrigin origin) => origin == AlarmOrigin.Node ? "node" : "cloud";

    private static AlarmSeverity ParseSeverity(string name) => name == "alarm" ? AlarmSeverity.Alarm : AlarmSeverity.Warning;

    private static string EventTypeName(AlarmEventType type) => type switch
    {
        AlarmEventType.Raised => "raised",
        AlarmEventType.Escalated => "escalated",
        AlarmEventType.Cleared => "cleared",
        AlarmEventType.Acknowledged => "acknowledged",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown alarm event type"),
    };

    private static AlarmEventType ParseEventType(string name) => name switch
    {
        "raised" => AlarmEventType.Raised,
        "escalated" => AlarmEventType.Escalated,
        "cleared" => AlarmEventType.Cleared,
        _ => AlarmEventType.Acknowledged,
    };

    private static void RequireText(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(name + " must not be blank", name);
        }
    }

    private static string? ReadText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void AddText(DbCommand command, string name, string? value) => StoreDialect.AddParameter(command, name, DbType.String, value);

    /// <summary>Both databases then return the identical instant (PostgreSQL keeps microseconds, SQLite milliseconds).</summary>
    private static DateTimeOffset Truncate(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());
}

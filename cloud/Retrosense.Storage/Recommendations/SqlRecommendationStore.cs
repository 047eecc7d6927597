using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Recommendations;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage.Recommendations;

/// <summary>
/// <see cref="IRecommendationStore"/> over either database, on the <c>recommendations</c> and <c>usage_events</c> tables of
/// migration 0003 (no schema change). A decision's who and why live in its usage event, whose details JSON starts with
/// <c>{"recommendation_id":N,</c> so one recommendation's decisions are found with a prefix match in both dialects.
/// </summary>
internal sealed class SqlRecommendationStore : IRecommendationStore
{
    public const string CreatedEvent = "recommendation_created";

    public const string AcceptedEvent = "recommendation_accepted";

    public const string RejectedEvent = "recommendation_rejected";

    private const string Columns = "recommendation_id, tenant_id, asset_id, line_id, model_version, ts, setpoints_json, expected_effect, status, created_at";

    private readonly StoreDialect _dialect;
    private readonly TimeProvider _timeProvider;

    public SqlRecommendationStore(StoreDialect dialect, TimeProvider timeProvider)
    {
        _dialect = dialect;
        _timeProvider = timeProvider;
    }

    public async Task<StoredRecommendation> AddAsync(NewRecommendation recommendation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentException.ThrowIfNullOrWhiteSpace(recommendation.TenantId);
        if (recommendation.AssetId is null && recommendation.LineId is null)
        {
            throw new ArgumentException("a recommendation belongs to an asset or a line", nameof(recommendation));
        }

        var now = Truncate(_timeProvider.GetUtcNow());
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        StoredRecommendation stored;
        await using (var insert = CreateCommand(connection, transaction,
            "INSERT INTO recommendations (tenant_id, asset_id, line_id, model_version, ts, setpoints_json, expected_effect, status, created_at) "
            + "VALUES (@tenant, @asset, @line, @version, @ts, @setpoints, @effect, @status, @created) RETURNING " + Columns))
        {
            AddText(insert, "@tenant", recommendation.TenantId);
            AddText(insert, "@asset", recommendation.AssetId);
            AddText(insert, "@line", recommendation.LineId);
            AddText(insert, "@version", recommendation.ModelVersion);
            _dialect.AddInstant(insert, "@ts", Truncate(recommendation.AtUtc));
            AddText(insert, "@setpoints", recommendation.SetpointsJson);
            AddText(insert, "@effect", recommendation.ExpectedEffectJson);
            AddText(insert, "@status", RecommendationStatuses.Proposed);
            _dialect.AddInstant(insert, "@created", now);
            stored = (await ReadAllAsync(insert, cancellationToken).ConfigureAwait(false))[0];
        }

        await InsertUsageEventAsync(connection, transaction, stored.TenantId, now, recommendation.Trigger, CreatedEvent, Details(stored.RecommendationId, RecommendationStatuses.Proposed, null, stored.AssetId), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    public async Task<StoredRecommendation?> GetAsync(string tenantId, long recommendationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, null, "SELECT " + Columns + " FROM recommendations WHERE tenant_id = @tenant AND recommendation_id = @id");
        AddText(command, "@tenant", tenantId);
        StoreDialect.AddParameter(command, "@id", DbType.Int64, recommendationId);
        var found = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<StoredRecommendation>> ListAsync(string tenantId, string? assetId, string? status, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT " + Columns + " FROM recommendations WHERE tenant_id = @tenant");
        AddText(command, "@tenant", tenantId);
        StoreDialect.AppendOptionalTextFilter(sql, command, "asset_id", "@asset", assetId);
        StoreDialect.AppendOptionalTextFilter(sql, command, "status", "@status", status);

        sql.Append(" ORDER BY ts DESC, recommendation_id DESC LIMIT @limit");
        StoreDialect.AddParameter(command, "@limit", DbType.Int32, limit);
        command.CommandText = sql.ToString();
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredRecommendation?> DecideAsync(string tenantId, long recommendationId, bool accept, string by, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var decision = accept ? RecommendationStatuses.Accepted : RecommendationStatuses.Rejected;
        var now = Truncate(_timeProvider.GetUtcNow());
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<StoredRecommendation> updated;
        await using (var update = CreateCommand(connection, transaction,
            "UPDATE recommendations SET status = @status WHERE tenant_id = @tenant AND recommendation_id = @id AND status = @proposed RETURNING " + Columns))
        {
            AddText(update, "@status", decision);
            AddText(update, "@tenant", tenantId);
            StoreDialect.AddParameter(update, "@id", DbType.Int64, recommendationId);
            AddText(update, "@proposed", RecommendationStatuses.Proposed);
            updated = await ReadAllAsync(update, cancellationToken).ConfigureAwait(false);
        }

        if (updated.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            var existing = await GetAsync(tenantId, recommendationId, cancellationToken).ConfigureAwait(false);
            return existing is null
                ? null
                : throw new InvalidOperationException($"recommendation {recommendationId.ToString(CultureInfo.InvariantCulture)} is already {existing.Status}");
        }

        await InsertUsageEventAsync(connection, transaction, tenantId, now, by, accept ? AcceptedEvent : RejectedEvent, Details(recommendationId, decision, reason, updated[0].AssetId), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return updated[0];
    }

    public async Task<IReadOnlyList<RecommendationDecision>> ListDecisionsAsync(string tenantId, long recommendationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, null,
            "SELECT ts, actor, details_json FROM usage_events WHERE tenant_id = @tenant AND event_type IN (@accepted, @rejected) "
            + "AND details_json LIKE @prefix ORDER BY usage_event_id");
        AddText(command, "@tenant", tenantId);
        AddText(command, "@accepted", AcceptedEvent);
        AddText(command, "@rejected", RejectedEvent);
        AddText(command, "@prefix", "{\"recommendation_id\":" + recommendationId.ToString(CultureInfo.InvariantCulture) + ",%");
        var decisions = new List<RecommendationDecision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            using var details = JsonDocument.Parse(reader.GetString(2));
            var root = details.RootElement;
            decisions.Add(new RecommendationDecision(
                recommendationId,
                root.GetProperty("decision").GetString()!,
                reader.GetString(1),
                root.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null,
                _dialect.ReadInstant(reader, 0)));
        }

        return decisions;
    }

    /// <summary>The usage event's details; recommendation_id first, so <see cref="ListDecisionsAsync"/> can match its prefix.</summary>
    private static string Details(long recommendationId, string decision, string? reason, string? assetId)
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("recommendation_id", recommendationId);
            writer.WriteString("decision", decision);
            writer.WriteString("asset_id", assetId);
            if (reason is not null)
            {
                writer.WriteString("reason", reason);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private async Task InsertUsageEventAsync(DbConnection connection, DbTransaction transaction, string tenantId, DateTimeOffset at, string actor, string eventType, string details, CancellationToken cancellationToken)
    {
        await using var insert = CreateCommand(connection, transaction,
            "INSERT INTO usage_events (tenant_id, ts, actor, event_type, details_json) VALUES (@tenant, @ts, @actor, @type, @details)");
        AddText(insert, "@tenant", tenantId);
        _dialect.AddInstant(insert, "@ts", at);
        AddText(insert, "@actor", actor);
        AddText(insert, "@type", eventType);
        AddText(insert, "@details", details);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<StoredRecommendation>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var result = new List<StoredRecommendation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredRecommendation(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                _dialect.ReadInstant(reader, 5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8),
                _dialect.ReadInstant(reader, 9)));
        }

        return result;
    }

    private static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void AddText(DbCommand command, string name, string? value) => StoreDialect.AddParameter(command, name, DbType.String, value);

    private static DateTimeOffset Truncate(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());
}

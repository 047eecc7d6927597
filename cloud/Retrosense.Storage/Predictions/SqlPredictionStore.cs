using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Predictions;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage.Predictions;

/// <summary>
/// <see cref="IPredictionStore"/> over either database (tables of migrations 0003 and 0005). A write is one transaction
/// of single-row inserts re-using one command: live scoring writes a handful of predictions per drained batch, far below
/// where multi-row statements pay (see Sql/MultiRowValues.cs for ingestion, which needs them).
/// </summary>
internal sealed class SqlPredictionStore : IPredictionStore
{
    private const string Columns = "tenant_id, site_id, asset_id, node_id, model_name, model_version, kind, ts, value, label, details_json, created_at";

    private readonly StoreDialect _dialect;
    private readonly TimeProvider _timeProvider;

    public SqlPredictionStore(StoreDialect dialect, TimeProvider timeProvider)
    {
        _dialect = dialect;
        _timeProvider = timeProvider;
    }

    public async Task WriteAsync(IReadOnlyList<Prediction> predictions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return;
        }

        foreach (var prediction in predictions)
        {
            ArgumentNullException.ThrowIfNull(prediction);
            RequireText(prediction.TenantId, nameof(prediction.TenantId));
            RequireText(prediction.SiteId, nameof(prediction.SiteId));
            RequireText(prediction.AssetId, nameof(prediction.AssetId));
            RequireText(prediction.ModelName, nameof(prediction.ModelName));
            RequireText(prediction.ModelVersion, nameof(prediction.ModelVersion));
            if (prediction.Value is { } value && !double.IsFinite(value))
            {
                throw new ArgumentException($"a prediction value must be finite, got {value}", nameof(predictions));
            }
        }

        var now = Truncate(_timeProvider.GetUtcNow());
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO predictions (" + Columns + ") VALUES (@tenant, @site, @asset, @node, @model, @version, @kind, @ts, @value, @label, @details, @createdAt)";
        foreach (var prediction in predictions)
        {
            insert.Parameters.Clear();
            AddText(insert, "@tenant", prediction.TenantId);
            AddText(insert, "@site", prediction.SiteId);
            AddText(insert, "@asset", prediction.AssetId);
            AddText(insert, "@node", prediction.NodeId);
            AddText(insert, "@model", prediction.ModelName);
            AddText(insert, "@version", prediction.ModelVersion);
            AddText(insert, "@kind", KindName(prediction.Kind));
            _dialect.AddInstant(insert, "@ts", Truncate(prediction.TimestampUtc));
            StoreDialect.AddParameter(insert, "@value", DbType.Double, prediction.Value);
            AddText(insert, "@label", prediction.Label);
            AddText(insert, "@details", prediction.DetailsJson);
            _dialect.AddInstant(insert, "@createdAt", now);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Prediction>> ListAsync(PredictionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query.Limit));
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + Columns + " FROM predictions WHERE tenant_id = @tenant AND site_id = @site AND asset_id = @asset "
            + "AND ts >= @from AND ts < @to" + (query.Kind is null ? string.Empty : " AND kind = @kind")
            + " ORDER BY ts, prediction_id LIMIT @limit";
        AddText(command, "@tenant", query.TenantId);
        AddText(command, "@site", query.SiteId);
        AddText(command, "@asset", query.AssetId);
        _dialect.AddInstant(command, "@from", query.FromUtc);
        _dialect.AddInstant(command, "@to", query.ToUtc);
        if (query.Kind is { } kind)
        {
            AddText(command, "@kind", KindName(kind));
        }

        StoreDialect.AddParameter(command, "@limit", DbType.Int32, query.Limit);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Prediction>> GetLatestAsync(string tenantId, string siteId, string assetId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(siteId);
        ArgumentNullException.ThrowIfNull(assetId);
        var latest = new List<Prediction>();
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // One indexed probe per kind (predictions_by_asset_kind_time ends in ts), instead of a window function over all rows.
        foreach (var kind in Enum.GetValues<PredictionKind>())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT " + Columns + " FROM predictions WHERE tenant_id = @tenant AND asset_id = @asset AND kind = @kind "
                + "AND site_id = @site ORDER BY ts DESC, prediction_id DESC LIMIT 1";
            AddText(command, "@tenant", tenantId);
            AddText(command, "@site", siteId);
            AddText(command, "@asset", assetId);
            AddText(command, "@kind", KindName(kind));
            latest.AddRange(await ReadAllAsync(command, cancellationToken).ConfigureAwait(false));
        }

        return latest;
    }

    internal static string KindName(PredictionKind kind) => kind switch
    {
        PredictionKind.Anomaly => "anomaly",
        PredictionKind.FailureRisk => "failure_risk",
        PredictionKind.RemainingUsefulLife => "rul",
        PredictionKind.FaultType => "fault_type",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown prediction kind"),
    };

    private static PredictionKind ParseKind(string name) => name switch
    {
        "anomaly" => PredictionKind.Anomaly,
        "failure_risk" => PredictionKind.FailureRisk,
        "rul" => PredictionKind.RemainingUsefulLife,
        _ => PredictionKind.FaultType,
    };

    private async Task<IReadOnlyList<Prediction>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var predictions = new List<Prediction>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            predictions.Add(new Prediction(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                ReadText(reader, 3),
                reader.GetString(4),
                reader.GetString(5),
                ParseKind(reader.GetString(6)),
                _dialect.ReadInstant(reader, 7),
                reader.IsDBNull(8) ? null : reader.GetDouble(8),
                ReadText(reader, 9),
                ReadText(reader, 10),
                _dialect.ReadInstant(reader, 11)));
        }

        return predictions;
    }

    private static void RequireText(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(name + " must not be blank", name);
        }
    }

    private static string? ReadText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void AddText(DbCommand command, string name, string? value) => StoreDialect.AddParameter(command, name, DbType.String, value);

    private static DateTimeOffset Truncate(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());
}

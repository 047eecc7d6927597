using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Models;
using Retrosense.Platform.Registry;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage.Models;

/// <summary>
/// <see cref="IModelRegistryStore"/> over either database (migration 0005). Versions are numbered inside a write
/// transaction (read the highest, insert the next), so concurrent registrations of one (scope, name) cannot collide;
/// the partial unique index <c>models_one_active_per_scope</c> keeps one promoted version per (scope, name).
/// </summary>
internal sealed class SqlModelRegistryStore : IModelRegistryStore
{
    /// <summary>artifact_ref of a package kept in the store (0003 made the column NOT NULL).</summary>
    private const string InStoreArtifact = "store";

    private const int MaxNameLength = 64;

    private const string Columns =
        "model_id, tenant_id, site_id, asset_id, name, version_number, kind, trained_at, registered_at, created_by, "
        + "metrics_json, metadata_json, artifact_ref, package_bytes, is_active, promoted_at";

    private const string ScopeFilter =
        "tenant_id = @tenant AND COALESCE(site_id, '') = @siteOrEmpty AND COALESCE(asset_id, '') = @assetOrEmpty AND name = @name";

    private readonly StoreDialect _dialect;
    private readonly TimeProvider _timeProvider;

    public SqlModelRegistryStore(StoreDialect dialect, TimeProvider timeProvider)
    {
        _dialect = dialect;
        _timeProvider = timeProvider;
    }

    public async Task<RegisteredModel> RegisterAsync(ModelRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        Validate(registration);
        var now = Truncate(_timeProvider.GetUtcNow());
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        int version;
        await using (var highest = CreateCommand(connection, transaction, "SELECT COALESCE(MAX(version_number), 0) FROM models WHERE " + ScopeFilter))
        {
            AddScope(highest, registration.Scope, registration.Name);
            version = Convert.ToInt32(await highest.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) + 1;
        }

        RegisteredModel registered;
        await using (var insert = CreateCommand(connection, transaction,
            "INSERT INTO models (tenant_id, site_id, asset_id, name, version, version_number, kind, trained_at, registered_at, created_by, "
            + "metrics_json, metadata_json, artifact_ref, package, package_bytes, is_active) VALUES (@tenant, @site, @asset, @name, @version, "
            + "@versionNumber, @kind, @trainedAt, @registeredAt, @createdBy, @metrics, @metadata, @artifact, @package, @packageBytes, @false) RETURNING " + Columns))
        {
            AddText(insert, "@tenant", registration.Scope.TenantId);
            AddText(insert, "@site", registration.Scope.SiteId);
            AddText(insert, "@asset", registration.Scope.AssetId);
            AddText(insert, "@name", registration.Name);
            AddText(insert, "@version", version.ToString(CultureInfo.InvariantCulture));
            StoreDialect.AddParameter(insert, "@versionNumber", DbType.Int32, version);
            AddText(insert, "@kind", registration.Kind);
            _dialect.AddInstant(insert, "@trainedAt", Truncate(registration.TrainedAtUtc));
            _dialect.AddInstant(insert, "@registeredAt", now);
            AddText(insert, "@createdBy", registration.CreatedBy);
            AddText(insert, "@metrics", registration.MetricsJson);
            AddText(insert, "@metadata", registration.MetadataJson);
            AddText(insert, "@artifact", registration.ArtifactPath ?? InStoreArtifact);
            StoreDialect.AddParameter(insert, "@package", DbType.Binary, registration.Package);
            StoreDialect.AddParameter(insert, "@packageBytes", DbType.Int64, (long)(registration.Package?.Length ?? 0));
            StoreDialect.AddParameter(insert, "@false", DbType.Boolean, false);
            registered = (await ReadSingleAsync(insert, cancellationToken).ConfigureAwait(false))!;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return registered;
    }

    public async Task<IReadOnlyList<RegisteredModel>> ListAsync(string tenantId, string? siteId = null, string? assetId = null, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT " + Columns + " FROM models WHERE tenant_id = @tenant");
        AddText(command, "@tenant", tenantId);
        StoreDialect.AppendOptionalTextFilter(sql, command, "site_id", "@site", siteId);
        StoreDialect.AppendOptionalTextFilter(sql, command, "asset_id", "@asset", assetId);
        StoreDialect.AppendOptionalTextFilter(sql, command, "name", "@name", name);

        sql.Append(" ORDER BY model_id DESC");
        command.CommandText = sql.ToString();
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RegisteredModel?> GetAsync(string tenantId, long modelId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, null, "SELECT " + Columns + " FROM models WHERE tenant_id = @tenant AND model_id = @id");
        AddText(command, "@tenant", tenantId);
        StoreDialect.AddParameter(command, "@id", DbType.Int64, modelId);
        return await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<byte[]?> GetPackageAsync(string tenantId, long modelId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, null, "SELECT package FROM models WHERE tenant_id = @tenant AND model_id = @id");
        AddText(command, "@tenant", tenantId);
        StoreDialect.AddParameter(command, "@id", DbType.Int64, modelId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.IsDBNull(0))
        {
            return null;
        }

        return (byte[])reader.GetValue(0);
    }

    public async Task<RegisteredModel> PromoteAsync(string tenantId, long modelId, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        RequireActor(by);
        var now = Truncate(_timeProvider.GetUtcNow());
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        var target = await FindAsync(connection, transaction, tenantId, modelId, cancellationToken).ConfigureAwait(false)
            ?? throw new RegistryNotFoundException($"tenant '{tenantId}' has no model {modelId.ToString(CultureInfo.InvariantCulture)}");
        if (target.IsPromoted)
        {
            return target;
        }

        var current = await FindActiveAsync(connection, transaction, target.Scope, target.Name, cancellationToken).ConfigureAwait(false);
        if (current is not null)
        {
            await SetActiveAsync(connection, transaction, current.ModelId, false, null, cancellationToken).ConfigureAwait(false);
        }

        var promoted = await SetActiveAsync(connection, transaction, target.ModelId, true, now, cancellationToken).ConfigureAwait(false);
        await InsertPromotionAsync(connection, transaction, target.Scope, target.Name, target.ModelId, current?.ModelId, "promote", now, by, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return promoted;
    }

    public async Task<RegisteredModel?> RollBackAsync(ModelScope scope, string name, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        scope.Validate();
        ArgumentNullException.ThrowIfNull(name);
        RequireActor(by);
        var now = Truncate(_timeProvider.GetUtcNow());
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        var current = await FindActiveAsync(connection, transaction, scope, name, cancellationToken).ConfigureAwait(false)
            ?? throw new RegistryNotFoundException($"no version of model '{name}' is promoted for {scope}: nothing to roll back");

        // The promotion that made the current version active says which one it replaced.
        long? replaced;
        await using (var find = CreateCommand(connection, transaction,
            "SELECT replaced_model_id FROM model_promotions WHERE " + ScopeFilter + " AND action = 'promote' AND model_id = @id "
            + "ORDER BY promotion_id DESC LIMIT 1"))
        {
            AddScope(find, scope, name);
            StoreDialect.AddParameter(find, "@id", DbType.Int64, current.ModelId);
            var value = await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            replaced = value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }

        await SetActiveAsync(connection, transaction, current.ModelId, false, null, cancellationToken).ConfigureAwait(false);
        RegisteredModel? restored = null;
        if (replaced is { } replacedId)
        {
            restored = await SetActiveAsync(connection, transaction, replacedId, true, now, cancellationToken).ConfigureAwait(false);
        }

        await InsertPromotionAsync(connection, transaction, scope, name, replaced, current.ModelId, "rollback", now, by, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return restored;
    }

    public async Task<RegisteredModel?> FindPromotedAsync(string tenantId, string siteId, string assetId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(siteId);
        ArgumentNullException.ThrowIfNull(assetId);
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, null,
            "SELECT " + Columns + " FROM models WHERE tenant_id = @tenant AND name = @name AND is_active = @true "
            + "AND ((site_id = @site AND asset_id = @asset) OR (site_id IS NULL AND asset_id IS NULL)) "
            + "ORDER BY CASE WHEN asset_id IS NULL THEN 1 ELSE 0 END LIMIT 1");
        AddText(command, "@tenant", tenantId);
        AddText(command, "@site", siteId);
        AddText(command, "@asset", assetId);
        AddText(command, "@name", name);
        StoreDialect.AddParameter(command, "@true", DbType.Boolean, true);
        return await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ModelPromotion>> ListPromotionsAsync(ModelScope scope, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, null,
            "SELECT promotion_id, model_id, replaced_model_id, action, promoted_at, promoted_by FROM model_promotions WHERE "
            + ScopeFilter + " ORDER BY promotion_id");
        AddScope(command, scope, name);
        var promotions = new List<ModelPromotion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            promotions.Add(new ModelPromotion(
                reader.GetInt64(0),
                scope,
                name,
                reader.IsDBNull(1) ? null : reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.GetString(3),
                _dialect.ReadInstant(reader, 4),
                reader.GetString(5)));
        }

        return promotions;
    }

    private static void Validate(ModelRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration.Scope);
        registration.Scope.Validate();
        RequireName("model name", registration.Name);
        RequireName("model kind", registration.Kind);
        RequireActor(registration.CreatedBy);
        if ((registration.Package is null) == (registration.ArtifactPath is null))
        {
            throw new ArgumentException("a model needs exactly one of: the package bytes, or the path of the package beside the store", nameof(registration));
        }

        if (registration.Package is { Length: 0 })
        {
            throw new ArgumentException("the model package is empty", nameof(registration));
        }

        RequireJsonObject("metadata", registration.MetadataJson);
        if (registration.MetricsJson is not null)
        {
            RequireJsonObject("metrics", registration.MetricsJson);
        }
    }

    private static void RequireName(string what, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxNameLength)
        {
            throw new ArgumentException($"{what} must be 1–{MaxNameLength} characters, got '{value}'", nameof(value));
        }
    }

    private static void RequireActor(string? by)
    {
        if (string.IsNullOrWhiteSpace(by) || by.Length > RegistryValidation.MaxNameLength)
        {
            throw new ArgumentException($"who acts on the registry must be given (1–{RegistryValidation.MaxNameLength} characters)", nameof(by));
        }
    }

    private static void RequireJsonObject(string what, string? json)
    {
        ArgumentNullException.ThrowIfNull(json, what);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"the model {what} must be a JSON object, got a {document.RootElement.ValueKind}", what);
            }
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"the model {what} is not valid JSON: {exception.Message}", what, exception);
        }
    }

    private async Task<RegisteredModel?> FindAsync(DbConnection connection, DbTransaction transaction, string tenantId, long modelId, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, transaction, "SELECT " + Columns + " FROM models WHERE tenant_id = @tenant AND model_id = @id");
        AddText(command, "@tenant", tenantId);
        StoreDialect.AddParameter(command, "@id", DbType.Int64, modelId);
        return await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RegisteredModel?> FindActiveAsync(DbConnection connection, DbTransaction transaction, ModelScope scope, string name, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, transaction, "SELECT " + Columns + " FROM models WHERE " + ScopeFilter + " AND is_active = @true");
        AddScope(command, scope, name);
        StoreDialect.AddParameter(command, "@true", DbType.Boolean, true);
        return await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RegisteredModel> SetActiveAsync(DbConnection connection, DbTransaction transaction, long modelId, bool active, DateTimeOffset? promotedAt, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, transaction,
            "UPDATE models SET is_active = @active, promoted_at = @promotedAt WHERE model_id = @id RETURNING " + Columns);
        StoreDialect.AddParameter(command, "@active", DbType.Boolean, active);
        _dialect.AddInstant(command, "@promotedAt", promotedAt);
        StoreDialect.AddParameter(command, "@id", DbType.Int64, modelId);
        return (await ReadSingleAsync(command, cancellationToken).ConfigureAwait(false))!;
    }

    private async Task InsertPromotionAsync(
        DbConnection connection, DbTransaction transaction, ModelScope scope, string name, long? modelId, long? replacedModelId, string action, DateTimeOffset at, string by, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, transaction,
            "INSERT INTO model_promotions (tenant_id, site_id, asset_id, name, model_id, replaced_model_id, action, promoted_at, promoted_by) "
            + "VALUES (@tenant, @site, @asset, @name, @model, @replaced, @action, @at, @by)");
        AddText(command, "@tenant", scope.TenantId);
        AddText(command, "@site", scope.SiteId);
        AddText(command, "@asset", scope.AssetId);
        AddText(command, "@name", name);
        StoreDialect.AddParameter(command, "@model", DbType.Int64, modelId);
        StoreDialect.AddParameter(command, "@replaced", DbType.Int64, replacedModelId);
        AddText(command, "@action", action);
        _dialect.AddInstant(command, "@at", at);
        AddText(command, "@by", by);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<RegisteredModel?> ReadSingleAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadModel(reader) : null;
    }

    private async Task<IReadOnlyList<RegisteredModel>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var models = new List<RegisteredModel>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            models.Add(ReadModel(reader));
        }

        return models;
    }

    private RegisteredModel ReadModel(DbDataReader reader)
    {
        var artifact = reader.GetString(12);
        return new RegisteredModel(
            reader.GetInt64(0),
            new ModelScope(reader.GetString(1), ReadText(reader, 2), ReadText(reader, 3)),
            reader.GetString(4),
            Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
            reader.GetString(6),
            _dialect.ReadInstant(reader, 7),
            _dialect.ReadInstant(reader, 8),
            reader.GetString(9),
            ReadText(reader, 10),
            reader.GetString(11),
            string.Equals(artifact, InStoreArtifact, StringComparison.Ordinal) ? null : artifact,
            Convert.ToInt64(reader.GetValue(13), CultureInfo.InvariantCulture),
            Convert.ToBoolean(reader.GetValue(14), CultureInfo.InvariantCulture),
            _dialect.ReadNullableInstant(reader, 15));
    }

    private static void AddScope(DbCommand command, ModelScope scope, string name)
    {
        AddText(command, "@tenant", scope.TenantId);
        AddText(command, "@siteOrEmpty", scope.SiteId ?? string.Empty);
        AddText(command, "@assetOrEmpty", scope.AssetId ?? string.Empty);
        AddText(command, "@name", name);
    }

    private static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static string? ReadText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void AddText(DbCommand command, string name, string? value) => StoreDialect.AddParameter(command, name, DbType.String, value);

    private static DateTimeOffset Truncate(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());
}

using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Contracts;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Registry;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage.Registry;

/// <summary>
/// <see cref="IRegistryStore"/> over either database: the SQL is shared, the <see cref="StoreDialect"/> supplies
/// connections, time encoding and error recognition. Each call uses its own pooled connection; writes that check
/// before they insert run in one write transaction, and the unique indexes back the checks up against races.
/// </summary>
internal sealed class SqlRegistryStore : IRegistryStore
{
    private const string NodeColumns =
        "tenant_id, site_id, asset_id, node_id, board, certificate_thumbprint_sha256, certificate_serial_number, "
        + "config_version, provisioned_at, revoked_at, revocation_reason, firmware_version_last_seen, last_seen_at";

    /// <summary>
    /// The per-message authorization query; answered from the partial unique index
    /// <c>nodes_active_by_node (tenant_id, node_id) WHERE revoked_at IS NULL</c> (a test checks the plan).
    /// </summary>
    internal const string IsNodeAuthorizedSql =
        "SELECT 1 FROM nodes WHERE tenant_id = @tenant AND node_id = @node AND revoked_at IS NULL AND site_id = @site AND asset_id = @asset";

    private const string AssetColumns = "tenant_id, site_id, asset_id, name, machine_group, foundation, shaft_speed_rpm";

    private readonly StoreDialect _dialect;
    private readonly TimeProvider _timeProvider;

    public SqlRegistryStore(StoreDialect dialect, TimeProvider timeProvider)
    {
        _dialect = dialect;
        _timeProvider = timeProvider;
    }

    public async Task<Tenant> EnsureTenantAsync(string tenantId, string displayName, CancellationToken cancellationToken = default)
    {
        var tenant = new Tenant(tenantId, displayName, Now());
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO tenants (tenant_id, display_name, created_at) VALUES (@tenant, @displayName, @createdAt) "
            + "ON CONFLICT (tenant_id) DO UPDATE SET display_name = excluded.display_name "
            + "RETURNING tenant_id, display_name, created_at";
        AddText(command, "@tenant", tenant.TenantId);
        AddText(command, "@displayName", tenant.DisplayName);
        _dialect.AddInstant(command, "@createdAt", tenant.CreatedAtUtc);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return ReadTenant(reader);
    }

    public async Task<Tenant?> GetTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        RegistryValidation.RequireId("tenant", tenantId);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tenant_id, display_name, created_at FROM tenants WHERE tenant_id = @tenant";
        AddText(command, "@tenant", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadTenant(reader) : null;
    }

    public async Task<Site> UpsertSiteAsync(Site site, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(site);
        var now = Now();
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        await RequireTenantAsync(connection, transaction, site.TenantId, cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText =
                "INSERT INTO sites (tenant_id, site_id, name, time_zone, created_at, updated_at) "
                + "VALUES (@tenant, @site, @name, @timeZone, @now, @now) "
                + "ON CONFLICT (tenant_id, site_id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone, updated_at = excluded.updated_at";
            AddText(command, "@tenant", site.TenantId);
            AddText(command, "@site", site.SiteId);
            AddText(command, "@name", site.Name);
            AddText(command, "@timeZone", site.TimeZoneId);
            _dialect.AddInstant(command, "@now", now);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return site;
    }

    public async Task<Site?> GetSiteAsync(string tenantId, string siteId, CancellationToken cancellationToken = default)
    {
        RegistryValidation.RequireId("tenant", tenantId);
        RegistryValidation.RequireId("site", siteId);
        var sites = await QuerySitesAsync("tenant_id = @tenant AND site_id = @site", tenantId, siteId, cancellationToken).ConfigureAwait(false);
        return sites.Count == 0 ? null : sites[0];
    }

    public Task<IReadOnlyList<Site>> ListSitesAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        RegistryValidation.RequireId("tenant", tenantId);
        return QuerySitesAsync("tenant_id = @tenant", tenantId, null, cancellationToken);
    }

    public async Task<Asset> UpsertAssetAsync(Asset asset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var now = Now();
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        await RequireSiteAsync(connection, transaction, asset.TenantId, asset.SiteId, cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText =
                "INSERT INTO assets (tenant_id, site_id, asset_id, name, machine_group, foundation, shaft_speed_rpm, created_at, updated_at) "
                + "VALUES (@tenant, @site, @asset, @name, @machineGroup, @foundation, @rpm, @now, @now) "
                + "ON CONFLICT (tenant_id, site_id, asset_id) DO UPDATE SET name = excluded.name, machine_group = excluded.machine_group, "
                + "foundation = excluded.foundation, shaft_speed_rpm = excluded.shaft_speed_rpm, updated_at = excluded.updated_at";
            AddText(command, "@tenant", asset.TenantId);
            AddText(command, "@site", asset.SiteId);
            AddText(command, "@asset", asset.AssetId);
            AddText(command, "@name", asset.Name);
            StoreDialect.AddParameter(command, "@machineGroup", DbType.Int32, (int)asset.MachineGroup);
            AddText(command, "@foundation", RegistryNames.FoundationName(asset.Foundation));
            StoreDialect.AddParameter(command, "@rpm", DbType.Single, asset.ShaftSpeedRpm);
            _dialect.AddInstant(command, "@now", now);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return asset;
    }

    public async Task<Asset?> GetAssetAsync(string tenantId, string siteId, string assetId, CancellationToken cancellationToken = default)
    {
        RegistryValidation.RequireId("tenant", tenantId);
        RegistryValidation.RequireId("site", siteId);
        RegistryValidation.RequireId("asset", assetId);
        var assets = await QueryAssetsAsync(tenantId, siteId, assetId, cancellationToken).ConfigureAwait(false);
        return assets.Count == 0 ? null : assets[0];
    }

    public Task<IReadOnlyList<Asset>> ListAssetsAsync(string tenantId, string? siteId = null, CancellationToken cancellationToken = default)
    {
        RegistryValidation.RequireId("tenant", tenantId);
        if (siteId != null)
        {
            RegistryValidation.RequireId("site", siteId);
        }

        return QueryAssetsAsync(tenantId, siteId, null, cancellationToken);
    }

    public async Task<RegisteredNode> AddNodeAsync(NodeRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var now = Now();
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        await RequireAssetAsync(connection, transaction, registration.TenantId, registration.SiteId, registration.AssetId, cancellationToken).ConfigureAwait(false);

        var existing = await QuerySingleNodeAsync(
            connection, transaction, "tenant_id = @tenant AND node_id = @node AND revoked_at IS NULL",
            command => { AddText(command, "@tenant", registration.TenantId); AddText(command, "@node", registration.NodeId); },
            cancellationToken).ConfigureAwait(false);
        if (existing != null)
        {
            throw new RegistryConflictException(
                $"node '{existing.NodeId}' is already provisioned in tenant '{existing.TenantId}' (site '{existing.SiteId}', asset '{existing.AssetId}', "
                + $"since {FormatInstant(existing.ProvisionedAtUtc)}); revoke it before provisioning the id again");
        }

        var certificateHolder = await QuerySingleNodeAsync(
            connection, transaction, "certificate_thumbprint_sha256 = @thumbprint AND revoked_at IS NULL",
            command => AddText(command, "@thumbprint", registration.CertificateThumbprintSha256),
            cancellationToken).ConfigureAwait(false);
        if (certificateHolder != null)
        {
            throw new RegistryConflictException(
                $"certificate {registration.CertificateThumbprintSha256} is already registered to node '{certificateHolder.NodeId}' "
                + $"of tenant '{certificateHolder.TenantId}'; every node needs its own certificate");
        }

        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText =
                "INSERT INTO nodes (tenant_id, site_id, asset_id, node_id, board, certificate_thumbprint_sha256, certificate_serial_number, config_version, provisioned_at) "
                + "VALUES (@tenant, @site, @asset, @node, @board, @thumbprint, @serial, @configVersion, @now)";
            AddText(command, "@tenant", registration.TenantId);
            AddText(command, "@site", registration.SiteId);
            AddText(command, "@asset", registration.AssetId);
            AddText(command, "@node", registration.NodeId);
            AddText(command, "@board", RegistryNames.BoardName(registration.Board));
            AddText(command, "@thumbprint", registration.CertificateThumbprintSha256);
            AddText(command, "@serial", registration.CertificateSerialNumber);
            StoreDialect.AddParameter(command, "@configVersion", DbType.Int32, registration.ConfigVersion);
            _dialect.AddInstant(command, "@now", now);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException exception) when (_dialect.IsUniqueViolation(exception))
            {
                // Only reachable when another writer registered the same node or certificate between our check and insert.
                throw new RegistryConflictException(
                    $"node '{registration.NodeId}' or its certificate was registered in tenant '{registration.TenantId}' at the same moment by another writer", exception);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RegisteredNode(registration, NodeStatus.Provisioned, now, null, null, null, null);
    }

    public async Task<RegisteredNode?> GetNodeAsync(string tenantId, string nodeId, CancellationToken cancellationToken = default)
    {
        RegistryValidation.RequireId("tenant", tenantId);
        RegistryValidation.RequireId("node", nodeId);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await CurrentNodeAsync(connection, null, tenantId, nodeId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RegisteredNode?> FindActiveNodeByCertificateAsync(string certificateThumbprintSha256, CancellationToken cancellationToken = default)
    {
        var thumbprint = RegistryValidation.RequireSha256Thumbprint(certificateThumbprintSha256);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await QuerySingleNodeAsync(
            connection, null, "certificate_thumbprint_sha256 = @thumbprint AND revoked_at IS NULL",
            command => AddText(command, "@thumbprint", thumbprint),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RegisteredNode>> ListNodesAsync(string tenantId, string? siteId = null, string? assetId = null, CancellationToken cancellationToken = default)
    {
        RegistryValidation.RequireId("tenant", tenantId);
        var sql = new StringBuilder("SELECT ").Append(NodeColumns).Append(" FROM nodes WHERE tenant_id = @tenant");
        if (siteId != null)
        {
            RegistryValidation.RequireId("site", siteId);
            sql.Append(" AND site_id = @site");
        }

        if (assetId != null)
        {
            RegistryValidation.RequireId("asset", assetId);
            sql.Append(" AND asset_id = @asset");
        }

        sql.Append(" ORDER BY node_id, provisioned_at, node_key");
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql.ToString();
        AddText(command, "@tenant", tenantId);
        if (siteId != null)
        {
            AddText(command, "@site", siteId);
        }

        if (assetId != null)
        {
            AddText(command, "@asset", assetId);
        }

        var nodes = new List<RegisteredNode>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            nodes.Add(ReadNode(reader));
        }

        return nodes;
    }

    public async Task<RegisteredNode> RevokeNodeAsync(string tenantId, string nodeId, string reason, CancellationToken cancellationToken = default)
    {
        RegistryValidation.RequireId("tenant", tenantId);
        RegistryValidation.RequireId("node", nodeId);
        var revocationReason = RegistryValidation.RequireText("revocation reason", reason, RegistryValidation.MaxReasonLength);
        var now = Now();
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        RegisteredNode? revoked = null;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText =
                "UPDATE nodes SET revoked_at = @now, revocation_reason = @reason "
                + "WHERE tenant_id = @tenant AND node_id = @node AND revoked_at IS NULL RETURNING " + NodeColumns;
            _dialect.AddInstant(command, "@now", now);
            AddText(command, "@reason", revocationReason);
            AddText(command, "@tenant", tenantId);
            AddText(command, "@node", nodeId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                revoked = ReadNode(reader);
            }
        }

        if (revoked == null)
        {
            var current = await CurrentNodeAsync(connection, transaction, tenantId, nodeId, cancellationToken).ConfigureAwait(false);
            throw new RegistryNotFoundException(current == null
                ? $"node '{nodeId}' is not registered in tenant '{tenantId}'"
                : $"node '{nodeId}' of tenant '{tenantId}' is already revoked (since {FormatInstant(current.RevokedAtUtc!.Value)}: {current.RevocationReason})");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return revoked;
    }

    public async Task RecordFirmwareSeenAsync(string tenantId, string nodeId, string firmwareVersion, CancellationToken cancellationToken = default)
    {
        RegistryValidation.RequireId("tenant", tenantId);
        RegistryValidation.RequireId("node", nodeId);
        var version = RegistryValidation.RequireText("firmware version", firmwareVersion, RegistryValidation.MaxFirmwareVersionLength);
        await UpdateActiveNodeAsync(
            tenantId, nodeId, "firmware_version_last_seen = @firmware, last_seen_at = @now",
            command => { AddText(command, "@firmware", version); _dialect.AddInstant(command, "@now", Now()); },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordConfigVersionAsync(string tenantId, string nodeId, int configVersion, CancellationToken cancellationToken = default)
    {
        RegistryValidation.RequireId("tenant", tenantId);
        RegistryValidation.RequireId("node", nodeId);
        RegistryValidation.RequireConfigVersion(configVersion);
        await UpdateActiveNodeAsync(
            tenantId, nodeId, "config_version = @configVersion",
            command => StoreDialect.AddParameter(command, "@configVersion", DbType.Int32, configVersion),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<Installation> RecordInstallationAsync(InstallationDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var now = Now();
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        long nodeKey;
        DateTimeOffset provisionedAt;
        await using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = "SELECT node_key, provisioned_at FROM nodes WHERE tenant_id = @tenant AND node_id = @node AND revoked_at IS NULL";
            AddText(find, "@tenant", details.TenantId);
            AddText(find, "@node", details.NodeId);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new RegistryNotFoundException($"node '{details.NodeId}' has no active registration in tenant '{details.TenantId}'; provision it before recording its installation");
            }

            nodeKey = reader.GetInt64(0);
            provisionedAt = _dialect.ReadInstant(reader, 1);
        }

        long installationId;
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText =
                "INSERT INTO installations (node_key, mounting_point, axis_orientation, installer, installed_on, notes, recorded_at) "
                + "VALUES (@nodeKey, @mountingPoint, @axisOrientation, @installer, @installedOn, @notes, @now) RETURNING installation_id";
            StoreDialect.AddParameter(insert, "@nodeKey", DbType.Int64, nodeKey);
            AddText(insert, "@mountingPoint", RegistryNames.MountingPointName(details.MountingPoint));
            AddText(insert, "@axisOrientation", details.AxisOrientation);
            AddText(insert, "@installer", details.Installer);
            _dialect.AddDate(insert, "@installedOn", details.InstalledOn);
            AddText(insert, "@notes", details.Notes);
            _dialect.AddInstant(insert, "@now", now);
            installationId = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new Installation(installationId, details, provisionedAt, now);
    }

    public async Task<IReadOnlyList<Installation>> ListInstallationsAsync(string tenantId, string nodeId, CancellationToken cancellationToken = default)
    {
        RegistryValidation.RequireId("tenant", tenantId);
        RegistryValidation.RequireId("node", nodeId);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT i.installation_id, n.tenant_id, n.node_id, i.mounting_point, i.axis_orientation, i.installer, i.installed_on, i.notes, "
            + "n.provisioned_at, i.recorded_at FROM installations i JOIN nodes n ON n.node_key = i.node_key "
            + "WHERE n.tenant_id = @tenant AND n.node_id = @node ORDER BY i.recorded_at, i.installation_id";
        AddText(command, "@tenant", tenantId);
        AddText(command, "@node", nodeId);
        var installations = new List<Installation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var details = new InstallationDetails(
                reader.GetString(1),
                reader.GetString(2),
                RegistryNames.ParseMountingPoint(reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                _dialect.ReadDate(reader, 6),
                reader.IsDBNull(7) ? null : reader.GetString(7));
            installations.Add(new Installation(reader.GetInt64(0), details, _dialect.ReadInstant(reader, 8), _dialect.ReadInstant(reader, 9)));
        }

        return installations;
    }

    public async Task<bool> IsNodeAuthorizedAsync(string tenantId, string siteId, string assetId, string nodeId, CancellationToken cancellationToken = default)
    {
        if (!TopicPath.IsValidSegment(tenantId) || !TopicPath.IsValidSegment(siteId) || !TopicPath.IsValidSegment(assetId) || !TopicPath.IsValidSegment(nodeId))
        {
            return false;
        }

        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        command.CommandText = IsNodeAuthorizedSql;
        AddText(command, "@tenant", tenantId);
        AddText(command, "@node", nodeId);
        AddText(command, "@site", siteId);
        AddText(command, "@asset", assetId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null and not DBNull;
    }

    private static void AddText(DbCommand command, string name, string? value) =>
        StoreDialect.AddParameter(command, name, DbType.String, value);

    private static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private Tenant ReadTenant(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), _dialect.ReadInstant(reader, 2));

    /// <summary>Reads the <see cref="NodeColumns"/> of the current row.</summary>
    private RegisteredNode ReadNode(DbDataReader reader)
    {
        var registration = new NodeRegistration(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            RegistryNames.ParseBoard(reader.GetString(4)),
            reader.GetString(5),
            reader.GetString(6),
            reader.GetInt32(7));
        var revokedAt = _dialect.ReadNullableInstant(reader, 9);
        return new RegisteredNode(
            registration,
            revokedAt is null ? NodeStatus.Provisioned : NodeStatus.Revoked,
            _dialect.ReadInstant(reader, 8),
            revokedAt,
            reader.IsDBNull(10) ? null : reader.GetString(10),
            reader.IsDBNull(11) ? null : reader.GetString(11),
            _dialect.ReadNullableInstant(reader, 12));
    }

    private async Task<RegisteredNode?> QuerySingleNodeAsync(
        DbConnection connection, DbTransaction? transaction, string where, Action<DbCommand> bind, CancellationToken cancellationToken, string orderBy = "")
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT " + NodeColumns + " FROM nodes WHERE " + where + orderBy + " LIMIT 1";
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadNode(reader) : null;
    }

    /// <summary>The active registration of the node id, else its most recently provisioned revoked one.</summary>
    private Task<RegisteredNode?> CurrentNodeAsync(DbConnection connection, DbTransaction? transaction, string tenantId, string nodeId, CancellationToken cancellationToken) =>
        QuerySingleNodeAsync(
            connection, transaction, "tenant_id = @tenant AND node_id = @node",
            command => { AddText(command, "@tenant", tenantId); AddText(command, "@node", nodeId); },
            cancellationToken,
            " ORDER BY (revoked_at IS NULL) DESC, provisioned_at DESC, node_key DESC");

    private async Task UpdateActiveNodeAsync(string tenantId, string nodeId, string assignments, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE nodes SET " + assignments + " WHERE tenant_id = @tenant AND node_id = @node AND revoked_at IS NULL";
        AddText(command, "@tenant", tenantId);
        AddText(command, "@node", nodeId);
        bind(command);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new RegistryNotFoundException($"node '{nodeId}' has no active registration in tenant '{tenantId}'");
        }
    }

    private async Task<IReadOnlyList<Site>> QuerySitesAsync(string where, string tenantId, string? siteId, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tenant_id, site_id, name, time_zone FROM sites WHERE " + where + " ORDER BY site_id";
        AddText(command, "@tenant", tenantId);
        if (siteId != null)
        {
            AddText(command, "@site", siteId);
        }

        var sites = new List<Site>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sites.Add(new Site(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return sites;
    }

    private async Task<IReadOnlyList<Asset>> QueryAssetsAsync(string tenantId, string? siteId, string? assetId, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT ").Append(AssetColumns).Append(" FROM assets WHERE tenant_id = @tenant");
        if (siteId != null)
        {
            sql.Append(" AND site_id = @site");
        }

        if (assetId != null)
        {
            sql.Append(" AND asset_id = @asset");
        }

        sql.Append(" ORDER BY site_id, asset_id");
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql.ToString();
        AddText(command, "@tenant", tenantId);
        if (siteId != null)
        {
            AddText(command, "@site", siteId);
        }

        if (assetId != null)
        {
            AddText(command, "@asset", assetId);
        }

        var assets = new List<Asset>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            assets.Add(new Asset(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                (MachineGroup)reader.GetInt32(4),
                RegistryNames.ParseFoundation(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetFloat(6)));
        }

        return assets;
    }

    private async Task RequireTenantAsync(DbConnection connection, DbTransaction transaction, string tenantId, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, transaction, "SELECT 1 FROM tenants WHERE tenant_id = @tenant", tenantId, null, null, cancellationToken).ConfigureAwait(false))
        {
            throw new RegistryNotFoundException($"tenant '{tenantId}' is not registered");
        }
    }

    private async Task RequireSiteAsync(DbConnection connection, DbTransaction transaction, string tenantId, string siteId, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, transaction, "SELECT 1 FROM sites WHERE tenant_id = @tenant AND site_id = @site", tenantId, siteId, null, cancellationToken).ConfigureAwait(false))
        {
            throw new RegistryNotFoundException($"site '{siteId}' is not registered in tenant '{tenantId}'");
        }
    }

    private async Task RequireAssetAsync(DbConnection connection, DbTransaction transaction, string tenantId, string siteId, string assetId, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, transaction, "SELECT 1 FROM assets WHERE tenant_id = @tenant AND site_id = @site AND asset_id = @asset", tenantId, siteId, assetId, cancellationToken).ConfigureAwait(false))
        {
            throw new RegistryNotFoundException($"asset '{assetId}' is not registered at site '{siteId}' of tenant '{tenantId}'");
        }
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction transaction, string sql, string tenantId, string? siteId, string? assetId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        AddText(command, "@tenant", tenantId);
        if (siteId != null)
        {
            AddText(command, "@site", siteId);
        }

        if (assetId != null)
        {
            AddText(command, "@asset", assetId);
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null and not DBNull;
    }

    /// <summary>The store's clock, to whole milliseconds: SQLite keeps milliseconds, so both stores return the same instant.</summary>
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(_timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
}

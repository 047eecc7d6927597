using System;
using System.Buffers.Text;
using System.Data;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Credentials;
using Retrosense.Platform.Registry;
using Retrosense.Storage.Sql;

namespace Retrosense.Storage.Credentials;

/// <summary>
/// <see cref="INodeCredentialStore"/> over either database: the secret is 32 random bytes (base64url, 43 characters),
/// only its SHA-256 is stored, and it belongs to the node's active registration (<c>nodes.node_key</c>), so revoking
/// the node retires the password and a re-provisioned node id needs a new one.
/// </summary>
internal sealed class SqlNodeCredentialStore : INodeCredentialStore
{
    /// <summary>256 bits, the strength INodeCredentialStore's doc relies on to skip key stretching.</summary>
    private const int SecretBytes = 32;

    /// <summary>Far above any password this store issues; longer input is refused before hashing.</summary>
    private const int MaxPasswordCharacters = 512;

    private readonly StoreDialect _dialect;
    private readonly TimeProvider _timeProvider;

    public SqlNodeCredentialStore(StoreDialect dialect, TimeProvider timeProvider)
    {
        _dialect = dialect;
        _timeProvider = timeProvider;
    }

    public async Task<string> IssuePasswordAsync(string tenantId, string nodeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(nodeId);
        var password = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;

        // INSERT … SELECT from the active registration: no row inserted means the node has none.
        command.CommandText =
            "INSERT INTO node_credentials (node_key, tenant_id, node_id, secret_sha256, issued_at) "
            + "SELECT node_key, tenant_id, node_id, @hash, @issuedAt FROM nodes WHERE tenant_id = @tenant AND node_id = @node AND revoked_at IS NULL "
            + "ON CONFLICT (node_key) DO UPDATE SET secret_sha256 = excluded.secret_sha256, issued_at = excluded.issued_at";
        StoreDialect.AddParameter(command, "@tenant", DbType.String, tenantId);
        StoreDialect.AddParameter(command, "@node", DbType.String, nodeId);
        StoreDialect.AddParameter(command, "@hash", DbType.Binary, Hash(password));
        _dialect.AddInstant(command, "@issuedAt", DateTimeOffset.FromUnixTimeMilliseconds(_timeProvider.GetUtcNow().ToUnixTimeMilliseconds()));
        var written = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (written == 0)
        {
            throw new RegistryNotFoundException($"node '{nodeId}' of tenant '{tenantId}' has no active registration (not provisioned, or revoked)");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return password;
    }

    public async Task<bool> VerifyPasswordAsync(string tenantId, string nodeId, string password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(nodeId) || string.IsNullOrEmpty(password) || password.Length > MaxPasswordCharacters)
        {
            return false;
        }

        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT c.secret_sha256 FROM node_credentials c JOIN nodes n ON n.node_key = c.node_key "
            + "WHERE n.tenant_id = @tenant AND n.node_id = @node AND n.revoked_at IS NULL";
        StoreDialect.AddParameter(command, "@tenant", DbType.String, tenantId);
        StoreDialect.AddParameter(command, "@node", DbType.String, nodeId);
        var stored = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];

        // Hash even when there is no credential, so the answer takes about as long either way.
        var offered = Hash(password);
        return stored is not null && CryptographicOperations.FixedTimeEquals(offered, stored);
    }

    private static byte[] Hash(string password)
    {
        // A lone surrogate cannot be encoded; replacing it still cannot match a base64url secret.
        var bytes = Encoding.UTF8.GetBytes(password);
        return SHA256.HashData(bytes);
    }
}

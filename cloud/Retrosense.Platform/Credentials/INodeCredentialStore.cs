using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Registry;

namespace Retrosense.Platform.Credentials;

/// <summary>
/// Per-node MQTT passwords, the alternative to client certificates (username <c>{tenant}:{node}</c>, like the
/// certificate's CN). The store issues the secret itself (256 random bits, base64url) and keeps only its SHA-256:
/// a machine-generated secret of that strength needs no slow password hash, and a broker verifying 1,000 nodes
/// reconnecting at once must not spend seconds of CPU on key stretching.
/// </summary>
public interface INodeCredentialStore
{
    /// <summary>
    /// Issues a new password for the node's active registration, replacing any earlier one, and returns it (the only
    /// time it is visible). Throws <see cref="RegistryNotFoundException"/> when the node has no active registration.
    /// </summary>
    Task<string> IssuePasswordAsync(string tenantId, string nodeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// True when the node has an active registration and <paramref name="password"/> is its current password
    /// (compared in fixed time). Never throws for malformed input.
    /// </summary>
    Task<bool> VerifyPasswordAsync(string tenantId, string nodeId, string password, CancellationToken cancellationToken = default);
}

using System;

namespace Retrosense.Platform.Registry;

/// <summary>
/// The operation would break a registry rule: a node id already active in the tenant, or a certificate already
/// registered to another non-revoked node.
/// </summary>
public sealed class RegistryConflictException : RegistryException
{
    public RegistryConflictException(string message)
        : base(message)
    {
    }

    public RegistryConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

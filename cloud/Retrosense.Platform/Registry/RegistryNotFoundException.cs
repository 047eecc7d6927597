using System;

namespace Retrosense.Platform.Registry;

/// <summary>The tenant, site, asset or node an operation names is not registered.</summary>
public sealed class RegistryNotFoundException : RegistryException
{
    public RegistryNotFoundException(string message)
        : base(message)
    {
    }

    public RegistryNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

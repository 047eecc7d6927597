using System;

namespace Retrosense.Platform.Provisioning;

/// <summary>Provisioning cannot go ahead because of what was asked (a node already active, a missing Wi-Fi SSID); nothing was changed.</summary>
public sealed class NodeProvisioningException : Exception
{
    public NodeProvisioningException(string message)
        : base(message)
    {
    }

    public NodeProvisioningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NodeProvisioningException()
    {
    }
}

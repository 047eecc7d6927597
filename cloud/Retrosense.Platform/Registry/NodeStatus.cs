namespace Retrosense.Platform.Registry;

/// <summary>Whether the cloud accepts a node's messages.</summary>
public enum NodeStatus
{
    /// <summary>Registered by provisioning; its messages are accepted ("provisioned").</summary>
    Provisioned = 1,

    /// <summary>Revoked; refused from the moment of revocation on ("revoked").</summary>
    Revoked = 2,
}

using System;

namespace Retrosense.Platform.Ingestion;

/// <summary>
/// The authenticated identity a message came from (MQTT username or certificate CN <c>{tenant}:{node}</c>). A node may
/// publish only on its own topics: the topic's tenant and node must be these.
/// </summary>
public sealed record IngestionPipelineSender(string TenantId, string NodeId)
{
    /// <summary>Parses <c>{tenant}:{node}</c> (the provisioning name; <c>:</c> is outside the id alphabet, so the split is unique).</summary>
    public static bool TryParse(string? name, out IngestionPipelineSender? sender)
    {
        sender = null;
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon != name.LastIndexOf(':'))
        {
            return false;
        }

        var tenant = name[..colon];
        var node = name[(colon + 1)..];
        if (!Contracts.TopicPath.IsValidSegment(tenant) || !Contracts.TopicPath.IsValidSegment(node))
        {
            return false;
        }

        sender = new IngestionPipelineSender(tenant, node);
        return true;
    }

    public override string ToString() => TenantId + ":" + NodeId;
}

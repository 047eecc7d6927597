using Retrosense.Platform.Ingestion;

namespace Retrosense.Storage.Ingestion;

/// <summary>The dedupe key of <c>node_messages</c>: (tenant, node, boot, seq).</summary>
internal readonly record struct MessageKey(string TenantId, string NodeId, long Boot, long Seq)
{
    public static MessageKey Of(DecodedNodeMessage message) => new(message.Topic.Tenant, message.Topic.Node, message.Message.Boot, message.Message.Seq);
}

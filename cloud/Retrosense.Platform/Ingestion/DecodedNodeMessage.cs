using Retrosense.Contracts;
using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Platform.Ingestion;

/// <summary>A node message that passed every check of <see cref="NodeMessageDecoder"/>.</summary>
/// <param name="Topic">The parsed topic: tenant, site, asset, node and kind.</param>
/// <param name="Message">The typed message: <see cref="BirthWire"/>, <see cref="DeathWire"/>, <see cref="TelemetryWire"/>,
/// <see cref="AlarmWire"/>, <see cref="StatusWire"/> or <see cref="ConfigAckWire"/>, matching <see cref="TopicPath.Kind"/>.</param>
public sealed record DecodedNodeMessage(TopicPath Topic, NodeMessageWire Message)
{
    /// <summary>The message kind (equal in topic and payload).</summary>
    public string Kind => Topic.Kind;

    /// <summary>(node, boot, seq), for deduplication.</summary>
    public NodeMessageDedupeKey DedupeKey => new(Message.Node, Message.Boot, Message.Seq);
}

using System;
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

    /// <summary>
    /// The payload exactly as received (valid UTF-8 JSON), set by <see cref="NodeMessageDecoder"/>, so the store keeps
    /// the node's own bytes instead of re-serializing <see cref="Message"/>. Empty for a message built in code; the
    /// store then serializes <see cref="Message"/>.
    /// </summary>
    public ReadOnlyMemory<byte> PayloadUtf8 { get; init; }
}

using System;

namespace Retrosense.Platform.Ingestion;

/// <summary>
/// A rejected message as kept for operators: topic, reason, receive time, at most <see cref="MaxStoredPayloadBytes"/>
/// bytes of the payload and its size as received (<see cref="OriginalSizeBytes"/>). <see cref="TenantId"/> comes from
/// the topic when it parses, else null.
/// </summary>
public sealed record QuarantinedMessage(
    long QuarantineId,
    string? TenantId,
    string Topic,
    byte[] Payload,
    int OriginalSizeBytes,
    string ReasonCode,
    string ReasonMessage,
    DateTimeOffset ReceivedAtUtc)
{
    /// <summary>Same bound as <see cref="NodeMessageDecoder.MaxPayloadBytes"/>: enough to see what a valid message would be.</summary>
    public const int MaxStoredPayloadBytes = NodeMessageDecoder.MaxPayloadBytes;

    /// <summary>True when the stored payload is shorter than what was received.</summary>
    public bool IsTruncated => Payload.Length < OriginalSizeBytes;
}

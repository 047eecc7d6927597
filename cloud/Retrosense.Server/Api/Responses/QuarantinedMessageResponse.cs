using System;

namespace Retrosense.Server.Api.Responses;

/// <summary>A rejected message as kept for operators.</summary>
/// <param name="ReasonCode">Stable machine code (<c>malformed_json</c>, <c>out_of_range</c> …).</param>
/// <param name="ReasonMessage">Which field, what is wrong, what was expected.</param>
/// <param name="PayloadBase64">The stored bytes exactly (they may not be UTF-8).</param>
/// <param name="PayloadText">The stored bytes as UTF-8 text, invalid sequences replaced by U+FFFD, for reading.</param>
/// <param name="OriginalSizeBytes">Size as received; larger than the stored bytes when <paramref name="IsTruncated"/>.</param>
public sealed record QuarantinedMessageResponse(
    long QuarantineId,
    string Topic,
    string ReasonCode,
    string ReasonMessage,
    DateTime ReceivedAtUtc,
    int OriginalSizeBytes,
    bool IsTruncated,
    string PayloadBase64,
    string PayloadText);

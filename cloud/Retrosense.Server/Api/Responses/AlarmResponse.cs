using System;

namespace Retrosense.Server.Api.Responses;

/// <summary>An alarm and where it is in its life.</summary>
/// <param name="Origin"><c>node</c> (the node raised it) or <c>cloud</c> (offline, death, zone change seen in telemetry).</param>
/// <param name="ConditionKey">The condition, e.g. <c>node-offline</c>, <c>zone</c>, <c>limit:vel_rms_mm_s:x</c>.</param>
/// <param name="Severity"><c>warning</c> or <c>alarm</c>.</param>
/// <param name="IsActive">True until the condition clears.</param>
/// <param name="AcknowledgedBy">Who acknowledged it last; null until someone did.</param>
/// <param name="AcknowledgementNote">Why / what was done, as they wrote it.</param>
public sealed record AlarmResponse(
    long AlarmId,
    string TenantId,
    string SiteId,
    string AssetId,
    string? NodeId,
    string Origin,
    string ConditionKey,
    string Severity,
    string Message,
    double? Value,
    double? Threshold,
    DateTime RaisedAtUtc,
    bool IsActive,
    DateTime? ClearedAtUtc,
    string? ClearReason,
    DateTime? AcknowledgedAtUtc,
    string? AcknowledgedBy,
    string? AcknowledgementNote);

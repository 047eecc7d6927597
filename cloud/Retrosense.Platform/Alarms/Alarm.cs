using System;

namespace Retrosense.Platform.Alarms;

/// <summary>
/// An alarm and where it is in its life: raised, maybe cleared, maybe acknowledged (with who and why). Clearing and
/// acknowledging are independent: an operator may acknowledge an active alarm, and a cleared alarm stays
/// unacknowledged until someone looks at it.
/// </summary>
public sealed record Alarm(
    long AlarmId,
    string TenantId,
    string SiteId,
    string AssetId,
    string? NodeId,
    AlarmOrigin Origin,
    string ConditionKey,
    AlarmSeverity Severity,
    string Message,
    double? Value,
    double? Threshold,
    DateTimeOffset RaisedAtUtc,
    DateTimeOffset? ClearedAtUtc,
    string? ClearReason,
    DateTimeOffset? AcknowledgedAtUtc,
    string? AcknowledgedBy,
    string? AcknowledgementNote)
{
    /// <summary>True until the condition clears.</summary>
    public bool IsActive => ClearedAtUtc is null;
}

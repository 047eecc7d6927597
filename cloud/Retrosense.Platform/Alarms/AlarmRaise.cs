using System;

namespace Retrosense.Platform.Alarms;

/// <summary>
/// A request to raise an alarm. <paramref name="ConditionKey"/> names the condition (for example <c>node-offline</c>,
/// <c>zone</c>, <c>limit:vel_rms_mm_s:x</c>): at most one alarm per (tenant, asset, node, condition) is active, so
/// raising an active condition again does not open a second alarm.
/// </summary>
/// <param name="NodeId">The node concerned, or null for an asset-level condition.</param>
/// <param name="Value">The measured value that raised it, when there is one.</param>
/// <param name="Threshold">The limit it crossed, when there is one.</param>
/// <param name="AtUtc">When the condition began (message time for node alarms, detection time for cloud ones).</param>
public sealed record AlarmRaise(
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
    DateTimeOffset AtUtc);

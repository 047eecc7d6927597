using Microsoft.Extensions.Logging;
using Retrosense.Platform.Alarms;

namespace Retrosense.Server.Alarms;

/// <summary>Structured log lines of the cloud alarm monitor (source-generated, so a quiet level costs nothing).</summary>
internal static partial class CloudAlarmLog
{
    [LoggerMessage(EventId = 4400, Level = LogLevel.Warning, Message = "Alarm {AlarmId} raised or kept: tenant {TenantId} asset {AssetId} node {NodeId} condition {ConditionKey} severity {Severity}: {AlarmMessage}")]
    public static partial void Raised(ILogger logger, long alarmId, string tenantId, string assetId, string? nodeId, string conditionKey, AlarmSeverity severity, string alarmMessage);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Alarm {AlarmId} cleared: tenant {TenantId} asset {AssetId} node {NodeId} condition {ConditionKey}: {Reason}")]
    public static partial void Cleared(ILogger logger, long alarmId, string tenantId, string assetId, string? nodeId, string conditionKey, string reason);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Error, Message = "Offline sweep failed; it runs again in {IntervalSeconds} s")]
    public static partial void SweepFailed(ILogger logger, System.Exception exception, double intervalSeconds);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Information, Message = "Offline sweep every {IntervalSeconds} s; a node is offline after {OfflineAfterSeconds} s of silence")]
    public static partial void SweepStarted(ILogger logger, double intervalSeconds, double offlineAfterSeconds);
}

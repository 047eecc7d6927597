using System;
using Retrosense.Platform.Alarms;

namespace Retrosense.Server.Alarms;

/// <summary>
/// The condition keys the cloud uses (<see cref="AlarmRaise.ConditionKey"/>): at most one alarm per (tenant, asset, node,
/// condition) is active, so the key decides what counts as "the same alarm".
/// </summary>
public static class CloudAlarmConditions
{
    /// <summary>Nothing arrived from the node for <see cref="ServerOptions.NodeOfflineAfter"/>, or it sent <c>death</c>.</summary>
    public const string NodeOffline = "node-offline";

    /// <summary>The node's telemetry put the machine in ISO 10816-3 zone C (warning) or D (alarm).</summary>
    public const string Zone = "zone";

    /// <summary>
    /// The key of a node's own alarm: <c>{source}:{channel}:{axis}</c>, e.g. <c>limit:vel_rms_mm_s:x</c> or
    /// <c>zone:vel_rms_mm_s:max</c>, so each limit on each axis has its own lifecycle and a <c>cleared</c> message closes
    /// exactly the alarm its <c>raised</c> opened.
    /// </summary>
    public static string ForNodeAlarm(string source, string channel, string axis)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(axis);
        return source + ":" + channel + ":" + axis;
    }

    /// <summary>The wire severity (<c>warning</c> or <c>alarm</c>; the decoder has checked it is one of them).</summary>
    public static AlarmSeverity ParseSeverity(string wireSeverity) =>
        string.Equals(wireSeverity, "alarm", StringComparison.Ordinal) ? AlarmSeverity.Alarm : AlarmSeverity.Warning;
}

using System;
using System.Collections.Generic;
using System.Text;
using Retrosense.Platform.Alarms;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Ingestion.Wire;
using Retrosense.Platform.Registry;
using Retrosense.Platform.Rollups;
using Retrosense.Server.Api.Responses;

namespace Retrosense.Server.Api;

/// <summary>
/// Domain records → API responses. The API has its own camelCase shapes (not the wire records' snake_case names) so
/// the wire contract and the HTTP contract can change separately; times become UTC <see cref="DateTime"/>s, which
/// System.Text.Json writes as ISO 8601 with a <c>Z</c>.
/// </summary>
internal static class ApiResponseMapping
{
    public static SiteResponse ToResponse(this Site site) => new(site.TenantId, site.SiteId, site.Name, site.TimeZoneId);

    public static AssetResponse ToResponse(this Asset asset) => new(
        asset.TenantId, asset.SiteId, asset.AssetId, asset.Name, (int)asset.MachineGroup, RegistryNames.FoundationName(asset.Foundation), asset.ShaftSpeedRpm);

    public static NodeResponse ToResponse(this RegisteredNode node, NodeActivity? activity) => new(
        node.TenantId,
        node.SiteId,
        node.AssetId,
        node.NodeId,
        RegistryNames.StatusName(node.Status),
        RegistryNames.BoardName(node.Board),
        node.ConfigVersion,
        node.ProvisionedAtUtc.UtcDateTime,
        node.RevokedAtUtc?.UtcDateTime,
        node.RevocationReason,
        node.FirmwareVersionLastSeen,
        activity?.LastReceivedAtUtc.UtcDateTime,
        activity?.LastMessageAtUtc.UtcDateTime,
        activity?.LastKind,
        activity?.LastBoot);

    public static TelemetryWindowResponse ToResponse(this StoredTelemetryWindow window) => new(
        window.SiteId,
        window.AssetId,
        window.NodeId,
        window.Boot,
        window.Seq,
        window.TimestampUtc.UtcDateTime,
        window.ReceivedAtUtc.UtcDateTime,
        window.Historical,
        window.ConfigVersion,
        window.RateHz,
        window.Samples,
        window.Zone,
        window.VelocityRmsMaxMmPerSecond,
        window.X.ToResponse(),
        window.Y.ToResponse(),
        window.Z.ToResponse(),
        window.Environment?.ToResponse());

    public static RollupPointResponse ToResponse(this AssetRollupPoint point) =>
        new(point.BucketStartUtc.UtcDateTime, point.Metric, point.Count, point.Minimum, point.Maximum, point.Mean);

    public static AlarmResponse ToResponse(this Alarm alarm) => new(
        alarm.AlarmId,
        alarm.TenantId,
        alarm.SiteId,
        alarm.AssetId,
        alarm.NodeId,
        OriginName(alarm.Origin),
        alarm.ConditionKey,
        SeverityName(alarm.Severity),
        alarm.Message,
        alarm.Value,
        alarm.Threshold,
        alarm.RaisedAtUtc.UtcDateTime,
        alarm.IsActive,
        alarm.ClearedAtUtc?.UtcDateTime,
        alarm.ClearReason,
        alarm.AcknowledgedAtUtc?.UtcDateTime,
        alarm.AcknowledgedBy,
        alarm.AcknowledgementNote);

    public static AlarmEventResponse ToResponse(this AlarmEvent alarmEvent) =>
        new(EventTypeName(alarmEvent.Type), alarmEvent.AtUtc.UtcDateTime, alarmEvent.Actor, SeverityName(alarmEvent.Severity), alarmEvent.Note);

    public static NodeAlarmMessageResponse ToResponse(this StoredAlarm alarm) => new(
        alarm.SiteId,
        alarm.AssetId,
        alarm.NodeId,
        alarm.Boot,
        alarm.Seq,
        alarm.TimestampUtc.UtcDateTime,
        alarm.Historical,
        alarm.Alarm.Source,
        alarm.Alarm.Channel,
        alarm.Alarm.Axis,
        alarm.Alarm.Severity,
        alarm.Alarm.State,
        alarm.Alarm.Value,
        alarm.Alarm.Threshold,
        alarm.Alarm.Zone,
        alarm.Alarm.PreviousZone);

    public static QuarantinedMessageResponse ToResponse(this QuarantinedMessage message) => new(
        message.QuarantineId,
        message.Topic,
        message.ReasonCode,
        message.ReasonMessage,
        message.ReceivedAtUtc.UtcDateTime,
        message.OriginalSizeBytes,
        message.IsTruncated,
        Convert.ToBase64String(message.Payload),
        Encoding.UTF8.GetString(message.Payload)); // the default UTF8Encoding replaces invalid bytes with U+FFFD, never throws

    /// <summary>The wire names (<c>warning</c>, <c>alarm</c>), so API and node messages spell severity the same way.</summary>
    public static string SeverityName(AlarmSeverity severity) => severity switch
    {
        AlarmSeverity.Warning => "warning",
        AlarmSeverity.Alarm => "alarm",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "unknown alarm severity"),
    };

    private static string OriginName(AlarmOrigin origin) => origin switch
    {
        AlarmOrigin.Node => "node",
        AlarmOrigin.Cloud => "cloud",
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "unknown alarm origin"),
    };

    private static string EventTypeName(AlarmEventType type) => type switch
    {
        AlarmEventType.Raised => "raised",
        AlarmEventType.Escalated => "escalated",
        AlarmEventType.Cleared => "cleared",
        AlarmEventType.Acknowledged => "acknowledged",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown alarm event type"),
    };

    private static AxisFeaturesResponse ToResponse(this AxisFeaturesWire axis) => new(
        axis.RmsG,
        axis.PeakG,
        axis.PeakToPeakG,
        axis.CrestFactor,
        axis.Kurtosis,
        axis.Skewness,
        axis.VelocityRmsMmPerSecond,
        axis.DominantFrequencyHz,
        axis.EnvelopeRmsG,
        axis.EnvelopeBpfoG,
        axis.EnvelopeBpfiG,
        axis.EnvelopeBsfG,
        axis.EnvelopeFtfG,
        axis.BandsG is null ? null : new Dictionary<string, double?>(axis.BandsG, StringComparer.Ordinal));

    private static EnvironmentResponse ToResponse(this EnvironmentWire environment) => new(
        environment.TemperatureCelsius?.ToResponse(),
        environment.RelativeHumidityPercent?.ToResponse(),
        environment.PressureHectopascals?.ToResponse());

    private static ChannelSummaryResponse ToResponse(this ChannelSummaryWire channel) => new(channel.Mean, channel.Min, channel.Max);
}

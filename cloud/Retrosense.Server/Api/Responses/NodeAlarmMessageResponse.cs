using System;

namespace Retrosense.Server.Api.Responses;

/// <summary>An <c>alarm</c> message exactly as a node sent it (the raw record; <see cref="AlarmResponse"/> is the managed alarm).</summary>
/// <param name="Source"><c>limit</c>, <c>zone</c> or <c>node</c>.</param>
/// <param name="State"><c>raised</c> or <c>cleared</c>.</param>
/// <param name="Zone">New zone, only when the source is <c>zone</c>.</param>
public sealed record NodeAlarmMessageResponse(
    string SiteId,
    string AssetId,
    string NodeId,
    long Boot,
    long Seq,
    DateTime TimestampUtc,
    bool Historical,
    string Source,
    string Channel,
    string Axis,
    string Severity,
    string State,
    double? Value,
    double? Threshold,
    string? Zone,
    string? PreviousZone);

using System;
using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Platform.Ingestion;

/// <summary>One stored alarm message: where it came from, its message time, and the alarm as sent.</summary>
public sealed record StoredAlarm(
    string TenantId,
    string SiteId,
    string AssetId,
    string NodeId,
    long Boot,
    long Seq,
    DateTimeOffset TimestampUtc,
    bool Historical,
    AlarmDetailWire Alarm);

using System;

namespace Retrosense.Platform.Alarms;

/// <summary>One entry of an alarm's history.</summary>
/// <param name="Actor">Who did it: <c>node:{id}</c>, <c>cloud</c>, or the acknowledging user.</param>
/// <param name="Note">The reason or note given, if any.</param>
public sealed record AlarmEvent(long AlarmId, AlarmEventType Type, DateTimeOffset AtUtc, string Actor, AlarmSeverity Severity, string? Note);

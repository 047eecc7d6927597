using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Platform.Registry;

namespace Retrosense.Platform.Alarms;

/// <summary>
/// Alarms with their whole history (raised, escalated, cleared, acknowledged). Nothing is deleted here except by retention.
/// Thread-safe; raise and clear are idempotent so a replayed node message or a repeated detection changes nothing.
/// </summary>
public interface IAlarmStore
{
    /// <summary>
    /// Opens an alarm for the condition, or returns the active one for the same (tenant, asset, node, condition); a
    /// higher severity on an active alarm escalates it (event <see cref="AlarmEventType.Escalated"/>).
    /// </summary>
    Task<Alarm> RaiseAsync(AlarmRaise raise, CancellationToken cancellationToken = default);

    /// <summary>Clears the active alarm of the condition; null when none is active (nothing happens).</summary>
    Task<Alarm?> ClearAsync(string tenantId, string assetId, string? nodeId, string conditionKey, DateTimeOffset atUtc, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that <paramref name="acknowledgedBy"/> saw the alarm, with a note saying why/what was done. Throws
    /// <see cref="RegistryNotFoundException"/> when the tenant has no such alarm and <see cref="ArgumentException"/>
    /// when who is blank. Acknowledging again adds another event and replaces who/why on the alarm.
    /// </summary>
    Task<Alarm> AcknowledgeAsync(string tenantId, long alarmId, string acknowledgedBy, string? note, CancellationToken cancellationToken = default);

    Task<Alarm?> GetAsync(string tenantId, long alarmId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Alarm>> ListAsync(AlarmQuery query, CancellationToken cancellationToken = default);

    /// <summary>The alarm's events, oldest first.</summary>
    Task<IReadOnlyList<AlarmEvent>> ListEventsAsync(string tenantId, long alarmId, CancellationToken cancellationToken = default);

    /// <summary>Every active alarm of every tenant with this condition key (for the offline monitor's sweep).</summary>
    Task<IReadOnlyList<Alarm>> ListActiveByConditionAsync(string conditionKey, CancellationToken cancellationToken = default);
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace Retrosense.Platform.Retention;

/// <summary>Deletes data older than the policy allows, in bounded batches so ingestion is never blocked for long.</summary>
public interface IRetentionStore
{
    /// <summary>
    /// Deletes, relative to <paramref name="nowUtc"/>: raw messages (and their telemetry, environment, alarm-message and
    /// status-history rows) by message time, minute and hour rollups by bucket, quarantine by receive time, cleared
    /// alarms (with their events) by clear time, and usage events by time — never younger than
    /// <see cref="RetentionPolicy.MinimumUsageEventDays"/>. Validates the policy first.
    /// </summary>
    Task<RetentionResult> ApplyAsync(RetentionPolicy policy, DateTimeOffset nowUtc, CancellationToken cancellationToken = default);
}

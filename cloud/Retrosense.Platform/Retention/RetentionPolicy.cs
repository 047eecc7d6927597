using System;

namespace Retrosense.Platform.Retention;

/// <summary>
/// How long each kind of data is kept, in days. Raw telemetry (messages and their rows) goes first, minute rollups
/// later, hour rollups much later, because dashboards and models read the rollups. Usage events are never deleted
/// before <see cref="MinimumUsageEventDays"/>: the funding program monitors each plant for three years.
/// </summary>
public sealed record RetentionPolicy(
    int RawTelemetryDays = 90,
    int MinuteRollupDays = 400,
    int HourRollupDays = 3650,
    int QuarantineDays = 90,
    int ClearedAlarmDays = 1100,
    int UsageEventDays = RetentionPolicy.MinimumUsageEventDays)
{
    /// <summary>Three years and a leap day.</summary>
    public const int MinimumUsageEventDays = 1096;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        RequireAtLeast(RawTelemetryDays, 1, nameof(RawTelemetryDays));
        RequireAtLeast(MinuteRollupDays, 1, nameof(MinuteRollupDays));
        RequireAtLeast(HourRollupDays, 1, nameof(HourRollupDays));
        RequireAtLeast(QuarantineDays, 1, nameof(QuarantineDays));
        RequireAtLeast(ClearedAlarmDays, 1, nameof(ClearedAlarmDays));
        RequireAtLeast(UsageEventDays, MinimumUsageEventDays, nameof(UsageEventDays));
    }

    private static void RequireAtLeast(int days, int minimum, string name)
    {
        if (days < minimum)
        {
            throw new ArgumentOutOfRangeException(name, days, $"{name} must be at least {minimum} days");
        }
    }
}

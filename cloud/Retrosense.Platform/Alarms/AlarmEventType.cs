namespace Retrosense.Platform.Alarms;

/// <summary>What happened to an alarm; every event is kept.</summary>
public enum AlarmEventType
{
    Raised,

    /// <summary>The active condition was raised again with a higher severity.</summary>
    Escalated,
    Cleared,
    Acknowledged,
}

namespace Retrosense.Platform.Alarms;

/// <summary>How urgent an alarm is; the wire names are <c>warning</c> and <c>alarm</c>.</summary>
public enum AlarmSeverity
{
    Warning,
    Alarm,
}

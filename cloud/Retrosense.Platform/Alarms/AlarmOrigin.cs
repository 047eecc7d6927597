namespace Retrosense.Platform.Alarms;

/// <summary>Who decided the alarm.</summary>
public enum AlarmOrigin
{
    /// <summary>The node raised it (an <c>alarm</c> message: a limit or an ISO zone change on the device).</summary>
    Node,

    /// <summary>The cloud raised it (node offline, death, zone change seen in telemetry).</summary>
    Cloud,
}

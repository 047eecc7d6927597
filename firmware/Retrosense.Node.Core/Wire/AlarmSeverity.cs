namespace Retrosense.Node.Wire
{
    /// <summary>Alarm level (wire: <c>"warning"</c>, <c>"alarm"</c>).</summary>
    public enum AlarmSeverity
    {
        Warning = 0,
        Alarm = 1,
    }
}

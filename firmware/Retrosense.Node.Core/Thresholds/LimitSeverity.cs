namespace Retrosense.Node.Thresholds
{
    /// <summary>State of a limit: inside both levels, past the warning level, or past the alarm level.</summary>
    public enum LimitSeverity
    {
        Normal = 0,
        Warning = 1,
        Alarm = 2,
    }
}

namespace Retrosense.Node.Wire
{
    /// <summary>Whether an alarm message reports the level being entered or left (wire: <c>"raised"</c>, <c>"cleared"</c>).</summary>
    public enum AlarmState
    {
        Raised = 0,
        Cleared = 1,
    }
}

namespace Retrosense.Node.Nano.Time
{
    /// <summary>Milliseconds since the device started, never jumping (the board's hardware timer where it has one).</summary>
    public interface IUptimeSource
    {
        long MillisecondsSinceBoot { get; }
    }
}

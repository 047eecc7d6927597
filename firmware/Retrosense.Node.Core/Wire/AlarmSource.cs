namespace Retrosense.Node.Wire
{
    /// <summary>What raised an alarm (wire: <c>"limit"</c>, <c>"zone"</c>, <c>"node"</c>).</summary>
    public enum AlarmSource
    {
        /// <summary>A configured <see cref="Configuration.LimitRule"/>.</summary>
        Limit = 0,

        /// <summary>The ISO 10816-3 zone of the largest velocity RMS changed to or from C/D.</summary>
        Zone = 1,

        /// <summary>The node itself (e.g. a sensor it could not read); value and threshold may be null.</summary>
        Node = 2,
    }
}

namespace Retrosense.Contracts
{
    /// <summary>Values of the <c>"time_quality"</c> header field: whether <c>"ts"</c> comes from a synchronised clock.</summary>
    public static class TimeQuality
    {
        /// <summary>The node's clock was set by SNTP (or another trusted source) when the message was stamped.</summary>
        public const string Synced = "synced";

        /// <summary>The clock was never set since boot; <c>ts</c> is a guess and the cloud may re-stamp it on arrival.</summary>
        public const string Unsynced = "unsynced";
    }
}

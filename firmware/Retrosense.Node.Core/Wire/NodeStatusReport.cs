namespace Retrosense.Node.Wire
{
    /// <summary>Body of a <c>status</c> message: node health. Reusable; filled by the status timer.</summary>
    public sealed class NodeStatusReport
    {
        public int ConfigVersion { get; set; }

        /// <summary>Seconds since boot.</summary>
        public long UptimeSeconds { get; set; }

        /// <summary>Free managed heap, in bytes (nanoFramework: <c>nanoFramework.Runtime.Native.GC.Run(false)</c>).</summary>
        public long FreeHeapBytes { get; set; }

        /// <summary>Wi-Fi received signal strength, in dBm (0 when not on Wi-Fi).</summary>
        public int RssiDbm { get; set; }

        /// <summary>Why the node last reset, as the platform names it (e.g. <c>"power_on"</c>, <c>"watchdog"</c>).</summary>
        public string ResetReason { get; set; } = string.Empty;

        /// <summary>Messages waiting in store-and-forward.</summary>
        public int QueueDepth { get; set; }

        /// <summary>Messages store-and-forward can hold.</summary>
        public int QueueCapacity { get; set; }

        /// <summary>Messages dropped since boot because the queue was full.</summary>
        public long QueueDropped { get; set; }

        /// <summary>Publishes that got no PUBACK since boot.</summary>
        public long PublishFailures { get; set; }
    }
}

namespace Retrosense.Node.Wire
{
    /// <summary>
    /// Fields every node → cloud message starts with. One instance is reused: the publisher fills it per message.
    /// The cloud deduplicates on (NodeId, BootCount, Seq).
    /// </summary>
    public sealed class MessageHeader
    {
        /// <summary>The node's id, the same string as its topic segment.</summary>
        public string NodeId { get; set; } = string.Empty;

        /// <summary>Persistent counter incremented at every boot (like Sparkplug B's bdSeq); starts a new <see cref="Seq"/> run.</summary>
        public long BootCount { get; set; }

        /// <summary>Message number within the boot, from 0, incremented per message (monotone, gaps mean lost messages).</summary>
        public long Seq { get; set; }

        /// <summary>When the message was created, in UTC milliseconds since 1970-01-01.</summary>
        public long TimestampMs { get; set; }

        /// <summary>True when the clock was synchronised at <see cref="TimestampMs"/> (wire: <c>"synced"</c>/<c>"unsynced"</c>).</summary>
        public bool TimeSynchronized { get; set; }

        /// <summary>True when the message is replayed from store-and-forward rather than sent live.</summary>
        public bool Historical { get; set; }

        /// <summary>Firmware version string, e.g. <c>"0.1.0"</c>.</summary>
        public string FirmwareVersion { get; set; } = string.Empty;
    }
}

namespace Retrosense.Contracts
{
    /// <summary>
    /// The last topic segment and the <c>"kind"</c> field of every message. Node → cloud: birth, death, telemetry, alarm,
    /// status, config-ack; cloud → node: config.
    /// </summary>
    public static class MessageKind
    {
        /// <summary>Published once after every connect: the node is online with this boot counter and config.</summary>
        public const string Birth = "birth";

        /// <summary>Registered as the MQTT last will at connect; the broker publishes it when the node drops off.</summary>
        public const string Death = "death";

        /// <summary>Vibration features of one window plus the environment summary (report by exception and heartbeat).</summary>
        public const string Telemetry = "telemetry";

        /// <summary>A limit or an ISO zone was raised or cleared.</summary>
        public const string Alarm = "alarm";

        /// <summary>Periodic node health: uptime, heap, signal, queue.</summary>
        public const string Status = "status";

        /// <summary>Cloud → node configuration (the only kind the node subscribes to).</summary>
        public const string Config = "config";

        /// <summary>Node's answer to a config: accepted, or rejected with the reason.</summary>
        public const string ConfigAck = "config-ack";

        /// <summary>True for the seven kinds above (exact, case-sensitive match).</summary>
        public static bool IsKnown(string? kind)
        {
            return kind == Birth
                || kind == Death
                || kind == Telemetry
                || kind == Alarm
                || kind == Status
                || kind == Config
                || kind == ConfigAck;
        }
    }
}

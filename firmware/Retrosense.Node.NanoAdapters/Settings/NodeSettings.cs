namespace Retrosense.Node.Nano.Settings
{
    /// <summary>
    /// What a device must know before it can run: its identity in the topic tree and its broker. Read at boot from the board's
    /// settings file (<see cref="NodeSettingsFile"/>); secrets (Wi-Fi, certificates) are NOT here, nanoff writes those into the
    /// device's configuration store.
    /// </summary>
    public sealed class NodeSettings
    {
        /// <summary>MQTT over TLS (IANA-registered port for secure MQTT).</summary>
        public const int DefaultBrokerPort = 8883;

        public string Tenant { get; set; } = string.Empty;

        public string Site { get; set; } = string.Empty;

        public string Asset { get; set; } = string.Empty;

        public string NodeId { get; set; } = string.Empty;

        /// <summary>Broker host name; must match the name in the broker's TLS certificate.</summary>
        public string BrokerHost { get; set; } = string.Empty;

        public int BrokerPort { get; set; } = DefaultBrokerPort;

        /// <summary>SNTP server to use instead of the firmware default (0.pool.ntp.org); empty keeps the default.</summary>
        public string NtpServer { get; set; } = string.Empty;
    }
}

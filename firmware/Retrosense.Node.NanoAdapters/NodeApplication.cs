using System;
using System.Threading;
using nanoFramework.Networking;
using Retrosense.Node.Nano.Diagnostics;
using Retrosense.Node.Nano.Messaging;
using Retrosense.Node.Nano.Networking;
using Retrosense.Node.Nano.Settings;
using Retrosense.Node.Nano.Storage;
using Retrosense.Node.Nano.Time;
using Retrosense.Node.Ports;
using Retrosense.Node.Runtime;
using Retrosense.Node.StoreAndForward;

namespace Retrosense.Node.Nano
{
    /// <summary>
    /// Boot sequence and the two loops of a device node: builds the adapters for a board, hands them to the core's
    /// <see cref="SensorNode"/>, then runs the main loop (poll the node, feed the watchdog) and, on its own thread, the
    /// connection keeper (network, broker, reconnect with backoff). All node logic is in the core.
    /// </summary>
    public static class NodeApplication
    {
        /// <summary>Firmware version written in <c>birth</c>; raise it with every release deployed to devices.</summary>
        public const string FirmwareVersion = "0.1.0";

        /// <summary>
        /// Pause between two polls. At 3200 Hz the accelerometer ring (1,024 samples) fills in 0.32 s, so 20 ms keeps it
        /// nearly empty while leaving the CPU to the sampler and network threads.
        /// </summary>
        public const int PollIntervalMilliseconds = 20;

        /// <summary>Longest wait for an IP address and an SNTP-set clock per connection attempt.</summary>
        public const int NetworkTimeoutMilliseconds = 60000;

        /// <summary>Wait before reading the settings file again when it is missing, so a technician can deploy it.</summary>
        public const int SettingsRetryMilliseconds = 30000;

        /// <summary>Seconds to wait for the store's drive to be mounted before running without persistence.</summary>
        private const int StoreMountAttempts = 10;

        /// <summary>Room for the encoded death message (about 300 bytes: header fields and the boot counter).</summary>
        private const int LastWillBytes = 1024;

        /// <summary>Runs the node on <paramref name="board"/>; never returns.</summary>
        public static void Run(INodeBoard board)
        {
            DebugNodeLog log = new DebugNodeLog();
            log.Info("retrosense node " + FirmwareVersion + " on " + board.BoardName);
            board.ConfigurePins();

            FlashFileStore store = new FlashFileStore(board.StoreFolder, log);
            for (int attempt = 0; attempt < StoreMountAttempts && !store.Open(); attempt++)
            {
                // An SD card (the STM32 board's store) is mounted by the firmware a moment after boot.
                Thread.Sleep(1000);
            }

            string resetReason = ResetCauseRecord.ReadAndClear(store, board.PlatformResetCause());
            log.Info("reset reason: " + resetReason);

            NodeSettings settings = NodeSettingsFile.Load(board.SettingsPath, log);
            while (settings == null)
            {
                Thread.Sleep(SettingsRetryMilliseconds);
                settings = NodeSettingsFile.Load(board.SettingsPath, log);
            }

            if (settings.NtpServer.Length > 0)
            {
                // Factory networks often block public NTP; the site's own server is set before the link comes up, because
                // the link waits for a valid clock.
                Sntp.Server1 = settings.NtpServer;
            }

            INetworkLink network = board.CreateNetworkLink(log);
            NanoClock clock = new NanoClock(board.Uptime);
            NodeIdentity identity = new NodeIdentity(
                settings.Tenant, settings.Site, settings.Asset, settings.NodeId, board.BoardName, FirmwareVersion);
            M2MqttTransport transport = new M2MqttTransport(
                settings.BrokerHost, settings.BrokerPort, ClientIdFor(settings), log);
            SensorNode node = new SensorNode(
                identity,
                clock,
                board.CreateAccelerometer(log),
                board.CreateEnvironmentSensor(log),
                transport,
                store,
                log,
                new NanoNodeDiagnostics(board.Uptime, network, resetReason),
                board.QueueCapacity,
                StoreAndForwardQueue.RecommendedSlotBytes);

            node.Start();
            transport.ConfigReceived = node.OnConfigMessage;

            ConnectionKeeper keeper = new ConnectionKeeper(
                node, transport, network, new ReconnectBackoff(new Random(settings.NodeId.GetHashCode())), log);
            new Thread(keeper.Run).Start();

            SoftwareWatchdog watchdog = new SoftwareWatchdog(board.Uptime, store, log);
            watchdog.Start();
            while (true)
            {
                watchdog.Feed();
                node.Poll();
                Thread.Sleep(PollIntervalMilliseconds);
            }
        }

        /// <summary>
        /// MQTT client id: <c>{tenant}:{node}</c>, the same name provisioning puts in the node certificate's CN (which
        /// Mosquitto's use_identity_as_username makes the username), so broker logs name a node one way. Node ids are unique
        /// per tenant and ':' is outside the id alphabet, so the id is unique per broker.
        /// </summary>
        public static string ClientIdFor(NodeSettings settings)
        {
            return settings.Tenant + ":" + settings.NodeId;
        }

        /// <summary>Keeps the broker connection up on its own thread, so a slow TLS handshake never stalls sampling.</summary>
        private sealed class ConnectionKeeper
        {
            private const int ConnectedCheckMilliseconds = 1000;

            private readonly SensorNode _node;
            private readonly M2MqttTransport _transport;
            private readonly INetworkLink _network;
            private readonly ReconnectBackoff _backoff;
            private readonly INodeLog _log;
            private readonly byte[] _lastWill = new byte[LastWillBytes];

            public ConnectionKeeper(
                SensorNode node, M2MqttTransport transport, INetworkLink network, ReconnectBackoff backoff, INodeLog log)
            {
                _node = node;
                _transport = transport;
                _network = network;
                _backoff = backoff;
                _log = log;
            }

            public void Run()
            {
                while (true)
                {
                    if (_transport.IsConnected)
                    {
                        Thread.Sleep(ConnectedCheckMilliseconds);
                        continue;
                    }

                    if (TryConnect())
                    {
                        _backoff.Reset();
                        _log.Info("connected to the broker");

                        // Birth first, then the queue drains in order (the core does both on its next poll).
                        _node.OnConnected();
                        continue;
                    }

                    int delay = _backoff.NextDelayMilliseconds();
                    _log.Info("broker unreachable, next attempt in " + delay.ToString() + " ms");
                    Thread.Sleep(delay);
                }
            }

            private bool TryConnect()
            {
                if (!_network.EnsureUp(NetworkTimeoutMilliseconds))
                {
                    _log.Warning("network not up");
                    return false;
                }

                // Encoded for every connect: the death message carries the current boot counter and seq.
                int willLength = _node.EncodeLastWill(_lastWill);
                return _transport.TryConnect(_node.DeathTopic, _lastWill, willLength, _node.ConfigTopic);
            }
        }
    }
}

using System;
using System.Text;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Nano.Messaging
{
    /// <summary>Receives a config message from the broker (the node copies it; called on the MQTT client's thread).</summary>
    public delegate void ConfigMessageReceived(byte[] payload, int length);

    /// <summary>
    /// <see cref="IMessageTransport"/> on nanoFramework's M2Mqtt client: MQTT 3.1.1 over TLS 1.2, mutual TLS with the CA
    /// and device certificate nanoff stored in the device's configuration store, last will = the node's <c>death</c>
    /// message, QoS 1, and a persistent session so a config sent while the node was away is delivered when it returns.
    /// </summary>
    /// <remarks>
    /// <para>Certificates: passing <c>null</c> for both certificates makes M2Mqtt's TLS channel use the root CA bundle and
    /// the device certificate stored on the device (nanoFramework.m2mqtt PR #188, "Use device cert when passing null
    /// client cert"; System.Net's SslStream falls back to the stored CA when none is given). Nothing secret is in code.</para>
    /// <para><see cref="Publish"/> returns only when the broker's PUBACK arrived (M2Mqtt raises MqttMsgPublished with
    /// IsPublished for it) or the wait timed out; a timeout counts as not delivered, so the core keeps the message and may
    /// send it again: a duplicate, which the cloud drops on (node, boot, seq).</para>
    /// <para>Allocation: M2Mqtt needs the payload as an array of exactly its length and builds each packet in a new array,
    /// so every publish allocates; that is the client library's design, not the core's.</para>
    /// </remarks>
    public sealed class M2MqttTransport : IMessageTransport
    {
        /// <summary>Longest wait for a PUBACK before the message counts as not delivered.</summary>
        public const int PubAckTimeoutMilliseconds = 10000;

        /// <summary>MQTT keep-alive: the broker declares the node dead (and sends its will) after 1.5 × this without traffic (MQTT 3.1.1 §3.1.2.10).</summary>
        public const ushort KeepAliveSeconds = 60;

        private const int RecentAckCount = 8;

        private readonly string _brokerHost;
        private readonly int _brokerPort;
        private readonly string _clientId;
        private readonly INodeLog _log;

        private readonly object _ackLock = new object();
        private readonly AutoResetEvent _ackSignal = new AutoResetEvent(false);
        private readonly ushort[] _recentAckIds = new ushort[RecentAckCount];
        private readonly bool[] _recentAckPublished = new bool[RecentAckCount];
        private int _recentAckNext;

        private MqttClient _client;

        /// <summary>A transport for <paramref name="brokerHost"/>:<paramref name="brokerPort"/> (8883 for MQTT over TLS).</summary>
        public M2MqttTransport(string brokerHost, int brokerPort, string clientId, INodeLog log)
        {
            _brokerHost = brokerHost;
            _brokerPort = brokerPort;
            _clientId = clientId;
            _log = log;
        }

        /// <summary>Where config messages go; set before <see cref="TryConnect"/>.</summary>
        public ConfigMessageReceived ConfigReceived { get; set; }

        public bool IsConnected
        {
            get
            {
                MqttClient client = _client;
                return client != null && client.IsConnected;
            }
        }

        /// <summary>
        /// Opens a new TLS session to the broker with the node's last will, then subscribes to the config topic (QoS 1).
        /// </summary>
        /// <returns>False (and logs why) when TLS, CONNECT or SUBSCRIBE failed; the caller backs off and tries again.</returns>
        public bool TryConnect(string deathTopic, byte[] lastWill, int lastWillLength, string configTopic)
        {
            Close();
            MqttClient client = null;
            try
            {
                client = new MqttClient(_brokerHost, _brokerPort, true, null, null, MqttSslProtocols.TLSv1_2);
                client.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
                client.MqttMsgPublished += OnPublished;
                client.MqttMsgPublishReceived += OnPublishReceived;

                // M2Mqtt takes the will as a string; the death message is UTF-8 JSON, so the round trip is exact.
                string will = Encoding.UTF8.GetString(lastWill, 0, lastWillLength);
                MqttReasonCode code = client.Connect(
                    _clientId,
                    null,
                    null,
                    false,
                    MqttQoSLevel.AtLeastOnce,
                    true,
                    deathTopic,
                    will,
                    false,
                    KeepAliveSeconds);
                if (code != MqttReasonCode.Success)
                {
                    _log.Warning("broker refused the connection: " + ((int)code).ToString());
                    CloseQuietly(client);
                    return false;
                }

                client.Subscribe(new string[] { configTopic }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce });
                _client = client;
                return true;
            }
            catch (Exception ex)
            {
                _log.Warning("broker connection failed: " + ex.Message);
                CloseQuietly(client);
                return false;
            }
        }

        public bool Publish(string topic, byte[] payload, int length)
        {
            MqttClient client = _client;
            if (client == null || !client.IsConnected)
            {
                return false;
            }

            byte[] message = new byte[length];
            Array.Copy(payload, message, length);
            ushort messageId;
            try
            {
                messageId = client.Publish(topic, message, null, null, MqttQoSLevel.AtLeastOnce, false);
            }
            catch (Exception ex)
            {
                _log.Warning("publish failed: " + ex.Message);
                return false;
            }

            return WaitForPubAck(messageId);
        }

        /// <summary>Drops the session without DISCONNECT (the broker then publishes the will, as for a crash).</summary>
        public void Close()
        {
            MqttClient client = _client;
            _client = null;
            CloseQuietly(client);
        }

        private bool WaitForPubAck(ushort messageId)
        {
            int waitedMilliseconds = 0;
            const int SliceMilliseconds = 100;
            while (waitedMilliseconds < PubAckTimeoutMilliseconds)
            {
                lock (_ackLock)
                {
                    for (int i = 0; i < RecentAckCount; i++)
                    {
                        if (_recentAckIds[i] == messageId)
                        {
                            _recentAckIds[i] = 0;
                            return _recentAckPublished[i];
                        }
                    }
                }

                if (!IsConnected)
                {
                    return false;
                }

                _ackSignal.WaitOne(SliceMilliseconds, false);
                waitedMilliseconds += SliceMilliseconds;
            }

            _log.Warning("no PUBACK within " + PubAckTimeoutMilliseconds.ToString() + " ms for message " + messageId.ToString());
            return false;
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            // The PUBACK can arrive before Publish has returned its id, so acknowledgements are kept in a small ring
            // that the waiting publisher searches, rather than compared with a single awaited id.
            lock (_ackLock)
            {
                _recentAckIds[_recentAckNext] = e.MessageId;
                _recentAckPublished[_recentAckNext] = e.IsPublished;
                _recentAckNext = (_recentAckNext + 1) % RecentAckCount;
            }

            _ackSignal.Set();
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            ConfigMessageReceived handler = ConfigReceived;
            if (handler != null && e.Message != null)
            {
                handler(e.Message, e.Message.Length);
            }
        }

        private void CloseQuietly(MqttClient client)
        {
            if (client == null)
            {
                return;
            }

            try
            {
                client.MqttMsgPublished -= OnPublished;
                client.MqttMsgPublishReceived -= OnPublishReceived;
                client.Close();
            }
            catch (Exception)
            {
                // Closing a dead TLS session can throw; the session is gone either way.
            }
        }
    }
}

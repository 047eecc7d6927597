using Retrosense.Contracts;
using Retrosense.Node.Configuration;
using Retrosense.Node.Dsp;
using Retrosense.Node.EnvironmentChannels;
using Retrosense.Node.Ports;
using Retrosense.Node.Reporting;
using Retrosense.Node.StoreAndForward;
using Retrosense.Node.Thresholds;
using Retrosense.Node.Wire;

namespace Retrosense.Node.Runtime
{
    /// <summary>
    /// The whole sensor node, written once against the ports: the nanoFramework apps, the Linux gateway and the simulator
    /// only build adapters and call <see cref="Start"/>, <see cref="OnConnected"/>, <see cref="OnConfigMessage"/> and
    /// <see cref="Poll"/>.
    /// </summary>
    /// <remarks>
    /// <para>Each full window: features → ISO zone (a change to or from C/D is an alarm) → limits (transitions are alarms)
    /// → report by exception (telemetry when a channel left its deadband, the zone changed, or the heartbeat is due).
    /// Alarms go out at once. Everything is published through the store-and-forward queue, so an outage loses nothing
    /// the queue can hold and replays keep their order and carry <c>historical: true</c>.</para>
    /// <para>Threads: <see cref="Poll"/>, <see cref="Start"/> and everything they call run on the node's main loop.
    /// <see cref="OnConfigMessage"/>, <see cref="OnConnected"/> and <see cref="EncodeLastWill"/> may be called from the MQTT
    /// client's thread: the first two only copy or flag under a lock, and the last uses its own encoder and buffer.</para>
    /// <para>Memory: the queue and message buffers are allocated in the constructor, the DSP and threshold state when a
    /// config is applied; a steady-state <see cref="Poll"/> allocates nothing.</para>
    /// </remarks>
    public sealed class SensorNode
    {
        /// <summary>Store key of the boot counter (4 bytes, little-endian).</summary>
        public const string BootCountKey = "boot";

        /// <summary>Store key of the config in force: the config message exactly as the cloud sent it.</summary>
        public const string ConfigKey = "config";

        /// <summary>Key prefix of the persisted store-and-forward queue.</summary>
        public const string QueueKeyPrefix = "sf";

        /// <summary>Largest config message accepted, in bytes (a full config with 16 bands and 32 limits is about 3 KiB).</summary>
        public const int MaxConfigMessageBytes = 6144;

        // Telemetry size: about 1,000 bytes of fixed fields plus, per band, three axes × ("name":value,) ≈ 3 × 40 bytes.
        private const int TelemetryFixedBytes = 1100;
        private const int TelemetryBytesPerBand = 130;

        private const int TopicTelemetry = 0;
        private const int TopicAlarm = 1;
        private const int TopicStatus = 2;
        private const int TopicConfigAck = 3;
        private const int TopicBirth = 4;

        private readonly NodeIdentity _identity;
        private readonly IClock _clock;
        private readonly IAccelerometer _accelerometer;
        private readonly IEnvironmentSensor _environment;
        private readonly IMessageTransport _transport;
        private readonly IPersistentStore _store;
        private readonly INodeLog _log;
        private readonly INodeDiagnostics _diagnostics;

        private readonly string[] _topics;
        private readonly StoreAndForwardQueue _queue;
        private readonly StoreAndForwardPublisher _publisher;
        private readonly NodeMessageEncoder _encoder = new NodeMessageEncoder();
        private readonly MessageHeader _header = new MessageHeader();
        private readonly byte[] _messageBuffer;
        private readonly AlarmMessage _alarm = new AlarmMessage();
        private readonly NodeStatusReport _status = new NodeStatusReport();

        // The last will is encoded on the MQTT client's thread: its own encoder, header and nothing shared but the seq.
        private readonly NodeMessageEncoder _lastWillEncoder = new NodeMessageEncoder();
        private readonly MessageHeader _lastWillHeader = new MessageHeader();
        private readonly object _seqLock = new object();

        private readonly object _inboxLock = new object();
        private readonly byte[] _pendingConfig = new byte[MaxConfigMessageBytes];
        private readonly byte[] _configWork = new byte[MaxConfigMessageBytes];
        private int _pendingConfigLength;
        private bool _pendingConfigTooLarge;
        private bool _configPending;
        private bool _birthPending;

        private readonly EnvironmentSummary _environmentSinceReport = new EnvironmentSummary();
        private readonly EnvironmentSummary _environmentReported = new EnvironmentSummary();
        private readonly EnvironmentSummary _environmentLatest = new EnvironmentSummary();

        private NodeConfig _config;
        private AccelerationWindow _window;
        private VibrationFeatureExtractor _extractor;
        private VibrationFeatures _features;
        private IsoZoneTracker _zoneTracker;
        private LimitMonitorSet _limits;
        private ReportByExceptionGate _reportGate;
        private readonly float[] _channelValues = new float[FeatureChannels.Count];

        private long _seq;
        private bool _started;
        private float _sampleRateHz;
        private long _nextEnvironmentReadMs;
        private long _nextStatusMs;
        private long _encodeFailures;
        private long _birthCount;

        // What the next config-ack says (set just before it is encoded).
        private int _ackConfigVersion;
        private bool _ackAccepted;
        private string? _ackReason;

        public SensorNode(
            NodeIdentity identity,
            IClock clock,
            IAccelerometer accelerometer,
            IEnvironmentSensor environment,
            IMessageTransport transport,
            IPersistentStore store,
            INodeLog log,
            INodeDiagnostics diagnostics)
            : this(identity, clock, accelerometer, environment, transport, store, log, diagnostics,
                StoreAndForwardQueue.RecommendedEsp32Capacity, StoreAndForwardQueue.RecommendedSlotBytes)
        {
        }

        /// <summary>
        /// A node with a store-and-forward queue of <c>queueCapacity</c> messages (8 fits an ESP32-WROOM; more where RAM
        /// allows) of at most <c>queueSlotBytes</c> each, which also bounds the number of bands a config may ask for.
        /// The queue reloads what the store holds from before a reset.
        /// </summary>
        public SensorNode(
            NodeIdentity identity,
            IClock clock,
            IAccelerometer accelerometer,
            IEnvironmentSensor environment,
            IMessageTransport transport,
            IPersistentStore store,
            INodeLog log,
            INodeDiagnostics diagnostics,
            int queueCapacity,
            int queueSlotBytes)
        {
            _identity = identity;
            _clock = clock;
            _accelerometer = accelerometer;
            _environment = environment;
            _transport = transport;
            _store = store;
            _log = log;
            _diagnostics = diagnostics;

            // Validates every id once, here, so a node with a bad identity fails at boot and never publishes.
            _topics = new string[5];
            _topics[TopicTelemetry] = TopicFor(MessageKind.Telemetry);
            _topics[TopicAlarm] = TopicFor(MessageKind.Alarm);
            _topics[TopicStatus] = TopicFor(MessageKind.Status);
            _topics[TopicConfigAck] = TopicFor(MessageKind.ConfigAck);
            _topics[TopicBirth] = TopicFor(MessageKind.Birth);
            DeathTopic = TopicFor(MessageKind.Death);
            ConfigTopic = TopicPath.ConfigSubscription(identity.Tenant, identity.Site, identity.Asset, identity.NodeId);

            _messageBuffer = new byte[queueSlotBytes];
            _queue = new StoreAndForwardQueue(queueCapacity, queueSlotBytes, store, QueueKeyPrefix, log);
            _publisher = new StoreAndForwardPublisher(_queue, transport, _topics);

            _header.NodeId = identity.NodeId;
            _header.FirmwareVersion = identity.FirmwareVersion;
            _lastWillHeader.NodeId = identity.NodeId;
            _lastWillHeader.FirmwareVersion = identity.FirmwareVersion;

            _config = NodeConfig.CreateDefault();
            _window = new AccelerationWindow(_config.WindowSamples);
            _extractor = new VibrationFeatureExtractor(_config);
            _features = new VibrationFeatures(_config.Bands.Length);
            _zoneTracker = new IsoZoneTracker(_config);
            _limits = new LimitMonitorSet(_config);
            _reportGate = new ReportByExceptionGate(_config);
        }

        /// <summary>The node's config topic; the transport subscribes to it with QoS 1.</summary>
        public string ConfigTopic { get; }

        /// <summary>Topic of the <c>death</c> message registered as the MQTT last will.</summary>
        public string DeathTopic { get; }

        /// <summary>The config in force.</summary>
        public NodeConfig Config { get { return _config; } }

        /// <summary>Boot counter of this run (persisted; 1 on the first boot).</summary>
        public int BootCount { get; private set; }

        /// <summary>Messages the broker acknowledged since start, birth included.</summary>
        public long PublishedCount { get { return _publisher.PublishedCount + _birthCount; } }

        /// <summary>Node messages given a seq since start (what the cloud should eventually hold, less queue drops).</summary>
        public long ProducedCount { get { lock (_seqLock) { return _seq; } } }

        /// <summary>Messages waiting in the store-and-forward queue.</summary>
        public int QueueDepth { get { return _queue.Count; } }

        /// <summary>Messages the full queue dropped, oldest first, since the queue was created (persisted with it).</summary>
        public long QueueDropped { get { return _queue.DroppedCount; } }

        /// <summary>Messages that could not be encoded (larger than a queue slot); logged, never sent half.</summary>
        public long EncodeFailures { get { return _encodeFailures; } }

        /// <summary>Windows processed since start.</summary>
        public long WindowCount { get; private set; }

        /// <summary>Bumps and persists the boot counter, restores the queue and the persisted config, and starts sampling.</summary>
        public void Start()
        {
            if (_started)
            {
                throw new System.InvalidOperationException("the node is already started");
            }

            BootCount = ReadBootCount() + 1;
            WriteBootCount(BootCount);
            _header.BootCount = BootCount;
            _lastWillHeader.BootCount = BootCount;
            LoadPersistedConfig();
            _sampleRateHz = _accelerometer.Start(_config.SampleRateHz);
            var now = _clock.MonotonicMilliseconds;
            _nextEnvironmentReadMs = now;
            _nextStatusMs = now + (_config.StatusIntervalSeconds * 1000L);
            _started = true;
            _log.Info("node " + _identity.NodeId + " boot " + BootCount.ToString() + " config " + _config.ConfigVersion.ToString());
        }

        /// <summary>
        /// Encodes the <c>death</c> message to register as the MQTT last will before each connect. It takes a seq of its own
        /// (the one before the next birth), so the cloud's (node, boot, seq) deduplication keeps both.
        /// </summary>
        /// <returns>The payload length in <paramref name="buffer"/> (256 bytes are plenty).</returns>
        public int EncodeLastWill(byte[] buffer)
        {
            lock (_seqLock)
            {
                _lastWillHeader.Seq = _seq++;
                _lastWillHeader.TimestampMs = _clock.UtcNowMilliseconds;
                _lastWillHeader.TimeSynchronized = _clock.IsSynchronized;
                _lastWillHeader.Historical = false;
                return _lastWillEncoder.EncodeDeath(_lastWillHeader, buffer);
            }
        }

        /// <summary>Call after every (re)connect: the next <see cref="Poll"/> publishes <c>birth</c> and drains the queue.</summary>
        public void OnConnected()
        {
            lock (_inboxLock)
            {
                _birthPending = true;
            }
        }

        /// <summary>Hands over a message received on <see cref="ConfigTopic"/>; it is copied and applied by the next <see cref="Poll"/>.</summary>
        public void OnConfigMessage(byte[] payload, int length)
        {
            lock (_inboxLock)
            {
                _configPending = true;
                _pendingConfigTooLarge = length > _pendingConfig.Length || length < 0;
                _pendingConfigLength = _pendingConfigTooLarge ? 0 : length;
                if (!_pendingConfigTooLarge)
                {
                    System.Array.Copy(payload, _pendingConfig, length);
                }
            }
        }

        /// <summary>One turn of the main loop. Returns quickly when there is nothing to do; call it every few milliseconds.</summary>
        public void Poll()
        {
            if (!_started)
            {
                throw new System.InvalidOperationException("call Start first");
            }

            PublishBirthIfPending();
            ApplyPendingConfig();
            ReadSamples();
            var now = _clock.MonotonicMilliseconds;
            if (now >= _nextEnvironmentReadMs)
            {
                _nextEnvironmentReadMs = now + (_config.EnvironmentSampleSeconds * 1000L);
                ReadEnvironment();
            }

            if (now >= _nextStatusMs)
            {
                _nextStatusMs = now + (_config.StatusIntervalSeconds * 1000L);
                PublishStatus();
            }

            if (_queue.Count > 0)
            {
                _publisher.Drain();
            }
        }

        private string TopicFor(string kind)
        {
            return TopicPath.Build(_identity.Tenant, _identity.Site, _identity.Asset, _identity.NodeId, kind);
        }

        private void ReadSamples()
        {
            var window = _window;
            while (true)
            {
                var room = window.Capacity - window.Count;
                var read = _accelerometer.ReadAvailable(window.X, window.Y, window.Z, window.Count, room);
                if (read <= 0)
                {
                    return;
                }

                window.Count += read;
                if (window.Count == window.Capacity)
                {
                    ProcessWindow();
                    window.Count = 0;
                }
            }
        }

        private void ProcessWindow()
        {
            _window.GPerCount = _accelerometer.GPerCount;
            _window.SampleRateHz = _sampleRateHz;
            _extractor.Compute(_window, _features);
            WindowCount++;

            var zoneChanged = _zoneTracker.Update(_features.MaxVelocityRmsMmPerSecond);
            if (zoneChanged)
            {
                PublishZoneAlarmIfSevere(_zoneTracker.Change);
            }

            var transitions = _limits.UpdateVibration(_features);
            for (var i = 0; i < transitions; i++)
            {
                PublishLimitAlarm(_limits.Transition(i));
            }

            var now = _clock.MonotonicMilliseconds;
            ChannelValueReader.FillAllChannels(_features, _environmentSinceReport, _channelValues);
            if (_reportGate.ShouldReport(_channelValues, now) || zoneChanged)
            {
                _environmentReported.CopyFrom(_environmentSinceReport);
                _environmentSinceReport.Reset();
                Send(TopicTelemetry);
                _reportGate.RecordReport(_channelValues, now);
            }
        }

        private void ReadEnvironment()
        {
            float temperatureCelsius;
            float relativeHumidityPercent;
            float pressureHectopascals;
            if (!_environment.TryRead(out temperatureCelsius, out relativeHumidityPercent, out pressureHectopascals))
            {
                return;
            }

            _environmentSinceReport.Add(temperatureCelsius, relativeHumidityPercent, pressureHectopascals);
            _environmentLatest.Reset();
            _environmentLatest.Add(temperatureCelsius, relativeHumidityPercent, pressureHectopascals);
            var transitions = _limits.UpdateEnvironment(_environmentLatest);
            for (var i = 0; i < transitions; i++)
            {
                PublishLimitAlarm(_limits.Transition(i));
            }
        }

        // ISO zones A and B are both fine for long-term running: only entering or leaving C or D is an alarm.
        private void PublishZoneAlarmIfSevere(IsoZoneChange change)
        {
            var severeBefore = change.PreviousZone >= IsoZone.C;
            var severeNow = change.Zone >= IsoZone.C;
            if (!severeBefore && !severeNow)
            {
                return;
            }

            _alarm.Source = AlarmSource.Zone;
            _alarm.Channel = FeatureChannel.VelocityRmsMmPerSecond;
            _alarm.Axis = AxisSelector.Max;
            _alarm.Zone = change.Zone;
            _alarm.PreviousZone = change.PreviousZone;
            _alarm.Value = change.VelocityRmsMmPerSecond;
            _alarm.Threshold = change.BoundaryMmPerSecond;
            if (change.IsWorse)
            {
                _alarm.State = AlarmState.Raised;
                _alarm.Severity = change.Zone == IsoZone.D ? AlarmSeverity.Alarm : AlarmSeverity.Warning;
            }
            else
            {
                _alarm.State = AlarmState.Cleared;
                _alarm.Severity = change.PreviousZone == IsoZone.D ? AlarmSeverity.Alarm : AlarmSeverity.Warning;
            }

            Send(TopicAlarm);
        }

        private void PublishLimitAlarm(LimitTransition transition)
        {
            _alarm.Source = AlarmSource.Limit;
            _alarm.Channel = transition.Rule.Channel;
            _alarm.Axis = transition.Rule.Axis;
            _alarm.State = transition.IsRaised ? AlarmState.Raised : AlarmState.Cleared;
            _alarm.Severity = transition.Severity == LimitSeverity.Alarm ? AlarmSeverity.Alarm : AlarmSeverity.Warning;
            _alarm.Value = transition.Value;
            _alarm.Threshold = transition.Threshold;
            Send(TopicAlarm);
        }

        private void PublishStatus()
        {
            _status.ConfigVersion = _config.ConfigVersion;
            _status.UptimeSeconds = _diagnostics.UptimeSeconds;
            _status.FreeHeapBytes = _diagnostics.FreeHeapBytes;
            _status.RssiDbm = _diagnostics.RssiDbm;
            _status.ResetReason = _diagnostics.ResetReason;
            _status.QueueDepth = _queue.Count;
            _status.QueueCapacity = _queue.Capacity;
            _status.QueueDropped = _queue.DroppedCount;
            _status.PublishFailures = _publisher.FailedPublishCount;
            Send(TopicStatus);
        }

        // Birth goes straight to the broker, ahead of the queue: it says "this boot is online" and is worthless as a replay.
        private void PublishBirthIfPending()
        {
            bool pending;
            lock (_inboxLock)
            {
                pending = _birthPending;
                _birthPending = false;
            }

            if (!pending)
            {
                return;
            }

            StampHeader(false);
            var length = TryEncode(TopicBirth);
            if (length > 0 && _transport.Publish(_topics[TopicBirth], _messageBuffer, length))
            {
                _birthCount++;
            }
            else
            {
                _log.Warning("birth not acknowledged; the next connect sends a new one");
            }

            _publisher.Drain();
        }

        /// <summary>
        /// Publishes the message of the given topic now if that keeps the order, else encodes it again as historical (same
        /// seq and timestamp) and queues it.
        /// </summary>
        private void Send(int topicIndex)
        {
            StampHeader(false);
            var length = TryEncode(topicIndex);
            if (length <= 0 || _publisher.TryPublishDirect(topicIndex, _messageBuffer, length))
            {
                return;
            }

            _header.Historical = true;
            length = TryEncode(topicIndex);
            if (length > 0)
            {
                _publisher.Enqueue(topicIndex, _messageBuffer, length);
            }
        }

        private void StampHeader(bool historical)
        {
            lock (_seqLock)
            {
                _header.Seq = _seq++;
            }

            _header.TimestampMs = _clock.UtcNowMilliseconds;
            _header.TimeSynchronized = _clock.IsSynchronized;
            _header.Historical = historical;
        }

        private int TryEncode(int topicIndex)
        {
            try
            {
                return Encode(topicIndex);
            }
            catch (MessageBufferTooSmallException)
            {
                _encodeFailures++;
                _log.Error("message larger than " + _messageBuffer.Length.ToString() + " bytes not sent: " + _topics[topicIndex]);
                return 0;
            }
        }

        private int Encode(int topicIndex)
        {
            switch (topicIndex)
            {
                case TopicTelemetry:
                    return _encoder.EncodeTelemetry(_header, _config.ConfigVersion, _features, _config.Bands, _zoneTracker.HasZone ? _zoneTracker.Zone : IsoZone.A, _environmentReported, _messageBuffer);
                case TopicAlarm:
                    return _encoder.EncodeAlarm(_header, _alarm, _messageBuffer);
                case TopicStatus:
                    return _encoder.EncodeStatus(_header, _status, _messageBuffer);
                case TopicBirth:
                    return _encoder.EncodeBirth(_header, _identity.Board, _config, _messageBuffer);
                default:
                    return _encoder.EncodeConfigAck(_header, _ackConfigVersion, _ackAccepted, _ackReason, _messageBuffer);
            }
        }

        private void ApplyPendingConfig()
        {
            int length;
            bool tooLarge;
            lock (_inboxLock)
            {
                if (!_configPending)
                {
                    return;
                }

                _configPending = false;
                tooLarge = _pendingConfigTooLarge;
                length = _pendingConfigLength;
                System.Array.Copy(_pendingConfig, _configWork, length);
            }

            if (tooLarge)
            {
                Acknowledge(0, false, "config message larger than " + MaxConfigMessageBytes.ToString() + " bytes");
                return;
            }

            NodeConfig? candidate;
            string reason;
            if (!ConfigMessageDecoder.TryDecode(_configWork, length, out candidate, out reason) || candidate == null)
            {
                Acknowledge(0, false, reason);
                return;
            }

            if (!CheckApplicable(candidate, out reason))
            {
                Acknowledge(candidate.ConfigVersion, false, reason);
                return;
            }

            // Persist first: a config is in force only if it will still be in force after a reset.
            if (!_store.Write(ConfigKey, _configWork, length))
            {
                Acknowledge(candidate.ConfigVersion, false, "the node could not store the config in flash; the old one stays in force");
                return;
            }

            if (!TryApply(candidate, out reason))
            {
                Acknowledge(candidate.ConfigVersion, false, reason);
                return;
            }

            _sampleRateHz = _accelerometer.Start(_config.SampleRateHz);
            _log.Info("config " + candidate.ConfigVersion.ToString() + " applied");
            Acknowledge(candidate.ConfigVersion, true, null);
        }

        private bool CheckApplicable(NodeConfig candidate, out string reason)
        {
            if (!NodeConfigValidator.Validate(candidate, out reason))
            {
                return false;
            }

            var telemetryBytes = TelemetryFixedBytes + (candidate.Bands.Length * TelemetryBytesPerBand);
            if (telemetryBytes > _messageBuffer.Length)
            {
                reason = "bands: at most " + ((_messageBuffer.Length - TelemetryFixedBytes) / TelemetryBytesPerBand).ToString()
                    + " bands fit this node's " + _messageBuffer.Length.ToString() + "-byte messages, got " + candidate.Bands.Length.ToString();
                return false;
            }

            reason = string.Empty;
            return true;
        }

        // Builds every per-config object before swapping any in, so a failure (out of memory on a small device) leaves the
        // running config whole.
        private bool TryApply(NodeConfig candidate, out string reason)
        {
            AccelerationWindow window;
            VibrationFeatureExtractor extractor;
            VibrationFeatures features;
            IsoZoneTracker zoneTracker;
            LimitMonitorSet limits;
            ReportByExceptionGate reportGate;
            try
            {
                window = candidate.WindowSamples == _window.Capacity ? _window : new AccelerationWindow(candidate.WindowSamples);
                extractor = new VibrationFeatureExtractor(candidate);
                features = new VibrationFeatures(candidate.Bands.Length);
                zoneTracker = new IsoZoneTracker(candidate);
                limits = new LimitMonitorSet(candidate);
                reportGate = new ReportByExceptionGate(candidate);
            }
            catch (System.OutOfMemoryException)
            {
                reason = "not enough memory on the node for window_samples " + candidate.WindowSamples.ToString();
                return false;
            }

            _config = candidate;
            _window = window;
            _window.Count = 0;
            _extractor = extractor;
            _features = features;
            _zoneTracker = zoneTracker;
            _limits = limits;
            _reportGate = reportGate;
            reason = string.Empty;
            return true;
        }

        private void Acknowledge(int configVersion, bool accepted, string? reason)
        {
            if (!accepted)
            {
                _log.Warning("config rejected: " + reason);
            }

            _ackConfigVersion = configVersion;
            _ackAccepted = accepted;
            _ackReason = reason;
            Send(TopicConfigAck);
        }

        private void LoadPersistedConfig()
        {
            int length;
            if (!_store.TryRead(ConfigKey, _configWork, out length) || length <= 0)
            {
                return;
            }

            NodeConfig? stored;
            string reason;
            if (ConfigMessageDecoder.TryDecode(_configWork, length, out stored, out reason) && stored != null
                && CheckApplicable(stored, out reason) && TryApply(stored, out reason))
            {
                return;
            }

            _log.Error("stored config ignored, running the default: " + reason);
        }

        private int ReadBootCount()
        {
            int length;
            if (_store.TryRead(BootCountKey, _configWork, out length) && length == 4)
            {
                var count = System.BitConverter.ToInt32(_configWork, 0);
                return count > 0 ? count : 0;
            }

            return 0;
        }

        private void WriteBootCount(int count)
        {
            var bytes = System.BitConverter.GetBytes(count);
            if (!_store.Write(BootCountKey, bytes, bytes.Length))
            {
                _log.Error("boot counter not persisted; seq numbers of this boot may repeat an earlier boot's");
            }
        }
    }
}

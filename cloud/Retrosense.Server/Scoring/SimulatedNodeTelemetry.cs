using System;
using Retrosense.Contracts;
using Retrosense.Node.Configuration;
using Retrosense.Node.Dsp;
using Retrosense.Node.EnvironmentChannels;
using Retrosense.Node.Host.Simulation;
using Retrosense.Node.Thresholds;
using Retrosense.Node.Wire;
using Retrosense.Platform.Ingestion;

namespace Retrosense.Server.Scoring;

/// <summary>
/// Telemetry windows of a simulated machine at chosen moments of simulated time, made exactly as a node makes them and
/// read exactly as the cloud reads them: <see cref="MachineModel.Fill"/> (which jumps to any model time) → int16 counts of
/// the ADXL345's 3.9 mg step → the node core's <see cref="VibrationFeatureExtractor"/> and ISO zone → the node's
/// <see cref="NodeMessageEncoder"/> → the cloud's <see cref="NodeMessageDecoder"/>. No wall-clock time passes, so a test
/// can watch weeks of a machine in seconds. Not thread-safe.
/// </summary>
public sealed class SimulatedNodeTelemetry
{
    private readonly MachineModel _model;
    private readonly NodeConfig _config;
    private readonly TopicPath _topic;
    private readonly string _topicText;
    private readonly VibrationFeatureExtractor _extractor;
    private readonly VibrationFeatures _features;
    private readonly AccelerationWindow _window;
    private readonly float[] _x;
    private readonly float[] _y;
    private readonly float[] _z;
    private readonly NodeMessageEncoder _encoder = new();
    private readonly EnvironmentSummary _environment = new();
    private readonly byte[] _buffer = new byte[16384];
    private readonly MessageClock _clock = new();
    private readonly NodeMessageDecoder _decoder;
    private long _seq;

    public SimulatedNodeTelemetry(MachineModel model, NodeConfig config, TopicPath topic)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _topic = topic ?? throw new ArgumentNullException(nameof(topic));
        _topicText = TopicPath.Build(topic.Tenant, topic.Site, topic.Asset, topic.Node, "telemetry");
        _extractor = new VibrationFeatureExtractor(config);
        _features = new VibrationFeatures(config.Bands.Length);
        _window = new AccelerationWindow(config.WindowSamples)
        {
            Count = config.WindowSamples,
            GPerCount = SimulatedAccelerometer.DefaultGPerCount,
            SampleRateHz = config.SampleRateHz,
        };
        _x = new float[config.WindowSamples];
        _y = new float[config.WindowSamples];
        _z = new float[config.WindowSamples];
        _decoder = new NodeMessageDecoder(_clock);
    }

    /// <summary>The ISO 10816-3 zone of the last window.</summary>
    public IsoZone LastZone { get; private set; }

    /// <summary>The telemetry message of the window that starts at <paramref name="modelSeconds"/> of model time.</summary>
    public DecodedNodeMessage WindowAt(double modelSeconds)
    {
        _model.Fill(modelSeconds, _config.SampleRateHz, _x, _y, _z);
        var countsPerG = 1f / SimulatedAccelerometer.DefaultGPerCount;
        for (var i = 0; i < _x.Length; i++)
        {
            _window.X[i] = ToCounts(_x[i] * countsPerG);
            _window.Y[i] = ToCounts(_y[i] * countsPerG);
            _window.Z[i] = ToCounts(_z[i] * countsPerG);
        }

        _extractor.Compute(_window, _features);
        LastZone = IsoZoneClassifier.Classify(_features.MaxVelocityRmsMmPerSecond, _config.ZoneBoundariesMmPerSecond);
        var timestamp = _model.Settings.StartUtc.AddSeconds(modelSeconds + (_config.WindowSamples / _config.SampleRateHz));
        var header = new MessageHeader
        {
            NodeId = _topic.Node,
            BootCount = 1,
            Seq = _seq++,
            TimestampMs = timestamp.ToUnixTimeMilliseconds(),
            TimeSynchronized = true,
            FirmwareVersion = "sim-1",
        };
        var length = _encoder.EncodeTelemetry(header, _config.ConfigVersion, _features, _config.Bands, LastZone, _environment, _buffer);
        _clock.UtcNow = timestamp;
        if (!_decoder.TryDecode(_topicText, _buffer.AsSpan(0, length), out var message, out var reason))
        {
            throw new InvalidOperationException("the node's own telemetry did not decode: " + reason.Code + ": " + reason.Message);
        }

        return message;
    }

    private static short ToCounts(float counts) => (short)Math.Clamp(MathF.Round(counts), short.MinValue, short.MaxValue);

    /// <summary>The decoder bounds <c>ts</c> by its clock; here the clock is the simulated message time.</summary>
    private sealed class MessageClock : TimeProvider
    {
        public DateTimeOffset UtcNow { get; set; } = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => UtcNow;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using Retrosense.Node.Configuration;
using Retrosense.Node.Host.Hosting;
using Retrosense.Node.Host.Simulation;
using Retrosense.Node.Host.Storage;
using Retrosense.Node.Host.Transport;
using Retrosense.Node.Runtime;
using Retrosense.Node.Wire;
using Retrosense.Testing.Services;

namespace Retrosense.Node.Host.Tests.Integration;

/// <summary>
/// A host node as a gateway runs it, in the test process: the node core (<see cref="SensorNode"/>) with a machine model
/// behind simulated sensors on the real clock, a file store in a temp folder, and the MQTTnet transport to the test's
/// Mosquitto, wired the way <see cref="NodeRunner"/> wires them, with its main loop on its own thread. It records the seq
/// of every death message it registers as last will (those seqs are never published while the node lives).
/// </summary>
internal sealed class HostNodeUnderTest : IDisposable
{
    public const string Site = "site-it";
    public const string Asset = "asset-001";
    public const string NodeId = "node-001";

    private readonly string _storeDirectory;
    private readonly Thread _loop;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<long> _lastWillSeqs = new();
    private readonly object _lastWillLock = new();
    private Exception? _loopFailure;

    public HostNodeUnderTest(MosquittoBroker broker, string tenant, NodeConfig config, int queueCapacity)
    {
        Tenant = tenant;
        _storeDirectory = Directory.CreateTempSubdirectory("retrosense-node-store-").FullName;
        var store = new FilePersistentStore(_storeDirectory);

        // The config a provisioned node finds in its flash at first boot.
        var configMessage = new byte[SensorNode.MaxConfigMessageBytes];
        store.Write(SensorNode.ConfigKey, configMessage, new ConfigMessageEncoder().Encode(config, configMessage));

        var clock = new SystemClock();
        var machine = new MachineModel(new MachineModelSettings { Seed = 7, StartUtc = DateTimeOffset.UtcNow });
        Log = new RecordingNodeLog();
        var options = new MqttNodeTransportOptions(new Uri(broker.Url), MqttNodeTransportOptions.ClientIdFor(tenant, NodeId))
        {
            KeepAlive = TimeSpan.FromSeconds(5),
            PublishTimeout = TimeSpan.FromSeconds(3),
            ConnectTimeout = TimeSpan.FromSeconds(3),
        };

        // Short backoff so the node is back within a second or two of the broker (the default starts at 1 s and doubles to 2 min).
        Transport = new MqttNodeTransport(options, Log, new ReconnectBackoff(new Random(7), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)));
        Node = new SensorNode(
            new NodeIdentity(tenant, Site, Asset, NodeId, "linux", "0.0.0-test"),
            clock,
            new SimulatedAccelerometer(machine, clock),
            new SimulatedEnvironmentSensor(machine, clock),
            Transport,
            store,
            Log,
            new ProcessDiagnostics(),
            queueCapacity,
            Retrosense.Node.StoreAndForward.StoreAndForwardQueue.RecommendedSlotBytes);

        Node.Start();
        Transport.SetLastWill(Node.DeathTopic, EncodeLastWill);
        Transport.SetConfigSubscription(Node.ConfigTopic, Node.OnConfigMessage);
        Transport.Connected += Node.OnConnected;
        Transport.Start();
        _loop = new Thread(RunLoop) { IsBackground = true, Name = "node-under-test" };
        _loop.Start();
    }

    public string Tenant { get; }

    public SensorNode Node { get; }

    public MqttNodeTransport Transport { get; }

    public RecordingNodeLog Log { get; }

    /// <summary>Filter for everything this node publishes.</summary>
    public string TopicFilter => $"retrosense/v1/{Tenant}/{Site}/{Asset}/{NodeId}/+";

    /// <summary>Seqs taken by death messages registered as last will so far.</summary>
    public IReadOnlyList<long> LastWillSeqs
    {
        get
        {
            lock (_lastWillLock)
            {
                return _lastWillSeqs.ToArray();
            }
        }
    }

    /// <summary>A simple config that makes the node talk several times a second: every 256-sample window at 1,024 Hz is reported (4 per second).</summary>
    public static NodeConfig FastConfig(int configVersion)
    {
        var config = NodeConfig.CreateDefault();
        config.ConfigVersion = configVersion;
        config.SampleRateHz = 1024f;
        config.WindowSamples = 256;
        config.VelocityBandHighHz = 460f;
        config.EnvelopeBandLowHz = 200f;
        config.EnvelopeBandHighHz = 460f;
        config.Deadbands[(int)FeatureChannel.RmsG] = float.Epsilon;
        config.HeartbeatSeconds = 1;
        config.StatusIntervalSeconds = NodeConfigValidator.MinStatusIntervalSeconds;
        config.EnvironmentSampleSeconds = 1;
        return config;
    }

    /// <summary>Stops the main loop (no more messages are produced); the connection stays up.</summary>
    public void StopLoop()
    {
        _stopping.Cancel();
        _loop.Join();
        if (_loopFailure is not null)
        {
            throw new InvalidOperationException("the node's main loop failed", _loopFailure);
        }
    }

    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
            _loop.Join();
        }

        Transport.Connected -= Node.OnConnected;
        Transport.Dispose();
        _stopping.Dispose();
        Directory.Delete(_storeDirectory, recursive: true);
    }

    private int EncodeLastWill(byte[] buffer)
    {
        var length = Node.EncodeLastWill(buffer);
        using var death = JsonDocument.Parse(buffer.AsMemory(0, length));
        lock (_lastWillLock)
        {
            _lastWillSeqs.Add(death.RootElement.GetProperty("seq").GetInt64());
        }

        return length;
    }

    private void RunLoop()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                Node.Poll();
                _stopping.Token.WaitHandle.WaitOne(NodeRunner.DefaultPollInterval);
            }
        }
        catch (Exception exception)
        {
            _loopFailure = exception;
        }
    }
}

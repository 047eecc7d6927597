using System;
using Retrosense.Node.Host.Hosting;
using Retrosense.Node.Host.Simulation;
using Retrosense.Node.Host.Storage;
using Retrosense.Node.Host.Transport;
using Retrosense.Node.Ports;
using Retrosense.Node.Runtime;

namespace Retrosense.Cli.Simulation;

/// <summary>
/// One node of the simulated fleet: the real node core wired to a machine model, simulated sensors on the fleet's clock, an
/// in-memory flash and its own MQTT connection. <see cref="Poll"/> is one turn of the node's main loop; a fleet worker
/// calls it, never two at once.
/// </summary>
internal sealed class SimulatedFleetNode : IDisposable
{
    /// <summary>
    /// Store-and-forward queue per node: 64 messages of the recommended slot size (96 KiB), a gateway-class node's
    /// buffer; an ESP32 holds 8 (StoreAndForwardQueue.RecommendedEsp32Capacity). 1,000 nodes take about 100 MiB.
    /// </summary>
    public const int QueueCapacity = 64;

    private readonly MqttNodeTransport _transport;
    /// <summary>Windows one main-loop turn may read (see <see cref="PollBoundedAccelerometer"/>).</summary>
    public const int WindowsPerPoll = 4;

    private readonly SimulatedAccelerometer _accelerometer;
    private readonly PollBoundedAccelerometer _boundedAccelerometer;
    private readonly NodeRunner _runner;

    public SimulatedFleetNode(NodeIdentity identity, SimulatedClock clock, MachineModelSettings model, byte[] configMessage, int configLength, int windowSamples, MqttNodeTransportOptions transport, FleetCounters counters, INodeLog log)
    {
        var machine = new MachineModel(model);
        _accelerometer = new SimulatedAccelerometer(machine, clock);
        _boundedAccelerometer = new PollBoundedAccelerometer(_accelerometer, WindowsPerPoll * windowSamples);
        var store = new InMemoryPersistentStore();

        // The config a provisioned node finds in its flash at first boot (`retrosense node provision` writes it there).
        store.Write(SensorNode.ConfigKey, configMessage, configLength);
        _transport = new MqttNodeTransport(transport, log);
        Node = new SensorNode(
            identity,
            clock,
            _boundedAccelerometer,
            new SimulatedEnvironmentSensor(machine, clock),
            new CountingMessageTransport(_transport, counters),
            store,
            log,
            new SimulatedNodeDiagnostics(clock),
            QueueCapacity,
            Retrosense.Node.StoreAndForward.StoreAndForwardQueue.RecommendedSlotBytes);
        _runner = new NodeRunner(Node, _transport, log);
    }

    public SensorNode Node { get; }

    public bool IsConnected => _transport.IsConnected;

    /// <summary>Samples the node read too late and lost (its FIFO overran): non-zero when the fleet cannot keep pace.</summary>
    public long OverrunSamples => _accelerometer.OverrunSamples;

    /// <summary>Boots the node (config from its flash), registers its death message as last will and starts connecting.</summary>
    public void Start() => _runner.Start();

    /// <summary>One turn of the node's main loop: birth after a (re)connect, then samples, windows, reports and the queue.</summary>
    public void Poll()
    {
        _boundedAccelerometer.BeginPoll();
        _runner.PollOnce();
    }

    /// <summary>Stops like retrosense-node: disconnects with the will, so the broker publishes the node's death message.</summary>
    public void Dispose() => _runner.Dispose();
}

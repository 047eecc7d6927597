using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Retrosense.Node.Host.Hosting;
using Retrosense.Node.Host.Simulation;
using Retrosense.Node.Host.Storage;
using Retrosense.Node.Host.Transport;
using Retrosense.Node.Runtime;

namespace Retrosense.Server.Demo;

/// <summary>
/// The demo nodes running in-process: each is the real node core (<see cref="SensorNode"/>) on a machine model, with
/// simulated sensors on a real-time clock, in-memory flash, and its own MQTT connection to the embedded broker as
/// <c>{tenant}:{node}</c> with its password. One thread runs every node's main loop, so five nodes cost one
/// mostly-sleeping thread; stopping disconnects each node with its will, so the cloud receives its <c>death</c>.
/// </summary>
public sealed class DemoFleet : IAsyncDisposable
{
    /// <summary>A death message is the nine header fields: 256 bytes are plenty (SensorNode.EncodeLastWill).</summary>
    private const int DeathPayloadBufferBytes = 256;

    private readonly List<(string NodeId, NodeRunner Runner)> _runners = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _logger;
    private int _disposed;

    private DemoFleet(ILogger logger)
    {
        _logger = logger;
    }

    public int NodeCount => _runners.Count;

    /// <summary>Builds the nodes and starts their loop thread; they connect in the background.</summary>
    public static DemoFleet Start(IReadOnlyList<DemoNode> nodes, Uri broker, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(logger);
        var fleet = new DemoFleet(logger);

        // Real time (scale 1): message timestamps are the cloud's now, and the fault grows over real minutes.
        var startUtc = DateTimeOffset.UtcNow;
        var clock = new SimulatedClock(startUtc, 1);
        for (var index = 0; index < nodes.Count; index++)
        {
            var demoNode = nodes[index];
            var asset = demoNode.Asset;
            var log = new DemoNodeLog(logger, asset.NodeId);
            var machine = new MachineModel(DemoFleetConfiguration.ModelFor(asset, seed: index + 1, startUtc));
            var flash = new InMemoryPersistentStore();
            var config = DemoFleetConfiguration.EncodeFor(asset);
            flash.Write(SensorNode.ConfigKey, config, config.Length);
            var bootCount = new byte[sizeof(int)];
            BinaryPrimitives.WriteInt32LittleEndian(bootCount, (int)Math.Clamp(demoNode.LastBoot, 0, int.MaxValue - 1));
            flash.Write(SensorNode.BootCountKey, bootCount, bootCount.Length);
            var username = MqttNodeTransportOptions.ClientIdFor(DemoFleetPlan.TenantId, asset.NodeId);
            var transport = new MqttNodeTransport(new MqttNodeTransportOptions(broker, username) { Username = username, Password = demoNode.Password }, log);
            var identity = new NodeIdentity(DemoFleetPlan.TenantId, DemoFleetPlan.SiteId, asset.AssetId, asset.NodeId, "demo-simulated", NodeHost.FirmwareVersion);
            var sensorNode = new SensorNode(identity, clock, new SimulatedAccelerometer(machine, clock), new SimulatedEnvironmentSensor(machine, clock), transport, flash, log, new ProcessDiagnostics());
            // Stop announces the death itself (AnnounceDeathAsync), then disconnects normally: see DisposeAsync.
            fleet._runners.Add((asset.NodeId, new NodeRunner(sensorNode, transport, log) { AnnounceDeathOnStop = false }));
        }

        var thread = new Thread(fleet.Run) { IsBackground = true, Name = "demo-fleet" };
        thread.Start();
        return fleet;
    }

    /// <summary>
    /// Stops the loop, publishes every node's <c>death</c> (QoS 1, so it is committed before the PUBACK), then disconnects.
    /// The death is published rather than left to the broker as a will: with MQTTnet.Server 5.2.0.1603 a client's
    /// DISCONNECT with reason 0x04 (disconnect with will) did not make the embedded broker publish the will (0 of 5
    /// deaths stored in the demo restart test), and a stopping server would also race the will against its own shutdown.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _stopped.Task.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void AnnounceDeath(string nodeId, NodeRunner runner)
    {
        if (!runner.Transport.IsConnected)
        {
            return;
        }

        try
        {
            var payload = new byte[DeathPayloadBufferBytes];
            var length = runner.Node.EncodeLastWill(payload);
            if (!runner.Transport.Publish(runner.Node.DeathTopic, payload, length))
            {
                DemoLog.NodeWarning(_logger, nodeId, "death message not acknowledged");
            }
        }
#pragma warning disable CA1031 // Shutting down: one node's failure must not keep the others from saying goodbye.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            DemoLog.PollFailed(_logger, exception, nodeId);
        }
    }

    private void Run()
    {
        try
        {
            foreach (var (_, runner) in _runners)
            {
                runner.Start();
            }

            var stopping = _stopping.Token;
            while (!stopping.IsCancellationRequested)
            {
                foreach (var (nodeId, runner) in _runners)
                {
                    try
                    {
                        runner.PollOnce();
                    }
#pragma warning disable CA1031 // One node's bug must not stop the others; the core is written not to throw.
                    catch (Exception exception)
#pragma warning restore CA1031
                    {
                        DemoLog.PollFailed(_logger, exception, nodeId);
                    }
                }

                // A device's main loop turns every 20 ms (NodeRunner.DefaultPollInterval); sleeping the rest keeps the fleet cheap.
                stopping.WaitHandle.WaitOne(NodeRunner.DefaultPollInterval);
            }
        }
        finally
        {
            foreach (var (nodeId, runner) in _runners)
            {
                AnnounceDeath(nodeId, runner);
                runner.Dispose();
            }

            _stopped.TrySetResult();
        }
    }
}

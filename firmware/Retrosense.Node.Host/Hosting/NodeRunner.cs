using System;
using System.Threading;
using Retrosense.Node.Host.Transport;
using Retrosense.Node.Ports;
using Retrosense.Node.Runtime;

namespace Retrosense.Node.Host.Hosting;

/// <summary>
/// Wires a <see cref="SensorNode"/> to its <see cref="MqttNodeTransport"/> and runs its main loop: the node's death message
/// becomes the last will, its config topic is subscribed at QoS 1 with payloads handed to
/// <see cref="SensorNode.OnConfigMessage"/>, and every (re)connect calls <see cref="SensorNode.OnConnected"/>.
/// </summary>
public sealed class NodeRunner : IDisposable
{
    /// <summary>Main-loop period: 20 ms keeps an ADXL345's 32-sample FIFO from overrunning at 1,600 Hz on hardware.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(20);

    private readonly INodeLog _log;
    private bool _started;

    public NodeRunner(SensorNode node, MqttNodeTransport transport, INodeLog log)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(log);
        Node = node;
        Transport = transport;
        _log = log;
    }

    public SensorNode Node { get; }

    public MqttNodeTransport Transport { get; }

    /// <summary>Starts the node (boot counter, persisted config, sampling) and the transport's connection loop.</summary>
    public void Start()
    {
        if (_started)
        {
            throw new InvalidOperationException("the runner is already started");
        }

        _started = true;
        Node.Start();
        Transport.SetLastWill(Node.DeathTopic, Node.EncodeLastWill);
        Transport.SetConfigSubscription(Node.ConfigTopic, Node.OnConfigMessage);
        Transport.Connected += Node.OnConnected;
        Transport.Start();
    }

    /// <summary>One turn of the main loop (for a scheduler that runs many nodes on few threads).</summary>
    public void PollOnce() => Node.Poll();

    /// <summary>Runs the main loop on the calling thread until <paramref name="stopping"/> is cancelled.</summary>
    public void Run(TimeSpan pollInterval, CancellationToken stopping)
    {
        if (!_started)
        {
            Start();
        }

        while (!stopping.IsCancellationRequested)
        {
            try
            {
                Node.Poll();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A node must keep running; the core is written not to throw, so this is a bug worth a loud line.
                _log.Error("poll failed: " + exception);
            }

            stopping.WaitHandle.WaitOne(pollInterval);
        }

        _log.Info("stopping: " + Node.QueueDepth + " message(s) left in the store-and-forward queue");
    }

    /// <summary>
    /// When true (the default), stopping the runner disconnects with the will, so the broker publishes the node's
    /// <c>death</c> message on a deliberate shutdown too and the cloud sees the node go offline either way.
    /// </summary>
    public bool AnnounceDeathOnStop { get; init; } = true;

    public void Dispose()
    {
        Transport.Connected -= Node.OnConnected;
        Transport.Stop(AnnounceDeathOnStop);
        Transport.Dispose();
    }
}

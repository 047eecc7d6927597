using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using Retrosense.Node.Host.Simulation;
using Retrosense.Node.Host.Transport;
using Retrosense.Node.Runtime;
using Retrosense.Node.Wire;

namespace Retrosense.Cli.Simulation;

/// <summary>
/// N simulated nodes in one process. Nodes do not get a thread each: a few worker threads call <c>Poll</c> on their
/// share of the nodes round-robin, as each device's main loop would, and every node has its own MQTT connection (the
/// honest model of a fleet: one session, one last will and one config subscription per node). One simulated clock
/// drives the whole fleet, so <c>--time-scale</c> speeds up every node alike.
/// </summary>
internal sealed class SimulatedFleet : IDisposable
{
    /// <summary>Site id of every simulated node's topics.</summary>
    public const string SiteId = "sim";

    /// <summary>Board name in the birth message.</summary>
    public const string Board = "simulated";

    /// <summary>A device main loop turns about every 10 ms; a worker pass over its nodes is paced the same.</summary>
    public static readonly TimeSpan PassInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Default worker threads: publishes block until the PUBACK, so more workers than cores keep more messages in flight.</summary>
    public static readonly int DefaultWorkerCount = Math.Max(2, 4 * Environment.ProcessorCount);

    private const int DisposeThreadCount = 32;

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    private readonly SimulationSettings _settings;
    private readonly FleetCounters _counters = new();
    private readonly SimulatedClock _clock;
    private readonly SimulatedFleetNode[] _nodes;
    private readonly double _windowsPerSimulatedSecond;

    public SimulatedFleet(SimulationSettings settings)
    {
        _settings = settings;
        var startUtc = DateTimeOffset.UtcNow;
        _clock = new SimulatedClock(startUtc, settings.TimeScale);
        var config = FleetNodeConfiguration.Create(settings.TotalMessagesPerSecond, settings.NodeCount, settings.TimeScale);
        _windowsPerSimulatedSecond = config.SampleRateHz / config.WindowSamples;
        var configMessage = new byte[Node.Runtime.SensorNode.MaxConfigMessageBytes];
        var configLength = new ConfigMessageEncoder().Encode(config, configMessage);
        _nodes = new SimulatedFleetNode[settings.NodeCount];
        for (var index = 0; index < settings.NodeCount; index++)
        {
            var asset = FaultPlanParser.AssetId(index);
            var identity = new NodeIdentity(settings.Tenant, settings.Site, asset, SimulationSettings.NodeId(index), Board, ThisAssembly.Version);
            var model = new MachineModelSettings
            {
                Seed = unchecked(settings.Seed + index),
                ShaftSpeedRpm = config.ShaftSpeedRpm,
                StartUtc = startUtc,
                Faults = new FaultPlan(settings.Faults.Where(fault => fault.Asset == asset).Select(ToFaultGrowth)),
            };
            var transport = new MqttNodeTransportOptions(settings.BrokerUri, identity.Tenant + "-" + identity.Site + "-" + identity.NodeId);
            if (settings.Credentials is { } credentials)
            {
                var username = NodeCredentialsFile.Username(identity.Tenant, identity.NodeId);
                transport = new MqttNodeTransportOptions(transport.BrokerUri, transport.ClientId) { Username = username, Password = credentials[username] };
            }

            _nodes[index] = new SimulatedFleetNode(identity, _clock, model, configMessage, configLength, config.WindowSamples, transport, _counters, Log);
        }
    }

    /// <summary>Where every node's warnings and errors are counted.</summary>
    public FleetNodeLog Log { get; } = new();

    /// <summary>
    /// Starts every node, runs for <paramref name="duration"/> (null: until <paramref name="stopping"/> is cancelled),
    /// reporting <paramref name="progress"/> about every second, and returns the totals. A node that throws stops the run
    /// and the exception is rethrown.
    /// </summary>
    public FleetTotals Run(TimeSpan? duration, CancellationToken stopping, Action<FleetProgress>? progress)
    {
        var elapsed = Stopwatch.StartNew();
        var simulatedStartSeconds = _clock.ElapsedSeconds;
        foreach (var node in _nodes)
        {
            node.Start();
        }

        using var running = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        if (duration is { } runFor)
        {
            running.CancelAfter(runFor);
        }

        ExceptionDispatchInfo? failure = null;
        var workerCount = Math.Min(_settings.WorkerCount, _nodes.Length);
        var workers = Enumerable.Range(0, workerCount).Select(worker =>
        {
            var thread = new Thread(() =>
            {
                try
                {
                    RunWorker(worker, workerCount, running.Token);
                }
                catch (Exception exception)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(exception), null);
                    running.Cancel();
                }
            })
            {
                IsBackground = true,
                Name = "simulate-worker-" + worker,
            };
            thread.Start();
            return thread;
        }).ToArray();

        var ticks = new List<(double Seconds, long Acknowledged, bool AllConnected)>();
        var lastProgressSeconds = 0.0;
        long lastProgressAcknowledged = 0;
        while (!running.Token.WaitHandle.WaitOne(ProgressInterval))
        {
            var now = elapsed.Elapsed.TotalSeconds;
            var acknowledged = _counters.Acknowledged;
            var connected = ConnectedNodes();
            ticks.Add((now, acknowledged, connected == _nodes.Length));
            progress?.Invoke(new FleetProgress(now, connected, _nodes.Length, acknowledged, _counters.Failed, _nodes.Sum(node => (long)node.Node.QueueDepth), (acknowledged - lastProgressAcknowledged) / (now - lastProgressSeconds)));
            lastProgressSeconds = now;
            lastProgressAcknowledged = acknowledged;
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        failure?.Throw();
        var elapsedSeconds = elapsed.Elapsed.TotalSeconds;
        var acknowledgedTotal = _counters.Acknowledged;
        var steady = SecondHalfRate(ticks, elapsedSeconds, acknowledgedTotal);
        return new FleetTotals(
            _nodes.Length,
            ConnectedNodes(),
            _nodes.Sum(node => node.Node.ProducedCount),
            _counters.Published,
            acknowledgedTotal,
            _counters.Failed,
            _nodes.Sum(node => (long)node.Node.QueueDepth),
            _nodes.Sum(node => node.Node.QueueDropped),
            _nodes.Sum(node => node.Node.WindowCount),
            (long)(_nodes.Length * (_clock.ElapsedSeconds - simulatedStartSeconds) * _windowsPerSimulatedSecond),
            _nodes.Sum(node => node.OverrunSamples),
            elapsedSeconds,
            acknowledgedTotal / elapsedSeconds,
            steady,
            _counters.Latency.Summarize());
    }

    /// <summary>
    /// Stops every node as retrosense-node stops (NodeRunner: disconnect with the will, so the broker announces each node's
    /// death and the cloud sees the fleet go offline). Each disposal blocks until its DISCONNECT went out, which
    /// MQTTnet completes on the thread pool, so the disposals run on dedicated threads: blocking pool threads for this
    /// starved the pool (42 s for 1,000 nodes, measured) instead of well under a second.
    /// </summary>
    public void Dispose()
    {
        var threads = Enumerable.Range(0, Math.Min(DisposeThreadCount, _nodes.Length)).Select(start =>
        {
            var thread = new Thread(() =>
            {
                for (var index = start; index < _nodes.Length; index += DisposeThreadCount)
                {
                    _nodes[index].Dispose();
                }
            })
            {
                IsBackground = true,
                Name = "simulate-dispose-" + start,
            };
            thread.Start();
            return thread;
        }).ToArray();
        foreach (var thread in threads)
        {
            thread.Join();
        }
    }

    private static FaultGrowth ToFaultGrowth(SimulatedFault fault)
    {
        var kind = fault.Fault switch
        {
            "imbalance" => FaultKind.Imbalance,
            "misalignment" => FaultKind.Misalignment,
            "outer-race" => FaultKind.OuterRace,
            "inner-race" => FaultKind.InnerRace,
            "ball" => FaultKind.Ball,
            _ => throw new CliInputException($"unknown fault '{fault.Fault}'"),
        };

        return new FaultGrowth(kind, fault.OnsetSeconds, fault.InitialSeverity, fault.GrowthPerSecond * 3600);
    }

    /// <summary>
    /// The sustained rate: acknowledged messages per second over the second half of the run, which leaves out the connect
    /// storm, the births and the first windows; null when not every node was connected from the midpoint on.
    /// </summary>
    private static double? SecondHalfRate(List<(double Seconds, long Acknowledged, bool AllConnected)> ticks, double endSeconds, long endAcknowledged)
    {
        var middle = ticks.FirstOrDefault(tick => tick.Seconds >= endSeconds / 2);
        if (middle == default || endSeconds - middle.Seconds < 0.5 || ticks.Any(tick => tick.Seconds >= middle.Seconds && !tick.AllConnected))
        {
            return null;
        }

        return (endAcknowledged - middle.Acknowledged) / (endSeconds - middle.Seconds);
    }

    private int ConnectedNodes() => _nodes.Count(node => node.IsConnected);

    private void RunWorker(int worker, int workerCount, CancellationToken stopping)
    {
        var mine = new List<SimulatedFleetNode>();
        for (var index = worker; index < _nodes.Length; index += workerCount)
        {
            mine.Add(_nodes[index]);
        }

        var pass = new Stopwatch();
        while (!stopping.IsCancellationRequested)
        {
            pass.Restart();
            foreach (var node in mine)
            {
                node.Poll();
                if (stopping.IsCancellationRequested)
                {
                    return;
                }
            }

            var rest = PassInterval - pass.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                stopping.WaitHandle.WaitOne(rest);
            }
        }
    }
}

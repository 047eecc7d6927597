using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using Retrosense.Cli.Simulation;
using Retrosense.Contracts;

namespace Retrosense.Cli.Commands;

/// <summary>
/// <c>retrosense simulate</c>: runs N simulated nodes in this process against an MQTT broker — the demo fleet and the load
/// generator. Each node is the real node core (<c>SensorNode</c>) with the host node's machine model, simulated sensors and
/// MQTTnet transport; a few worker threads poll all nodes round-robin.
/// </summary>
internal sealed class SimulateCommand
{
    public const string Name = "simulate";

    /// <summary>Upper bound on --nodes: each node holds an MQTT connection and its buffers; 10,000 is far past one process's useful load.</summary>
    public const int MaxNodes = 10000;

    /// <summary>Upper bound on --time-scale: beyond it a node's simulated seconds outrun the sample generation of even one node.</summary>
    public const double MaxTimeScale = 1000;

    /// <summary>Upper bound on --workers: one thread each; past a few hundred they only add scheduling.</summary>
    public const int MaxWorkers = 1000;

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    private readonly Option<int> _nodes = new("--nodes") { Description = "Number of simulated nodes (asset-001/node-001 …)", Required = true };
    private readonly Option<string> _broker = new("--broker") { Description = "MQTT broker URL, mqtt://HOST[:PORT]", Required = true };
    private readonly Option<string> _tenant = new("--tenant") { Description = "Tenant id of the fleet's topics", DefaultValueFactory = _ => "demo" };
    private readonly Option<string?> _faults = new("--faults") { Description = "Fault plan: ASSET:FAULT[:onset=S][:growth=PER_S][:severity=0..1];… or a .json file" };
    private readonly Option<double?> _duration = new("--duration") { Description = "Seconds to run; default: until Ctrl+C" };
    private readonly Option<double?> _rate = new("--rate") { Description = "Target total telemetry rate in messages per second (load mode: every window is reported, windows paced to the rate)" };
    private readonly Option<double> _timeScale = new("--time-scale") { Description = "Simulated seconds per real second", DefaultValueFactory = _ => 1.0 };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the machine models' noise and jitter (node i uses seed + i)", DefaultValueFactory = _ => 1 };
    private readonly Option<string?> _credentials = new("--credentials") { Description = "File of per-node MQTT passwords, one 'tenant:node password' line per node (username tenant:node)" };
    private readonly Option<int?> _workers = new("--workers") { Description = "Worker threads polling the nodes (default 4 × cores); each blocks on one PUBACK at a time" };
    private readonly Option<bool> _json = new("--json") { Description = "Print only the totals, as one JSON object" };

    public SimulateCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "Run simulated nodes against an MQTT broker (demo fleet and load generator)")
        {
            _nodes, _broker, _tenant, _faults, _duration, _rate, _timeScale, _seed, _credentials, _workers, _json,
        };
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        SimulationSettings settings;
        try
        {
            settings = ReadSettings(parseResult);
        }
        catch (CliInputException exception)
        {
            CliApp.WriteError(_stderr, $"{CliApp.Name} {Name}", exception.Message);
            return CliExitCodes.BadInput;
        }

        var asJson = parseResult.GetValue(_json);
        using var stopping = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            stopping.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var progress = asJson ? null : new Action<FleetProgress>(line => _stdout.WriteLine(line.ToString()));
            if (!asJson)
            {
                _stdout.WriteLine(Describe(settings));
            }

            using var fleet = new SimulatedFleet(settings);
            var totals = fleet.Run(settings.Duration, stopping.Token, progress);
            if (asJson)
            {
                _stdout.WriteLine(JsonSerializer.Serialize(totals, FleetTotalsJson.Options));
            }
            else
            {
                _stdout.WriteLine(FleetTotalsJson.Describe(totals));
            }

            return CliExitCodes.Success;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private SimulationSettings ReadSettings(ParseResult parseResult)
    {
        var nodes = parseResult.GetValue(_nodes);
        if (nodes is < 1 or > MaxNodes)
        {
            throw new CliInputException($"--nodes must be from 1 to {MaxNodes}, got {nodes}");
        }

        var brokerText = parseResult.GetValue(_broker) ?? string.Empty;
        if (!Uri.TryCreate(brokerText, UriKind.Absolute, out var broker) || !string.Equals(broker.Scheme, "mqtt", StringComparison.OrdinalIgnoreCase)
            || broker.Host.Length == 0 || broker.AbsolutePath is not ("/" or ""))
        {
            throw new CliInputException($"--broker must be mqtt://HOST[:PORT], got '{brokerText}' (the simulated fleet has no node certificates for mqtts)");
        }

        var tenant = parseResult.GetValue(_tenant) ?? string.Empty;
        if (TopicPath.SegmentProblem(tenant) is { } tenantProblem)
        {
            throw new CliInputException($"--tenant '{tenant}' {tenantProblem}");
        }

        var duration = parseResult.GetValue(_duration);
        if (duration is { } seconds && (!(seconds > 0) || !double.IsFinite(seconds) || seconds > TimeSpan.FromDays(365).TotalSeconds))
        {
            throw new CliInputException($"--duration must be a positive number of seconds, got {Format(seconds)}");
        }

        var timeScale = parseResult.GetValue(_timeScale);
        if (!(timeScale > 0) || !(timeScale <= MaxTimeScale))
        {
            throw new CliInputException($"--time-scale must be more than 0 and at most {Format(MaxTimeScale)}, got {Format(timeScale)}");
        }

        var rate = parseResult.GetValue(_rate);
        if (rate is { } messagesPerSecond)
        {
            if (!(messagesPerSecond > 0) || !double.IsFinite(messagesPerSecond))
            {
                throw new CliInputException($"--rate must be a positive number of messages per second, got {Format(messagesPerSecond)}");
            }

            FleetNodeConfiguration.LoadSampleRateHz(messagesPerSecond, nodes, timeScale);
        }

        var workers = parseResult.GetValue(_workers) ?? SimulatedFleet.DefaultWorkerCount;
        if (workers is < 1 or > MaxWorkers)
        {
            throw new CliInputException($"--workers must be from 1 to {MaxWorkers}, got {workers}");
        }

        IReadOnlyDictionary<string, string>? credentials = null;
        if (parseResult.GetValue(_credentials) is { } credentialsPath)
        {
            credentials = NodeCredentialsFile.Read(credentialsPath);
            for (var index = 0; index < nodes; index++)
            {
                var username = NodeCredentialsFile.Username(tenant, SimulationSettings.NodeId(index));
                if (!credentials.ContainsKey(username))
                {
                    throw new CliInputException($"--credentials {credentialsPath} has no password for {username}");
                }
            }
        }

        var faultsText = parseResult.GetValue(_faults);
        var faults = faultsText is null ? Array.Empty<SimulatedFault>() : FaultPlanParser.Parse(faultsText, nodes);
        return new SimulationSettings(
            nodes,
            broker,
            tenant,
            SimulatedFleet.SiteId,
            faults,
            duration is { } run ? TimeSpan.FromSeconds(run) : null,
            rate,
            timeScale,
            parseResult.GetValue(_seed),
            workers,
            credentials);
    }

    private static string Describe(SimulationSettings settings)
    {
        var pace = settings.TotalMessagesPerSecond is { } rate
            ? $"load {Format(rate)} msg/s ({Format(FleetNodeConfiguration.LoadSampleRateHz(rate, settings.NodeCount, settings.TimeScale))} Hz, {FleetNodeConfiguration.LoadWindowSamples}-sample windows, every window reported)"
            : "demo pace (node defaults, report by exception)";
        var run = settings.Duration is { } duration ? $"for {Format(duration.TotalSeconds)} s" : "until Ctrl+C";
        return $"# {settings.NodeCount} nodes of tenant {settings.Tenant} → {settings.BrokerUri}, {pace}, time scale {Format(settings.TimeScale)}, "
            + $"{settings.Faults.Count} faults planned, seed {settings.Seed}, {settings.WorkerCount} workers, "
            + (settings.Credentials is null ? "no credentials, " : "per-node passwords, ") + run;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

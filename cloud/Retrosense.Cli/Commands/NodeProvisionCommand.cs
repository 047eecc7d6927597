using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Contracts;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Provisioning;
using Retrosense.Platform.Registry;

namespace Retrosense.Cli.Commands;

/// <summary>
/// <c>retrosense node provision</c>: gives a node being retrofitted its identity (a certificate from the tenant CA), its
/// first config, the nanoff deployment file and flashing steps, registers it and its installation in the reporting store,
/// and rewrites the broker's ACL and CRL. The Wi-Fi password is read from <c>--wifi-password-file</c> or the
/// <c>RETROSENSE_WIFI_PASSWORD</c> environment variable, never from the command line (shell history, process lists).
/// </summary>
internal sealed class NodeProvisionCommand
{
    public const string Name = "provision";

    /// <summary>Environment variable holding the Wi-Fi password when no file is given.</summary>
    public const string WifiPasswordVariable = "RETROSENSE_WIFI_PASSWORD";

    public const string DefaultAxes = "x=horizontal,y=vertical,z=axial";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly NodeStoreOptions _storeOptions = new();
    private readonly Option<string> _tenant = new("--tenant") { Description = "Tenant id (A-Z a-z 0-9 . _ -)", Required = true };
    private readonly Option<string> _site = new("--site") { Description = "Site id", Required = true };
    private readonly Option<string> _asset = new("--asset") { Description = "Asset (machine) id", Required = true };
    private readonly Option<string> _node = new("--node") { Description = "Node id, unique in the tenant", Required = true };
    private readonly Option<string> _board = new("--board") { Description = "esp32, stm32 or linux", Required = true };
    private readonly Option<string> _broker = new("--broker") { Description = "Broker URL the node connects to, e.g. mqtts://broker.plant.example:8883", Required = true };
    private readonly Option<string?> _wifiSsid = new("--wifi-ssid") { Description = "Wi-Fi network (esp32)" };
    private readonly Option<string?> _wifiPasswordFile = new("--wifi-password-file") { Description = $"File whose first line is the Wi-Fi password (else ${WifiPasswordVariable}); empty for an open network" };
    private readonly Option<int?> _machineGroup = new("--machine-group") { Description = "ISO 10816-3 machine group: 1 (large, 300 kW-50 MW) or 2 (medium, 15-300 kW); default: the asset's, else 2" };
    private readonly Option<string?> _foundation = new("--foundation") { Description = "ISO 10816-3 foundation: rigid or flexible; default: the asset's, else rigid" };
    private readonly Option<float?> _rpm = new("--rpm") { Description = "Nominal shaft speed in rpm; default: the asset's, else 1500" };
    private readonly Option<string> _mount = new("--mount") { Description = "Mounting point: drive-end, non-drive-end or other", DefaultValueFactory = _ => "drive-end" };
    private readonly Option<string> _axes = new("--axes") { Description = "How the sensor axes face the machine", DefaultValueFactory = _ => DefaultAxes };
    private readonly Option<string?> _installer = new("--installer") { Description = "Who mounted the node (default: the current user)" };
    private readonly Option<string?> _installedOn = new("--installed-on") { Description = "Install date, YYYY-MM-DD (default: today, UTC)" };
    private readonly Option<string?> _notes = new("--notes") { Description = "Installation notes (surface preparation, stud or magnet, exact spot)" };
    private readonly Option<string?> _out = new("--out") { Description = "Output folder for the node's files (default: ./retrosense-node-{tenant}-{node})" };
    private readonly Option<string?> _nanoffTarget = new("--nanoff-target") { Description = "nanoFramework firmware target instead of the board's default (ESP32_PSRAM_REV0, ST_STM32F769I_DISCOVERY), e.g. ORGPAL_PALTHREE" };
    private readonly Option<string> _serialPort = new("--serial-port") { Description = "Serial port shown in the nanoff commands", DefaultValueFactory = _ => "COM3" };
    private readonly Option<string?> _brokerCa = new("--broker-ca") { Description = "PEM file of a further CA the node must trust for the broker (a production broker's CA)" };
    private readonly Option<bool> _json = new("--json") { Description = "Print the result as one JSON object" };

    public NodeProvisionCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "Provision a node: certificate, config, nanoff deployment file, registry entry, broker ACL")
        {
            _tenant, _site, _asset, _node, _board, _broker, _wifiSsid, _wifiPasswordFile, _machineGroup, _foundation, _rpm, _mount, _axes,
            _installer, _installedOn, _notes, _out, _nanoffTarget, _serialPort, _brokerCa, _json,
        };
        _storeOptions.AddTo(Command);
        Command.SetAction(ExecuteAsync);
    }

    public Command Command { get; }

    /// <summary>An id as the topic tree allows it, or a <see cref="CliInputException"/> naming the option.</summary>
    public static string RequireId(string option, string? value)
    {
        var problem = TopicPath.SegmentProblem(value);
        return problem is null ? value! : throw new CliInputException($"{option} '{value}' {problem}");
    }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(parseResult, cancellationToken).ConfigureAwait(false);
            return CliExitCodes.Success;
        }
        catch (Exception exception) when (exception is CliInputException or NodeProvisioningException or RegistryConflictException or ArgumentException)
        {
            CliApp.WriteError(_stderr, $"{CliApp.Name} {NodeCommand.Name} {Name}", exception.Message);
            return CliExitCodes.BadInput;
        }
    }

    private async Task RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var request = ReadRequest(parseResult);
        await using var store = await _storeOptions.OpenStoreAsync(parseResult, cancellationToken).ConfigureAwait(false);
        var service = _storeOptions.CreateService(parseResult, store);
        var result = await service.ProvisionAsync(request, cancellationToken).ConfigureAwait(false);
        if (parseResult.GetValue(_json))
        {
            var json = NodeListCommand.ToJson(result.Node);
            json["common_name"] = result.CommonName;
            json["certificate_not_after"] = NodeListCommand.Timestamp(result.Certificate.NotAfter);
            json["ca_created"] = result.CertificateAuthorityCreated;
            json["installation_id"] = result.Installation.InstallationId;
            json["output_dir"] = result.OutputDirectory;
            json["files"] = new JsonArray([.. result.FilesWritten.Select(path => JsonValue.Create(path))]);
            json["commands"] = new JsonArray([.. result.Commands.Select(command => JsonValue.Create(command))]);
            json["broker_dir"] = result.BrokerDirectory;
            _stdout.WriteLine(json.ToJsonString());
            return;
        }

        var subject = request.Subject;
        _stdout.WriteLine($"provisioned {result.CommonName}: tenant {subject.Tenant}, site {subject.Site}, asset {subject.Asset}, board {request.Board.Name}");
        if (result.CertificateAuthorityCreated)
        {
            _stdout.WriteLine($"created the CA of tenant {subject.Tenant} in {service.PkiRoot}");
        }

        _stdout.WriteLine($"certificate serial {result.Certificate.SerialNumber}, valid until {result.Certificate.NotAfter:yyyy-MM-dd}");
        _stdout.WriteLine($"node files: {result.OutputDirectory} (see README.txt)");
        _stdout.WriteLine($"broker files: {result.BrokerDirectory} (mosquitto.conf, ACL, CRL); reload Mosquitto: kill -HUP $(pidof mosquitto)");
        _stdout.WriteLine("next, from the node folder:");
        for (var i = 0; i < result.Commands.Count; i++)
        {
            // The STM32 reads node.conf and the first config from its microSD card, a copy rather than a command; it goes
            // before the application deploy, as in README.txt.
            if (request.Board.Board == NodeBoard.Stm32 && i == result.Commands.Count - 1)
            {
                _stdout.WriteLine("  " + InstallationInstructions.SdCardStep);
            }

            _stdout.WriteLine("  " + result.Commands[i]);
        }
    }

    private NodeProvisioningRequest ReadRequest(ParseResult parseResult)
    {
        var tenant = RequireId("--tenant", parseResult.GetValue(_tenant));
        var site = RequireId("--site", parseResult.GetValue(_site));
        var asset = RequireId("--asset", parseResult.GetValue(_asset));
        var node = RequireId("--node", parseResult.GetValue(_node));
        var boardText = parseResult.GetValue(_board);
        if (!NodeBoardProfile.TryParse(boardText, out var board))
        {
            throw new CliInputException($"unknown --board '{boardText}': use esp32, stm32 or linux");
        }

        if (parseResult.GetValue(_nanoffTarget) is { } target)
        {
            if (!board.IsNanoFramework)
            {
                throw new CliInputException($"--nanoff-target applies to esp32 and stm32 boards, not {board.Name}");
            }

            if (target.Length == 0 || !target.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                throw new CliInputException($"--nanoff-target must be a nanoFramework target name like ESP32_PSRAM_REV0 (A-Z 0-9 _), got '{target}'");
            }

            board = board with { NanoffTarget = target };
        }

        var brokerUrl = ParseBrokerUrl(parseResult.GetValue(_broker));
        MachineGroup? machineGroup = null;
        if (parseResult.GetValue(_machineGroup) is { } machineGroupNumber)
        {
            machineGroup = RegistryNames.TryParseMachineGroup(machineGroupNumber, out var group)
                ? group
                : throw new CliInputException($"--machine-group must be 1 or 2 (ISO 10816-3), got {machineGroupNumber}");
        }

        Foundation? foundation = null;
        if (parseResult.GetValue(_foundation) is { } foundationText)
        {
            foundation = RegistryNames.TryParseFoundation(foundationText, out var parsed)
                ? parsed
                : throw new CliInputException($"unknown --foundation '{foundationText}': use rigid or flexible");
        }

        var rpm = parseResult.GetValue(_rpm);
        if (rpm is { } givenRpm && (!(givenRpm > 0f) || !float.IsFinite(givenRpm)))
        {
            throw new CliInputException($"--rpm must be a positive number, got {givenRpm.ToString(CultureInfo.InvariantCulture)}");
        }

        var mountText = parseResult.GetValue(_mount);
        if (!RegistryNames.TryParseMountingPoint(mountText, out var mountingPoint))
        {
            throw new CliInputException($"unknown --mount '{mountText}': use drive-end, non-drive-end or other");
        }

        var installedOnText = parseResult.GetValue(_installedOn);
        var installedOn = DateOnly.FromDateTime(DateTime.UtcNow);
        if (installedOnText is not null && !DateOnly.TryParseExact(installedOnText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out installedOn))
        {
            throw new CliInputException($"--installed-on must be a date YYYY-MM-DD, got '{installedOnText}'");
        }

        var wifiSsid = parseResult.GetValue(_wifiSsid);
        string? wifiPassword = null;
        if (board.UsesWifi)
        {
            if (string.IsNullOrEmpty(wifiSsid))
            {
                throw new CliInputException($"--board {board.Name} joins Wi-Fi: give --wifi-ssid");
            }

            wifiPassword = ReadWifiPassword(parseResult.GetValue(_wifiPasswordFile));
        }

        var brokerCaFile = parseResult.GetValue(_brokerCa);
        string? brokerCa = null;
        if (brokerCaFile is not null)
        {
            brokerCa = File.Exists(brokerCaFile) ? File.ReadAllText(brokerCaFile) : throw new CliInputException($"--broker-ca file not found: {brokerCaFile}");
            if (!brokerCa.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                throw new CliInputException($"--broker-ca {brokerCaFile} holds no PEM certificate");
            }
        }

        var installer = parseResult.GetValue(_installer);
        return new NodeProvisioningRequest(
            new NodeCertificateSubject(tenant, site, asset, node),
            board,
            brokerUrl,
            machineGroup,
            foundation,
            rpm,
            mountingPoint,
            RequireText("--axes", parseResult.GetValue(_axes)),
            string.IsNullOrWhiteSpace(installer) ? Environment.UserName : installer.Trim(),
            installedOn,
            string.IsNullOrWhiteSpace(parseResult.GetValue(_notes)) ? null : parseResult.GetValue(_notes)!.Trim(),
            parseResult.GetValue(_out) ?? $"retrosense-node-{tenant}-{node}")
        {
            WifiSsid = wifiSsid,
            WifiPassword = wifiPassword,
            SerialPort = parseResult.GetValue(_serialPort) ?? "COM3",
            ExtraBrokerCaPem = brokerCa,
        };
    }

    private static Uri ParseBrokerUrl(string? text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url)
            && url.Scheme == "mqtts"
            && !string.IsNullOrEmpty(url.Host))
        {
            return url;
        }

        throw new CliInputException($"--broker must be a URL like mqtts://host:8883 (nodes connect with TLS and their certificate), got '{text}'");
    }

    private static string ReadWifiPassword(string? file)
    {
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new CliInputException($"--wifi-password-file not found: {file}");
            }

            using var reader = new StreamReader(file);
            return reader.ReadLine() ?? string.Empty;
        }

        return Environment.GetEnvironmentVariable(WifiPasswordVariable)
            ?? throw new CliInputException($"give the Wi-Fi password with --wifi-password-file FILE or the {WifiPasswordVariable} environment variable (never on the command line)");
    }

    private static string RequireText(string option, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new CliInputException($"{option} must not be empty") : value.Trim();
}

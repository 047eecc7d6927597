using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Retrosense.Platform.Registry;

namespace Retrosense.Platform.Provisioning;

/// <summary>
/// The commands that put a provisioned node into service, per board: nanoff (nanoFramework's firmware flasher,
/// <c>dotnet tool install -g nanoff</c>) for ESP32 and STM32, the .NET node's command line for a Linux gateway.
/// nanoff options as its README documents them: <c>--update --target T --serialport P</c> flashes the firmware
/// (<c>--jtag</c> through an ST-LINK for STM32), <c>--networkdeployment FILE</c> writes network settings and
/// certificates, <c>--filedeployment FILE --serialport P</c> copies files into the device's flash,
/// <c>--nanodevice --deploy --serialport P --image APP.bin [--address A]</c> deploys the application.
/// </summary>
public static class InstallationInstructions
{
    /// <summary>The nanoFramework application image per board, built from firmware/ (see firmware/README.md).</summary>
    public static string ApplicationImage(NodeBoardProfile board) => board.Board switch
    {
        NodeBoard.Esp32 => "Retrosense.Node.Esp32.bin",
        NodeBoard.Stm32 => "Retrosense.Node.Stm32.bin",
        _ => throw new ArgumentException($"board {board.Name} has no nanoFramework image", nameof(board)),
    };

    /// <summary>The commands, in order, to run from the node's output folder.</summary>
    public static IReadOnlyList<string> Commands(NodeBoardProfile board, NodeCertificateSubject subject, Uri brokerUrl, string serialPort)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(brokerUrl);
        return board.Board switch
        {
            NodeBoard.Esp32 =>
            [
                $"nanoff --update --target {board.NanoffTarget} --serialport {serialPort}",
                $"nanoff --serialport {serialPort} --networkdeployment {NodeOutputFiles.NanoffNetworkDeployment}",
                $"nanoff --filedeployment {NodeOutputFiles.NanoffFileDeployment(subject.Node)} --serialport {serialPort}",
                DeployCommand(board, serialPort),
            ],
            NodeBoard.Stm32 =>
            [
                $"nanoff --update --target {board.NanoffTarget} --jtag",
                $"nanoff --serialport {serialPort} --networkdeployment {NodeOutputFiles.NanoffNetworkDeployment}",
                DeployCommand(board, serialPort),
            ],
            _ =>
            [
                $"retrosense-node --broker {BrokerAddress(brokerUrl)} --tenant {subject.Tenant} --site {subject.Site} --asset {subject.Asset} --node {subject.Node} "
                    + $"--ca {NodeOutputFiles.TrustBundle} --cert {NodeOutputFiles.Certificate} --key {NodeOutputFiles.PrivateKey}",
            ],
        };
    }

    /// <summary>
    /// What the STM32 node needs on its microSD card (mounted as D:\ on the board): node.conf and the first config, where
    /// the firmware reads them (firmware/README.md).
    /// </summary>
    public static string SdCardStep =>
        $"copy {NodeOutputFiles.NodeSettings} and {NodeOutputFiles.Config} to the node's microSD card as retrosense\\{NodeOutputFiles.NodeSettings} and retrosense\\config.bin";

    private static string DeployCommand(NodeBoardProfile board, string serialPort) =>
        $"nanoff --nanodevice --deploy --serialport {serialPort} --image {ApplicationImage(board)}"
        + (board.DeploymentAddress is null ? string.Empty : $" --address {board.DeploymentAddress}");

    /// <summary>The broker URL as typed (<c>mqtts://host:port</c>), without the path slash <see cref="Uri.ToString"/> adds.</summary>
    public static string BrokerAddress(Uri brokerUrl)
    {
        ArgumentNullException.ThrowIfNull(brokerUrl);
        return brokerUrl.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>README.txt for the node's output folder.</summary>
    public static string Readme(NodeBoardProfile board, NodeCertificateSubject subject, Uri brokerUrl, string serialPort, string outputDirectory)
    {
        var text = new StringBuilder();
        text.Append("Retrosense node ").Append(subject.Node).Append(" (tenant ").Append(subject.Tenant).Append(", site ").Append(subject.Site)
            .Append(", asset ").Append(subject.Asset).Append("), board ").Append(board.Name).Append('\n');
        text.Append("MQTT username / certificate CN: ").Append(subject.CommonName).Append('\n');
        text.Append("Broker: ").Append(BrokerAddress(brokerUrl)).Append('\n');
        text.Append("Topics: retrosense/v1/").Append(subject.Tenant).Append('/').Append(subject.Site).Append('/').Append(subject.Asset).Append('/')
            .Append(subject.Node).Append("/{birth,death,telemetry,alarm,status,config-ack} (publish), .../config (subscribe)\n\n");
        text.Append("Files:\n");
        text.Append("  ").Append(NodeOutputFiles.Certificate).Append("  client certificate + tenant CA\n");
        text.Append("  ").Append(NodeOutputFiles.PrivateKey).Append("  private key (owner-only; never copy it anywhere else)\n");
        text.Append("  ").Append(NodeOutputFiles.TrustBundle).Append("    CAs trusted for the broker's certificate\n");
        text.Append("  ").Append(NodeOutputFiles.Config).Append("  first node config (ISO 10816-3 zones for the asset)\n");
        if (board.IsNanoFramework)
        {
            text.Append("  ").Append(NodeOutputFiles.NodeSettings).Append("    identity and broker the nanoFramework app reads at boot\n");
            if (board.Board == NodeBoard.Esp32)
            {
                text.Append("  ").Append(NodeOutputFiles.NanoffFileDeployment(subject.Node)).Append("  nanoff file deployment of node.conf and config.json\n");
            }

            text.Append("  ").Append(NodeOutputFiles.NanoffNetworkDeployment).Append("  network settings, CA bundle, device certificate and key for nanoff (owner-only)\n\n");
            text.Append("Steps (from this folder; install nanoff with `dotnet tool install -g nanoff`; the serial port is COMx on Windows, /dev/ttyUSBx or /dev/ttyACMx on Linux):\n");
            text.Append(board.Board == NodeBoard.Esp32
                ? "  1. Flash the nanoFramework firmware (hold the BOOT button if nanoff asks):\n"
                : "  1. Flash the nanoFramework firmware through the board's ST-LINK (SWD):\n");
            var commands = Commands(board, subject, brokerUrl, serialPort);
            text.Append("       ").Append(commands[0]).Append('\n');
            text.Append(board.Board == NodeBoard.Esp32
                ? "  2. Store Wi-Fi, the CA bundle and the device certificate in the device's configuration:\n"
                : "  2. Store the Ethernet settings (DHCP), the CA bundle and the device certificate (over the ST-LINK virtual COM port):\n");
            text.Append("       ").Append(commands[1]).Append('\n');
            if (board.Board == NodeBoard.Esp32)
            {
                text.Append("  3. Copy ").Append(NodeOutputFiles.NodeSettings).Append(" (identity and broker) and ").Append(NodeOutputFiles.Config)
                    .Append(" (first config, stored as config.bin) into the device's flash:\n");
                text.Append("       ").Append(commands[2]).Append('\n');
                text.Append("     ").Append(NodeOutputFiles.NanoffFileDeployment(subject.Node))
                    .Append(" names the files by their absolute paths on the machine that ran provisioning;\n")
                    .Append("     on another machine, edit its SourceFilePath entries to where this folder is now.\n");
            }
            else
            {
                text.Append("  3. Put the node's identity and first config on its microSD card (the board mounts it as D:\\):\n");
                text.Append("       ").Append(SdCardStep).Append('\n');
            }

            text.Append("  4. Deploy the Retrosense application (built from firmware/, see firmware/README.md):\n");
            text.Append("       ").Append(commands[^1]).Append('\n');
            text.Append("  5. Delete ").Append(NodeOutputFiles.NanoffNetworkDeployment)
                .Append(" once the node is online: it holds the Wi-Fi password and the node's private key.\n");
        }
        else
        {
            text.Append("\nRun the .NET node on the gateway (copy this folder there with owner-only permissions):\n");
            text.Append("  ").Append(Commands(board, subject, brokerUrl, serialPort)[0]).Append('\n');
        }

        text.Append(board.IsNanoFramework
            ? "\nFirst config: the node starts on config.bin from step 3 and takes later configs from its config topic. Until the cloud\n"
            : "\nFirst config: a node starts on its built-in defaults and takes its config from its config topic. Until the cloud\n");
        text.Append("publishes it, push ").Append(NodeOutputFiles.Config).Append(" once as a retained message with the broker's cloud identity\n");
        text.Append("(cloud.crt/cloud.key and server-ca.crt from the broker folder written by provisioning), so the node gets it whenever it subscribes:\n");
        text.Append("  mosquitto_pub -h ").Append(brokerUrl.Host).Append(" -p ").Append(BrokerSecurityFiles.PortOf(brokerUrl).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(" --cafile server-ca.crt --cert cloud.crt --key cloud.key -q 1 -r -t ")
            .Append(Contracts.TopicPath.ConfigSubscription(subject.Tenant, subject.Site, subject.Asset, subject.Node)).Append(" -f ").Append(NodeOutputFiles.Config).Append('\n');
        text.Append("\nThe node appears in `retrosense node list --tenant ").Append(subject.Tenant).Append("`; `retrosense node revoke --tenant ")
            .Append(subject.Tenant).Append(" --node ").Append(subject.Node).Append(" --reason TEXT` refuses it from then on.\n");
        text.Append("Output folder: ").Append(Path.GetFullPath(outputDirectory)).Append('\n');
        return text.ToString();
    }
}

using System;
using Retrosense.Node.Configuration;
using Retrosense.Platform.Registry;

namespace Retrosense.Platform.Provisioning;

/// <summary>
/// Everything a technician says about a node being installed (the options of <c>retrosense node provision</c>).
/// Machine group, foundation and shaft speed left null keep what the registry already knows about the asset, else take
/// the defaults (<see cref="NodeProvisioningService.DefaultMachineGroup"/> and the others): a second node on the same
/// machine must not reset the machine's class.
/// </summary>
public sealed record NodeProvisioningRequest(
    NodeCertificateSubject Subject,
    NodeBoardProfile Board,
    Uri BrokerUrl,
    MachineGroup? MachineGroup,
    Foundation? Foundation,
    float? ShaftSpeedRpm,
    MountingPoint MountingPoint,
    string AxisOrientation,
    string Installer,
    DateOnly InstalledOn,
    string? Notes,
    string OutputDirectory)
{
    /// <summary>Wi-Fi network the node joins (nanoFramework boards with Wi-Fi).</summary>
    public string? WifiSsid { get; init; }

    /// <summary>Its password; only ever written to the owner-only nanoff file, never printed.</summary>
    public string? WifiPassword { get; init; }

    /// <summary>Serial port used in the printed nanoff commands.</summary>
    public string SerialPort { get; init; } = "COM3";

    /// <summary>Extra CA certificates (PEM) the node must trust for the broker, e.g. a production broker's public CA.</summary>
    public string? ExtraBrokerCaPem { get; init; }
}

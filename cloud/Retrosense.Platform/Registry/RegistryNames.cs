using System;
using Retrosense.Node.Configuration;

namespace Retrosense.Platform.Registry;

/// <summary>
/// The text forms of the registry's enumerations, as the CLI accepts them and the stores write them
/// ("esp32", "drive-end", "rigid"): explicit so a renamed enum member never changes stored data.
/// </summary>
public static class RegistryNames
{
    public static string BoardName(NodeBoard board) => board switch
    {
        NodeBoard.Esp32 => "esp32",
        NodeBoard.Stm32 => "stm32",
        NodeBoard.Linux => "linux",
        _ => throw new ArgumentOutOfRangeException(nameof(board), board, "unknown board"),
    };

    public static bool TryParseBoard(string? text, out NodeBoard board)
    {
        switch (text)
        {
            case "esp32": board = NodeBoard.Esp32; return true;
            case "stm32": board = NodeBoard.Stm32; return true;
            case "linux": board = NodeBoard.Linux; return true;
            default: board = default; return false;
        }
    }

    public static NodeBoard ParseBoard(string? text) =>
        TryParseBoard(text, out var board) ? board : throw new ArgumentException($"board '{text}' is not one of esp32, stm32, linux", nameof(text));

    public static string StatusName(NodeStatus status) => status switch
    {
        NodeStatus.Provisioned => "provisioned",
        NodeStatus.Revoked => "revoked",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown node status"),
    };

    public static string MountingPointName(MountingPoint mountingPoint) => mountingPoint switch
    {
        MountingPoint.DriveEnd => "drive-end",
        MountingPoint.NonDriveEnd => "non-drive-end",
        MountingPoint.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(mountingPoint), mountingPoint, "unknown mounting point"),
    };

    public static bool TryParseMountingPoint(string? text, out MountingPoint mountingPoint)
    {
        switch (text)
        {
            case "drive-end": mountingPoint = MountingPoint.DriveEnd; return true;
            case "non-drive-end": mountingPoint = MountingPoint.NonDriveEnd; return true;
            case "other": mountingPoint = MountingPoint.Other; return true;
            default: mountingPoint = default; return false;
        }
    }

    public static MountingPoint ParseMountingPoint(string? text) =>
        TryParseMountingPoint(text, out var point) ? point : throw new ArgumentException($"mounting point '{text}' is not one of drive-end, non-drive-end, other", nameof(text));

    public static string FoundationName(Foundation foundation) => foundation switch
    {
        Foundation.Rigid => "rigid",
        Foundation.Flexible => "flexible",
        _ => throw new ArgumentOutOfRangeException(nameof(foundation), foundation, "unknown foundation"),
    };

    public static bool TryParseFoundation(string? text, out Foundation foundation)
    {
        switch (text)
        {
            case "rigid": foundation = Foundation.Rigid; return true;
            case "flexible": foundation = Foundation.Flexible; return true;
            default: foundation = default; return false;
        }
    }

    public static Foundation ParseFoundation(string? text) =>
        TryParseFoundation(text, out var foundation) ? foundation : throw new ArgumentException($"foundation '{text}' is not one of rigid, flexible", nameof(text));

    /// <summary>1 or 2 (ISO 10816-3 machine groups).</summary>
    public static bool TryParseMachineGroup(int number, out MachineGroup group)
    {
        switch (number)
        {
            case 1: group = MachineGroup.Group1; return true;
            case 2: group = MachineGroup.Group2; return true;
            default: group = default; return false;
        }
    }
}

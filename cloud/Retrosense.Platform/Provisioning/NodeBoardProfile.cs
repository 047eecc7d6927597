using System;

using Retrosense.Platform.Registry;

namespace Retrosense.Platform.Provisioning;

/// <summary>
/// How a board is named on the command line, which nanoFramework firmware image nanoff flashes on it, and which network
/// interface the deployment file configures. Target names from nanoff's documentation and the nanoFramework reference
/// targets: ESP32_PSRAM_REV0 runs on every ESP32 variant with or without PSRAM and every silicon revision;
/// ST_STM32F769I_DISCOVERY is ST's 32F769IDISCOVERY, the board firmware/Retrosense.Node.Stm32 is written for (Ethernet,
/// microSD card for the node's files, on-board ST-LINK for SWD flashing).
/// </summary>
public sealed record NodeBoardProfile(NodeBoard Board, string Name, string? NanoffTarget, bool UsesWifi, bool UsesEthernet)
{
    public static readonly NodeBoardProfile Esp32 = new(NodeBoard.Esp32, "esp32", "ESP32_PSRAM_REV0", UsesWifi: true, UsesEthernet: false);

    public static readonly NodeBoardProfile Stm32 = new(NodeBoard.Stm32, "stm32", "ST_STM32F769I_DISCOVERY", UsesWifi: false, UsesEthernet: true)
    {
        DeploymentAddress = "0x08080000",
    };

    public static readonly NodeBoardProfile Linux = new(NodeBoard.Linux, "linux", null, UsesWifi: false, UsesEthernet: false);

    /// <summary>
    /// Flash address nanoff deploys the application image to, where nanoff cannot find the deployment region itself (STM32);
    /// 0x08080000 is the STM32F769I-DISCOVERY's deployment region in nanoff's documentation (firmware/README.md). Null: nanoff
    /// finds it (ESP32 partition table).
    /// </summary>
    public string? DeploymentAddress { get; init; }

    /// <summary>True for the boards that run nanoFramework and are set up with nanoff.</summary>
    public bool IsNanoFramework => NanoffTarget is not null;

    public static bool TryParse(string? name, out NodeBoardProfile profile)
    {
        profile = name?.ToLowerInvariant() switch
        {
            "esp32" => Esp32,
            "stm32" => Stm32,
            "linux" => Linux,
            _ => Linux,
        };
        return name is not null && string.Equals(profile.Name, name, StringComparison.OrdinalIgnoreCase);
    }
}

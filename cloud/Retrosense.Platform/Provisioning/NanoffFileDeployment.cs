using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Retrosense.Platform.Provisioning;

/// <summary>
/// The JSON file <c>nanoff --filedeployment FILE --serialport P</c> copies onto an ESP32 node's internal flash
/// (<c>I:\</c>): <c>{"Files":[{"DestinationFilePath":…,"SourceFilePath":…}]}</c>, as firmware/README.md gives it.
/// node.conf goes to <c>I:\retrosense\node.conf</c> and the first config to <c>I:\retrosense\config.bin</c>, the
/// FlashFileStore file of the core's <c>config</c> key, so the node boots with the asset's ISO zones. Source paths are
/// absolute paths on the machine that ran provisioning: nanoff reads them from there.
/// </summary>
public static class NanoffFileDeployment
{
    /// <summary>Where the ESP32 firmware reads node.conf (firmware/README.md).</summary>
    public const string DeviceSettingsPath = @"I:\retrosense\node.conf";

    /// <summary>Where the ESP32 firmware's store keeps its <c>config</c> key.</summary>
    public const string DeviceConfigPath = @"I:\retrosense\config.bin";

    public static string Write(string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var folder = Path.GetFullPath(outputDirectory);
        var document = new JsonObject
        {
            ["Files"] = new JsonArray(
                File(DeviceSettingsPath, Path.Combine(folder, NodeOutputFiles.NodeSettings)),
                File(DeviceConfigPath, Path.Combine(folder, NodeOutputFiles.Config))),
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject File(string destination, string source) => new()
    {
        ["DestinationFilePath"] = destination,
        ["SourceFilePath"] = source,
    };
}

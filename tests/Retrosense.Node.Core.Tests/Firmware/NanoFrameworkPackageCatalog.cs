using System.Collections.Generic;

namespace Retrosense.Node.Core.Tests.Firmware;

/// <summary>
/// The nanoFramework packages the device apps may reference, at the versions chosen, with where each version was seen in a
/// real project; and which package each external type or namespace the app sources use comes from. This is the only place
/// a package version is written besides the projects themselves, so the tests can hold the two together.
/// </summary>
/// <remarks>
/// "Samples@02306ce" means nanoframework/Samples at commit 02306ced2f9c3982ee8cedc3bbf688bdba5aa7db, where the projects
/// AzureEdgeOTAEngine, AzureSDKSleepBMP280, NFSensorAzureIoTHub and the MQTT samples all restore on
/// nanoFramework.CoreLibrary 1.17.11: a set the nanoFramework maintainers' own bot updated together. Only
/// System.Device.Spi was not found in that set; its version comes from a nanoFramework.IoT.Device project on
/// CoreLibrary 1.16.11 (see firmware/README.md, "Packages").
/// </remarks>
internal static class NanoFrameworkPackageCatalog
{
    public sealed record KnownPackage(string Version, string SeenIn);

    public static readonly IReadOnlyDictionary<string, KnownPackage> Packages = new Dictionary<string, KnownPackage>
    {
        ["nanoFramework.CoreLibrary"] = new("1.17.11", "Samples@02306ce (every project); the nano API gate's mscorlib"),
        ["nanoFramework.Hardware.Esp32"] = new("1.6.37", "Samples@02306ce AzureEdgeOTAEngine, AzureSDKSleepBMP280"),
        ["nanoFramework.Iot.Device.Bmxx80"] = new("1.2.952", "Samples@02306ce AzureSDKSleepBMP280, NFSensorAzureIoTHub"),
        ["nanoFramework.Iot.Device.Common.WeatherHelper"] = new("1.2.950", "Samples@02306ce AzureSDKSleepBMP280"),
        ["nanoFramework.M2Mqtt"] = new("5.1.215", "Samples@02306ce MQTT BasicExample.WiFi, AdvancedExample.Certificates"),
        ["nanoFramework.M2Mqtt.Core"] = new("5.1.215", "Samples@02306ce AzureSDKSleepBMP280 packages.config"),
        ["nanoFramework.Networking.Sntp"] = new("1.6.42", "Samples@02306ce AzureEdgeOTAEngine"),
        ["nanoFramework.Runtime.Events"] = new("1.11.32", "Samples@02306ce (every project)"),
        ["nanoFramework.Runtime.Native"] = new("1.7.11", "Samples@02306ce (every project)"),
        ["nanoFramework.System.Buffers.Binary.BinaryPrimitives"] = new("1.2.862", "Samples@02306ce AzureSDKSleepBMP280"),
        ["nanoFramework.System.Collections"] = new("1.5.67", "Samples@02306ce (every project)"),
        ["nanoFramework.System.Device.Gpio"] = new("1.1.57", "Samples@02306ce NFSensorAzureIoTHub"),
        ["nanoFramework.System.Device.I2c"] = new("1.1.29", "Samples@02306ce AzureSDKSleepBMP280"),
        ["nanoFramework.System.Device.Model"] = new("1.2.862", "Samples@02306ce AzureSDKSleepBMP280"),
        ["nanoFramework.System.Device.Spi"] = new("1.3.72", "nanoFramework.IoT.Device devices/Adxl345 (CoreLibrary 1.16.11)"),
        ["nanoFramework.System.Device.Wifi"] = new("1.5.144", "Samples@02306ce MQTT BasicExample.WiFi"),
        ["nanoFramework.System.IO.FileSystem"] = new("1.1.87", "Samples@02306ce AzureEdgeOTAEngine"),
        ["nanoFramework.System.IO.Streams"] = new("1.1.96", "Samples@02306ce (every project)"),
        ["nanoFramework.System.Math"] = new("1.5.116", "Samples@02306ce AzureSDKSleepBMP280"),
        ["nanoFramework.System.Net"] = new("1.11.52", "Samples@02306ce (every project)"),
        ["nanoFramework.System.Text"] = new("1.3.42", "Samples@02306ce (every project)"),
        ["nanoFramework.System.Threading"] = new("1.1.52", "Samples@02306ce (every project)"),
        ["nanoFramework.UnitsNet.Duration"] = new("5.76.15", "Samples@02306ce AzureSDKSleepBMP280"),
        ["nanoFramework.UnitsNet.ElectricResistance"] = new("5.76.15", "Samples@02306ce AzureSDKSleepBMP280"),
        ["nanoFramework.UnitsNet.Length"] = new("5.76.15", "Samples@02306ce AzureSDKSleepBMP280"),
        ["nanoFramework.UnitsNet.Pressure"] = new("5.76.15", "Samples@02306ce AzureSDKSleepBMP280"),
        ["nanoFramework.UnitsNet.RelativeHumidity"] = new("5.76.15", "Samples@02306ce AzureSDKSleepBMP280"),
        ["nanoFramework.UnitsNet.Temperature"] = new("5.76.15", "Samples@02306ce AzureSDKSleepBMP280"),
    };

    /// <summary>Packages listed in packages.config whose assembly ships in another package's folder (nanoFramework's own samples reference M2Mqtt.Core.dll from the M2Mqtt package).</summary>
    public static readonly IReadOnlyDictionary<string, string> ReferencedThroughPackage = new Dictionary<string, string>
    {
        ["nanoFramework.M2Mqtt.Core"] = "nanoFramework.M2Mqtt",
    };

    /// <summary>Packages only one board's firmware can load (their native part exists only in that platform's images).</summary>
    public static readonly IReadOnlyDictionary<string, string> BoardOnlyPackages = new Dictionary<string, string>
    {
        ["nanoFramework.Hardware.Esp32"] = "Retrosense.Node.Esp32",
        ["nanoFramework.System.Device.Wifi"] = "Retrosense.Node.Esp32",
    };

    /// <summary>
    /// Namespaces the app sources import or qualify, and the package that provides each. A namespace missing here makes the
    /// compilation test fail: every external API the apps touch is accounted for.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NamespacePackages = new Dictionary<string, string>
    {
        ["nanoFramework.M2Mqtt"] = "nanoFramework.M2Mqtt",
        ["nanoFramework.M2Mqtt.Messages"] = "nanoFramework.M2Mqtt",
        ["nanoFramework.Networking"] = "nanoFramework.System.Net",
        ["nanoFramework.Hardware.Esp32"] = "nanoFramework.Hardware.Esp32",
        ["nanoFramework.Runtime.Native"] = "nanoFramework.Runtime.Native",
        ["Iot.Device.Bmxx80"] = "nanoFramework.Iot.Device.Bmxx80",
        ["Iot.Device.Bmxx80.ReadResult"] = "nanoFramework.Iot.Device.Bmxx80",
        ["System.Device.I2c"] = "nanoFramework.System.Device.I2c",
        ["System.Device.Spi"] = "nanoFramework.System.Device.Spi",
        ["System.Device.Wifi"] = "nanoFramework.System.Device.Wifi",
        ["System.IO"] = "nanoFramework.System.IO.FileSystem",
        ["System.Net.NetworkInformation"] = "nanoFramework.System.Net",
        ["System.Text"] = "nanoFramework.System.Text",
    };

    /// <summary>
    /// Types the app sources use that nanoFramework's mscorlib 1.17.11 does not define, and the package that provides each.
    /// Where a type name lives in two packages (WifiNetworkHelper and NetworkHelper share nanoFramework.Networking), the
    /// entry names the one this project relies on.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> TypePackages = new Dictionary<string, string>
    {
        // M2Mqtt
        ["MqttClient"] = "nanoFramework.M2Mqtt",
        ["MqttSslProtocols"] = "nanoFramework.M2Mqtt",
        ["MqttProtocolVersion"] = "nanoFramework.M2Mqtt",
        ["MqttReasonCode"] = "nanoFramework.M2Mqtt",
        ["MqttQoSLevel"] = "nanoFramework.M2Mqtt",
        ["MqttMsgPublishedEventArgs"] = "nanoFramework.M2Mqtt",
        ["MqttMsgPublishEventArgs"] = "nanoFramework.M2Mqtt",

        // Networking
        ["WifiNetworkHelper"] = "nanoFramework.System.Device.Wifi",
        ["WifiAdapter"] = "nanoFramework.System.Device.Wifi",
        ["WifiAvailableNetwork"] = "nanoFramework.System.Device.Wifi",
        ["NetworkHelper"] = "nanoFramework.System.Net",
        ["NetworkInterface"] = "nanoFramework.System.Net",
        ["NetworkInterfaceType"] = "nanoFramework.System.Net",
        ["Wireless80211Configuration"] = "nanoFramework.System.Net",
        ["Sntp"] = "nanoFramework.Networking.Sntp",
        ["CancellationTokenSource"] = "nanoFramework.System.Threading",

        // Hardware and buses
        ["HighResTimer"] = "nanoFramework.Hardware.Esp32",
        ["Sleep"] = "nanoFramework.Hardware.Esp32",
        ["DeviceFunction"] = "nanoFramework.Hardware.Esp32",
        ["I2cDevice"] = "nanoFramework.System.Device.I2c",
        ["I2cConnectionSettings"] = "nanoFramework.System.Device.I2c",
        ["SpiDevice"] = "nanoFramework.System.Device.Spi",
        ["SpiConnectionSettings"] = "nanoFramework.System.Device.Spi",
        ["SpiMode"] = "nanoFramework.System.Device.Spi",

        // Sensors
        ["Bme280"] = "nanoFramework.Iot.Device.Bmxx80",
        ["Bme280ReadResult"] = "nanoFramework.Iot.Device.Bmxx80",
        ["Sampling"] = "nanoFramework.Iot.Device.Bmxx80",

        // Storage and text
        ["File"] = "nanoFramework.System.IO.FileSystem",
        ["FileStream"] = "nanoFramework.System.IO.FileSystem",
        ["FileMode"] = "nanoFramework.System.IO.FileSystem",
        ["FileAccess"] = "nanoFramework.System.IO.FileSystem",
        ["Directory"] = "nanoFramework.System.IO.FileSystem",
        ["Path"] = "nanoFramework.System.IO.FileSystem",
        ["Encoding"] = "nanoFramework.System.Text",
    };
}

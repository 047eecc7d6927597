namespace Retrosense.Platform.Registry;

/// <summary>The hardware a node runs on; decides which firmware image and nanoff target provisioning uses.</summary>
public enum NodeBoard
{
    /// <summary>ESP32 under nanoFramework ("esp32").</summary>
    Esp32 = 1,

    /// <summary>STM32 under nanoFramework ("stm32").</summary>
    Stm32 = 2,

    /// <summary>Linux gateway running the .NET node ("linux").</summary>
    Linux = 3,
}

namespace Retrosense.Platform.Provisioning;

/// <summary>The hardware a node runs on, which decides how it is flashed and how it reaches the network.</summary>
public enum NodeBoard
{
    /// <summary>ESP32 (WROOM/WROVER) under nanoFramework, Wi-Fi.</summary>
    Esp32,

    /// <summary>STM32 under nanoFramework; the reference board ST NUCLEO-F746ZG has Ethernet.</summary>
    Stm32,

    /// <summary>A Linux gateway (Raspberry Pi class) running the .NET node.</summary>
    Linux,
}

using nanoFramework.Hardware.Esp32;
using Retrosense.Node.Nano;
using Retrosense.Node.Nano.Networking;
using Retrosense.Node.Nano.Sensors;
using Retrosense.Node.Nano.Time;
using Retrosense.Node.Ports;
using Retrosense.Node.StoreAndForward;

namespace Retrosense.Node.Esp32
{
    /// <summary>
    /// The ESP32-DevKitC-32E node: ADXL345 on SPI1, BME280 on I2C1, Wi-Fi, store on the internal flash drive <c>I:\</c>.
    /// Pins: <see cref="Esp32PinMap"/>.
    /// </summary>
    public sealed class Esp32Board : INodeBoard
    {
        private readonly Esp32UptimeSource _uptime = new Esp32UptimeSource();

        public string BoardName
        {
            get { return "esp32"; }
        }

        /// <summary>nanoFramework's ESP32 images mount a file system on the internal flash as drive I:.</summary>
        public string StoreFolder
        {
            get { return "I:\\retrosense"; }
        }

        public string SettingsPath
        {
            get { return "I:\\retrosense\\node.conf"; }
        }

        /// <summary>8 slots on an ESP32-WROOM without PSRAM (the core's StoreAndForward/README.md works out the heap budget).</summary>
        public int QueueCapacity
        {
            get { return StoreAndForwardQueue.RecommendedEsp32Capacity; }
        }

        public IUptimeSource Uptime
        {
            get { return _uptime; }
        }

        /// <summary>
        /// The ESP32 managed API exposes only the deep-sleep wake cause (Sleep.GetWakeupCause), not esp_reset_reason; a wake
        /// from deep sleep is reported as such, anything else as power-on-or-unknown.
        /// </summary>
        public string PlatformResetCause()
        {
            return Sleep.GetWakeupCause() == Sleep.WakeupCause.Undefined ? "power_on_or_unknown" : "deep_sleep_wake";
        }

        public void ConfigurePins()
        {
            // On the ESP32 any GPIO can carry any peripheral through the GPIO matrix, so nanoFramework needs them named.
            // Qualified: inside Retrosense.Node.*, a bare "Configuration" binds to the core's Retrosense.Node.Configuration namespace.
            nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(Esp32PinMap.I2cDataPin, DeviceFunction.I2C1_DATA);
            nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(Esp32PinMap.I2cClockPin, DeviceFunction.I2C1_CLOCK);
            nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(Esp32PinMap.SpiMosiPin, DeviceFunction.SPI1_MOSI);
            nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(Esp32PinMap.SpiMisoPin, DeviceFunction.SPI1_MISO);
            nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(Esp32PinMap.SpiClockPin, DeviceFunction.SPI1_CLOCK);
        }

        public INetworkLink CreateNetworkLink(INodeLog log)
        {
            return new WifiNetworkLink(log);
        }

        public IAccelerometer CreateAccelerometer(INodeLog log)
        {
            return BoardSensors.OpenAccelerometer(Esp32PinMap.SpiBusId, Esp32PinMap.AccelerometerChipSelectPin, "hardware/wiring-esp32.md", log);
        }

        public IEnvironmentSensor CreateEnvironmentSensor(INodeLog log)
        {
            return BoardSensors.OpenEnvironmentSensor(Esp32PinMap.I2cBusId, Esp32PinMap.Bme280Address, "hardware/wiring-esp32.md", log);
        }
    }
}

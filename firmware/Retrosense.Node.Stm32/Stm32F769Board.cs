using Retrosense.Node.Nano;
using Retrosense.Node.Nano.Networking;
using Retrosense.Node.Nano.Sensors;
using Retrosense.Node.Nano.Time;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Stm32
{
    /// <summary>
    /// The STM32F769I-DISCOVERY node: ADXL345 on SPI2, BME280 on I2C1, wired Ethernet, store on the microSD card (D:\).
    /// Pins: <see cref="Stm32PinMap"/>.
    /// </summary>
    public sealed class Stm32F769Board : INodeBoard
    {
        /// <summary>Store-and-forward slots: the F769 has 512 KiB of RAM, far more than an ESP32-WROOM, so 16 (the core's README).</summary>
        public const int Stm32QueueCapacity = 16;

        private readonly WallClockUptimeSource _uptime = new WallClockUptimeSource();

        public string BoardName
        {
            get { return "stm32"; }
        }

        /// <summary>The board has no internal file system in nanoFramework; its microSD slot mounts as drive D:.</summary>
        public string StoreFolder
        {
            get { return "D:\\retrosense"; }
        }

        public string SettingsPath
        {
            get { return "D:\\retrosense\\node.conf"; }
        }

        public int QueueCapacity
        {
            get { return Stm32QueueCapacity; }
        }

        public IUptimeSource Uptime
        {
            get { return _uptime; }
        }

        /// <summary>The managed API exposes no RCC reset flags; the firmware's own record (watchdog, software) covers the rest.</summary>
        public string PlatformResetCause()
        {
            return "power_on_or_unknown";
        }

        public void ConfigurePins()
        {
            // STM32 images fix I2C/SPI pin muxing at build time (Stm32PinMap remarks); nothing to route at run time.
        }

        public INetworkLink CreateNetworkLink(INodeLog log)
        {
            return new EthernetNetworkLink(log);
        }

        public IAccelerometer CreateAccelerometer(INodeLog log)
        {
            return BoardSensors.OpenAccelerometer(Stm32PinMap.SpiBusId, Stm32PinMap.AccelerometerChipSelectPin, "hardware/wiring-stm32.md", log);
        }

        public IEnvironmentSensor CreateEnvironmentSensor(INodeLog log)
        {
            return BoardSensors.OpenEnvironmentSensor(Stm32PinMap.I2cBusId, Stm32PinMap.Bme280Address, "hardware/wiring-stm32.md", log);
        }
    }
}

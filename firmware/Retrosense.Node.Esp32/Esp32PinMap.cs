namespace Retrosense.Node.Esp32
{
    /// <summary>
    /// Every pin and bus the ESP32 node uses, in one place. Board: Espressif ESP32-DevKitC-32E (ESP32-WROOM-32E).
    /// Wiring table and photos of the harness: hardware/wiring-esp32.md. Change a pin here and there, never elsewhere.
    /// </summary>
    /// <remarks>
    /// GPIO choices follow the ESP32-WROOM-32E data sheet's pin list and avoid its strapping pins (GPIO0, 2, 5*, 12, 15)
    /// except GPIO5 as SPI chip select, which idles high as the strap expects. GPIO18/19/23 are the VSPI IO_MUX pins
    /// (full-speed SPI without the GPIO matrix); GPIO21/22 are the DevKitC's customary I2C pair.
    /// </remarks>
    public static class Esp32PinMap
    {
        /// <summary>nanoFramework I2C bus 1 (I2C1) carries the BME280.</summary>
        public const int I2cBusId = 1;

        public const int I2cDataPin = 21;

        public const int I2cClockPin = 22;

        /// <summary>BME280 address with SDO tied to VDDIO (Adafruit/most breakouts); 0x76 when SDO is tied to GND.</summary>
        public const int Bme280Address = 0x77;

        /// <summary>nanoFramework SPI bus 1 (SPI1, on the VSPI pins) carries the ADXL345.</summary>
        public const int SpiBusId = 1;

        public const int SpiClockPin = 18;

        public const int SpiMisoPin = 19;

        public const int SpiMosiPin = 23;

        /// <summary>ADXL345 CS (active low).</summary>
        public const int AccelerometerChipSelectPin = 5;
    }
}

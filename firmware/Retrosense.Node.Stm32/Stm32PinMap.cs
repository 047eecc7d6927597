namespace Retrosense.Node.Stm32
{
    /// <summary>
    /// Every pin and bus the STM32 node uses, in one place. Board: ST 32F769IDISCOVERY (STM32F769NI), nanoFramework
    /// reference target ST_STM32F769I_DISCOVERY; the sensors sit on its Arduino header. Wiring table: hardware/wiring-stm32.md.
    /// </summary>
    /// <remarks>
    /// nanoFramework numbers STM32 pins as port × 16 + pin (PA0 = 0, PB0 = 16, ...). Header functions and numbers from the
    /// nanoFramework reference-target page for this board (Arduino header CN9: D15 PB8 I2C1_SCL, D14 PB9 I2C1_SDA,
    /// D13 PA12 SPI2_SCK, D12 PB14 SPI2_MISO, D11 PB15 SPI2_MOSI, D10 PA11 SPI2_CS) and ST user manual UM2033.
    /// On STM32 the I2C/SPI pin muxing is fixed in the firmware image, so only the chip select is chosen here.
    /// </remarks>
    public static class Stm32PinMap
    {
        /// <summary>I2C1 on Arduino D15 (PB8, SCL) / D14 (PB9, SDA) carries the BME280.</summary>
        public const int I2cBusId = 1;

        /// <summary>BME280 address with SDO tied to VDDIO; 0x76 when SDO is tied to GND.</summary>
        public const int Bme280Address = 0x77;

        /// <summary>SPI2 on Arduino D13 (PA12, SCK) / D12 (PB14, MISO) / D11 (PB15, MOSI) carries the ADXL345.</summary>
        public const int SpiBusId = 2;

        /// <summary>ADXL345 CS on Arduino D10 = PA11 = nanoFramework pin 11.</summary>
        public const int AccelerometerChipSelectPin = 11;
    }
}

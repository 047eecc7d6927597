using System;
using System.Device.I2c;
using System.Device.Spi;
using Iot.Device.Bmxx80;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Nano.Sensors
{
    /// <summary>
    /// Opens the node's two sensors on the buses a board names, the same way on every board: a missing chip is logged
    /// with the board's wiring guide and the node runs on (no environment readings; an absent ADXL345 reads zeros).
    /// </summary>
    public static class BoardSensors
    {
        /// <summary>The ADXL345 on SPI bus <paramref name="spiBusId"/>, chip select <paramref name="chipSelectPin"/>, SPI mode 3.</summary>
        public static IAccelerometer OpenAccelerometer(int spiBusId, int chipSelectPin, string wiringGuide, INodeLog log)
        {
            SpiConnectionSettings settings = new SpiConnectionSettings(spiBusId, chipSelectPin);
            settings.ClockFrequency = Adxl345FifoAccelerometer.SpiClockHz;
            settings.Mode = SpiMode.Mode3;
            Adxl345FifoAccelerometer accelerometer = new Adxl345FifoAccelerometer(SpiDevice.Create(settings));
            if (!accelerometer.IsPresent())
            {
                log.Error("ADXL345 not found on SPI" + spiBusId.ToString() + " (check wiring: " + wiringGuide + ")");
            }

            return accelerometer;
        }

        /// <summary>The BME280 on I2C bus <paramref name="i2cBusId"/> at <paramref name="address"/>, or an absent sensor when none answers.</summary>
        public static IEnvironmentSensor OpenEnvironmentSensor(int i2cBusId, int address, string wiringGuide, INodeLog log)
        {
            I2cDevice device = I2cDevice.Create(new I2cConnectionSettings(i2cBusId, address));
            try
            {
                // The binding reads the chip id and calibration words here and throws when no BME280 answers.
                return new Bme280EnvironmentSensor(new Bme280(device));
            }
            catch (Exception ex)
            {
                log.Error("BME280 not found on I2C" + i2cBusId.ToString() + " at 0x" + address.ToString("X2")
                    + " (check wiring and SDO: " + wiringGuide + "): " + ex.Message);
                device.Dispose();
                return new AbsentEnvironmentSensor();
            }
        }
    }
}

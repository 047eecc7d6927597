using System;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.ReadResult;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Nano.Sensors
{
    /// <summary>
    /// <see cref="IEnvironmentSensor"/> on a Bosch BME280 through the nanoFramework Iot.Device.Bmxx80 binding (I2C). The
    /// binding does the data sheet's compensation; this class only converts its UnitsNet values to the core's floats.
    /// </summary>
    /// <remarks>
    /// Oversampling: temperature ×1, pressure ×1, humidity ×1 in forced mode, the BME280 data sheet's "weather monitoring"
    /// recommendation (section 3.5.1), which the environment channel's 10 s sampling matches; it also keeps the chip's
    /// self-heating negligible (data sheet 3.5.1: 0.16 µA average at 1 sample per minute).
    /// </remarks>
    public sealed class Bme280EnvironmentSensor : IEnvironmentSensor, IDisposable
    {
        private readonly Bme280 _bme280;

        /// <summary>Takes the binding, built on the chip's I2cDevice by the app.</summary>
        public Bme280EnvironmentSensor(Bme280 bme280)
        {
            _bme280 = bme280;
            _bme280.TemperatureSampling = Sampling.UltraLowPower;
            _bme280.PressureSampling = Sampling.UltraLowPower;
            _bme280.HumiditySampling = Sampling.UltraLowPower;
        }

        public bool TryRead(out float temperatureCelsius, out float relativeHumidityPercent, out float pressureHectopascals)
        {
            temperatureCelsius = 0f;
            relativeHumidityPercent = 0f;
            pressureHectopascals = 0f;
            try
            {
                Bme280ReadResult result = _bme280.Read();
                if (!result.TemperatureIsValid || !result.HumidityIsValid || !result.PressureIsValid)
                {
                    return false;
                }

                temperatureCelsius = (float)result.Temperature.DegreesCelsius;
                relativeHumidityPercent = (float)result.Humidity.Percent;
                pressureHectopascals = (float)result.Pressure.Hectopascals;
                return true;
            }
            catch (Exception)
            {
                // A bus error (loose cable, sensor unplugged) is a failed read, not a reason to stop the node.
                return false;
            }
        }

        public void Dispose()
        {
            _bme280.Dispose();
        }
    }
}

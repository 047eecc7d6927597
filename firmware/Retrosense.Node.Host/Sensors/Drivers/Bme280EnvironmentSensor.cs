using System;
using System.IO;
using Iot.Device.Bmxx80;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Sensors.Drivers;

/// <summary>
/// The node's environment port over dotnet/iot's <see cref="Bme280"/> driver: one forced-mode measurement per read
/// (the driver sets forced mode and waits the conversion time), with 1× oversampling on every channel, which the data
/// sheet recommends for weather monitoring (BME280 data sheet §3.5.1: "forced mode, 1 sample / minute, oversampling ×1,
/// filter off"). The driver owns the bus device and disposes it.
/// </summary>
public sealed class Bme280EnvironmentSensor : IEnvironmentSensor, IDisposable
{
    private readonly Bme280 _driver;
    private readonly INodeLog? _log;

    public Bme280EnvironmentSensor(Bme280 driver, INodeLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(driver);
        _driver = driver;
        _log = log;
        _driver.TemperatureSampling = Sampling.UltraLowPower;
        _driver.PressureSampling = Sampling.UltraLowPower;
        _driver.HumiditySampling = Sampling.UltraLowPower;
    }

    public bool TryRead(out float temperatureCelsius, out float relativeHumidityPercent, out float pressureHectopascals)
    {
        temperatureCelsius = 0;
        relativeHumidityPercent = 0;
        pressureHectopascals = 0;
        try
        {
            var reading = _driver.Read();
            if (reading.Temperature is not { } temperature || reading.Humidity is not { } humidity || reading.Pressure is not { } pressure)
            {
                return false;
            }

            temperatureCelsius = (float)temperature.DegreesCelsius;
            relativeHumidityPercent = (float)humidity.Percent;
            pressureHectopascals = (float)pressure.Hectopascals;
            return true;
        }
        catch (IOException exception)
        {
            // A loose cable or a bus error: report "no reading" and let the core count it.
            _log?.Warning("BME280 read failed: " + exception.Message);
            return false;
        }
    }

    public void Dispose() => _driver.Dispose();
}

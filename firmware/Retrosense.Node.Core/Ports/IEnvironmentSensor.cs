namespace Retrosense.Node.Ports
{
    /// <summary>Temperature, humidity and pressure sensor (a BME280 on the reference node).</summary>
    public interface IEnvironmentSensor
    {
        /// <summary>Reads one compensated sample.</summary>
        /// <returns>False when the sensor did not answer; the out values are then 0.</returns>
        bool TryRead(out float temperatureCelsius, out float relativeHumidityPercent, out float pressureHectopascals);
    }
}

using Retrosense.Node.Ports;

namespace Retrosense.Node.Nano.Sensors
{
    /// <summary>
    /// Stands in when the BME280 did not answer at boot: every read fails, so the node still measures vibration and the
    /// missing environment channel shows in the cloud as absent rather than the node not starting at all.
    /// </summary>
    public sealed class AbsentEnvironmentSensor : IEnvironmentSensor
    {
        public bool TryRead(out float temperatureCelsius, out float relativeHumidityPercent, out float pressureHectopascals)
        {
            temperatureCelsius = 0f;
            relativeHumidityPercent = 0f;
            pressureHectopascals = 0f;
            return false;
        }
    }
}

namespace Retrosense.Node.EnvironmentChannels
{
    /// <summary>Temperature, humidity and pressure over one reporting interval.</summary>
    public sealed class EnvironmentSummary
    {
        public ChannelSummary TemperatureCelsius { get; } = new ChannelSummary();

        public ChannelSummary RelativeHumidityPercent { get; } = new ChannelSummary();

        public ChannelSummary PressureHectopascals { get; } = new ChannelSummary();

        public void Add(float temperatureCelsius, float relativeHumidityPercent, float pressureHectopascals)
        {
            TemperatureCelsius.Add(temperatureCelsius);
            RelativeHumidityPercent.Add(relativeHumidityPercent);
            PressureHectopascals.Add(pressureHectopascals);
        }

        public void Reset()
        {
            TemperatureCelsius.Reset();
            RelativeHumidityPercent.Reset();
            PressureHectopascals.Reset();
        }

        public void CopyFrom(EnvironmentSummary other)
        {
            TemperatureCelsius.CopyFrom(other.TemperatureCelsius);
            RelativeHumidityPercent.CopyFrom(other.RelativeHumidityPercent);
            PressureHectopascals.CopyFrom(other.PressureHectopascals);
        }
    }
}

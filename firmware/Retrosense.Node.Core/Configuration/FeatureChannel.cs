namespace Retrosense.Node.Configuration
{
    /// <summary>
    /// Every value a limit or a deadband can refer to. The numeric values index per-channel arrays
    /// (<see cref="NodeConfig.Deadbands"/>), so keep them dense and append new ones at the end.
    /// </summary>
    public enum FeatureChannel
    {
        RmsG = 0,
        PeakG = 1,
        PeakToPeakG = 2,
        CrestFactor = 3,
        Kurtosis = 4,
        Skewness = 5,
        VelocityRmsMmPerSecond = 6,
        DominantFrequencyHz = 7,
        EnvelopeRmsG = 8,
        TemperatureCelsius = 9,
        RelativeHumidityPercent = 10,
        PressureHectopascals = 11,
    }

    /// <summary>Count and classification of <see cref="FeatureChannel"/> values.</summary>
    public static class FeatureChannels
    {
        /// <summary>Number of channels; the length of per-channel arrays.</summary>
        public const int Count = 12;

        /// <summary>True for the temperature, humidity and pressure channels, false for vibration features.</summary>
        public static bool IsEnvironment(FeatureChannel channel)
        {
            return channel == FeatureChannel.TemperatureCelsius
                || channel == FeatureChannel.RelativeHumidityPercent
                || channel == FeatureChannel.PressureHectopascals;
        }
    }
}

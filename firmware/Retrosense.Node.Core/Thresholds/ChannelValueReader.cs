using Retrosense.Node.Configuration;
using Retrosense.Node.Dsp;
using Retrosense.Node.EnvironmentChannels;

namespace Retrosense.Node.Thresholds
{
    /// <summary>
    /// Picks the value of a <see cref="FeatureChannel"/> out of the feature and environment models, for limits and the
    /// report-by-exception deadbands. A channel that the given model does not hold reads as NaN ("no data").
    /// </summary>
    public static class ChannelValueReader
    {
        /// <summary>
        /// Value of a vibration channel for one axis, or the largest of the three axes for <see cref="AxisSelector.Max"/>
        /// (also for skewness, where "largest" means most positive). NaN for environment channels.
        /// </summary>
        public static float Read(VibrationFeatures features, FeatureChannel channel, AxisSelector axis)
        {
            if (FeatureChannels.IsEnvironment(channel))
            {
                return float.NaN;
            }

            if (axis == AxisSelector.X)
            {
                return Read(features.X, channel);
            }

            if (axis == AxisSelector.Y)
            {
                return Read(features.Y, channel);
            }

            if (axis == AxisSelector.Z)
            {
                return Read(features.Z, channel);
            }

            var max = Read(features.X, channel);
            var y = Read(features.Y, channel);
            var z = Read(features.Z, channel);
            if (y > max)
            {
                max = y;
            }

            if (z > max)
            {
                max = z;
            }

            return max;
        }

        /// <summary>Value of a vibration channel on one axis; NaN for environment channels.</summary>
        public static float Read(AxisFeatures axis, FeatureChannel channel)
        {
            switch (channel)
            {
                case FeatureChannel.RmsG:
                    return axis.RmsG;
                case FeatureChannel.PeakG:
                    return axis.PeakG;
                case FeatureChannel.PeakToPeakG:
                    return axis.PeakToPeakG;
                case FeatureChannel.CrestFactor:
                    return axis.CrestFactor;
                case FeatureChannel.Kurtosis:
                    return axis.Kurtosis;
                case FeatureChannel.Skewness:
                    return axis.Skewness;
                case FeatureChannel.VelocityRmsMmPerSecond:
                    return axis.VelocityRmsMmPerSecond;
                case FeatureChannel.DominantFrequencyHz:
                    return axis.DominantFrequencyHz;
                case FeatureChannel.EnvelopeRmsG:
                    return axis.EnvelopeRmsG;
                default:
                    return float.NaN;
            }
        }

        /// <summary>
        /// Mean of an environment channel over the latest interval; NaN when the sensor gave no reading in it or the
        /// channel is a vibration feature.
        /// </summary>
        public static float Read(EnvironmentSummary environment, FeatureChannel channel)
        {
            ChannelSummary summary;
            switch (channel)
            {
                case FeatureChannel.TemperatureCelsius:
                    summary = environment.TemperatureCelsius;
                    break;
                case FeatureChannel.RelativeHumidityPercent:
                    summary = environment.RelativeHumidityPercent;
                    break;
                case FeatureChannel.PressureHectopascals:
                    summary = environment.PressureHectopascals;
                    break;
                default:
                    return float.NaN;
            }

            return summary.Count == 0 ? float.NaN : summary.Mean;
        }

        /// <summary>
        /// Fills <paramref name="values"/> (length <see cref="FeatureChannels.Count"/>, indexed by channel) with every channel:
        /// vibration channels as the largest of the axes, environment channels as the interval mean (NaN when missing or
        /// when <paramref name="environment"/> is null). This is the vector <c>ReportByExceptionGate</c> compares.
        /// </summary>
        public static void FillAllChannels(VibrationFeatures features, EnvironmentSummary? environment, float[] values)
        {
            for (var i = 0; i < FeatureChannels.Count; i++)
            {
                var channel = (FeatureChannel)i;
                if (FeatureChannels.IsEnvironment(channel))
                {
                    values[i] = environment == null ? float.NaN : Read(environment, channel);
                }
                else
                {
                    values[i] = Read(features, channel, AxisSelector.Max);
                }
            }
        }
    }
}

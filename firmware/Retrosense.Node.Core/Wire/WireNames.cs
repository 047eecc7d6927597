using Retrosense.Contracts;
using Retrosense.Node.Configuration;
using Retrosense.Node.Thresholds;

namespace Retrosense.Node.Wire
{
    /// <summary>
    /// The one place enum values map to and from their wire strings (switches, because nanoFramework's Enum.ToString
    /// gives numbers and the wire must not depend on C# member names).
    /// </summary>
    public static class WireNames
    {
        public static string Channel(FeatureChannel channel)
        {
            switch (channel)
            {
                case FeatureChannel.RmsG: return WireFieldNames.RmsG;
                case FeatureChannel.PeakG: return WireFieldNames.PeakG;
                case FeatureChannel.PeakToPeakG: return WireFieldNames.PeakToPeakG;
                case FeatureChannel.CrestFactor: return WireFieldNames.Crest;
                case FeatureChannel.Kurtosis: return WireFieldNames.Kurtosis;
                case FeatureChannel.Skewness: return WireFieldNames.Skewness;
                case FeatureChannel.VelocityRmsMmPerSecond: return WireFieldNames.VelocityRmsMmPerSecond;
                case FeatureChannel.DominantFrequencyHz: return WireFieldNames.DominantHz;
                case FeatureChannel.EnvelopeRmsG: return WireFieldNames.EnvelopeRmsG;
                case FeatureChannel.TemperatureCelsius: return WireFieldNames.TemperatureCelsius;
                case FeatureChannel.RelativeHumidityPercent: return WireFieldNames.RelativeHumidityPercent;
                case FeatureChannel.PressureHectopascals: return WireFieldNames.PressureHectopascals;
                default: return WireFieldNames.RmsG;
            }
        }

        /// <summary>Channel for a wire name; false for anything else (exact, case-sensitive).</summary>
        public static bool TryParseChannel(string name, out FeatureChannel channel)
        {
            for (var i = 0; i < FeatureChannels.Count; i++)
            {
                if (Channel((FeatureChannel)i) == name)
                {
                    channel = (FeatureChannel)i;
                    return true;
                }
            }

            channel = FeatureChannel.RmsG;
            return false;
        }

        public static string Axis(AxisSelector axis)
        {
            switch (axis)
            {
                case AxisSelector.X: return WireFieldNames.AxisX;
                case AxisSelector.Y: return WireFieldNames.AxisY;
                case AxisSelector.Z: return WireFieldNames.AxisZ;
                default: return WireFieldNames.Max;
            }
        }

        public static bool TryParseAxis(string name, out AxisSelector axis)
        {
            for (var i = 0; i <= (int)AxisSelector.Z; i++)
            {
                if (Axis((AxisSelector)i) == name)
                {
                    axis = (AxisSelector)i;
                    return true;
                }
            }

            axis = AxisSelector.Max;
            return false;
        }

        public static string Zone(IsoZone zone)
        {
            switch (zone)
            {
                case IsoZone.A: return "A";
                case IsoZone.B: return "B";
                case IsoZone.C: return "C";
                default: return "D";
            }
        }

        public static string Foundation(Foundation foundation)
        {
            return foundation == Configuration.Foundation.Flexible ? "flexible" : "rigid";
        }

        public static bool TryParseFoundation(string name, out Foundation foundation)
        {
            foundation = Configuration.Foundation.Rigid;
            if (name == "rigid")
            {
                return true;
            }

            if (name == "flexible")
            {
                foundation = Configuration.Foundation.Flexible;
                return true;
            }

            return false;
        }

        public static string Source(AlarmSource source)
        {
            switch (source)
            {
                case AlarmSource.Zone: return "zone";
                case AlarmSource.Node: return "node";
                default: return "limit";
            }
        }

        public static string Severity(AlarmSeverity severity)
        {
            return severity == AlarmSeverity.Alarm ? "alarm" : "warning";
        }

        public static string State(AlarmState state)
        {
            return state == AlarmState.Cleared ? "cleared" : "raised";
        }

        public static string TimeQuality(bool synchronized)
        {
            return synchronized ? Contracts.TimeQuality.Synced : Contracts.TimeQuality.Unsynced;
        }
    }
}

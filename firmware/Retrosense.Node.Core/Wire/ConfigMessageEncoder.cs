using Retrosense.Contracts;
using Retrosense.Node.Configuration;

namespace Retrosense.Node.Wire
{
    /// <summary>
    /// Writes a whole <see cref="NodeConfig"/> as a <c>config</c> message (cloud → node), every field present, in the
    /// order of shared/schemas/config.schema.json. Deadbands list only the channels whose deadband is not 0, in
    /// <see cref="FeatureChannel"/> order; a null bearing is written as <c>null</c>. Used by the cloud, the CLI and tests;
    /// throws <see cref="MessageBufferTooSmallException"/> when the buffer is too small.
    /// </summary>
    public sealed class ConfigMessageEncoder
    {
        private readonly JsonByteWriter _writer = new JsonByteWriter();

        public int Encode(NodeConfig config, byte[] buffer)
        {
            var w = _writer;
            w.Start(buffer);
            w.BeginObject();
            w.Property(WireFieldNames.Schema, SchemaVersion.Current);
            w.Property(WireFieldNames.Kind, MessageKind.Config);
            w.Property(WireFieldNames.ConfigVersion, config.ConfigVersion);
            w.Property(WireFieldNames.SampleRateHz, config.SampleRateHz);
            w.Property(WireFieldNames.WindowSamples, config.WindowSamples);
            w.Property(WireFieldNames.MachineGroup, (int)config.MachineGroup);
            w.Property(WireFieldNames.Foundation, WireNames.Foundation(config.Foundation));
            w.Property(WireFieldNames.ShaftRpm, config.ShaftSpeedRpm);
            WritePair(WireFieldNames.VelocityBandHz, config.VelocityBandLowHz, config.VelocityBandHighHz);
            w.PropertyName(WireFieldNames.ZoneLimitsMmPerSecond);
            w.BeginArray();
            for (var i = 0; i < config.ZoneBoundariesMmPerSecond.Length; i++)
            {
                w.NumberValue(config.ZoneBoundariesMmPerSecond[i]);
            }

            w.EndArray();
            WritePair(WireFieldNames.EnvelopeBandHz, config.EnvelopeBandLowHz, config.EnvelopeBandHighHz);
            w.PropertyName(WireFieldNames.Bands);
            w.BeginArray();
            for (var i = 0; i < config.Bands.Length; i++)
            {
                var band = config.Bands[i];
                w.BeginObject();
                w.Property(WireFieldNames.Name, band.Name);
                w.Property(WireFieldNames.LowHz, band.LowHz);
                w.Property(WireFieldNames.HighHz, band.HighHz);
                w.EndObject();
            }

            w.EndArray();
            w.PropertyName(WireFieldNames.Bearing);
            var bearing = config.Bearing;
            if (bearing == null)
            {
                w.NullValue();
            }
            else
            {
                w.BeginObject();
                w.Property(WireFieldNames.Elements, bearing.RollingElementCount);
                w.Property(WireFieldNames.ElementDiameterMm, bearing.RollingElementDiameterMm);
                w.Property(WireFieldNames.PitchDiameterMm, bearing.PitchDiameterMm);
                w.Property(WireFieldNames.ContactAngleDegrees, bearing.ContactAngleDegrees);
                w.EndObject();
            }

            w.PropertyName(WireFieldNames.Limits);
            w.BeginArray();
            for (var i = 0; i < config.Limits.Length; i++)
            {
                var limit = config.Limits[i];
                w.BeginObject();
                w.Property(WireFieldNames.Channel, WireNames.Channel(limit.Channel));
                w.Property(WireFieldNames.Axis, WireNames.Axis(limit.Axis));
                w.Property(WireFieldNames.Warning, limit.WarningLevel);
                w.Property(WireFieldNames.AlarmLevel, limit.AlarmLevel);
                w.Property(WireFieldNames.Hysteresis, limit.Hysteresis);
                w.Property(WireFieldNames.Confirm, limit.ConfirmWindows);
                w.Property(WireFieldNames.Below, limit.TriggersBelow);
                w.EndObject();
            }

            w.EndArray();
            w.PropertyName(WireFieldNames.Deadbands);
            w.BeginObject();
            for (var i = 0; i < config.Deadbands.Length && i < FeatureChannels.Count; i++)
            {
                if (config.Deadbands[i] != 0f)
                {
                    w.Property(WireNames.Channel((FeatureChannel)i), config.Deadbands[i]);
                }
            }

            w.EndObject();
            w.Property(WireFieldNames.HeartbeatSeconds, config.HeartbeatSeconds);
            w.Property(WireFieldNames.StatusIntervalSeconds, config.StatusIntervalSeconds);
            w.Property(WireFieldNames.EnvironmentSampleSeconds, config.EnvironmentSampleSeconds);
            w.EndObject();
            if (w.HasOverflowed)
            {
                throw new MessageBufferTooSmallException(MessageKind.Config, buffer.Length);
            }

            return w.Length;
        }

        private void WritePair(string name, float first, float second)
        {
            _writer.PropertyName(name);
            _writer.BeginArray();
            _writer.NumberValue(first);
            _writer.NumberValue(second);
            _writer.EndArray();
        }
    }
}

using Retrosense.Contracts;
using Retrosense.Node.Configuration;
using Retrosense.Node.Dsp;
using Retrosense.Node.EnvironmentChannels;
using Retrosense.Node.Thresholds;

namespace Retrosense.Node.Wire
{
    /// <summary>
    /// Encodes every node → cloud message as compact UTF-8 JSON, fields in the order shared/schemas documents and the
    /// golden files show. Each method writes into the caller's preallocated buffer, returns the message length, allocates
    /// nothing, and throws <see cref="MessageBufferTooSmallException"/> rather than return a truncated message.
    /// One instance per publishing thread (it owns its writer's state).
    /// </summary>
    public sealed class NodeMessageEncoder
    {
        private readonly JsonByteWriter _writer = new JsonByteWriter();

        public int EncodeTelemetry(MessageHeader header, int configVersion, VibrationFeatures features, FrequencyBand[] bands, IsoZone zone, EnvironmentSummary environment, byte[] buffer)
        {
            var w = _writer;
            BeginMessage(header, MessageKind.Telemetry, buffer);
            w.Property(WireFieldNames.ConfigVersion, configVersion);
            w.PropertyName(WireFieldNames.Window);
            w.BeginObject();
            w.Property(WireFieldNames.RateHz, features.SampleRateHz);
            w.Property(WireFieldNames.Samples, features.SampleCount);
            w.EndObject();
            w.Property(WireFieldNames.Zone, WireNames.Zone(zone));
            w.Property(WireFieldNames.VelocityRmsMaxMmPerSecond, features.MaxVelocityRmsMmPerSecond);
            w.PropertyName(WireFieldNames.Axes);
            w.BeginObject();
            WriteAxis(WireFieldNames.AxisX, features.X, bands);
            WriteAxis(WireFieldNames.AxisY, features.Y, bands);
            WriteAxis(WireFieldNames.AxisZ, features.Z, bands);
            w.EndObject();
            if (environment.TemperatureCelsius.Count > 0 || environment.RelativeHumidityPercent.Count > 0 || environment.PressureHectopascals.Count > 0)
            {
                w.PropertyName(WireFieldNames.Environment);
                w.BeginObject();
                WriteSummary(WireFieldNames.TemperatureCelsius, environment.TemperatureCelsius);
                WriteSummary(WireFieldNames.RelativeHumidityPercent, environment.RelativeHumidityPercent);
                WriteSummary(WireFieldNames.PressureHectopascals, environment.PressureHectopascals);
                w.EndObject();
            }

            return EndMessage(MessageKind.Telemetry);
        }

        public int EncodeAlarm(MessageHeader header, AlarmMessage alarm, byte[] buffer)
        {
            var w = _writer;
            BeginMessage(header, MessageKind.Alarm, buffer);
            w.PropertyName(WireFieldNames.Alarm);
            w.BeginObject();
            w.Property(WireFieldNames.Source, WireNames.Source(alarm.Source));
            // Zones are judged on velocity RMS only (ISO 10816-3), whatever the caller left in Channel.
            var channel = alarm.Source == AlarmSource.Zone ? FeatureChannel.VelocityRmsMmPerSecond : alarm.Channel;
            w.Property(WireFieldNames.Channel, WireNames.Channel(channel));
            w.Property(WireFieldNames.Axis, WireNames.Axis(alarm.Axis));
            w.Property(WireFieldNames.Severity, WireNames.Severity(alarm.Severity));
            w.Property(WireFieldNames.State, WireNames.State(alarm.State));
            w.Property(WireFieldNames.Value, alarm.Value);
            w.Property(WireFieldNames.Threshold, alarm.Threshold);
            if (alarm.Source == AlarmSource.Zone)
            {
                w.Property(WireFieldNames.Zone, WireNames.Zone(alarm.Zone));
                w.Property(WireFieldNames.PreviousZone, WireNames.Zone(alarm.PreviousZone));
            }

            w.EndObject();
            return EndMessage(MessageKind.Alarm);
        }

        public int EncodeStatus(MessageHeader header, NodeStatusReport status, byte[] buffer)
        {
            var w = _writer;
            BeginMessage(header, MessageKind.Status, buffer);
            w.Property(WireFieldNames.ConfigVersion, status.ConfigVersion);
            w.Property(WireFieldNames.UptimeSeconds, status.UptimeSeconds);
            w.Property(WireFieldNames.FreeHeapBytes, status.FreeHeapBytes);
            w.Property(WireFieldNames.RssiDbm, status.RssiDbm);
            w.Property(WireFieldNames.ResetReason, status.ResetReason);
            w.Property(WireFieldNames.QueueDepth, status.QueueDepth);
            w.Property(WireFieldNames.QueueCapacity, status.QueueCapacity);
            w.Property(WireFieldNames.QueueDropped, status.QueueDropped);
            w.Property(WireFieldNames.PublishFailures, status.PublishFailures);
            return EndMessage(MessageKind.Status);
        }

        /// <summary>Birth: the board name (e.g. <c>"esp32"</c>) and the config in force.</summary>
        public int EncodeBirth(MessageHeader header, string board, NodeConfig config, byte[] buffer)
        {
            var w = _writer;
            BeginMessage(header, MessageKind.Birth, buffer);
            w.Property(WireFieldNames.Board, board);
            w.Property(WireFieldNames.ConfigVersion, config.ConfigVersion);
            w.Property(WireFieldNames.SampleRateHz, config.SampleRateHz);
            w.Property(WireFieldNames.WindowSamples, config.WindowSamples);
            return EndMessage(MessageKind.Birth);
        }

        /// <summary>Death: the header only, encoded at connect time for the MQTT last will.</summary>
        public int EncodeDeath(MessageHeader header, byte[] buffer)
        {
            BeginMessage(header, MessageKind.Death, buffer);
            return EndMessage(MessageKind.Death);
        }

        /// <summary>Answer to a config message; <paramref name="reason"/> is written only when it is not null.</summary>
        public int EncodeConfigAck(MessageHeader header, int configVersion, bool accepted, string? reason, byte[] buffer)
        {
            var w = _writer;
            BeginMessage(header, MessageKind.ConfigAck, buffer);
            w.Property(WireFieldNames.ConfigVersion, configVersion);
            w.Property(WireFieldNames.Accepted, accepted);
            if (reason != null)
            {
                w.Property(WireFieldNames.Reason, reason);
            }

            return EndMessage(MessageKind.ConfigAck);
        }

        private void BeginMessage(MessageHeader header, string kind, byte[] buffer)
        {
            var w = _writer;
            w.Start(buffer);
            w.BeginObject();
            w.Property(WireFieldNames.Schema, SchemaVersion.Current);
            w.Property(WireFieldNames.Kind, kind);
            w.Property(WireFieldNames.Node, header.NodeId);
            w.Property(WireFieldNames.Boot, header.BootCount);
            w.Property(WireFieldNames.Seq, header.Seq);
            w.Property(WireFieldNames.Timestamp, header.TimestampMs);
            w.Property(WireFieldNames.TimeQuality, WireNames.TimeQuality(header.TimeSynchronized));
            w.Property(WireFieldNames.Historical, header.Historical);
            w.Property(WireFieldNames.Firmware, header.FirmwareVersion);
        }

        private int EndMessage(string kind)
        {
            _writer.EndObject();
            if (_writer.HasOverflowed)
            {
                throw new MessageBufferTooSmallException(kind, _writer.Buffer.Length);
            }

            return _writer.Length;
        }

        private void WriteAxis(string name, AxisFeatures axis, FrequencyBand[] bands)
        {
            var w = _writer;
            w.PropertyName(name);
            w.BeginObject();
            w.Property(WireFieldNames.RmsG, axis.RmsG);
            w.Property(WireFieldNames.PeakG, axis.PeakG);
            w.Property(WireFieldNames.PeakToPeakG, axis.PeakToPeakG);
            w.Property(WireFieldNames.Crest, axis.CrestFactor);
            w.Property(WireFieldNames.Kurtosis, axis.Kurtosis);
            w.Property(WireFieldNames.Skewness, axis.Skewness);
            w.Property(WireFieldNames.VelocityRmsMmPerSecond, axis.VelocityRmsMmPerSecond);
            w.Property(WireFieldNames.DominantHz, axis.DominantFrequencyHz);
            w.Property(WireFieldNames.EnvelopeRmsG, axis.EnvelopeRmsG);
            w.Property(WireFieldNames.EnvelopeBpfoG, axis.EnvelopeBpfoG);
            w.Property(WireFieldNames.EnvelopeBpfiG, axis.EnvelopeBpfiG);
            w.Property(WireFieldNames.EnvelopeBsfG, axis.EnvelopeBsfG);
            w.Property(WireFieldNames.EnvelopeFtfG, axis.EnvelopeFtfG);
            var bandCount = bands.Length < axis.BandRmsG.Length ? bands.Length : axis.BandRmsG.Length;
            if (bandCount > 0)
            {
                w.PropertyName(WireFieldNames.BandsG);
                w.BeginObject();
                for (var i = 0; i < bandCount; i++)
                {
                    w.Property(bands[i].Name, axis.BandRmsG[i]);
                }

                w.EndObject();
            }

            w.EndObject();
        }

        private void WriteSummary(string name, ChannelSummary summary)
        {
            if (summary.Count == 0)
            {
                return;
            }

            var w = _writer;
            w.PropertyName(name);
            w.BeginObject();
            w.Property(WireFieldNames.Mean, summary.Mean);
            w.Property(WireFieldNames.Min, summary.Min);
            w.Property(WireFieldNames.Max, summary.Max);
            w.EndObject();
        }
    }
}

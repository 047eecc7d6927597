namespace Retrosense.Contracts
{
    /// <summary>
    /// Every JSON field name of the wire contract (snake_case), so the node's encoder, its config decoder and the cloud
    /// spell them once. Units are in the names where a value has one; shared/schemas describes each field.
    /// </summary>
    public static class WireFieldNames
    {
        // Header of every node → cloud message, in wire order.
        public const string Schema = "schema";
        public const string Kind = "kind";
        public const string Node = "node";
        public const string Boot = "boot";
        public const string Seq = "seq";
        public const string Timestamp = "ts";
        public const string TimeQuality = "time_quality";
        public const string Historical = "historical";
        public const string Firmware = "fw";

        // Shared by several kinds.
        public const string ConfigVersion = "config_version";

        // telemetry
        public const string Window = "window";
        public const string RateHz = "rate_hz";
        public const string Samples = "samples";
        public const string Zone = "zone";
        public const string VelocityRmsMaxMmPerSecond = "vel_rms_max_mm_s";
        public const string Axes = "axes";
        public const string AxisX = "x";
        public const string AxisY = "y";
        public const string AxisZ = "z";
        public const string Environment = "env";
        public const string Mean = "mean";
        public const string Min = "min";
        public const string Max = "max";
        public const string BandsG = "bands_g";

        // Per-axis feature fields; the vibration ones double as channel names in limits and deadbands.
        public const string RmsG = "rms_g";
        public const string PeakG = "peak_g";
        public const string PeakToPeakG = "p2p_g";
        public const string Crest = "crest";
        public const string Kurtosis = "kurtosis";
        public const string Skewness = "skewness";
        public const string VelocityRmsMmPerSecond = "vel_rms_mm_s";
        public const string DominantHz = "dominant_hz";
        public const string EnvelopeRmsG = "env_rms_g";
        public const string EnvelopeBpfoG = "env_bpfo_g";
        public const string EnvelopeBpfiG = "env_bpfi_g";
        public const string EnvelopeBsfG = "env_bsf_g";
        public const string EnvelopeFtfG = "env_ftf_g";

        // Environment channels (telemetry "env" members, limit and deadband channel names).
        public const string TemperatureCelsius = "temp_c";
        public const string RelativeHumidityPercent = "rh_pct";
        public const string PressureHectopascals = "pressure_hpa";

        // alarm
        public const string Alarm = "alarm";
        public const string Source = "source";
        public const string Channel = "channel";
        public const string Axis = "axis";
        public const string Severity = "severity";
        public const string State = "state";
        public const string Value = "value";
        public const string Threshold = "threshold";
        public const string PreviousZone = "previous_zone";

        // status
        public const string UptimeSeconds = "uptime_s";
        public const string FreeHeapBytes = "free_heap_bytes";
        public const string RssiDbm = "rssi_dbm";
        public const string ResetReason = "reset_reason";
        public const string QueueDepth = "queue_depth";
        public const string QueueCapacity = "queue_capacity";
        public const string QueueDropped = "queue_dropped";
        public const string PublishFailures = "publish_failures";

        // birth
        public const string Board = "board";
        public const string SampleRateHz = "sample_rate_hz";
        public const string WindowSamples = "window_samples";

        // config-ack
        public const string Accepted = "accepted";
        public const string Reason = "reason";

        // config (cloud → node)
        public const string MachineGroup = "machine_group";
        public const string Foundation = "foundation";
        public const string ShaftRpm = "shaft_rpm";
        public const string VelocityBandHz = "velocity_band_hz";
        public const string ZoneLimitsMmPerSecond = "zone_limits_mm_s";
        public const string EnvelopeBandHz = "envelope_band_hz";
        public const string Bands = "bands";
        public const string Name = "name";
        public const string LowHz = "low_hz";
        public const string HighHz = "high_hz";
        public const string Bearing = "bearing";
        public const string Elements = "elements";
        public const string ElementDiameterMm = "element_diameter_mm";
        public const string PitchDiameterMm = "pitch_diameter_mm";
        public const string ContactAngleDegrees = "contact_angle_deg";
        public const string Limits = "limits";
        public const string Warning = "warning";
        public const string AlarmLevel = "alarm";
        public const string Hysteresis = "hysteresis";
        public const string Confirm = "confirm";
        public const string Below = "below";
        public const string Deadbands = "deadbands";
        public const string HeartbeatSeconds = "heartbeat_s";
        public const string StatusIntervalSeconds = "status_interval_s";
        public const string EnvironmentSampleSeconds = "environment_sample_s";
    }
}

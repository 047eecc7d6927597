using Retrosense.Node.Thresholds;

namespace Retrosense.Node.Configuration
{
    /// <summary>
    /// Everything the cloud can set on a node. A config is built whole (defaults or parsed from a <c>config</c> message),
    /// validated by <c>NodeConfigValidator</c>, and only then swapped in, so a node never runs on a half-applied config.
    /// Treat an instance as immutable once it is in force.
    /// </summary>
    public sealed class NodeConfig
    {
        /// <summary>Version set by the cloud; echoed in <c>config-ack</c>, <c>birth</c> and <c>status</c>. 0 is the built-in default.</summary>
        public int ConfigVersion { get; set; }

        /// <summary>Accelerometer output data rate, in Hz.</summary>
        public float SampleRateHz { get; set; } = 3200f;

        /// <summary>Samples per axis in one window; a power of two.</summary>
        public int WindowSamples { get; set; } = 4096;

        public MachineGroup MachineGroup { get; set; } = MachineGroup.Group2;

        public Foundation Foundation { get; set; } = Foundation.Rigid;

        /// <summary>Nominal shaft speed, in rpm; sets the bearing defect frequencies and, under 600 rpm, the 2 Hz velocity band edge.</summary>
        public float ShaftSpeedRpm { get; set; } = 1500f;

        /// <summary>Lower edge of the velocity band, in Hz (ISO 10816-3: 10 Hz, or 2 Hz for machines under 600 rpm).</summary>
        public float VelocityBandLowHz { get; set; } = 10f;

        /// <summary>Upper edge of the velocity band, in Hz (ISO 10816-3: 1000 Hz).</summary>
        public float VelocityBandHighHz { get; set; } = 1000f;

        /// <summary>A/B, B/C and C/D zone boundaries for velocity RMS, in mm/s (from the ISO table unless the cloud overrides them).</summary>
        public float[] ZoneBoundariesMmPerSecond { get; set; } = IsoZoneBoundaries.For(MachineGroup.Group2, Foundation.Rigid);

        /// <summary>Band the envelope (demodulation) is taken over, in Hz: a structural resonance band above the running-speed harmonics.</summary>
        public float EnvelopeBandLowHz { get; set; } = 500f;

        /// <summary>Upper edge of the envelope band, in Hz; clipped to 0.45 × the sample rate.</summary>
        public float EnvelopeBandHighHz { get; set; } = 1400f;

        /// <summary>Bands whose RMS acceleration is reported per axis.</summary>
        public FrequencyBand[] Bands { get; set; } = new FrequencyBand[0];

        /// <summary>Bearing geometry for the defect-frequency envelope bands; null when unknown (those features are then 0).</summary>
        public BearingGeometry? Bearing { get; set; }

        /// <summary>Warning/alarm limits on vibration features and environment channels.</summary>
        public LimitRule[] Limits { get; set; } = new LimitRule[0];

        /// <summary>
        /// Report-by-exception deadband per <see cref="FeatureChannel"/> (indexed by its value), in the channel's unit:
        /// telemetry is published when a value moves further than this since the last report. 0 disables the channel's trigger.
        /// </summary>
        public float[] Deadbands { get; set; } = new float[FeatureChannels.Count];

        /// <summary>Telemetry is published at least this often even when nothing moved, in seconds.</summary>
        public int HeartbeatSeconds { get; set; } = 300;

        /// <summary>How often a <c>status</c> message is published, in seconds.</summary>
        public int StatusIntervalSeconds { get; set; } = 600;

        /// <summary>How often the environment sensor is read, in seconds.</summary>
        public int EnvironmentSampleSeconds { get; set; } = 10;

        /// <summary>Consecutive windows a new ISO zone must hold before the zone change is reported (1 to 100).</summary>
        public int ZoneConfirmWindows { get; set; } = 1;

        /// <summary>The built-in configuration a node runs before the cloud sends one.</summary>
        public static NodeConfig CreateDefault()
        {
            var config = new NodeConfig();
            config.Deadbands[(int)FeatureChannel.VelocityRmsMmPerSecond] = 0.2f;
            config.Deadbands[(int)FeatureChannel.RmsG] = 0.02f;
            config.Deadbands[(int)FeatureChannel.Kurtosis] = 0.5f;
            config.Deadbands[(int)FeatureChannel.TemperatureCelsius] = 1.0f;
            return config;
        }
    }
}

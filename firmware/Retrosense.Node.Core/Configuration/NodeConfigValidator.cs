namespace Retrosense.Node.Configuration
{
    /// <summary>
    /// Checks a <see cref="NodeConfig"/> before it is applied, so a node never runs on settings its DSP, thresholds or
    /// memory cannot take. The first problem found is reported, naming the field and the allowed range in plain words;
    /// the reason goes into <c>config-ack</c> as is.
    /// </summary>
    /// <remarks>
    /// Every comparison is written as "value is inside the range", so NaN fails it without a separate check.
    /// Ranges and their reasons: a sample rate up to 100 kHz covers every MEMS and IEPE front end we target; windows of
    /// 256 to 16384 samples are powers of two for the radix-2 FFT (the validator checks the shape, not the heap: 16384
    /// samples take 96 KiB of counts, more than an ESP32-WROOM's ~80 KiB, and suit only nodes with more RAM); frequency bands must lie below the Nyquist frequency (half the sample rate, Shannon–Nyquist)
    /// because nothing above it is in the samples; a bearing's rolling-element diameter must be below its pitch diameter and
    /// the contact angle below 90° for the defect-frequency formulas (Randall and Antoni, 2011) to mean anything.
    /// </remarks>
    public static class NodeConfigValidator
    {
        public const float MaxSampleRateHz = 100000f;
        public const int MinWindowSamples = 256;
        public const int MaxWindowSamples = 16384;
        public const int MaxBands = 16;
        public const int MaxBandNameLength = 16;
        public const int MaxLimits = 32;
        public const int MaxConfirmWindows = 100;
        public const int MaxHeartbeatSeconds = 86400;
        public const int MinStatusIntervalSeconds = 10;
        public const int MaxStatusIntervalSeconds = 86400;
        public const int MaxEnvironmentSampleSeconds = 3600;

        /// <summary>True when <paramref name="config"/> can be applied; otherwise false with the first problem in <paramref name="reason"/>.</summary>
        public static bool Validate(NodeConfig config, out string reason)
        {
            reason = string.Empty;
            if (config == null)
            {
                reason = "the config is missing";
                return false;
            }

            var rate = config.SampleRateHz;
            if (!(rate > 0f && rate <= MaxSampleRateHz))
            {
                reason = "SampleRateHz must be more than 0 and at most 100000 Hz (got " + rate.ToString() + ")";
                return false;
            }

            var nyquist = 0.5f * rate;
            var window = config.WindowSamples;
            if (!(window >= MinWindowSamples && window <= MaxWindowSamples && (window & (window - 1)) == 0))
            {
                reason = "WindowSamples must be a power of two from 256 to 16384 (got " + window.ToString() + ")";
                return false;
            }

            if (config.MachineGroup != MachineGroup.Group1 && config.MachineGroup != MachineGroup.Group2)
            {
                reason = "MachineGroup must be Group1 or Group2 (got " + ((int)config.MachineGroup).ToString() + ")";
                return false;
            }

            if (config.Foundation != Foundation.Rigid && config.Foundation != Foundation.Flexible)
            {
                reason = "Foundation must be Rigid or Flexible (got " + ((int)config.Foundation).ToString() + ")";
                return false;
            }

            if (!(config.VelocityBandLowHz > 0f))
            {
                reason = "VelocityBandLowHz must be more than 0 Hz (got " + config.VelocityBandLowHz.ToString() + ")";
                return false;
            }

            if (!(config.VelocityBandHighHz > config.VelocityBandLowHz && config.VelocityBandHighHz <= nyquist))
            {
                reason = "VelocityBandHighHz must be above VelocityBandLowHz and at most the Nyquist frequency, half of SampleRateHz ("
                    + nyquist.ToString() + " Hz) (got " + config.VelocityBandHighHz.ToString() + ")";
                return false;
            }

            if (!ValidateZoneBoundaries(config.ZoneBoundariesMmPerSecond, out reason))
            {
                return false;
            }

            if (!(config.EnvelopeBandLowHz > 0f && config.EnvelopeBandLowHz < nyquist))
            {
                reason = "EnvelopeBandLowHz must be more than 0 Hz and below the Nyquist frequency, half of SampleRateHz ("
                    + nyquist.ToString() + " Hz) (got " + config.EnvelopeBandLowHz.ToString() + ")";
                return false;
            }

            if (!(config.EnvelopeBandHighHz > config.EnvelopeBandLowHz))
            {
                reason = "EnvelopeBandHighHz must be above EnvelopeBandLowHz (" + config.EnvelopeBandLowHz.ToString() + " Hz) (got "
                    + config.EnvelopeBandHighHz.ToString() + ")";
                return false;
            }

            if (!ValidateBands(config.Bands, nyquist, out reason))
            {
                return false;
            }

            if (!(config.ShaftSpeedRpm >= 0f))
            {
                reason = "ShaftSpeedRpm must be 0 or more (got " + config.ShaftSpeedRpm.ToString() + ")";
                return false;
            }

            if (config.Bearing != null)
            {
                if (!(config.ShaftSpeedRpm > 0f))
                {
                    reason = "ShaftSpeedRpm must be more than 0 when Bearing is set: the defect frequencies scale with it";
                    return false;
                }

                if (!ValidateBearing(config.Bearing, out reason))
                {
                    return false;
                }
            }

            if (!ValidateLimits(config.Limits, out reason))
            {
                return false;
            }

            if (!ValidateDeadbands(config.Deadbands, out reason))
            {
                return false;
            }

            if (!IntInRange(config.HeartbeatSeconds, 1, MaxHeartbeatSeconds, "HeartbeatSeconds", "seconds", out reason)
                || !IntInRange(config.StatusIntervalSeconds, MinStatusIntervalSeconds, MaxStatusIntervalSeconds, "StatusIntervalSeconds", "seconds", out reason)
                || !IntInRange(config.EnvironmentSampleSeconds, 1, MaxEnvironmentSampleSeconds, "EnvironmentSampleSeconds", "seconds", out reason)
                || !IntInRange(config.ZoneConfirmWindows, 1, MaxConfirmWindows, "ZoneConfirmWindows", "windows", out reason))
            {
                return false;
            }

            reason = string.Empty;
            return true;
        }

        private static bool ValidateZoneBoundaries(float[] boundaries, out string reason)
        {
            reason = string.Empty;
            if (boundaries == null || boundaries.Length != 3)
            {
                reason = "ZoneBoundariesMmPerSecond must hold exactly 3 values (A/B, B/C, C/D)";
                return false;
            }

            if (!(boundaries[0] > 0f && boundaries[1] > boundaries[0] && boundaries[2] > boundaries[1] && !float.IsInfinity(boundaries[2])))
            {
                reason = "ZoneBoundariesMmPerSecond must be more than 0 mm/s and strictly increasing (got "
                    + boundaries[0].ToString() + ", " + boundaries[1].ToString() + ", " + boundaries[2].ToString() + ")";
                return false;
            }

            return true;
        }

        private static bool ValidateBands(FrequencyBand[] bands, float nyquist, out string reason)
        {
            reason = string.Empty;
            if (bands == null)
            {
                reason = "Bands must be present (it may be empty)";
                return false;
            }

            if (bands.Length > MaxBands)
            {
                reason = "Bands may hold at most 16 bands (got " + bands.Length.ToString() + ")";
                return false;
            }

            for (var i = 0; i < bands.Length; i++)
            {
                var band = bands[i];
                var field = "Bands[" + i.ToString() + "]";
                if (band == null)
                {
                    reason = field + " is missing";
                    return false;
                }

                if (!IsValidBandName(band.Name))
                {
                    reason = field + ".Name must be 1 to 16 characters of A-Z, a-z, 0-9, '.', '_' or '-'";
                    return false;
                }

                if (!(band.LowHz >= 0f && band.HighHz > band.LowHz && band.HighHz <= nyquist))
                {
                    reason = field + " (" + band.Name + ") must have 0 <= LowHz < HighHz <= the Nyquist frequency, half of SampleRateHz ("
                        + nyquist.ToString() + " Hz) (got " + band.LowHz.ToString() + " to " + band.HighHz.ToString() + " Hz)";
                    return false;
                }
            }

            return true;
        }

        private static bool IsValidBandName(string name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxBandNameLength)
            {
                return false;
            }

            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                var ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ValidateBearing(BearingGeometry bearing, out string reason)
        {
            reason = string.Empty;
            if (bearing.RollingElementCount < 1)
            {
                reason = "Bearing.RollingElementCount must be 1 or more (got " + bearing.RollingElementCount.ToString() + ")";
                return false;
            }

            if (!(bearing.RollingElementDiameterMm > 0f))
            {
                reason = "Bearing.RollingElementDiameterMm must be more than 0 mm (got " + bearing.RollingElementDiameterMm.ToString() + ")";
                return false;
            }

            if (!(bearing.PitchDiameterMm > bearing.RollingElementDiameterMm && !float.IsInfinity(bearing.PitchDiameterMm)))
            {
                reason = "Bearing.PitchDiameterMm must be more than Bearing.RollingElementDiameterMm ("
                    + bearing.RollingElementDiameterMm.ToString() + " mm) (got " + bearing.PitchDiameterMm.ToString() + ")";
                return false;
            }

            if (!(bearing.ContactAngleDegrees >= 0f && bearing.ContactAngleDegrees < 90f))
            {
                reason = "Bearing.ContactAngleDegrees must be from 0 up to (not including) 90 degrees (got "
                    + bearing.ContactAngleDegrees.ToString() + ")";
                return false;
            }

            return true;
        }

        private static bool ValidateLimits(LimitRule[] limits, out string reason)
        {
            reason = string.Empty;
            if (limits == null)
            {
                reason = "Limits must be present (it may be empty)";
                return false;
            }

            if (limits.Length > MaxLimits)
            {
                reason = "Limits may hold at most 32 rules (got " + limits.Length.ToString() + ")";
                return false;
            }

            for (var i = 0; i < limits.Length; i++)
            {
                var rule = limits[i];
                var field = "Limits[" + i.ToString() + "]";
                if (rule == null)
                {
                    reason = field + " is missing";
                    return false;
                }

                if ((int)rule.Channel < 0 || (int)rule.Channel >= FeatureChannels.Count)
                {
                    reason = field + ".Channel must be one of the " + FeatureChannels.Count.ToString() + " feature channels (got "
                        + ((int)rule.Channel).ToString() + ")";
                    return false;
                }

                if ((int)rule.Axis < (int)AxisSelector.Max || (int)rule.Axis > (int)AxisSelector.Z)
                {
                    reason = field + ".Axis must be Max, X, Y or Z (got " + ((int)rule.Axis).ToString() + ")";
                    return false;
                }

                if (!IsFinite(rule.WarningLevel) || !IsFinite(rule.AlarmLevel))
                {
                    reason = field + ".WarningLevel and AlarmLevel must be finite numbers";
                    return false;
                }

                if (!rule.TriggersBelow && !(rule.WarningLevel < rule.AlarmLevel))
                {
                    reason = field + " is an upper limit, so WarningLevel must be below AlarmLevel (got warning "
                        + rule.WarningLevel.ToString() + ", alarm " + rule.AlarmLevel.ToString() + ")";
                    return false;
                }

                if (rule.TriggersBelow && !(rule.WarningLevel > rule.AlarmLevel))
                {
                    reason = field + " is a lower limit (TriggersBelow), so WarningLevel must be above AlarmLevel (got warning "
                        + rule.WarningLevel.ToString() + ", alarm " + rule.AlarmLevel.ToString() + ")";
                    return false;
                }

                if (!(rule.Hysteresis >= 0f && !float.IsInfinity(rule.Hysteresis)))
                {
                    reason = field + ".Hysteresis must be 0 or more (got " + rule.Hysteresis.ToString() + ")";
                    return false;
                }

                if (!IntInRange(rule.ConfirmWindows, 1, MaxConfirmWindows, field + ".ConfirmWindows", "windows", out reason))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool ValidateDeadbands(float[] deadbands, out string reason)
        {
            reason = string.Empty;
            if (deadbands == null || deadbands.Length != FeatureChannels.Count)
            {
                reason = "Deadbands must hold one value per feature channel, " + FeatureChannels.Count.ToString() + " in all (got "
                    + (deadbands == null ? "none" : deadbands.Length.ToString()) + ")";
                return false;
            }

            for (var i = 0; i < deadbands.Length; i++)
            {
                if (!(deadbands[i] >= 0f && !float.IsInfinity(deadbands[i])))
                {
                    reason = "Deadbands[" + i.ToString() + "] must be 0 (off) or more (got " + deadbands[i].ToString() + ")";
                    return false;
                }
            }

            return true;
        }

        private static bool IntInRange(int value, int min, int max, string field, string unit, out string reason)
        {
            if (value >= min && value <= max)
            {
                reason = string.Empty;
                return true;
            }

            reason = field + " must be from " + min.ToString() + " to " + max.ToString() + " " + unit + " (got " + value.ToString() + ")";
            return false;
        }

        private static bool IsFinite(float value)
        {
            return !float.IsNaN(value) && !float.IsInfinity(value);
        }
    }
}

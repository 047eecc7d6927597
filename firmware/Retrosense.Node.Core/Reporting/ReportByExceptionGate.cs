using Retrosense.Node.Configuration;

namespace Retrosense.Node.Reporting
{
    /// <summary>
    /// Report by exception: decides whether this window's telemetry is published. It is when a channel with a non-zero
    /// deadband moved by more than the deadband since the last REPORTED values, when the heartbeat interval passed since
    /// the last report, or on the first window. Alarms do not go through the gate; the caller publishes them at once.
    /// </summary>
    /// <remarks>
    /// Comparing with the last report rather than the last window is what makes slow drift visible: a temperature that
    /// creeps up 0.1 °C per window never moves 1 °C from one window to the next, but does from the last report.
    /// A non-finite value (NaN: sensor missing) never triggers by itself; a finite value after a reported NaN does
    /// (the channel came back). Values are the per-channel vector of <c>ChannelValueReader.FillAllChannels</c>.
    /// The gate only decides: call <see cref="RecordReport"/> when the message was actually published or queued.
    /// </remarks>
    public sealed class ReportByExceptionGate
    {
        private readonly float[] _deadbands = new float[FeatureChannels.Count];
        private readonly float[] _lastReported = new float[FeatureChannels.Count];
        private readonly long _heartbeatMilliseconds;
        private bool _hasReported;
        private long _lastReportMilliseconds;

        public ReportByExceptionGate(NodeConfig config)
        {
            var deadbands = config.Deadbands;
            for (var i = 0; i < FeatureChannels.Count; i++)
            {
                _deadbands[i] = deadbands != null && i < deadbands.Length ? deadbands[i] : 0f;
            }

            _heartbeatMilliseconds = config.HeartbeatSeconds * 1000L;
        }

        /// <summary>Why the last <see cref="ShouldReport"/> call said yes, or <see cref="ReportReason.None"/>.</summary>
        public ReportReason Reason { get; private set; }

        /// <summary>The first channel that moved beyond its deadband, when <see cref="Reason"/> is <see cref="ReportReason.Deadband"/>.</summary>
        public FeatureChannel DeadbandChannel { get; private set; }

        /// <summary>How far that channel moved since the last report, in its unit (signed).</summary>
        public float DeadbandChange { get; private set; }

        /// <summary>Decides whether the telemetry of this window is published.</summary>
        /// <param name="values">Current value per channel, indexed by <see cref="FeatureChannel"/> (NaN = no data).</param>
        /// <param name="monotonicMilliseconds">Monotonic time now (<c>IClock.MonotonicMilliseconds</c>).</param>
        public bool ShouldReport(float[] values, long monotonicMilliseconds)
        {
            Reason = ReportReason.None;
            if (!_hasReported)
            {
                Reason = ReportReason.First;
                return true;
            }

            for (var i = 0; i < FeatureChannels.Count; i++)
            {
                var deadband = _deadbands[i];
                if (!(deadband > 0f))
                {
                    continue;
                }

                var value = values[i];
                if (!IsFinite(value))
                {
                    continue;
                }

                var last = _lastReported[i];
                var change = IsFinite(last) ? value - last : value;
                var magnitude = change < 0f ? -change : change;
                if (!IsFinite(last) || magnitude > deadband)
                {
                    Reason = ReportReason.Deadband;
                    DeadbandChannel = (FeatureChannel)i;
                    DeadbandChange = change;
                    return true;
                }
            }

            if (monotonicMilliseconds - _lastReportMilliseconds >= _heartbeatMilliseconds)
            {
                Reason = ReportReason.Heartbeat;
                return true;
            }

            return false;
        }

        /// <summary>Remembers the values and the time of a report that was published (or queued for store-and-forward).</summary>
        public void RecordReport(float[] values, long monotonicMilliseconds)
        {
            for (var i = 0; i < FeatureChannels.Count; i++)
            {
                _lastReported[i] = values[i];
            }

            _lastReportMilliseconds = monotonicMilliseconds;
            _hasReported = true;
        }

        /// <summary>Forgets the last report, so the next window reports again.</summary>
        public void Reset()
        {
            _hasReported = false;
            Reason = ReportReason.None;
        }

        private static bool IsFinite(float value)
        {
            return !float.IsNaN(value) && !float.IsInfinity(value);
        }
    }
}

using Retrosense.Node.Configuration;

namespace Retrosense.Node.Thresholds
{
    /// <summary>
    /// Follows the ISO 10816-3 zone of a machine window by window and reports a change only once it is confirmed:
    /// the new zone must hold for <see cref="ConfirmWindows"/> consecutive windows, and a move to a better zone needs the
    /// value to be below the boundary by a small margin (<see cref="DownwardHysteresisFraction"/>).
    /// </summary>
    /// <remarks>
    /// Confirmation: consecutive windows on the same side of the current zone count together, and the change goes to the
    /// zone closest to the current one that all of them reached (for example B, then C, D, C: after three windows with N = 3
    /// the zone becomes C, the zone every one of the three windows was at least in). A window back in the current zone resets
    /// the count. The first finite value sets the zone at once without a change event: there is no previous zone to report.
    /// A non-finite value (NaN, infinity) is "no data": it neither advances nor resets the count.
    /// </remarks>
    public sealed class IsoZoneTracker
    {
        /// <summary>
        /// Margin below a boundary, as a fraction of it, that a value must reach to count towards a better zone (5 %).
        /// ISO 10816-3 defines no hysteresis; 5 % is our choice: above the window-to-window scatter of velocity RMS on a
        /// steady machine with 4096-sample windows (a few per cent), and small against the factor of about 1.6 between
        /// neighbouring ISO boundaries, so a genuine improvement is still seen.
        /// </summary>
        public const float DownwardHysteresisFraction = 0.05f;

        private readonly float[] _boundariesMmPerSecond = new float[3];
        private readonly float[] _downwardBoundariesMmPerSecond = new float[3];
        private readonly IsoZoneChange _change = new IsoZoneChange();
        private int _pendingDirection;
        private IsoZone _pendingZone;
        private int _pendingCount;

        /// <summary>Tracker for the config's zone boundaries and <see cref="NodeConfig.ZoneConfirmWindows"/>.</summary>
        public IsoZoneTracker(NodeConfig config)
            : this(config.ZoneBoundariesMmPerSecond, config.ZoneConfirmWindows)
        {
        }

        /// <summary>Tracker for explicit A/B, B/C, C/D boundaries in mm/s and a confirmation count (at least 1).</summary>
        public IsoZoneTracker(float[] boundariesMmPerSecond, int confirmWindows)
        {
            if (boundariesMmPerSecond == null || boundariesMmPerSecond.Length != 3)
            {
                throw new System.ArgumentException("three zone boundaries are needed", "boundariesMmPerSecond");
            }

            for (var i = 0; i < 3; i++)
            {
                _boundariesMmPerSecond[i] = boundariesMmPerSecond[i];
                _downwardBoundariesMmPerSecond[i] = boundariesMmPerSecond[i] * (1f - DownwardHysteresisFraction);
            }

            ConfirmWindows = confirmWindows < 1 ? 1 : confirmWindows;
        }

        /// <summary>Consecutive windows a new zone must hold before the change is reported.</summary>
        public int ConfirmWindows { get; }

        /// <summary>False until the first finite value arrived.</summary>
        public bool HasZone { get; private set; }

        /// <summary>The confirmed zone (A until <see cref="HasZone"/>).</summary>
        public IsoZone Zone { get; private set; }

        /// <summary>The last confirmed change; valid after <see cref="Update"/> returned true.</summary>
        public IsoZoneChange Change { get { return _change; } }

        /// <summary>Feeds one window's velocity RMS (the largest of the axes, in mm/s).</summary>
        /// <returns>True when a zone change was confirmed by this window; <see cref="Change"/> then describes it.</returns>
        public bool Update(float velocityRmsMmPerSecond)
        {
            if (float.IsNaN(velocityRmsMmPerSecond) || float.IsInfinity(velocityRmsMmPerSecond))
            {
                return false;
            }

            if (!HasZone)
            {
                HasZone = true;
                Zone = IsoZoneClassifier.Classify(velocityRmsMmPerSecond, _boundariesMmPerSecond);
                return false;
            }

            var candidate = CandidateZone(velocityRmsMmPerSecond);
            if (candidate == Zone)
            {
                _pendingCount = 0;
                _pendingDirection = 0;
                return false;
            }

            var direction = candidate > Zone ? 1 : -1;
            if (_pendingCount == 0 || direction != _pendingDirection)
            {
                _pendingDirection = direction;
                _pendingZone = candidate;
                _pendingCount = 1;
            }
            else
            {
                _pendingCount++;

                // Keep the zone every window of the run has reached: the one closest to the current zone.
                if ((direction > 0 && candidate < _pendingZone) || (direction < 0 && candidate > _pendingZone))
                {
                    _pendingZone = candidate;
                }
            }

            if (_pendingCount < ConfirmWindows)
            {
                return false;
            }

            _change.PreviousZone = Zone;
            _change.Zone = _pendingZone;
            _change.VelocityRmsMmPerSecond = velocityRmsMmPerSecond;
            _change.BoundaryMmPerSecond = _pendingZone > Zone
                ? _boundariesMmPerSecond[(int)_pendingZone - 1]
                : _boundariesMmPerSecond[(int)_pendingZone];
            Zone = _pendingZone;
            _pendingCount = 0;
            _pendingDirection = 0;
            return true;
        }

        /// <summary>Forgets the zone and any pending change (after a new config or a restart of sampling).</summary>
        public void Reset()
        {
            HasZone = false;
            Zone = IsoZone.A;
            _pendingCount = 0;
            _pendingDirection = 0;
        }

        private IsoZone CandidateZone(float velocityRmsMmPerSecond)
        {
            var raw = IsoZoneClassifier.Classify(velocityRmsMmPerSecond, _boundariesMmPerSecond);
            if (raw >= Zone)
            {
                return raw;
            }

            // Better than the current zone: step down only past boundaries the value is clearly below.
            var zone = Zone;
            while (zone > IsoZone.A && velocityRmsMmPerSecond < _downwardBoundariesMmPerSecond[(int)zone - 1])
            {
                zone = zone - 1;
            }

            return zone;
        }
    }
}

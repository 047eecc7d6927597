namespace Retrosense.Node.Thresholds
{
    /// <summary>
    /// A confirmed change of ISO zone. One instance is owned by an <see cref="IsoZoneTracker"/> and overwritten on every
    /// change, so reading it allocates nothing; copy the fields out if they must outlive the next update.
    /// </summary>
    public sealed class IsoZoneChange
    {
        /// <summary>Zone in force before the change.</summary>
        public IsoZone PreviousZone { get; internal set; }

        /// <summary>Zone in force from now on.</summary>
        public IsoZone Zone { get; internal set; }

        /// <summary>Velocity RMS of the window that confirmed the change, in mm/s.</summary>
        public float VelocityRmsMmPerSecond { get; internal set; }

        /// <summary>
        /// The zone boundary crossed next to the new zone, in mm/s (for an alarm's threshold): the new zone's lower boundary
        /// when the zone got worse, its upper boundary when it got better.
        /// </summary>
        public float BoundaryMmPerSecond { get; internal set; }

        /// <summary>True when the zone got worse (A towards D).</summary>
        public bool IsWorse { get { return Zone > PreviousZone; } }
    }
}

namespace Retrosense.Node.Thresholds
{
    /// <summary>
    /// Evaluation zone of a broadband velocity RMS against the three zone boundaries of ISO 10816-3:2009 Annex A
    /// (ISO 20816-3:2022 keeps the limits).
    /// </summary>
    public static class IsoZoneClassifier
    {
        /// <summary>
        /// Zone of <paramref name="velocityRmsMmPerSecond"/> for the A/B, B/C and C/D boundaries (mm/s, strictly increasing):
        /// v &lt; A/B → A, v &lt; B/C → B, v &lt; C/D → C, otherwise D.
        /// </summary>
        /// <remarks>
        /// A value exactly on a boundary belongs to the higher zone. ISO 10816-3 Tables A.1 and A.2 give the boundaries as the
        /// upper limit of the lower zone ("zone A up to 1.4 mm/s") without saying which side owns the point itself; counting the
        /// boundary into the worse zone is the conservative reading, and float equality on a measured value is rare anyway.
        /// A non-finite value (NaN, infinity) is treated as D, since "no sensible reading" must never look healthy;
        /// <see cref="IsoZoneTracker"/> skips such values before they get here.
        /// </remarks>
        public static IsoZone Classify(float velocityRmsMmPerSecond, float[] boundariesMmPerSecond)
        {
            if (velocityRmsMmPerSecond < boundariesMmPerSecond[0])
            {
                return IsoZone.A;
            }

            if (velocityRmsMmPerSecond < boundariesMmPerSecond[1])
            {
                return IsoZone.B;
            }

            if (velocityRmsMmPerSecond < boundariesMmPerSecond[2])
            {
                return IsoZone.C;
            }

            return IsoZone.D;
        }
    }
}

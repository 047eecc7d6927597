using Retrosense.Node.Configuration;

namespace Retrosense.Node.Dsp
{
    /// <summary>
    /// Kinematic defect frequencies of a rolling-element bearing with a stationary outer race and a rotating inner race,
    /// from R. B. Randall, J. Antoni, "Rolling element bearing diagnostics—A tutorial", Mechanical Systems and Signal
    /// Processing 25 (2011) 485–520, eqs. (1)–(4); fr is the shaft frequency, n the number of rolling elements, d the
    /// rolling-element diameter, D the pitch diameter and θ the contact angle. Real bearings slip, so measured lines sit
    /// 1–2 % off these values: search windows around them must allow for that.
    /// </summary>
    public static class BearingDefectFrequencies
    {
        /// <summary>Ball pass frequency, outer race (BPFO) = (n/2)·fr·(1 − (d/D)·cosθ), in Hz.</summary>
        public static float BallPassOuterRaceHz(BearingGeometry geometry, float shaftHz)
        {
            return 0.5f * geometry.RollingElementCount * shaftHz * (1f - DiameterRatioCosine(geometry));
        }

        /// <summary>Ball pass frequency, inner race (BPFI) = (n/2)·fr·(1 + (d/D)·cosθ), in Hz.</summary>
        public static float BallPassInnerRaceHz(BearingGeometry geometry, float shaftHz)
        {
            return 0.5f * geometry.RollingElementCount * shaftHz * (1f + DiameterRatioCosine(geometry));
        }

        /// <summary>Ball (roller) spin frequency (BSF) = (D/(2d))·fr·(1 − ((d/D)·cosθ)²), in Hz; a spall on a ball strikes twice per spin.</summary>
        public static float BallSpinHz(BearingGeometry geometry, float shaftHz)
        {
            var ratio = DiameterRatioCosine(geometry);
            return geometry.PitchDiameterMm / (2f * geometry.RollingElementDiameterMm) * shaftHz * (1f - (ratio * ratio));
        }

        /// <summary>Fundamental train (cage) frequency (FTF) = (fr/2)·(1 − (d/D)·cosθ), in Hz.</summary>
        public static float FundamentalTrainHz(BearingGeometry geometry, float shaftHz)
        {
            return 0.5f * shaftHz * (1f - DiameterRatioCosine(geometry));
        }

        private static float DiameterRatioCosine(BearingGeometry geometry)
        {
            var contactAngleRadians = geometry.ContactAngleDegrees * (FloatMath.Pi / 180f);
            return geometry.RollingElementDiameterMm / geometry.PitchDiameterMm * FloatMath.Cos(contactAngleRadians);
        }
    }
}

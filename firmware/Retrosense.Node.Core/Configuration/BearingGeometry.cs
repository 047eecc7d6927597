namespace Retrosense.Node.Configuration
{
    /// <summary>Rolling-element bearing geometry, from the bearing maker's catalogue, for the defect frequencies BPFO, BPFI, BSF and FTF.</summary>
    public sealed class BearingGeometry
    {
        public BearingGeometry(int rollingElementCount, float rollingElementDiameterMm, float pitchDiameterMm, float contactAngleDegrees)
        {
            RollingElementCount = rollingElementCount;
            RollingElementDiameterMm = rollingElementDiameterMm;
            PitchDiameterMm = pitchDiameterMm;
            ContactAngleDegrees = contactAngleDegrees;
        }

        public int RollingElementCount { get; }

        public float RollingElementDiameterMm { get; }

        public float PitchDiameterMm { get; }

        public float ContactAngleDegrees { get; }
    }
}

using Retrosense.Node.Configuration;

namespace Retrosense.Node.Thresholds
{
    /// <summary>
    /// Zone boundaries for broadband velocity RMS (mm/s), ISO 10816-3:2009 Table A.1 (group 2) and Table A.2 (group 1);
    /// ISO 20816-3:2022 keeps the same values.
    /// </summary>
    public static class IsoZoneBoundaries
    {
        /// <summary>Writes the A/B, B/C and C/D boundaries in mm/s for a machine group and foundation into <paramref name="boundaries"/> (length 3).</summary>
        public static void Fill(MachineGroup group, Foundation foundation, float[] boundaries)
        {
            if (group == MachineGroup.Group2)
            {
                if (foundation == Foundation.Rigid)
                {
                    Set(boundaries, 1.4f, 2.8f, 4.5f);
                }
                else
                {
                    Set(boundaries, 2.3f, 4.5f, 7.1f);
                }
            }
            else if (foundation == Foundation.Rigid)
            {
                Set(boundaries, 2.3f, 4.5f, 7.1f);
            }
            else
            {
                Set(boundaries, 3.5f, 7.1f, 11.0f);
            }
        }

        /// <summary>New array with the boundaries for a machine group and foundation.</summary>
        public static float[] For(MachineGroup group, Foundation foundation)
        {
            var boundaries = new float[3];
            Fill(group, foundation, boundaries);
            return boundaries;
        }

        private static void Set(float[] boundaries, float ab, float bc, float cd)
        {
            boundaries[0] = ab;
            boundaries[1] = bc;
            boundaries[2] = cd;
        }
    }
}

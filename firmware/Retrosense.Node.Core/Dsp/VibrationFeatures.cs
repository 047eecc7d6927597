namespace Retrosense.Node.Dsp
{
    /// <summary>Features of all three axes over one window, plus the figures the thresholds need.</summary>
    public sealed class VibrationFeatures
    {
        public VibrationFeatures(int bandCount)
        {
            X = new AxisFeatures(bandCount);
            Y = new AxisFeatures(bandCount);
            Z = new AxisFeatures(bandCount);
        }

        public AxisFeatures X { get; }

        public AxisFeatures Y { get; }

        public AxisFeatures Z { get; }

        /// <summary>Sample rate of the window, in Hz.</summary>
        public float SampleRateHz { get; set; }

        /// <summary>Samples per axis in the window.</summary>
        public int SampleCount { get; set; }

        /// <summary>The axis features for 0 = X, 1 = Y, 2 = Z.</summary>
        public AxisFeatures Axis(int index)
        {
            if (index == 0)
            {
                return X;
            }

            return index == 1 ? Y : Z;
        }

        /// <summary>Largest velocity RMS of the three axes in mm/s: the value ISO 10816-3 zones are judged on.</summary>
        public float MaxVelocityRmsMmPerSecond
        {
            get
            {
                var max = X.VelocityRmsMmPerSecond;
                if (Y.VelocityRmsMmPerSecond > max)
                {
                    max = Y.VelocityRmsMmPerSecond;
                }

                if (Z.VelocityRmsMmPerSecond > max)
                {
                    max = Z.VelocityRmsMmPerSecond;
                }

                return max;
            }
        }
    }
}

namespace Retrosense.Node.Dsp
{
    /// <summary>
    /// One sampling window of raw accelerometer counts, three axes, preallocated once for the configured length.
    /// Counts are kept as 16-bit integers: a 3-axis, 4096-sample window then takes 24 KiB, half of what floats would.
    /// </summary>
    public sealed class AccelerationWindow
    {
        public AccelerationWindow(int capacity)
        {
            if (capacity <= 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(capacity));
            }

            X = new short[capacity];
            Y = new short[capacity];
            Z = new short[capacity];
        }

        public short[] X { get; }

        public short[] Y { get; }

        public short[] Z { get; }

        /// <summary>Number of samples the arrays hold.</summary>
        public int Capacity { get { return X.Length; } }

        /// <summary>Samples filled so far; the window is complete when this equals <see cref="Capacity"/>.</summary>
        public int Count { get; set; }

        /// <summary>Scale of one count in g.</summary>
        public float GPerCount { get; set; }

        /// <summary>Output data rate the samples were taken at, in Hz.</summary>
        public float SampleRateHz { get; set; }

        /// <summary>The axis array for 0 = X, 1 = Y, 2 = Z.</summary>
        public short[] Axis(int index)
        {
            if (index == 0)
            {
                return X;
            }

            return index == 1 ? Y : Z;
        }
    }
}

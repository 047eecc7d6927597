namespace Retrosense.Node.Ports
{
    /// <summary>
    /// A 3-axis accelerometer sampling continuously into its FIFO. Samples are raw signed counts (16 bits hold the
    /// ADXL34x, MPU6050 and LIS3DH ranges; 20-bit sensors are shifted down by the adapter); <see cref="GPerCount"/>
    /// converts them to g.
    /// </summary>
    public interface IAccelerometer
    {
        /// <summary>Scale of one count in g (for example 0.0039 for an ADXL345 in full resolution).</summary>
        float GPerCount { get; }

        /// <summary>Starts continuous sampling as close to <paramref name="sampleRateHz"/> as the chip allows.</summary>
        /// <returns>The output data rate actually set, in Hz.</returns>
        float Start(float sampleRateHz);

        /// <summary>Copies up to <paramref name="maxCount"/> samples waiting in the FIFO into the arrays, starting at <paramref name="offset"/>.</summary>
        /// <returns>How many samples were copied (0 when none are waiting).</returns>
        int ReadAvailable(short[] x, short[] y, short[] z, int offset, int maxCount);

        /// <summary>Stops sampling.</summary>
        void Stop();
    }
}

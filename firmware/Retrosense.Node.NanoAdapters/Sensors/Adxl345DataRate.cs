namespace Retrosense.Node.Nano.Sensors
{
    /// <summary>
    /// ADXL345 output data rates the node uses: BW_RATE codes 0x0A (100 Hz) to 0x0F (3200 Hz), each code doubling the rate
    /// (ADXL345 data sheet Rev. G, Table 7 "Typical Current Consumption vs. Data Rate").
    /// </summary>
    public static class Adxl345DataRate
    {
        /// <summary>Code of the slowest rate used (100 Hz: below it the FIFO would hold seconds of data per read).</summary>
        public const byte SlowestCode = 0x0A;

        /// <summary>Code of the fastest rate the chip has (3200 Hz).</summary>
        public const byte FastestCode = 0x0F;

        /// <summary>The code of the highest rate not above <paramref name="sampleRateHz"/>; 100 Hz when it asks for less.</summary>
        public static byte CodeFor(float sampleRateHz)
        {
            byte code = FastestCode;
            while (code > SlowestCode && HertzFor(code) > sampleRateHz)
            {
                code--;
            }

            return code;
        }

        /// <summary>The rate in Hz of <paramref name="code"/> (0x0A to 0x0F): 100 Hz doubled once per step above 0x0A.</summary>
        public static float HertzFor(byte code)
        {
            float rate = 100f;
            for (int step = SlowestCode; step < code; step++)
            {
                rate *= 2f;
            }

            return rate;
        }
    }
}

namespace Retrosense.Node.Nano.Sensors
{
    /// <summary>ADXL345 registers this adapter uses (Analog Devices ADXL345 data sheet, Rev. G, Table 19 "Register Map").</summary>
    public enum Adxl345Register : byte
    {
        /// <summary>Fixed device id, reads 0xE5.</summary>
        DeviceId = 0x00,

        /// <summary>Output data rate code in bits D3:D0 (Table 7: 0x0F = 3200 Hz ... 0x0A = 100 Hz).</summary>
        BandwidthRate = 0x2C,

        /// <summary>Measure bit D3 starts sampling; 0 = standby.</summary>
        PowerControl = 0x2D,

        /// <summary>Interrupt enables (all off here: the adapter polls FIFO_STATUS).</summary>
        InterruptEnable = 0x2E,

        /// <summary>FULL_RES bit D3 and range bits D1:D0.</summary>
        DataFormat = 0x31,

        /// <summary>First of six output bytes X0 X1 Y0 Y1 Z0 Z1 (little-endian, two's complement).</summary>
        DataX0 = 0x32,

        /// <summary>FIFO mode bits D7:D6 and watermark bits D4:D0.</summary>
        FifoControl = 0x38,

        /// <summary>Entries bits D5:D0: samples waiting (FIFO plus output registers, at most 33).</summary>
        FifoStatus = 0x39,
    }
}

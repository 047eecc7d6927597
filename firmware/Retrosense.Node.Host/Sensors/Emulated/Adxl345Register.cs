namespace Retrosense.Node.Host.Sensors.Emulated;

/// <summary>ADXL345 registers the node uses (Analog Devices ADXL345 data sheet Rev. G, Table 19 "Register map").</summary>
public enum Adxl345Register : byte
{
    /// <summary>Device id, reads 0xE5.</summary>
    DeviceId = 0x00,

    /// <summary>LOW_POWER[4], output data rate code [3:0] (reset 0x0A = 100 Hz).</summary>
    BandwidthRate = 0x2C,

    /// <summary>Link[5], AUTO_SLEEP[4], Measure[3], Sleep[2], Wakeup[1:0].</summary>
    PowerControl = 0x2D,

    /// <summary>DATA_READY[7] … Watermark[1], Overrun[0].</summary>
    InterruptSource = 0x30,

    /// <summary>SELF_TEST[7], SPI[6], INT_INVERT[5], FULL_RES[3], Justify[2], Range[1:0].</summary>
    DataFormat = 0x31,

    /// <summary>X, Y, Z as two's-complement little-endian pairs, 0x32–0x37.</summary>
    DataX0 = 0x32,

    /// <summary>FIFO_MODE[7:6] (bypass, FIFO, stream, trigger), Trigger[5], Samples[4:0].</summary>
    FifoControl = 0x38,

    /// <summary>FIFO_TRIG[7], Entries[5:0].</summary>
    FifoStatus = 0x39,
}

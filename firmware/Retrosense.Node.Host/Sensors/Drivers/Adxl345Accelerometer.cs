using System;
using System.Device.Spi;
using System.Threading;
using Iot.Device.Adxl345;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Sensors.Drivers;

/// <summary>
/// The node's accelerometer port over dotnet/iot's <see cref="Adxl345"/> SPI driver on a Linux gateway. The driver sets the
/// range and starts measuring; this adapter then switches on full resolution (3.9 mg/LSB at every range), sets the output
/// data rate and stream-mode FIFO through the same SPI device, and a drain thread empties the chip's 32-sample FIFO every
/// few milliseconds into a ring buffer, reading sample by sample through the driver (each read of DATAX0–DATAZ1 pops one
/// FIFO entry). At 3,200 Hz the FIFO fills in 10 ms, longer than a window's DSP may take on the node's main loop, hence
/// the thread. <see cref="DrainFifo"/> is public so tests can step it without the thread.
/// </summary>
public sealed class Adxl345Accelerometer : IAccelerometer, IDisposable
{
    /// <summary>Full-resolution scale factor, 3.9 mg/LSB typical (ADXL345 data sheet Rev. G, Table 1).</summary>
    public const float FullResolutionGPerCount = 0.0039f;

    /// <summary>Highest output data rate (BW_RATE code 0b1111, data sheet Table 7).</summary>
    public const float MaximumRateHz = 3200f;

    private const byte BandwidthRateRegister = 0x2C;
    private const byte PowerControlRegister = 0x2D;
    private const byte DataFormatRegister = 0x31;
    private const byte FifoControlRegister = 0x38;
    private const byte FifoStatusRegister = 0x39;
    private const byte ReadBit = 0x80;
    private const byte FullResolutionBit = 0x08;
    private const byte StreamModeWatermark16 = 0b1001_0000;

    private readonly SpiDevice _spi;
    private readonly Adxl345 _driver;
    private readonly int _rangeCode;
    private readonly float _driverCountsPerG;
    private readonly short[] _ringX;
    private readonly short[] _ringY;
    private readonly short[] _ringZ;
    private readonly object _ringGate = new();
    private readonly bool _useDrainThread;
    private readonly TimeSpan _drainInterval;
    private readonly INodeLog? _log;
    private int _ringStart;
    private int _ringCount;
    private Thread? _drainThread;
    private volatile bool _running;

    /// <param name="spi">The chip's SPI device (mode 3, up to 5 MHz); the driver takes ownership and disposes it.</param>
    /// <param name="range">Measurement range; ±16 g leaves room for bearing impacts and still gives 3.9 mg/LSB in full resolution.</param>
    /// <param name="log">Where bus errors are reported.</param>
    /// <param name="useDrainThread">False for tests that call <see cref="DrainFifo"/> themselves.</param>
    /// <param name="ringCapacitySamples">Samples the ring buffer holds between two polls of the node (16,384 = 5 s at 3,200 Hz).</param>
    public Adxl345Accelerometer(SpiDevice spi, GravityRange range = GravityRange.Range16, INodeLog? log = null, bool useDrainThread = true, int ringCapacitySamples = 16384)
    {
        ArgumentNullException.ThrowIfNull(spi);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ringCapacitySamples);
        _spi = spi;
        _log = log;
        _rangeCode = (int)range & 0x03;

        // The driver scales raw counts by 1024 / (4 << range) per g (10-bit mode); multiplying back recovers the counts exactly.
        _driverCountsPerG = 1024f / (4 << _rangeCode);
        _driver = new Adxl345(spi, range);
        WriteRegister(DataFormatRegister, (byte)(FullResolutionBit | _rangeCode));
        _ringX = new short[ringCapacitySamples];
        _ringY = new short[ringCapacitySamples];
        _ringZ = new short[ringCapacitySamples];
        _useDrainThread = useDrainThread;
        _drainInterval = TimeSpan.FromMilliseconds(4);
    }

    public float GPerCount => FullResolutionGPerCount;

    /// <summary>Samples dropped because the ring buffer was full (the node's main loop fell behind).</summary>
    public long DroppedSamples { get; private set; }

    public float Start(float sampleRateHz)
    {
        var code = RateCodeFor(sampleRateHz);
        WriteRegister(BandwidthRateRegister, (byte)code);
        WriteRegister(FifoControlRegister, StreamModeWatermark16);
        WriteRegister(PowerControlRegister, 0x08);
        lock (_ringGate)
        {
            _ringStart = 0;
            _ringCount = 0;
        }

        _running = true;
        if (_useDrainThread && _drainThread is null)
        {
            _drainThread = new Thread(DrainLoop) { IsBackground = true, Name = "adxl345-fifo" };
            _drainThread.Start();
        }

        return MaximumRateHz / (1 << (15 - code));
    }

    public int ReadAvailable(short[] x, short[] y, short[] z, int offset, int maxCount)
    {
        lock (_ringGate)
        {
            var count = Math.Min(_ringCount, maxCount);
            for (var i = 0; i < count; i++)
            {
                var slot = (_ringStart + i) % _ringX.Length;
                x[offset + i] = _ringX[slot];
                y[offset + i] = _ringY[slot];
                z[offset + i] = _ringZ[slot];
            }

            _ringStart = (_ringStart + count) % _ringX.Length;
            _ringCount -= count;
            return count;
        }
    }

    public void Stop()
    {
        _running = false;
        _drainThread?.Join(TimeSpan.FromSeconds(1));
        _drainThread = null;
        WriteRegister(PowerControlRegister, 0x00);
    }

    /// <summary>Moves every sample waiting in the chip's FIFO into the ring buffer; returns how many.</summary>
    public int DrainFifo()
    {
        var entries = ReadRegister(FifoStatusRegister) & 0x3F;
        for (var i = 0; i < entries; i++)
        {
            var g = _driver.Acceleration;
            Append(ToCounts(g.X), ToCounts(g.Y), ToCounts(g.Z));
        }

        return entries;
    }

    public void Dispose()
    {
        if (_running)
        {
            Stop();
        }

        _driver.Dispose();
    }

    /// <summary>Smallest BW_RATE code whose output data rate (3200 / 2^(15 − code) Hz) reaches <paramref name="sampleRateHz"/>.</summary>
    public static int RateCodeFor(float sampleRateHz)
    {
        for (var code = 6; code <= 15; code++)
        {
            if (MaximumRateHz / (1 << (15 - code)) >= sampleRateHz * 0.999f)
            {
                return code;
            }
        }

        return 15;
    }

    private short ToCounts(float driverG) => (short)MathF.Round(driverG * _driverCountsPerG);

    private void Append(short x, short y, short z)
    {
        lock (_ringGate)
        {
            if (_ringCount == _ringX.Length)
            {
                _ringStart = (_ringStart + 1) % _ringX.Length;
                _ringCount--;
                DroppedSamples++;
            }

            var slot = (_ringStart + _ringCount) % _ringX.Length;
            _ringX[slot] = x;
            _ringY[slot] = y;
            _ringZ[slot] = z;
            _ringCount++;
        }
    }

    private void DrainLoop()
    {
        while (_running)
        {
            try
            {
                DrainFifo();
            }
            catch (System.IO.IOException exception)
            {
                _log?.Warning("ADXL345 FIFO read failed: " + exception.Message);
            }

            Thread.Sleep(_drainInterval);
        }
    }

    private void WriteRegister(byte register, byte value)
    {
        Span<byte> frame = [register, value];
        _spi.Write(frame);
    }

    private byte ReadRegister(byte register)
    {
        Span<byte> write = [(byte)(register | ReadBit), 0];
        Span<byte> read = stackalloc byte[2];
        _spi.TransferFullDuplex(write, read);
        return read[1];
    }
}

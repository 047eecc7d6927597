using System;
using System.Collections.Generic;
using System.Device.Spi;
using System.Numerics;
using Retrosense.Node.Host.Simulation;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Sensors.Emulated;

/// <summary>
/// An ADXL345 at register level behind dotnet/iot's <see cref="SpiDevice"/>, so the real <c>Iot.Device.Adxl345</c> driver
/// (and our FIFO-draining adapter) run against it. Registers as in the data sheet (Rev. G, Table 19): DEVID 0xE5, BW_RATE,
/// POWER_CTL, INT_SOURCE, DATA_FORMAT (10-bit or full resolution, ±2/4/8/16 g), DATAX0–DATAZ1 and a 32-level FIFO in
/// bypass, FIFO or stream mode.
/// <para>
/// SPI framing (data sheet "SPI"): the first byte of a transaction is R/W̄[7], MB[6] (multi-byte: the address increments)
/// and the address [5:0]; data follows. Each <see cref="Write"/> or <see cref="TransferFullDuplex"/> call is one
/// chip-select frame. While measuring, samples of the <see cref="IVibrationSource"/> fall due at the output data rate by
/// the <see cref="IClock"/>; in FIFO and stream modes each read starting at DATAX0 pops the oldest entry, in bypass mode
/// the data registers hold the newest sample. Without a source the chip reads <see cref="StaticAccelerationG"/>.
/// Not emulated: taps, activity, free fall, interrupts pins, self-test, left justification, offsets.
/// </para>
/// </summary>
public sealed class EmulatedAdxl345 : SpiDevice
{
    /// <summary>Device id (data sheet "Register 0x00—DEVID").</summary>
    public const byte DeviceIdValue = 0xE5;

    /// <summary>FIFO depth (data sheet "FIFO": 32 levels).</summary>
    public const int FifoDepth = 32;

    /// <summary>Sensitivity of full resolution and of ±2 g 10-bit mode: 256 LSB/g (3.9 mg/LSB, data sheet Table 1).</summary>
    public const double FullResolutionCountsPerG = 256;

    private const byte ReadBit = 0x80;
    private const byte MultiByteBit = 0x40;
    private const byte AddressMask = 0x3F;

    private readonly byte[] _registers = new byte[64];
    private readonly Queue<short[]> _fifo = new();
    private readonly IVibrationSource? _source;
    private readonly IClock? _clock;
    private readonly object _gate = new();
    private readonly float[] _one = new float[1];
    private readonly float[] _two = new float[1];
    private readonly float[] _three = new float[1];
    private long _measureStartMilliseconds;
    private double _measureRateHz;
    private long _samplesGenerated;
    private bool _overrun;

    public EmulatedAdxl345(IVibrationSource? source = null, IClock? clock = null, int busId = 0, int chipSelectLine = 0)
    {
        if ((source is null) != (clock is null))
        {
            throw new ArgumentException("a vibration source needs a clock to pace it, and a clock needs a source");
        }

        _source = source;
        _clock = clock;
        ConnectionSettings = new SpiConnectionSettings(busId, chipSelectLine) { ClockFrequency = 5_000_000, Mode = SpiMode.Mode3 };
        _registers[(byte)Adxl345Register.DeviceId] = DeviceIdValue;
        _registers[(byte)Adxl345Register.BandwidthRate] = 0x0A;
        _registers[(byte)Adxl345Register.InterruptSource] = 0x02;
    }

    public override SpiConnectionSettings ConnectionSettings { get; }

    /// <summary>What the chip reads when it has no vibration source, in g.</summary>
    public Vector3 StaticAccelerationG { get; set; } = new(0, 0, 1);

    /// <summary>Output data rate set in BW_RATE: 3200 Hz / 2^(15 − code) (data sheet Table 7).</summary>
    public double OutputDataRateHz => 3200.0 / Math.Pow(2, 15 - (_registers[(byte)Adxl345Register.BandwidthRate] & 0x0F));

    /// <summary>Counts per g in the present DATA_FORMAT.</summary>
    public double CountsPerG => IsFullResolution ? FullResolutionCountsPerG : FullResolutionCountsPerG / (1 << RangeCode);

    /// <summary>Samples lost to a full FIFO since power-up.</summary>
    public long LostSamples { get; private set; }

    private bool IsMeasuring => (_registers[(byte)Adxl345Register.PowerControl] & 0x08) != 0;

    private bool IsFullResolution => (_registers[(byte)Adxl345Register.DataFormat] & 0x08) != 0;

    private int RangeCode => _registers[(byte)Adxl345Register.DataFormat] & 0x03;

    private int FifoMode => _registers[(byte)Adxl345Register.FifoControl] >> 6;

    /// <summary>Register contents, for tests.</summary>
    public byte PeekRegister(Adxl345Register register)
    {
        lock (_gate)
        {
            return _registers[(byte)register];
        }
    }

    public override byte ReadByte() => 0;

    public override void Read(Span<byte> buffer) => buffer.Clear();

    public override void WriteByte(byte value)
    {
        // A one-byte frame carries only an address: nothing happens on the chip.
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty || (buffer[0] & ReadBit) != 0)
        {
            return;
        }

        lock (_gate)
        {
            CatchUp();
            var address = buffer[0] & AddressMask;
            var increment = (buffer[0] & MultiByteBit) != 0;
            for (var i = 1; i < buffer.Length; i++)
            {
                WriteRegister(address, buffer[i]);
                if (increment)
                {
                    address = (address + 1) & AddressMask;
                }
            }
        }
    }

    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        if (writeBuffer.IsEmpty)
        {
            return;
        }

        if ((writeBuffer[0] & ReadBit) == 0)
        {
            Write(writeBuffer);
            readBuffer.Clear();
            return;
        }

        lock (_gate)
        {
            CatchUp();
            var address = writeBuffer[0] & AddressMask;
            var increment = (writeBuffer[0] & MultiByteBit) != 0;
            if (address == (byte)Adxl345Register.DataX0)
            {
                PopSampleIntoDataRegisters();
            }

            readBuffer[0] = 0;
            var length = Math.Min(writeBuffer.Length, readBuffer.Length);
            for (var i = 1; i < length; i++)
            {
                readBuffer[i] = ReadRegister(address);
                if (increment)
                {
                    address = (address + 1) & AddressMask;
                }
            }
        }
    }

    private byte ReadRegister(int address)
    {
        if (address == (byte)Adxl345Register.FifoStatus)
        {
            return (byte)Math.Min(_fifo.Count, FifoDepth);
        }

        if (address == (byte)Adxl345Register.InterruptSource)
        {
            // DATA_READY[7] while data waits, Overrun[0] (cleared by reading the data, as on the chip).
            var ready = _fifo.Count > 0 || _source is null ? 0x80 : 0;
            return (byte)(ready | 0x02 | (_overrun ? 0x01 : 0));
        }

        return _registers[address];
    }

    private void WriteRegister(int address, byte value)
    {
        switch ((Adxl345Register)address)
        {
            case Adxl345Register.DeviceId:
            case Adxl345Register.InterruptSource:
            case Adxl345Register.FifoStatus:
                return;
            case Adxl345Register.FifoControl:
                _registers[address] = value;
                if (FifoMode == 0)
                {
                    _fifo.Clear();
                }

                return;
            case Adxl345Register.PowerControl:
                var wasMeasuring = IsMeasuring;
                _registers[address] = value;
                if (!wasMeasuring && IsMeasuring)
                {
                    RestartSampling();
                }

                return;
            case Adxl345Register.BandwidthRate:
                _registers[address] = value;
                RestartSampling();
                return;
            default:
                if (address >= (byte)Adxl345Register.DataX0 && address <= (byte)Adxl345Register.DataX0 + 5)
                {
                    return;
                }

                _registers[address] = value;
                return;
        }
    }

    private void RestartSampling()
    {
        _measureRateHz = OutputDataRateHz;
        _measureStartMilliseconds = _clock?.MonotonicMilliseconds ?? 0;
        _samplesGenerated = 0;
    }

    // Generates the samples that fell due since the last access; only those that can still be in the FIFO are computed.
    private void CatchUp()
    {
        if (_source is null || _clock is null || !IsMeasuring)
        {
            return;
        }

        var due = (long)Math.Floor((_clock.MonotonicMilliseconds - _measureStartMilliseconds) * _measureRateHz / 1000.0);
        var pending = due - _samplesGenerated;
        if (pending <= 0)
        {
            return;
        }

        var keep = FifoMode == 0 ? 1 : FifoDepth;
        if (FifoMode == 1)
        {
            // FIFO mode stops collecting when full: later samples are lost.
            var room = Math.Max(0, FifoDepth - _fifo.Count);
            for (var i = 0; i < Math.Min(room, pending); i++)
            {
                _fifo.Enqueue(Sample(_samplesGenerated + i));
            }

            if (pending > room)
            {
                LostSamples += pending - room;
                _overrun = true;
            }
        }
        else
        {
            var first = Math.Max(_samplesGenerated, due - keep);
            LostSamples += first - _samplesGenerated;
            for (var index = first; index < due; index++)
            {
                _fifo.Enqueue(Sample(index));
                while (_fifo.Count > keep)
                {
                    _fifo.Dequeue();
                    LostSamples++;
                    _overrun = true;
                }
            }
        }

        _samplesGenerated = due;
    }

    private short[] Sample(long index)
    {
        var seconds = (_measureStartMilliseconds / 1000.0) + (index / _measureRateHz);
        _source!.Fill(seconds, _measureRateHz, _one, _two, _three);
        return [ToCounts(_one[0]), ToCounts(_two[0]), ToCounts(_three[0])];
    }

    private void PopSampleIntoDataRegisters()
    {
        short[] counts;
        if (_source is null)
        {
            counts = [ToCounts(StaticAccelerationG.X), ToCounts(StaticAccelerationG.Y), ToCounts(StaticAccelerationG.Z)];
        }
        else if (_fifo.Count > 0)
        {
            counts = _fifo.Dequeue();
            _overrun = false;
        }
        else
        {
            return;
        }

        for (var axis = 0; axis < 3; axis++)
        {
            _registers[(byte)Adxl345Register.DataX0 + (2 * axis)] = (byte)counts[axis];
            _registers[(byte)Adxl345Register.DataX0 + (2 * axis) + 1] = (byte)(counts[axis] >> 8);
        }
    }

    // Right-justified two's complement, saturated at the format's width: 10 bits, or 10 + range bits in full resolution.
    private short ToCounts(float accelerationG)
    {
        var bits = IsFullResolution ? 10 + RangeCode : 10;
        var limit = 1 << (bits - 1);
        var counts = Math.Round(accelerationG * CountsPerG, MidpointRounding.AwayFromZero);
        return (short)Math.Clamp(counts, -limit, limit - 1);
    }
}

using System;
using System.Device.Spi;
using System.Threading;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Nano.Sensors
{
    /// <summary>
    /// <see cref="IAccelerometer"/> on an ADXL345 over SPI, sampling into the chip's 32-entry FIFO in stream mode; a
    /// high-priority thread drains the FIFO into a preallocated ring so samples keep flowing while the main loop is busy
    /// with a window's DSP or a publish. The DSP itself is in the core; this class only moves samples.
    /// </summary>
    /// <remarks>
    /// <para>Register values: Analog Devices ADXL345 data sheet Rev. G. SPI: 4-wire, mode 3 (CPOL = 1, CPHA = 1), at most
    /// 5 MHz; a read sets bit 7 of the address byte and a multi-byte transfer sets bit 6 ("Serial Communications").
    /// Full resolution keeps 3.9 mg/LSB at every range ("Specifications", scale factor in full-resolution mode).</para>
    /// <para>FIFO: each read of DATAX0..DATAZ1 pops one entry; the data sheet asks for at least 5 µs between the end of one
    /// such read and the start of the next ("Retrieving Data from FIFO"). A managed SPI call on nanoFramework takes far
    /// longer than that, so back-to-back reads need no explicit delay.</para>
    /// <para>Headroom: at 3200 Hz the 32-entry FIFO fills in 10 ms, at 1600 Hz in 20 ms. Whether the nanoFramework thread
    /// scheduler drains it that often on an ESP32 has NOT been measured; <see cref="SuspectedOverruns"/> counts drains that
    /// found the FIFO full (samples may have been overwritten), so a bench run shows it. The ring holds
    /// <see cref="RingSamples"/> samples (about 0.64 s at 1600 Hz) for pauses of the main loop (PUBACK waits).</para>
    /// </remarks>
    public sealed class Adxl345FifoAccelerometer : IAccelerometer, IDisposable
    {
        /// <summary>Samples held between the FIFO and the core (3 × 2 bytes each: 6 KiB).</summary>
        public const int RingSamples = 1024;

        /// <summary>ADXL345 SPI clock limit (data sheet: f_SCLK max 5 MHz).</summary>
        public const int SpiClockHz = 5000000;

        /// <summary>Scale in full-resolution mode: 3.9 mg/LSB (data sheet, scale factor, all g ranges).</summary>
        private const float FullResolutionGPerCount = 0.0039f;

        private const byte ExpectedDeviceId = 0xE5;
        private const byte ReadBit = 0x80;
        private const byte MultiByteBit = 0x40;
        private const byte MeasureBit = 0x08;
        private const byte FullResolutionSixteenG = 0x0B; // FULL_RES (D3) | range ±16 g (D1:D0 = 11)
        private const byte FifoStreamModeWatermark16 = 0x90; // stream mode (D7:D6 = 10), watermark 16 samples
        private const int FifoDepth = 32;

        private readonly SpiDevice _spi;
        private readonly byte[] _sampleWrite = new byte[7];
        private readonly byte[] _sampleRead = new byte[7];
        private readonly byte[] _registerWrite = new byte[2];
        private readonly byte[] _registerRead = new byte[2];

        private readonly short[] _ringX = new short[RingSamples];
        private readonly short[] _ringY = new short[RingSamples];
        private readonly short[] _ringZ = new short[RingSamples];
        private readonly object _ringLock = new object();
        private int _ringHead;
        private int _ringCount;

        private Thread _sampler;
        private bool _running;

        /// <summary>Takes the chip's SPI device (mode 3, at most <see cref="SpiClockHz"/>); the caller configured the pins.</summary>
        public Adxl345FifoAccelerometer(SpiDevice spi)
        {
            _spi = spi;
            _sampleWrite[0] = (byte)((byte)Adxl345Register.DataX0 | ReadBit | MultiByteBit);
        }

        public float GPerCount
        {
            get { return FullResolutionGPerCount; }
        }

        /// <summary>Drains that found all 32 FIFO entries full: samples may have been overwritten in stream mode.</summary>
        public long SuspectedOverruns { get; private set; }

        /// <summary>Samples dropped because the ring was full (the main loop did not read for longer than the ring lasts).</summary>
        public long RingOverflows { get; private set; }

        /// <summary>True when the chip answered with the ADXL345 device id (0xE5).</summary>
        public bool IsPresent()
        {
            return ReadRegister(Adxl345Register.DeviceId) == ExpectedDeviceId;
        }

        public float Start(float sampleRateHz)
        {
            Stop();
            byte rateCode = Adxl345DataRate.CodeFor(sampleRateHz);
            WriteRegister(Adxl345Register.PowerControl, 0x00);
            WriteRegister(Adxl345Register.InterruptEnable, 0x00);
            WriteRegister(Adxl345Register.DataFormat, FullResolutionSixteenG);
            WriteRegister(Adxl345Register.BandwidthRate, rateCode);
            WriteRegister(Adxl345Register.FifoControl, 0x00); // bypass clears the FIFO
            WriteRegister(Adxl345Register.FifoControl, FifoStreamModeWatermark16);

            lock (_ringLock)
            {
                _ringHead = 0;
                _ringCount = 0;
            }

            WriteRegister(Adxl345Register.PowerControl, MeasureBit);
            _running = true;
            _sampler = new Thread(DrainLoop);
            _sampler.Priority = ThreadPriority.Highest;
            _sampler.Start();
            return Adxl345DataRate.HertzFor(rateCode);
        }

        public int ReadAvailable(short[] x, short[] y, short[] z, int offset, int maxCount)
        {
            lock (_ringLock)
            {
                int count = _ringCount < maxCount ? _ringCount : maxCount;
                int tail = _ringHead - _ringCount;
                if (tail < 0)
                {
                    tail += RingSamples;
                }

                for (int i = 0; i < count; i++)
                {
                    x[offset + i] = _ringX[tail];
                    y[offset + i] = _ringY[tail];
                    z[offset + i] = _ringZ[tail];
                    tail++;
                    if (tail == RingSamples)
                    {
                        tail = 0;
                    }
                }

                _ringCount -= count;
                return count;
            }
        }

        public void Stop()
        {
            _running = false;
            if (_sampler != null)
            {
                _sampler.Join(1000);
                _sampler = null;
            }

            WriteRegister(Adxl345Register.PowerControl, 0x00);
        }

        public void Dispose()
        {
            Stop();
            _spi.Dispose();
        }

        private void DrainLoop()
        {
            while (_running)
            {
                int entries = ReadRegister(Adxl345Register.FifoStatus) & 0x3F;
                if (entries >= FifoDepth)
                {
                    SuspectedOverruns++;
                }

                for (int i = 0; i < entries; i++)
                {
                    _spi.TransferFullDuplex(_sampleWrite, _sampleRead);
                    Push(
                        (short)(_sampleRead[1] | (_sampleRead[2] << 8)),
                        (short)(_sampleRead[3] | (_sampleRead[4] << 8)),
                        (short)(_sampleRead[5] | (_sampleRead[6] << 8)));
                }

                // Half the FIFO's fill time at 3200 Hz: yield the CPU without letting the FIFO reach its watermark twice.
                Thread.Sleep(entries == 0 ? 2 : 0);
            }
        }

        private void Push(short x, short y, short z)
        {
            lock (_ringLock)
            {
                if (_ringCount == RingSamples)
                {
                    // Drop the oldest: the core needs contiguous recent samples, and the main loop has fallen behind anyway.
                    _ringCount--;
                    RingOverflows++;
                }

                _ringX[_ringHead] = x;
                _ringY[_ringHead] = y;
                _ringZ[_ringHead] = z;
                _ringHead++;
                if (_ringHead == RingSamples)
                {
                    _ringHead = 0;
                }

                _ringCount++;
            }
        }

        private byte ReadRegister(Adxl345Register register)
        {
            _registerWrite[0] = (byte)((byte)register | ReadBit);
            _registerWrite[1] = 0;
            _spi.TransferFullDuplex(_registerWrite, _registerRead);
            return _registerRead[1];
        }

        private void WriteRegister(Adxl345Register register, byte value)
        {
            _registerWrite[0] = (byte)register;
            _registerWrite[1] = value;
            _spi.Write(_registerWrite);
        }
    }
}

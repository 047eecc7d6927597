using System;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Simulation;

/// <summary>
/// An accelerometer for simulation at scale: no register round trip, the FIFO is filled straight from a
/// <see cref="IVibrationSource"/> at the pace of an <see cref="IClock"/> (simulated or real). Each call returns the samples
/// that became due since the last one; when the node falls behind by more than <see cref="FifoCapacitySamples"/>, the oldest
/// samples are lost (counted in <see cref="OverrunSamples"/>), as a real FIFO overruns. Samples are quantised to int16 counts
/// of <see cref="GPerCount"/> and clipped at full scale. Source time = the clock's monotonic seconds.
/// </summary>
public sealed class SimulatedAccelerometer : IAccelerometer
{
    /// <summary>ADXL345 in full-resolution mode: 3.9 mg/LSB (Analog Devices ADXL345 data sheet Rev. G, Table 1).</summary>
    public const float DefaultGPerCount = 0.0039f;

    private readonly IVibrationSource _source;
    private readonly IClock _clock;
    private float[] _x = [];
    private float[] _y = [];
    private float[] _z = [];
    private double _sampleRateHz;
    private long _startMilliseconds;
    private long _samplesDelivered;
    private bool _running;

    public SimulatedAccelerometer(IVibrationSource source, IClock clock, float gPerCount = DefaultGPerCount, int fifoCapacitySamples = 65536)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(clock);
        if (!(gPerCount > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(gPerCount));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fifoCapacitySamples);
        _source = source;
        _clock = clock;
        GPerCount = gPerCount;
        FifoCapacitySamples = fifoCapacitySamples;
    }

    public float GPerCount { get; }

    public int FifoCapacitySamples { get; }

    /// <summary>Samples lost because the node did not read them in time.</summary>
    public long OverrunSamples { get; private set; }

    public float Start(float sampleRateHz)
    {
        if (!(sampleRateHz > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz));
        }

        _sampleRateHz = sampleRateHz;
        _startMilliseconds = _clock.MonotonicMilliseconds;
        _samplesDelivered = 0;
        _running = true;
        return sampleRateHz;
    }

    public int ReadAvailable(short[] x, short[] y, short[] z, int offset, int maxCount)
    {
        if (!_running || maxCount <= 0)
        {
            return 0;
        }

        var elapsedMilliseconds = _clock.MonotonicMilliseconds - _startMilliseconds;
        var due = (long)Math.Floor(elapsedMilliseconds * _sampleRateHz / 1000.0);
        var waiting = due - _samplesDelivered;
        if (waiting > FifoCapacitySamples)
        {
            OverrunSamples += waiting - FifoCapacitySamples;
            _samplesDelivered = due - FifoCapacitySamples;
            waiting = FifoCapacitySamples;
        }

        var count = (int)Math.Min(waiting, maxCount);
        if (count <= 0)
        {
            return 0;
        }

        EnsureScratch(count);
        var startSeconds = (_startMilliseconds / 1000.0) + (_samplesDelivered / _sampleRateHz);
        _source.Fill(startSeconds, _sampleRateHz, _x.AsSpan(0, count), _y.AsSpan(0, count), _z.AsSpan(0, count));
        var countsPerG = 1f / GPerCount;
        for (var i = 0; i < count; i++)
        {
            x[offset + i] = ToCounts(_x[i] * countsPerG);
            y[offset + i] = ToCounts(_y[i] * countsPerG);
            z[offset + i] = ToCounts(_z[i] * countsPerG);
        }

        _samplesDelivered += count;
        return count;
    }

    public void Stop() => _running = false;

    private static short ToCounts(float counts) => (short)Math.Clamp(MathF.Round(counts), short.MinValue, short.MaxValue);

    private void EnsureScratch(int count)
    {
        if (_x.Length < count)
        {
            _x = new float[count];
            _y = new float[count];
            _z = new float[count];
        }
    }
}

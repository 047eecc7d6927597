using Retrosense.Node.Ports;

namespace Retrosense.Cli.Simulation;

/// <summary>
/// Hands the node at most <see cref="SamplesPerPoll"/> samples per main-loop turn; the rest stay in the simulated FIFO
/// for the next turn (or overrun it, counted as on hardware). Without the bound a node whose publishes take longer than a
/// window lasts (a server that acknowledges only after commit) never leaves <c>SensorNode.ReadSamples</c>: every window
/// it processes makes the next one due, its worker never reaches the next node and the run never stops.
/// </summary>
internal sealed class PollBoundedAccelerometer : IAccelerometer
{
    private readonly IAccelerometer _inner;
    private int _remaining;

    public PollBoundedAccelerometer(IAccelerometer inner, int samplesPerPoll)
    {
        _inner = inner;
        SamplesPerPoll = samplesPerPoll;
    }

    /// <summary>Samples one turn may read: a few windows, so a node that keeps pace is never held back.</summary>
    public int SamplesPerPoll { get; }

    public float GPerCount => _inner.GPerCount;

    /// <summary>Call at the start of every main-loop turn.</summary>
    public void BeginPoll() => _remaining = SamplesPerPoll;

    public float Start(float sampleRateHz) => _inner.Start(sampleRateHz);

    public void Stop() => _inner.Stop();

    public int ReadAvailable(short[] x, short[] y, short[] z, int offset, int maxCount)
    {
        if (_remaining <= 0)
        {
            return 0;
        }

        var read = _inner.ReadAvailable(x, y, z, offset, maxCount < _remaining ? maxCount : _remaining);
        _remaining -= read;
        return read;
    }
}

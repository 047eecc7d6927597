using System;

namespace Retrosense.Node.Host.Simulation;

/// <summary>
/// A lightly damped structural mode (machine casing and sensor mount) that bearing impacts ring: a two-pole resonator
/// y[n] = 2r·cos θ·y[n−1] − r²·y[n−2] + sin θ·x[n], θ = 2π·f/fs, r = exp(−ζ·2π·f/fs). Its impulse response
/// r^n·sin((n+1)θ) peaks near 1, so an impact of amplitude A rings with a peak of about A g and decays with time constant
/// 1/(ζ·2π·f), the classic model of a bearing-fault signal (Randall and Antoni 2011, §2.1).
/// </summary>
public sealed class StructuralResonator
{
    private readonly double _feedback1;
    private readonly double _feedback2;
    private readonly double _inputGain;
    private double _previous1;
    private double _previous2;

    public StructuralResonator(double frequencyHz, double dampingRatio, double sampleRateHz)
    {
        if (!(frequencyHz > 0) || !(sampleRateHz > 2 * frequencyHz))
        {
            throw new ArgumentOutOfRangeException(nameof(frequencyHz), "the resonance must lie between 0 and half the sample rate");
        }

        if (!(dampingRatio > 0) || dampingRatio >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dampingRatio), "the damping ratio must lie in (0, 1)");
        }

        var theta = 2.0 * Math.PI * frequencyHz / sampleRateHz;
        var radius = Math.Exp(-dampingRatio * theta);
        _feedback1 = 2.0 * radius * Math.Cos(theta);
        _feedback2 = radius * radius;
        _inputGain = Math.Sin(theta);
        FrequencyHz = frequencyHz;
    }

    public double FrequencyHz { get; }

    /// <summary>Feeds one excitation sample (an impact amplitude, or 0) and returns the ringing output.</summary>
    public double Step(double excitation)
    {
        var output = (_feedback1 * _previous1) - (_feedback2 * _previous2) + (_inputGain * excitation);
        _previous2 = _previous1;
        _previous1 = output;
        return output;
    }
}

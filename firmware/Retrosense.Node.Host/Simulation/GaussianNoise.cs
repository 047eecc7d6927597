using System;

namespace Retrosense.Node.Host.Simulation;

/// <summary>Standard normal deviates from a seeded generator (Box–Muller, both values used), so a model run repeats exactly.</summary>
public sealed class GaussianNoise
{
    private readonly Random _random;
    private double _spare;
    private bool _hasSpare;

    public GaussianNoise(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>Next deviate with mean 0 and standard deviation 1.</summary>
    public double Next()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        // 1 − U lies in (0, 1], so the logarithm is finite.
        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - _random.NextDouble()));
        var angle = 2.0 * Math.PI * _random.NextDouble();
        _spare = radius * Math.Sin(angle);
        _hasSpare = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>Uniform deviate in [0, 1).</summary>
    public double NextUniform() => _random.NextDouble();
}

using System;
using Retrosense.Node.Ports;

namespace Retrosense.Node.Host.Simulation;

/// <summary>An environment sensor for simulation at scale: reads an <see cref="IEnvironmentSource"/> at the clock's monotonic time.</summary>
public sealed class SimulatedEnvironmentSensor : IEnvironmentSensor
{
    private readonly IEnvironmentSource _source;
    private readonly IClock _clock;

    public SimulatedEnvironmentSensor(IEnvironmentSource source, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(clock);
        _source = source;
        _clock = clock;
    }

    /// <summary>False simulates a sensor that stopped answering (a loose cable).</summary>
    public bool IsResponding { get; set; } = true;

    public bool TryRead(out float temperatureCelsius, out float relativeHumidityPercent, out float pressureHectopascals)
    {
        if (!IsResponding)
        {
            temperatureCelsius = 0;
            relativeHumidityPercent = 0;
            pressureHectopascals = 0;
            return false;
        }

        var conditions = _source.ConditionsAt(_clock.MonotonicMilliseconds / 1000.0);
        temperatureCelsius = (float)conditions.TemperatureCelsius;
        relativeHumidityPercent = (float)conditions.RelativeHumidityPercent;
        pressureHectopascals = (float)conditions.PressureHectopascals;
        return true;
    }
}

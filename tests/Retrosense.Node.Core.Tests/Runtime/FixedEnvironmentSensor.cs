using Retrosense.Node.Ports;

namespace Retrosense.Node.Core.Tests.Runtime;

/// <summary>An environment sensor that reads what the test sets, or fails when <see cref="Answers"/> is false.</summary>
public sealed class FixedEnvironmentSensor : IEnvironmentSensor
{
    public float TemperatureCelsius { get; set; } = 24.5f;

    public float RelativeHumidityPercent { get; set; } = 41f;

    public float PressureHectopascals { get; set; } = 1012.3f;

    public bool Answers { get; set; } = true;

    public bool TryRead(out float temperatureCelsius, out float relativeHumidityPercent, out float pressureHectopascals)
    {
        temperatureCelsius = Answers ? TemperatureCelsius : 0f;
        relativeHumidityPercent = Answers ? RelativeHumidityPercent : 0f;
        pressureHectopascals = Answers ? PressureHectopascals : 0f;
        return Answers;
    }
}

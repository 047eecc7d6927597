namespace Retrosense.Node.Host.Simulation;

/// <summary>What a BME280 next to the machine would measure.</summary>
public readonly record struct EnvironmentConditions(double TemperatureCelsius, double RelativeHumidityPercent, double PressureHectopascals);

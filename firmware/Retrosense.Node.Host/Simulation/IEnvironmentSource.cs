namespace Retrosense.Node.Host.Simulation;

/// <summary>A source of ambient conditions for a simulated or emulated environment sensor.</summary>
public interface IEnvironmentSource
{
    /// <summary>Conditions at <paramref name="timeSeconds"/> of source time.</summary>
    EnvironmentConditions ConditionsAt(double timeSeconds);
}

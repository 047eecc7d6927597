using System;

namespace Retrosense.Node.Host.Simulation;

/// <summary>
/// One fault of a <see cref="FaultPlan"/>: it appears at <see cref="OnsetSeconds"/> with <see cref="InitialSeverity"/> and grows
/// linearly by <see cref="SeverityPerHour"/> up to 1 (fully developed). Severity scales the fault's amplitude in the model.
/// </summary>
public sealed record FaultGrowth(FaultKind Kind, double OnsetSeconds, double InitialSeverity, double SeverityPerHour)
{
    /// <summary>Severity at <paramref name="timeSeconds"/>: 0 before onset, then rising, capped at 1.</summary>
    public double SeverityAt(double timeSeconds)
    {
        if (timeSeconds < OnsetSeconds)
        {
            return 0;
        }

        var severity = InitialSeverity + (SeverityPerHour * (timeSeconds - OnsetSeconds) / 3600.0);
        return Math.Clamp(severity, 0, 1);
    }
}

using System;
using System.Collections.Generic;

namespace Retrosense.Node.Host.Simulation;

/// <summary>Which faults a simulated machine develops, when, and how fast.</summary>
public sealed class FaultPlan
{
    private readonly FaultGrowth[] _faults;

    public FaultPlan(IEnumerable<FaultGrowth> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        _faults = [.. faults];
    }

    /// <summary>A healthy machine.</summary>
    public static FaultPlan None { get; } = new([]);

    public IReadOnlyList<FaultGrowth> Faults => _faults;

    /// <summary>Severity (0..1) of <paramref name="kind"/> at <paramref name="timeSeconds"/>: the largest of that kind's entries.</summary>
    public double SeverityAt(FaultKind kind, double timeSeconds)
    {
        var severity = 0.0;
        foreach (var fault in _faults)
        {
            if (fault.Kind == kind)
            {
                severity = Math.Max(severity, fault.SeverityAt(timeSeconds));
            }
        }

        return severity;
    }

    /// <summary>Largest severity of any fault at <paramref name="timeSeconds"/>: the machine's overall wear.</summary>
    public double WearAt(double timeSeconds)
    {
        var wear = 0.0;
        foreach (var fault in _faults)
        {
            wear = Math.Max(wear, fault.SeverityAt(timeSeconds));
        }

        return wear;
    }
}

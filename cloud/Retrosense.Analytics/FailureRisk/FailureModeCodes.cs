using System;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>The dataset's column names of the failure modes (TWF, HDF, PWF, OSF, RNF), used as keys in reports.</summary>
public static class FailureModeCodes
{
    public static string Of(FailureMode mode) => mode switch
    {
        FailureMode.ToolWear => "TWF",
        FailureMode.HeatDissipation => "HDF",
        FailureMode.Power => "PWF",
        FailureMode.Overstrain => "OSF",
        FailureMode.Random => "RNF",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown failure mode"),
    };
}

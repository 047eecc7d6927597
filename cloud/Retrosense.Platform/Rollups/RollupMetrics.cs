using System.Collections.Generic;

namespace Retrosense.Platform.Rollups;

/// <summary>
/// The metrics rolled up per asset. Names follow the wire contract's field names (shared/schemas), with the axis
/// reduction in the name: <c>_max</c> is the largest of the three axes in a window.
/// </summary>
public static class RollupMetrics
{
    /// <summary>Largest axis velocity RMS of a window (the ISO 10816 quantity), mm/s.</summary>
    public const string VelocityRmsMaxMmPerSecond = "vel_rms_max_mm_s";

    /// <summary>Largest axis acceleration RMS, g.</summary>
    public const string AccelerationRmsMaxG = "rms_g_max";

    /// <summary>Largest axis kurtosis (impulsiveness: early bearing damage).</summary>
    public const string KurtosisMax = "kurtosis_max";

    /// <summary>Largest axis crest factor.</summary>
    public const string CrestFactorMax = "crest_max";

    /// <summary>Largest axis envelope RMS, g (bearing defects).</summary>
    public const string EnvelopeRmsMaxG = "env_rms_g_max";

    /// <summary>Window mean temperature, °C.</summary>
    public const string TemperatureCelsius = "temp_c";

    /// <summary>Window mean relative humidity, %.</summary>
    public const string RelativeHumidityPercent = "rh_pct";

    /// <summary>Window mean pressure, hPa.</summary>
    public const string PressureHectopascals = "pressure_hpa";

    /// <summary>Every metric, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        VelocityRmsMaxMmPerSecond, AccelerationRmsMaxG, KurtosisMax, CrestFactorMax, EnvelopeRmsMaxG,
        TemperatureCelsius, RelativeHumidityPercent, PressureHectopascals,
    ];
}

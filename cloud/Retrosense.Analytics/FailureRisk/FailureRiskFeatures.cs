using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// The features of the failure-risk models: the logged process inputs, the product quality one-hot, and three derived
/// quantities that carry the physics of the failure modes as the dataset's author describes them (S. Matzka,
/// "Explainable Artificial Intelligence for Predictive Maintenance Applications", AI4I 2020, section III):
/// heat dissipation fails when process − air temperature &lt; 8.6 K at &lt; 1380 rpm, power fails outside 3500–9000 W of
/// torque × angular speed, overstrain fails when tool wear × torque exceeds 11,000/12,000/13,000 min·Nm for L/M/H.
/// A tree can split on a product but not form one, so these products are given to it. Identifiers (UDI, Product ID)
/// and the failure-mode flags are never features: the flags define the machine-failure label.
/// <para>
/// <c>heat_dissipation_margin_k</c> is process − air temperature minus the 8.6 K limit, subtracted in double precision
/// before the cast to float. It exists because of a quirk of the published file: 27 rows print a difference of exactly
/// 8.6 K at &lt; 1380 rpm, and the HDF flag of each follows the double-precision rounding of the subtraction
/// (308.6 − 300.0 = 8.6000000000000227 → no HDF; 8.5999999999999659 → HDF), which float32 features (ML.NET's trees) cannot
/// see. It is optional (<see cref="FailureRiskTrainingOptions.IncludeHeatDissipationMargin"/>) so the benchmark can
/// report the F1 with and without it; on real data it is simply the heat-dissipation margin.
/// </para>
/// </summary>
public static class FailureRiskFeatures
{
    /// <summary>Overstrain limits by product quality, min·Nm (Matzka 2020, section III).</summary>
    public static double OverstrainLimitMinuteNewtonMetres(ProductQuality quality) => quality switch
    {
        ProductQuality.Low => 11_000,
        ProductQuality.Medium => 12_000,
        ProductQuality.High => 13_000,
        _ => throw new ArgumentOutOfRangeException(nameof(quality), quality, "unknown product quality"),
    };

    /// <summary>HDF limit on process − air temperature, K (Matzka 2020, section III), below 1380 rpm.</summary>
    public const double HeatDissipationLimitKelvin = 8.6;

    /// <summary>The feature vector's slot names with the heat-dissipation margin.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "quality_low",
        "quality_medium",
        "quality_high",
        "air_temperature_k",
        "process_temperature_k",
        "rotational_speed_rpm",
        "torque_nm",
        "tool_wear_min",
        "temperature_difference_k",
        "heat_dissipation_margin_k",
        "mechanical_power_w",
        "wear_torque_min_nm",
        "overstrain_fraction",
    ];

    /// <summary>The slot names the options select, in order.</summary>
    public static IReadOnlyList<string> NamesFor(FailureRiskTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.IncludeHeatDissipationMargin ? Names : [.. Names.Where(name => name != "heat_dissipation_margin_k")];
    }

    /// <summary>The label columns a history carries; none of them may be a feature.</summary>
    public static IReadOnlyList<string> LabelColumns { get; } = ["machine_failure", "TWF", "HDF", "PWF", "OSF", "RNF"];

    internal static string LabelColumnOf(FailureMode mode) => FailureModeCodes.Of(mode);

    internal const string MachineFailureLabelColumn = "machine_failure";

    internal static bool LabelOf(FailureRiskFeatureRow row, string labelColumn) => labelColumn switch
    {
        MachineFailureLabelColumn => row.MachineFailure,
        "TWF" => row.ToolWearFailure,
        "HDF" => row.HeatDissipationFailure,
        "PWF" => row.PowerFailure,
        "OSF" => row.OverstrainFailure,
        "RNF" => row.RandomFailure,
        _ => throw new ArgumentOutOfRangeException(nameof(labelColumn), labelColumn, "not a label column"),
    };

    internal static FailureRiskFeatureRow ToRow(MachineRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var angularSpeedRadiansPerSecond = run.RotationalSpeedRpm * 2 * Math.PI / 60;
        var wearTorque = run.ToolWearMinutes * run.TorqueNewtonMetres;
        return new FailureRiskFeatureRow
        {
            QualityLow = run.Quality == ProductQuality.Low ? 1f : 0f,
            QualityMedium = run.Quality == ProductQuality.Medium ? 1f : 0f,
            QualityHigh = run.Quality == ProductQuality.High ? 1f : 0f,
            AirTemperatureKelvin = (float)run.AirTemperatureKelvin,
            ProcessTemperatureKelvin = (float)run.ProcessTemperatureKelvin,
            RotationalSpeedRpm = (float)run.RotationalSpeedRpm,
            TorqueNewtonMetres = (float)run.TorqueNewtonMetres,
            ToolWearMinutes = (float)run.ToolWearMinutes,
            TemperatureDifferenceKelvin = (float)(run.ProcessTemperatureKelvin - run.AirTemperatureKelvin),
            HeatDissipationMarginKelvin = (float)(run.ProcessTemperatureKelvin - run.AirTemperatureKelvin - HeatDissipationLimitKelvin),
            MechanicalPowerWatts = (float)(run.TorqueNewtonMetres * angularSpeedRadiansPerSecond),
            WearTorqueMinuteNewtonMetres = (float)wearTorque,
            OverstrainFraction = (float)(wearTorque / OverstrainLimitMinuteNewtonMetres(run.Quality)),
        };
    }

    internal static FailureRiskFeatureRow ToRow(LabelledMachineRun labelled)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        var row = ToRow(labelled.Run);
        row.MachineFailure = labelled.MachineFailure;
        row.ToolWearFailure = labelled.Has(FailureMode.ToolWear);
        row.HeatDissipationFailure = labelled.Has(FailureMode.HeatDissipation);
        row.PowerFailure = labelled.Has(FailureMode.Power);
        row.OverstrainFailure = labelled.Has(FailureMode.Overstrain);
        row.RandomFailure = labelled.Has(FailureMode.Random);
        return row;
    }
}

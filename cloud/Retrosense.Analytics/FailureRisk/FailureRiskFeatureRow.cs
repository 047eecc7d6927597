using Microsoft.ML.Data;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// ML.NET input schema: one run's features (snake_case column names, which become the slot names that permutation
/// importance and contributions report) and every target the history carries. The targets travel with the features
/// only so that each model picks its own label column; <see cref="FailureRiskFeatures.Names"/> is the only list that
/// is concatenated into the feature vector.
/// </summary>
internal sealed class FailureRiskFeatureRow
{
    [ColumnName("quality_low")]
    public float QualityLow { get; set; }

    [ColumnName("quality_medium")]
    public float QualityMedium { get; set; }

    [ColumnName("quality_high")]
    public float QualityHigh { get; set; }

    [ColumnName("air_temperature_k")]
    public float AirTemperatureKelvin { get; set; }

    [ColumnName("process_temperature_k")]
    public float ProcessTemperatureKelvin { get; set; }

    [ColumnName("rotational_speed_rpm")]
    public float RotationalSpeedRpm { get; set; }

    [ColumnName("torque_nm")]
    public float TorqueNewtonMetres { get; set; }

    [ColumnName("tool_wear_min")]
    public float ToolWearMinutes { get; set; }

    [ColumnName("temperature_difference_k")]
    public float TemperatureDifferenceKelvin { get; set; }

    [ColumnName("heat_dissipation_margin_k")]
    public float HeatDissipationMarginKelvin { get; set; }

    [ColumnName("mechanical_power_w")]
    public float MechanicalPowerWatts { get; set; }

    [ColumnName("wear_torque_min_nm")]
    public float WearTorqueMinuteNewtonMetres { get; set; }

    [ColumnName("overstrain_fraction")]
    public float OverstrainFraction { get; set; }

    [ColumnName("machine_failure")]
    public bool MachineFailure { get; set; }

    [ColumnName("TWF")]
    public bool ToolWearFailure { get; set; }

    [ColumnName("HDF")]
    public bool HeatDissipationFailure { get; set; }

    [ColumnName("PWF")]
    public bool PowerFailure { get; set; }

    [ColumnName("OSF")]
    public bool OverstrainFailure { get; set; }

    [ColumnName("RNF")]
    public bool RandomFailure { get; set; }
}

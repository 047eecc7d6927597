using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Process;

/// <summary>
/// A trained process model: an ensemble of boosted-tree members (each trained without one fold of lots), the column
/// statistics and the support regions. Predictions are the members' mean; their spread and the cross-validated RMSE
/// give the interval.
/// </summary>
public sealed class ProcessModel
{
    /// <summary>z for a two-sided 90 % normal interval.</summary>
    public const double Z90 = 1.6449;

    internal ProcessModel(ProcessModelMetadata metadata, IReadOnlyList<ProcessRegressor> members)
    {
        Metadata = metadata;
        Members = members;
        var standardised = metadata.TrainingRows.Select(Standardise).ToArray();
        var controls = Enumerable.Range(0, metadata.Controls.Count).ToArray();
        var conditions = Enumerable.Range(metadata.Controls.Count, metadata.Conditions.Count).ToArray();
        var all = Enumerable.Range(0, metadata.Statistics.Count).ToArray();
        Support = new ProcessSupportRegion(SupportAll, all, standardised.Select(row => all.Select(i => row[i]).ToArray()).ToArray(), metadata.SupportLimits[SupportAll]);
        ControlSupport = new ProcessSupportRegion(SupportControls, controls, standardised.Select(row => controls.Select(i => row[i]).ToArray()).ToArray(), metadata.SupportLimits[SupportControls]);
        ConditionSupport = conditions.Length == 0
            ? null
            : new ProcessSupportRegion(SupportConditions, conditions, standardised.Select(row => conditions.Select(i => row[i]).ToArray()).ToArray(), metadata.SupportLimits[SupportConditions]);
    }

    public const string SupportAll = "all";

    public const string SupportControls = "controls";

    public const string SupportConditions = "conditions";

    public ProcessModelMetadata Metadata { get; }

    internal IReadOnlyList<ProcessRegressor> Members { get; }

    /// <summary>Support over controls and conditions together.</summary>
    public ProcessSupportRegion Support { get; }

    /// <summary>Support over the controls alone: is this combination of settings one the plant has run?</summary>
    public ProcessSupportRegion ControlSupport { get; }

    /// <summary>Support over the conditions alone: has the plant seen raw material like this? Null without conditions.</summary>
    public ProcessSupportRegion? ConditionSupport { get; }

    public IReadOnlyList<string> Features => [.. Metadata.Controls, .. Metadata.Conditions];

    /// <summary>Cross-validated RMSE: the error a single prediction carries beyond the ensemble's spread.</summary>
    public double ResidualRmse => Metadata.Report.Metrics.Rmse;

    /// <summary>Fills missing cells (NaN) with the training median.</summary>
    public double[] Impute(double[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Select((value, i) => double.IsNaN(value) ? Metadata.Statistics[i].Median : value).ToArray();
    }

    public double[] Standardise(double[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Select((value, i) => Metadata.Statistics[i].Standardise(value)).ToArray();
    }

    /// <summary>Every member's prediction for every row: [member][row].</summary>
    public double[][] PredictMembers(IReadOnlyList<double[]> rows)
    {
        var imputed = rows.Select(Impute).ToArray();
        return Members.Select(member => member.Predict(imputed)).ToArray();
    }

    /// <summary>Ensemble mean and member standard deviation per row.</summary>
    public (double[] Mean, double[] StandardDeviation) Predict(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var members = PredictMembers(rows);
        var mean = new double[rows.Count];
        var sd = new double[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var values = members.Select(m => m[r]).ToArray();
            mean[r] = values.Average();
            sd[r] = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean[r]) * (v - mean[r])) / (values.Length - 1)) : 0;
        }

        return (mean, sd);
    }

    /// <summary>Half-width of the 90 % interval of a single outcome: model error (CV RMSE) and ensemble spread combined.</summary>
    public double IntervalHalfWidth(double ensembleStandardDeviation) =>
        Z90 * Math.Sqrt((ResidualRmse * ResidualRmse) + (ensembleStandardDeviation * ensembleStandardDeviation));
}

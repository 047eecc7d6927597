using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Process;

/// <summary>
/// What the training data say about one feature: the median fills missing cells (at training and when scoring), mean
/// and standard deviation standardise distances, min/max bound every recommendation (no setting outside what was seen).
/// </summary>
/// <param name="Role">"control" or "condition".</param>
public sealed record ProcessFeatureStatistics(string Name, string Role, double Mean, double StandardDeviation, double Min, double Max, double Median, double P05, double P95)
{
    public const string ControlRole = "control";

    public const string ConditionRole = "condition";

    public static ProcessFeatureStatistics Of(string name, string role, IEnumerable<double> values)
    {
        var present = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
        if (present.Length == 0)
        {
            throw new ProcessInputException($"column '{name}' has no values");
        }

        var mean = present.Average();
        var sd = Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, present.Length - 1));
        return new ProcessFeatureStatistics(name, role, mean, sd, present[0], present[^1], Quantile(present, 0.5), Quantile(present, 0.05), Quantile(present, 0.95));
    }

    /// <summary>A value in standard deviations from the mean; a constant column contributes nothing.</summary>
    public double Standardise(double value) => StandardDeviation > 0 ? (value - Mean) / StandardDeviation : 0;

    internal static double Quantile(double[] sorted, double probability)
    {
        if (sorted.Length == 1)
        {
            return sorted[0];
        }

        var position = probability * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}

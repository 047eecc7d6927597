using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Process;

/// <summary>Regression quality with the shared metric names (issue 5 §9): rmse, mae, r2, in the target's units.</summary>
public sealed record ProcessRegressionMetrics(double Rmse, double Mae, double R2)
{
    public static ProcessRegressionMetrics Of(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        var n = actual.Count;
        var mean = actual.Average();
        double squared = 0, absolute = 0, total = 0;
        for (var i = 0; i < n; i++)
        {
            var error = actual[i] - predicted[i];
            squared += error * error;
            absolute += Math.Abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
        }

        return new ProcessRegressionMetrics(Math.Sqrt(squared / n), absolute / n, total > 0 ? 1 - (squared / total) : 0);
    }
}

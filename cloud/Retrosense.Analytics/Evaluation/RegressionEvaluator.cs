using System;
using System.Collections.Generic;

namespace Retrosense.Analytics.Evaluation;

/// <summary>
/// Regression metrics from (actual, predicted) values: MAE = mean |e|, MSE = mean e², RMSE = √MSE with e = predicted −
/// actual, and R² = 1 − Σe² / Σ(actual − mean)² (null when every actual value is the same).
/// </summary>
public static class RegressionEvaluator
{
    public static RegressionMetrics Evaluate(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException($"actual ({actual.Count}) and predicted ({predicted.Count}) values must be as many");
        }

        if (actual.Count == 0)
        {
            throw new ArgumentException("no rows to evaluate", nameof(actual));
        }

        double mean = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            if (!double.IsFinite(actual[i]) || !double.IsFinite(predicted[i]))
            {
                throw new ArgumentException($"row {i}: actual {actual[i]} or predicted {predicted[i]} is not a finite number");
            }

            mean += actual[i];
        }

        mean /= actual.Count;
        double absoluteSum = 0, squaredSum = 0, totalSquares = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var error = predicted[i] - actual[i];
            absoluteSum += Math.Abs(error);
            squaredSum += error * error;
            totalSquares += (actual[i] - mean) * (actual[i] - mean);
        }

        var mse = squaredSum / actual.Count;
        return new RegressionMetrics(
            Mae: absoluteSum / actual.Count,
            Mse: mse,
            Rmse: Math.Sqrt(mse),
            R2: totalSquares == 0 ? null : 1 - (squaredSum / totalSquares),
            RowCount: actual.Count);
    }
}

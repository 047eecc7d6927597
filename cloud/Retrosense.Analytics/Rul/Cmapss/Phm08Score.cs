using System;
using System.Collections.Generic;
using Retrosense.Analytics.Evaluation;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>
/// The PHM08 asymmetric RUL score, reported as <c>nasa_score</c> (Saxena, Goebel, Simon &amp; Eklund, "Damage propagation
/// modeling for aircraft engine run-to-failure simulation", PHM 2008, eq. 1): s = Σ exp(−d/13) − 1 for early
/// predictions (d &lt; 0) and exp(d/10) − 1 for late ones, d = predicted − true. A late prediction (the engine fails
/// before the forecast) costs more than an equally early one. Lower is better; summed, so it grows with the unit count.
/// </summary>
public static class Phm08Score
{
    /// <summary>Early-prediction constant, cycles.</summary>
    public const double EarlyDivisorCycles = 13;

    /// <summary>Late-prediction constant, cycles (smaller: lateness is penalised harder).</summary>
    public const double LateDivisorCycles = 10;

    /// <summary>The score of one prediction.</summary>
    public static double Of(double predicted, double actual)
    {
        var d = predicted - actual;
        return d < 0 ? Math.Exp(-d / EarlyDivisorCycles) - 1 : Math.Exp(d / LateDivisorCycles) - 1;
    }

    /// <summary>The shared regression metrics (mae, mse, rmse, r2) with <c>nasa_score</c> filled in.</summary>
    public static RegressionMetrics Evaluate(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        var metrics = RegressionEvaluator.Evaluate(actual, predicted);
        var score = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            score += Of(predicted[i], actual[i]);
        }

        return metrics with { NasaScore = score };
    }
}

using System;
using System.Collections.Generic;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>
/// How far RUL predictions are from the truth: RMSE, MAE and the PHM08 asymmetric score (Saxena, Goebel, Simon &amp;
/// Eklund, "Damage propagation modeling for aircraft engine run-to-failure simulation", PHM 2008, eq. 1):
/// s = Σ exp(−d/13) − 1 for early predictions (d &lt; 0) and exp(d/10) − 1 for late ones, d = predicted − true. A late
/// prediction (the engine fails before the forecast) costs more than an equally early one.
/// </summary>
/// <param name="Count">Predictions compared.</param>
/// <param name="Rmse">Root-mean-square error, cycles.</param>
/// <param name="Mae">Mean absolute error, cycles.</param>
/// <param name="NasaScore">PHM08 score summed over the predictions (lower is better).</param>
public sealed record RulErrorMetrics(int Count, double Rmse, double Mae, double NasaScore)
{
    /// <summary>Early-prediction constant of the PHM08 score, cycles.</summary>
    public const double EarlyDivisorCycles = 13;

    /// <summary>Late-prediction constant of the PHM08 score, cycles (smaller: lateness is penalised harder).</summary>
    public const double LateDivisorCycles = 10;

    /// <summary>The PHM08 score of one prediction.</summary>
    public static double NasaScoreOf(double predicted, double actual)
    {
        var d = predicted - actual;
        return d < 0 ? Math.Exp(-d / EarlyDivisorCycles) - 1 : Math.Exp(d / LateDivisorCycles) - 1;
    }

    public static RulErrorMetrics Compute(IReadOnlyList<double> predicted, IReadOnlyList<double> actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        if (predicted.Count != actual.Count || predicted.Count == 0)
        {
            throw new ArgumentException($"need as many predictions as true values, at least one: got {predicted.Count} and {actual.Count}", nameof(predicted));
        }

        double squares = 0, absolute = 0, score = 0;
        for (var i = 0; i < predicted.Count; i++)
        {
            var d = predicted[i] - actual[i];
            squares += d * d;
            absolute += Math.Abs(d);
            score += NasaScoreOf(predicted[i], actual[i]);
        }

        return new RulErrorMetrics(predicted.Count, Math.Sqrt(squares / predicted.Count), absolute / predicted.Count, score);
    }
}

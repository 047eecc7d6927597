using System;
using System.Collections.Generic;
using System.Linq;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>
/// Chooses model settings by K-fold cross-validation over the <em>training</em> units, grouped by unit (every cycle of
/// an engine falls in one fold, so no engine is seen in training and validation). The test set is never touched.
/// Each candidate is scored by the RMSE, against the capped target, of its predictions at every cycle of the held-out
/// engines; the lowest pooled RMSE wins.
/// </summary>
public static class CmapssCrossValidation
{
    /// <summary>Scores every candidate and returns them best first.</summary>
    public static IReadOnlyList<CmapssCandidateScore> Rank(IReadOnlyList<CmapssUnit> training, IReadOnlyList<CmapssModelSettings> candidates, int folds, int seed, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(candidates);
        if (folds < 2 || folds > training.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"need 2 … {training.Count} folds (one unit per fold at most)");
        }

        var order = Enumerable.Range(0, training.Count).ToArray();
        new Random(seed).Shuffle(order);
        var foldOf = new int[training.Count];
        for (var i = 0; i < order.Length; i++)
        {
            foldOf[order[i]] = i % folds;
        }

        var scores = new List<CmapssCandidateScore>();
        foreach (var candidate in candidates)
        {
            double squares = 0;
            var count = 0;
            var foldRmse = new double[folds];
            for (var fold = 0; fold < folds; fold++)
            {
                var fit = Enumerable.Range(0, training.Count).Where(u => foldOf[u] != fold).Select(u => training[u]).ToList();
                var held = Enumerable.Range(0, training.Count).Where(u => foldOf[u] == fold).Select(u => training[u]).ToList();
                var model = CmapssRulModel.Train(fit, candidate, seed);
                double foldSquares = 0;
                var foldCount = 0;
                foreach (var unit in held)
                {
                    var predictions = model.Predict(model.FeaturesOf(unit));
                    for (var i = 0; i < predictions.Length; i++)
                    {
                        var d = predictions[i] - PiecewiseLinearRulTarget.For(unit.Cycles[i].Cycle, unit.LastCycle, candidate.RulCapCycles);
                        foldSquares += d * d;
                        foldCount++;
                    }
                }

                foldRmse[fold] = Math.Sqrt(foldSquares / foldCount);
                squares += foldSquares;
                count += foldCount;
            }

            var score = new CmapssCandidateScore(candidate, Math.Sqrt(squares / count), foldRmse);
            progress?.Report($"cv: {candidate.Describe()}: rmse {score.RmseCapped:F2}");
            scores.Add(score);
        }

        return scores.OrderBy(score => score.RmseCapped).ToList();
    }
}

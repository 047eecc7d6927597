using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Retrosense.Analytics.Rul.Cmapss;

/// <summary>
/// The C-MAPSS benchmark protocol: choose settings by grouped CV on the training units, train on all of them, predict
/// the RUL at the last cycle of each test unit and compare with the RUL file (Saxena et al. 2008).
/// </summary>
public static class CmapssBenchmark
{
    /// <summary>
    /// The candidates the benchmark's CV chooses from: feature windows × tree size × leaf size. Small on purpose (the
    /// machine is shared); every one uses the final ensemble size only after it has been chosen.
    /// </summary>
    public static IReadOnlyList<CmapssModelSettings> DefaultCandidates(int ensembleSize, int threads)
    {
        var candidates = new List<CmapssModelSettings>();
        foreach (var features in new[] { CmapssFeatureSettings.Short, CmapssFeatureSettings.Long, CmapssFeatureSettings.Longer })
        {
            foreach (var (leaves, minimumLeaf) in new[] { (15, 100), (31, 200) })
            {
                candidates.Add(new CmapssModelSettings(features, leaves, 400, 0.03, minimumLeaf, ensembleSize, PiecewiseLinearRulTarget.DefaultCapCycles, threads));
            }
        }

        return candidates;
    }

    /// <summary>Runs the protocol. <paramref name="candidates"/> with one entry skips the CV.</summary>
    /// <exception cref="CmapssFormatException">The RUL file does not have one value per test unit.</exception>
    public static CmapssBenchmarkResult Run(
        IReadOnlyList<CmapssUnit> training, IReadOnlyList<CmapssUnit> test, IReadOnlyList<double> trueRul, string rulSource,
        IReadOnlyList<CmapssModelSettings> candidates, int folds, int seed, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(trueRul);
        ArgumentNullException.ThrowIfNull(candidates);
        if (trueRul.Count != test.Count)
        {
            throw new CmapssFormatException($"{rulSource}: {trueRul.Count} RUL values for {test.Count} test units; the RUL file needs one line per test unit, in test-file order");
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<CmapssCandidateScore> ranking = [];
        var chosen = candidates[0];
        if (candidates.Count > 1)
        {
            // CV compares candidates with one member each (cheap); the chosen one is then trained with the full ensemble.
            var single = candidates.Select(candidate => candidate with { EnsembleSize = 1 }).ToList();
            ranking = CmapssCrossValidation.Rank(training, single, folds, seed, progress);
            chosen = ranking[0].Settings with { EnsembleSize = candidates[0].EnsembleSize };
        }

        var crossValidationSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var model = CmapssRulModel.Train(training, chosen, seed);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        progress?.Report($"trained {chosen.Describe()} in {trainSeconds:F1} s");

        var predicted = model.PredictLastCycle(test);
        var metrics = RulErrorMetrics.Compute(predicted, trueRul);

        // Throughput: every cycle of every test unit scored as if it were the latest (features + every member).
        clock.Restart();
        var windows = test.SelectMany(model.FeaturesOf).ToArray();
        var scores = model.Predict(windows);
        var scoringSeconds = clock.Elapsed.TotalSeconds;

        return new CmapssBenchmarkResult(
            metrics,
            training.Count,
            test.Count,
            model.Normalizer.ConditionCount,
            model.Normalizer.KeptSensorIndices.Select(index => index + 1).ToArray(),
            chosen,
            ranking,
            crossValidationSeconds,
            trainSeconds,
            scores.Length,
            scores.Length / scoringSeconds,
            test.Select((unit, i) => (unit.UnitNumber, predicted[i], trueRul[i])).ToArray());
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Retrosense.Analytics.Training;

/// <summary>
/// The candidates the search tries per task: boosted trees (FastTree, LightGbm) at two sizes, a random forest
/// (FastForest) and linear models (SDCA, L-BFGS); RandomizedPca at three ranks for anomalies. Kept to six or fewer per
/// task so that 3-fold search over AI4I-sized data (10,000 rows) stays well under a minute on one core. Every trainer
/// runs on one thread with the run's seed: SDCA and LightGbm are only reproducible single-threaded, and the machine is shared.
/// </summary>
internal static class TrainerCatalog
{
    private const string Features = "Features";

    public static IReadOnlyList<TrainerCandidate> For(TrainingTask task, int featureCount, int seed) => task switch
    {
        TrainingTask.Binary => Binary(seed),
        TrainingTask.Multiclass => Multiclass(seed),
        TrainingTask.Regression => Regression(seed),
        TrainingTask.Anomaly => Anomaly(featureCount, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, null),
    };

    private static Dictionary<string, double> Settings(params (string Name, double Value)[] settings)
    {
        var dictionary = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in settings)
        {
            dictionary[name] = value;
        }

        return dictionary;
    }

    private static TrainerCandidate[] Binary(int seed) =>
    [
        new("FastTree", Settings(("leaves", 20), ("trees", 100), ("learning_rate", 0.2)), FeatureScaling.None, ml => ml.BinaryClassification.Trainers.FastTree(
            new FastTreeBinaryTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfLeaves = 20, NumberOfTrees = 100, LearningRate = 0.2, MinimumExampleCountPerLeaf = 10, NumberOfThreads = 1, Seed = seed })),
        new("FastTree", Settings(("leaves", 31), ("trees", 200), ("learning_rate", 0.1)), FeatureScaling.None, ml => ml.BinaryClassification.Trainers.FastTree(
            new FastTreeBinaryTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfLeaves = 31, NumberOfTrees = 200, LearningRate = 0.1, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1, Seed = seed })),
        new("LightGbm", Settings(("leaves", 31), ("iterations", 200), ("learning_rate", 0.1)), FeatureScaling.None, ml => ml.BinaryClassification.Trainers.LightGbm(
            new LightGbmBinaryTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfLeaves = 31, NumberOfIterations = 200, LearningRate = 0.1, MinimumExampleCountPerLeaf = 10, NumberOfThreads = 1, Seed = seed, Deterministic = true, Verbose = false, Silent = true })),
        new("FastForest", Settings(("leaves", 31), ("trees", 100)), FeatureScaling.None, ml => ml.BinaryClassification.Trainers.FastForest(
            new FastForestBinaryTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfLeaves = 31, NumberOfTrees = 100, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1, Seed = seed })),
        new("SdcaLogisticRegression", Settings(), FeatureScaling.MinMax, ml => ml.BinaryClassification.Trainers.SdcaLogisticRegression(
            new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfThreads = 1 })),
        new("LbfgsLogisticRegression", Settings(), FeatureScaling.MinMax, ml => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfThreads = 1 })),
    ];

    private static TrainerCandidate[] Multiclass(int seed) =>
    [
        new("LightGbm", Settings(("leaves", 31), ("iterations", 200), ("learning_rate", 0.1)), FeatureScaling.None, ml => ml.MulticlassClassification.Trainers.LightGbm(
            new LightGbmMulticlassTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfLeaves = 31, NumberOfIterations = 200, LearningRate = 0.1, MinimumExampleCountPerLeaf = 10, NumberOfThreads = 1, Seed = seed, Deterministic = true, Verbose = false, Silent = true })),
        new("LightGbm", Settings(("leaves", 15), ("iterations", 100), ("learning_rate", 0.2)), FeatureScaling.None, ml => ml.MulticlassClassification.Trainers.LightGbm(
            new LightGbmMulticlassTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfLeaves = 15, NumberOfIterations = 100, LearningRate = 0.2, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1, Seed = seed, Deterministic = true, Verbose = false, Silent = true })),
        new("OneVersusAll(FastTree)", Settings(("leaves", 20), ("trees", 100), ("learning_rate", 0.2)), FeatureScaling.None, ml => ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfLeaves = 20, NumberOfTrees = 100, LearningRate = 0.2, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1, Seed = seed }),
            labelColumnName: TrainingFrame.LabelColumn)),
        new("SdcaMaximumEntropy", Settings(), FeatureScaling.MinMax, ml => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfThreads = 1 })),
        new("LbfgsMaximumEntropy", Settings(), FeatureScaling.MinMax, ml => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfThreads = 1 })),
    ];

    private static TrainerCandidate[] Regression(int seed) =>
    [
        new("FastTree", Settings(("leaves", 20), ("trees", 100), ("learning_rate", 0.2)), FeatureScaling.None, ml => ml.Regression.Trainers.FastTree(
            new FastTreeRegressionTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfLeaves = 20, NumberOfTrees = 100, LearningRate = 0.2, MinimumExampleCountPerLeaf = 10, NumberOfThreads = 1, Seed = seed })),
        new("FastTree", Settings(("leaves", 31), ("trees", 200), ("learning_rate", 0.1)), FeatureScaling.None, ml => ml.Regression.Trainers.FastTree(
            new FastTreeRegressionTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfLeaves = 31, NumberOfTrees = 200, LearningRate = 0.1, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1, Seed = seed })),
        new("LightGbm", Settings(("leaves", 31), ("iterations", 200), ("learning_rate", 0.1)), FeatureScaling.None, ml => ml.Regression.Trainers.LightGbm(
            new LightGbmRegressionTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfLeaves = 31, NumberOfIterations = 200, LearningRate = 0.1, MinimumExampleCountPerLeaf = 10, NumberOfThreads = 1, Seed = seed, Deterministic = true, Verbose = false, Silent = true })),
        new("FastForest", Settings(("leaves", 31), ("trees", 100)), FeatureScaling.None, ml => ml.Regression.Trainers.FastForest(
            new FastForestRegressionTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfLeaves = 31, NumberOfTrees = 100, MinimumExampleCountPerLeaf = 5, NumberOfThreads = 1, Seed = seed })),
        new("Sdca", Settings(), FeatureScaling.MinMax, ml => ml.Regression.Trainers.Sdca(
            new SdcaRegressionTrainer.Options { LabelColumnName = TrainingFrame.LabelColumn, FeatureColumnName = Features, NumberOfThreads = 1 })),
    ];

    /// <summary>Ranks about a quarter, a half and three quarters of the feature count: how much of the normal co-variation the model keeps.</summary>
    private static TrainerCandidate[] Anomaly(int featureCount, int seed)
    {
        var ranks = new SortedSet<int>();
        foreach (var share in new[] { 0.5, 0.25, 0.75 })
        {
            ranks.Add(Math.Clamp((int)Math.Round(share * featureCount), 1, Math.Max(1, featureCount - 1)));
        }

        var candidates = new List<TrainerCandidate>();
        var middle = Math.Clamp((int)Math.Round(0.5 * featureCount), 1, Math.Max(1, featureCount - 1));

        // The half-rank model first: without a label to compare by, it is the one used.
        foreach (var rank in new[] { middle }.Concat(ranks))
        {
            if (candidates.Exists(candidate => candidate.Hyperparameters["rank"] == rank))
            {
                continue;
            }

            candidates.Add(new TrainerCandidate("RandomizedPca", Settings(("rank", rank), ("oversampling", 20)), FeatureScaling.MeanVariance, ml => ml.AnomalyDetection.Trainers.RandomizedPca(
                featureColumnName: Features, rank: rank, oversampling: 20, ensureZeroMean: true, seed: seed)));
        }

        return candidates.ToArray();
    }
}

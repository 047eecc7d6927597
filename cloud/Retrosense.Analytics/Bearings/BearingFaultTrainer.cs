using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// Trains a <see cref="BearingFaultClassifier"/> on labelled feature windows: prepare (features → rows with class
/// weights), train (one <see cref="BearingModelCandidate"/>), seeded throughout so a run repeats exactly.
/// </summary>
public static class BearingFaultTrainer
{
    /// <summary>Trains one candidate on every given window.</summary>
    /// <exception cref="BearingDataException">A class has no windows, or a window lacks a feature.</exception>
    public static BearingFaultClassifier Train(
        IReadOnlyList<BearingFeatureWindow> windows,
        BearingModelCandidate candidate,
        BearingNodeSettings nodeSettings,
        BearingTrainingSettings training)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(nodeSettings);
        ArgumentNullException.ThrowIfNull(training);
        var absent = BearingFaultClasses.All.Where(faultClass => windows.All(window => window.Label != faultClass)).ToList();
        if (absent.Count > 0)
        {
            throw new BearingDataException(
                "the training files have no " + string.Join(", ", absent.Select(BearingFaultClasses.Name)) + " recording: every class needs at least one");
        }

        var ml = new MLContext(training.Seed);
        var rows = Rows(windows);
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = Pipeline(ml, candidate, training);
        var model = pipeline.Fit(data);
        return new BearingFaultClassifier(ml, model, data.Schema, candidate, nodeSettings, training.Seed);
    }

    /// <summary>
    /// Model rows with class weights N / (K · N_class), so each class weighs the same in the loss whatever its window count
    /// (the normal recording is half the length of a fault recording, and half of it goes to each side).
    /// </summary>
    internal static List<BearingFeatureRow> Rows(IReadOnlyList<BearingFeatureWindow> windows)
    {
        var counts = windows.GroupBy(window => window.Label).ToDictionary(group => group.Key, group => group.Count());
        var rows = new List<BearingFeatureRow>(windows.Count);
        foreach (var window in windows)
        {
            var row = BearingFeatures.TryCreate(window.Features, BearingFaultClasses.Name(window.Label), out var missing)
                ?? throw new BearingDataException($"{NodeFeatureReplay.Describe(window.Source, window.Part)} window {window.WindowIndex}: missing feature {missing}");
            row.Weight = (float)windows.Count / (counts.Count * counts[window.Label]);
            rows.Add(row);
        }

        return rows;
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, BearingModelCandidate candidate, BearingTrainingSettings training)
    {
        // The key map is given, not learned from the data, so key k is always class k − 1 and the score vector is in
        // BearingFaultClass order whatever classes a training set happens to list first.
        var keyData = ml.Data.LoadFromEnumerable(BearingFaultClasses.All.Select(faultClass => new LabelRow { Label = BearingFaultClasses.Name(faultClass) }));
        var prepare = ml.Transforms.Conversion.MapValueToKey(nameof(BearingFeatureRow.Label), keyData: keyData)
            .Append(ml.Transforms.Concatenate("Features", candidate.Features.ToArray()))
            .Append(ml.Transforms.NormalizeMeanVariance("Features"));
        return candidate.Trainer switch
        {
            BearingTrainer.LbfgsMaximumEntropy => prepare.Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
                new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = nameof(BearingFeatureRow.Label),
                    FeatureColumnName = "Features",
                    ExampleWeightColumnName = nameof(BearingFeatureRow.Weight),

                    // Mild L2 keeps the weights finite on separable classes, so the probabilities stay graded.
                    L2Regularization = 0.1f,
                    L1Regularization = 0f,
                    NumberOfThreads = 1,
                })),
            BearingTrainer.LightGbm => prepare.Append(ml.MulticlassClassification.Trainers.LightGbm(
                new LightGbmMulticlassTrainer.Options
                {
                    LabelColumnName = nameof(BearingFeatureRow.Label),
                    FeatureColumnName = "Features",
                    ExampleWeightColumnName = nameof(BearingFeatureRow.Weight),
                    NumberOfIterations = training.LightGbmIterations,
                    NumberOfLeaves = 4,
                    MinimumExampleCountPerLeaf = 10,
                    LearningRate = 0.1,
                    Seed = training.Seed,
                    NumberOfThreads = 1,
                    UseSoftmax = true,
                })),
            _ => throw new ArgumentOutOfRangeException(nameof(candidate), candidate.Trainer, "unknown trainer"),
        };
    }

    private sealed class LabelRow
    {
        public string Label { get; set; } = string.Empty;
    }
}

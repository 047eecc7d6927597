using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// The AI4I 2020 benchmark (issue 5, "Done when"): a stratified 80/20 split with a fixed seed, <see cref="FailureRiskModel"/>
/// trained on the 80 % (threshold and calibration chosen inside it by cross-validation), every metric on the 20 %.
/// </summary>
public static class Ai4iBenchmark
{
    public const double TestFraction = 0.2;

    /// <summary>Inputs alone determine these modes (Matzka 2020, section III); TWF and RNF are random.</summary>
    private static readonly FailureMode[] InputDrivenModes = [FailureMode.HeatDissipation, FailureMode.Power, FailureMode.Overstrain];

    public static Ai4iBenchmarkResult Run(IReadOnlyList<LabelledMachineRun> runs, FailureRiskTrainingOptions options, int permutationCount = 3)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(options);
        var labels = runs.Select(run => run.MachineFailure).ToArray();
        var failures = labels.Count(label => label);
        var minimumFailures = (int)Math.Ceiling(options.CalibrationFolds / (1 - TestFraction)) + (int)Math.Ceiling(1 / TestFraction);
        if (failures < minimumFailures || runs.Count - failures < minimumFailures)
        {
            throw new FailureRiskDataException(
                $"{runs.Count} rows with {failures} failures: the 80/20 split with {options.CalibrationFolds}-fold calibration needs at least {minimumFailures} failures and as many non-failures");
        }

        var (trainIndexes, testIndexes) = StratifiedSplit.TrainTest(labels, TestFraction, options.Seed);
        var train = trainIndexes.Select(index => runs[index]).ToArray();
        var test = testIndexes.Select(index => runs[index]).ToArray();

        var trainClock = Stopwatch.StartNew();
        var model = FailureRiskModel.Train(train, options);
        var trainSeconds = trainClock.Elapsed.TotalSeconds;

        var evaluation = model.Evaluate(test);
        var importances = model.PermutationImportance(test, permutationCount);
        var testRuns = test.Select(run => run.Run).ToArray();
        var predictionsPerSecond = MeasureBatchThroughput(model, testRuns);
        var explainedPerSecond = MeasureExplainedThroughput(model, testRuns);
        var example = ExplainHighestRisk(model, test);

        var machine = evaluation.MachineFailure;
        return new Ai4iBenchmarkResult(
            "ai4i2020",
            options.Seed,
            runs.Count,
            train.Length,
            test.Length,
            train.Count(run => run.MachineFailure),
            test.Count(run => run.MachineFailure),
            "FastTree",
            options.NumberOfTrees,
            options.NumberOfLeaves,
            options.CalibrationFolds,
            options.Calibration.ToString().ToLowerInvariant(),
            model.FeatureNames,
            machine.Threshold,
            machine.Accuracy,
            machine.Precision,
            machine.Recall,
            machine.F1,
            machine.RocAuc,
            machine.PrAuc,
            machine.Brier,
            evaluation.BrierWithTrainerCalibration,
            machine.ExpectedCalibrationError,
            new Ai4iConfusionMatrix(machine.TruePositives, machine.FalsePositives, machine.FalseNegatives, machine.TrueNegatives),
            evaluation.Modes.ToDictionary(pair => FailureModeCodes.Of(pair.Key), pair => pair.Value),
            evaluation.MachineFailureRecallByMode,
            CeilingOf(test),
            importances,
            example,
            trainSeconds,
            predictionsPerSecond,
            explainedPerSecond);
    }

    internal static Ai4iCeiling CeilingOf(IReadOnlyList<LabelledMachineRun> test)
    {
        var failures = test.Where(run => run.MachineFailure).ToArray();
        var withoutMode = failures.Count(run => run.Modes.Count == 0);
        var onlyRandomModes = failures.Count(run => run.Modes.Count > 0 && !InputDrivenModes.Any(run.Has));
        var inputDriven = failures.Count(run => InputDrivenModes.Any(run.Has));
        var recall = failures.Length == 0 ? 0 : (double)inputDriven / failures.Length;
        return new Ai4iCeiling(
            withoutMode,
            onlyRandomModes,
            test.Count(run => !run.MachineFailure && run.Has(FailureMode.Random)),
            recall,
            recall > 0 ? 2 * recall / (1 + recall) : 0);
    }

    /// <summary>Batch scoring of the held-out runs, repeated until at least half a second has passed.</summary>
    private static double MeasureBatchThroughput(FailureRiskModel model, MachineRun[] runs)
    {
        model.PredictFailureProbabilities(runs);
        var clock = Stopwatch.StartNew();
        var predictions = 0;
        while (clock.Elapsed.TotalSeconds < 0.5)
        {
            predictions += model.PredictFailureProbabilities(runs).Count;
        }

        return predictions / clock.Elapsed.TotalSeconds;
    }

    /// <summary>One run at a time through <see cref="FailureRiskModel.Predict"/> (as live scoring calls it): every mode and the contributors.</summary>
    private static double MeasureExplainedThroughput(FailureRiskModel model, MachineRun[] runs)
    {
        model.Predict(runs[0]);
        var clock = Stopwatch.StartNew();
        var predictions = 0;
        while (clock.Elapsed.TotalSeconds < 0.5)
        {
            model.Predict(runs[predictions % runs.Length]);
            predictions++;
        }

        return predictions / clock.Elapsed.TotalSeconds;
    }

    private static Ai4iExampleExplanation ExplainHighestRisk(FailureRiskModel model, LabelledMachineRun[] test)
    {
        var probabilities = model.PredictFailureProbabilities(test.Select(run => run.Run).ToArray());
        var highest = Enumerable.Range(0, test.Length).MaxBy(index => probabilities[index]);
        var prediction = model.Predict(test[highest].Run);
        return new Ai4iExampleExplanation(
            highest,
            test[highest].MachineFailure,
            test[highest].Modes.Order().Select(FailureModeCodes.Of).ToArray(),
            prediction.FailureProbability,
            prediction.IsFailureExpected,
            prediction.ModeProbabilities.ToDictionary(pair => FailureModeCodes.Of(pair.Key), pair => pair.Value),
            prediction.TopContributors);
    }
}

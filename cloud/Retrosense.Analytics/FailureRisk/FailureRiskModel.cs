using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML;

namespace Retrosense.Analytics.FailureRisk;

/// <summary>
/// Failure risk from a company's labelled history (AI4I 2020 style): a calibrated machine-failure classifier with a
/// cross-validated decision threshold, one-vs-rest models for the failure modes the history flags, and explanations.
/// <code>
/// var model = FailureRiskModel.Train(history);                  // history: IReadOnlyList&lt;LabelledMachineRun&gt;
/// var prediction = model.Predict(run);                          // run: MachineRun (process inputs only)
/// prediction.FailureProbability; prediction.TopContributors;    // calibrated probability, why
/// </code>
/// <see cref="Predict"/> is thread-safe (pooled prediction engines); training is not meant to run concurrently on one
/// instance. Failure modes are one-vs-rest rather than one multiclass model because a run can fail in several modes
/// at once (the dataset has such rows), and a per-mode probability is what a maintenance planner acts on.
/// </summary>
public sealed class FailureRiskModel
{
    private readonly CalibratedBinaryRiskClassifier _machineFailure;
    private readonly IReadOnlyDictionary<FailureMode, CalibratedBinaryRiskClassifier> _modes;
    private readonly MLContext _ml;

    private FailureRiskModel(
        MLContext ml,
        FailureRiskTrainingOptions options,
        CalibratedBinaryRiskClassifier machineFailure,
        IReadOnlyDictionary<FailureMode, CalibratedBinaryRiskClassifier> modes,
        int trainingRows,
        int trainingFailures)
    {
        _ml = ml;
        Options = options;
        _machineFailure = machineFailure;
        _modes = modes;
        TrainingRows = trainingRows;
        TrainingFailures = trainingFailures;
    }

    public FailureRiskTrainingOptions Options { get; }

    public int TrainingRows { get; }

    public int TrainingFailures { get; }

    /// <summary>The machine-failure model's feature vector, read back from the trained model (never a label column).</summary>
    public IReadOnlyList<string> FeatureNames => _machineFailure.FeatureNames;

    /// <summary>Decision threshold on the calibrated machine-failure probability (best out-of-fold F1 on the training rows).</summary>
    public double Threshold => _machineFailure.Threshold;

    public IProbabilityCalibrator Calibrator => _machineFailure.Calibrator;

    /// <summary>The failure modes that have a model (those with enough flagged training rows).</summary>
    public IReadOnlyCollection<FailureMode> ModelledModes => [.. _modes.Keys];

    public IReadOnlyList<string> ModeFeatureNames(FailureMode mode) => _modes[mode].FeatureNames;

    public double ModeThreshold(FailureMode mode) => _modes[mode].Threshold;

    /// <summary>
    /// Trains on the whole history given (split off a test part before calling this to evaluate). Throws
    /// <see cref="FailureRiskDataException"/> when the history has too few failures for cross-validated calibration.
    /// A failure mode with too few flagged rows is left without a model rather than failing the whole training.
    /// </summary>
    public static FailureRiskModel Train(IReadOnlyList<LabelledMachineRun> history, FailureRiskTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        options ??= new FailureRiskTrainingOptions();
        if (options.CalibrationFolds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.CalibrationFolds, "CalibrationFolds must be at least 2");
        }

        var ml = new MLContext(seed: options.Seed);
        var rows = history.Select(FailureRiskFeatures.ToRow).ToArray();
        var machineFailure = CalibratedBinaryRiskClassifier.Train(ml, rows, FailureRiskFeatures.MachineFailureLabelColumn, options);
        var modes = new Dictionary<FailureMode, CalibratedBinaryRiskClassifier>();
        if (options.TrainFailureModeModels)
        {
            foreach (var mode in Enum.GetValues<FailureMode>())
            {
                var flagged = history.Count(run => run.Has(mode));
                if (flagged >= options.CalibrationFolds)
                {
                    modes[mode] = CalibratedBinaryRiskClassifier.Train(ml, rows, FailureRiskFeatures.LabelColumnOf(mode), options);
                }
            }
        }

        return new FailureRiskModel(ml, options, machineFailure, modes, history.Count, history.Count(run => run.MachineFailure));
    }

    /// <summary>Scores one run: calibrated probabilities and the <paramref name="topContributorCount"/> strongest contributors.</summary>
    public FailureRiskPrediction Predict(MachineRun run, int topContributorCount = 3)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegative(topContributorCount);
        var row = FailureRiskFeatures.ToRow(run);
        var (probability, contributions) = _machineFailure.Explain(row);
        var values = FeatureValues(row, FeatureNames);
        var topContributors = contributions
            .Select((contribution, slot) => new FeatureContribution(FeatureNames[slot], values[slot], contribution))
            .Where(contributor => contributor.Contribution != 0)
            .OrderByDescending(contributor => Math.Abs(contributor.Contribution))
            .Take(topContributorCount)
            .ToArray();
        var modeProbabilities = _modes.ToDictionary(pair => pair.Key, pair => pair.Value.Probability(row));
        return new FailureRiskPrediction(probability, Threshold, probability >= Threshold, modeProbabilities, topContributors);
    }

    /// <summary>Calibrated machine-failure probabilities of many runs at once (the fast path: no explanations).</summary>
    public IReadOnlyList<double> PredictFailureProbabilities(IReadOnlyList<MachineRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return _machineFailure.Probabilities(_ml.Data.LoadFromEnumerable(runs.Select(FailureRiskFeatures.ToRow)));
    }

    /// <summary>Scores held-out labelled runs that the model did not train on.</summary>
    public FailureRiskEvaluation Evaluate(IReadOnlyList<LabelledMachineRun> heldOut)
    {
        ArgumentNullException.ThrowIfNull(heldOut);
        if (heldOut.Count == 0)
        {
            throw new FailureRiskDataException("no held-out rows to evaluate on");
        }

        var data = _ml.Data.LoadFromEnumerable(heldOut.Select(FailureRiskFeatures.ToRow));
        var failureLabels = heldOut.Select(run => run.MachineFailure).ToArray();
        var probabilities = _machineFailure.Probabilities(data);
        var machineFailure = BinaryRiskMetricsCalculator.Compute(probabilities, failureLabels, Threshold);
        var trainerBrier = BinaryRiskMetricsCalculator.Brier(_machineFailure.TrainerCalibratedProbabilities(data), failureLabels);
        var modes = _modes.ToDictionary(
            pair => pair.Key,
            pair => BinaryRiskMetricsCalculator.Compute(pair.Value.Probabilities(data), heldOut.Select(run => run.Has(pair.Key)).ToArray(), pair.Value.Threshold));

        var recallByMode = new SortedDictionary<string, ModeRecall>(StringComparer.Ordinal);
        for (var index = 0; index < heldOut.Count; index++)
        {
            if (!heldOut[index].MachineFailure)
            {
                continue;
            }

            var key = heldOut[index].Modes.Count == 0 ? "none" : string.Join("+", heldOut[index].Modes.Order().Select(FailureModeCodes.Of));
            var caught = probabilities[index] >= Threshold ? 1 : 0;
            recallByMode[key] = recallByMode.TryGetValue(key, out var sofar) ? new ModeRecall(sofar.Failures + 1, sofar.Caught + caught) : new ModeRecall(1, caught);
        }

        return new FailureRiskEvaluation(machineFailure, trainerBrier, modes, recallByMode);
    }

    /// <summary>Global permutation importance of the machine-failure model on labelled runs, most important first.</summary>
    public IReadOnlyList<FeatureImportance> PermutationImportance(IReadOnlyList<LabelledMachineRun> labelledRuns, int permutationCount = 3)
    {
        ArgumentNullException.ThrowIfNull(labelledRuns);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutationCount, 1);
        return _machineFailure.PermutationImportance(_ml.Data.LoadFromEnumerable(labelledRuns.Select(FailureRiskFeatures.ToRow)), permutationCount);
    }

    /// <summary>The row's values in the order of the trained feature vector, read by slot name.</summary>
    private static float[] FeatureValues(FailureRiskFeatureRow row, IReadOnlyList<string> featureNames)
    {
        var byName = new Dictionary<string, float>(StringComparer.Ordinal)
        {
            ["quality_low"] = row.QualityLow,
            ["quality_medium"] = row.QualityMedium,
            ["quality_high"] = row.QualityHigh,
            ["air_temperature_k"] = row.AirTemperatureKelvin,
            ["process_temperature_k"] = row.ProcessTemperatureKelvin,
            ["rotational_speed_rpm"] = row.RotationalSpeedRpm,
            ["torque_nm"] = row.TorqueNewtonMetres,
            ["tool_wear_min"] = row.ToolWearMinutes,
            ["temperature_difference_k"] = row.TemperatureDifferenceKelvin,
            ["heat_dissipation_margin_k"] = row.HeatDissipationMarginKelvin,
            ["mechanical_power_w"] = row.MechanicalPowerWatts,
            ["wear_torque_min_nm"] = row.WearTorqueMinuteNewtonMetres,
            ["overstrain_fraction"] = row.OverstrainFraction,
        };
        return [.. featureNames.Select(name => byName[name])];
    }
}

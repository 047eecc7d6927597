using System;
using System.Collections.Generic;
using System.Linq;
using Retrosense.Analytics.FailureRisk;

namespace Retrosense.Analytics.Tests.FailureRisk;

/// <summary>One quick model on a synthetic history, shared by the tests of this class (training takes a few seconds).</summary>
public sealed class FailureRiskModelFixture
{
    public FailureRiskModelFixture()
    {
        var history = SyntheticMachineHistory.Generate(3000, seed: 5);
        var (train, test) = StratifiedSplit.TrainTest(history.Select(run => run.MachineFailure).ToArray(), 0.2, seed: 5);
        Train = [.. train.Select(index => history[index])];
        Test = [.. test.Select(index => history[index])];
        Model = FailureRiskModel.Train(Train, FailureRiskTrainingOptions.Quick);
    }

    public IReadOnlyList<LabelledMachineRun> Train { get; }

    public IReadOnlyList<LabelledMachineRun> Test { get; }

    public FailureRiskModel Model { get; }
}

public sealed class FailureRiskModelTests(FailureRiskModelFixture fixture) : IClassFixture<FailureRiskModelFixture>
{
    private static readonly string[] Identifiers = ["UDI", "Product ID", "product_id", "udi"];

    [Fact]
    public void Machine_failure_model_features_exclude_the_failure_mode_columns_and_identifiers()
    {
        var features = fixture.Model.FeatureNames;

        Assert.Equal(FailureRiskFeatures.Names, features);
        foreach (var label in FailureRiskFeatures.LabelColumns.Concat(["TWF", "HDF", "PWF", "OSF", "RNF", "machine_failure"]).Concat(Identifiers))
        {
            Assert.DoesNotContain(features, feature => string.Equals(feature, label, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Failure_mode_models_use_the_same_process_features_and_no_label()
    {
        Assert.NotEmpty(fixture.Model.ModelledModes);
        foreach (var mode in fixture.Model.ModelledModes)
        {
            var features = fixture.Model.ModeFeatureNames(mode);
            Assert.Equal(FailureRiskFeatures.Names, features);
            Assert.Empty(features.Intersect(FailureRiskFeatures.LabelColumns, StringComparer.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Modes_without_flagged_rows_get_no_model_rather_than_failing_training()
    {
        // The synthetic history has no tool-wear or random failures.
        Assert.DoesNotContain(FailureMode.ToolWear, fixture.Model.ModelledModes);
        Assert.DoesNotContain(FailureMode.Random, fixture.Model.ModelledModes);
        Assert.Contains(FailureMode.HeatDissipation, fixture.Model.ModelledModes);
    }

    [Fact]
    public void Rule_generated_failures_are_found_on_held_out_rows()
    {
        var evaluation = fixture.Model.Evaluate(fixture.Test);

        Assert.True(evaluation.MachineFailure.F1 >= 0.85, $"f1 {evaluation.MachineFailure.F1}");
        Assert.True(evaluation.MachineFailure.PrAuc >= 0.9, $"pr_auc {evaluation.MachineFailure.PrAuc}");
        Assert.True(evaluation.Modes[FailureMode.Overstrain].Recall >= 0.8, $"OSF recall {evaluation.Modes[FailureMode.Overstrain].Recall}");
    }

    [Fact]
    public void Calibrated_probabilities_beat_the_base_rate_and_are_reliable_on_held_out_rows()
    {
        var evaluation = fixture.Model.Evaluate(fixture.Test);
        var baseRate = fixture.Train.Count(run => run.MachineFailure) / (double)fixture.Train.Count;
        var baseRateBrier = BinaryRiskMetricsCalculator.Brier(fixture.Test.Select(_ => baseRate).ToArray(), fixture.Test.Select(run => run.MachineFailure).ToArray());

        Assert.True(evaluation.MachineFailure.Brier < baseRateBrier / 4, $"brier {evaluation.MachineFailure.Brier} vs base rate {baseRateBrier}");
        Assert.True(evaluation.MachineFailure.ExpectedCalibrationError < 0.03, $"ece {evaluation.MachineFailure.ExpectedCalibrationError}");
    }

    [Fact]
    public void Contributors_are_ordered_by_magnitude_and_named_after_the_features()
    {
        var prediction = fixture.Model.Predict(new MachineRun(ProductQuality.Low, 302.0, 310.0, 1300, 45, 20), topContributorCount: 5);

        Assert.InRange(prediction.TopContributors.Count, 1, 5);
        var magnitudes = prediction.TopContributors.Select(contributor => Math.Abs(contributor.Contribution)).ToArray();
        Assert.Equal(magnitudes.OrderByDescending(magnitude => magnitude), magnitudes);
        Assert.All(prediction.TopContributors, contributor => Assert.Contains(contributor.Feature, FailureRiskFeatures.Names));
    }

    [Fact]
    public void A_heat_dissipation_failure_is_explained_by_temperature_difference_and_speed()
    {
        // ΔT 8.0 K at 1300 rpm: HDF by the rule; power 6.1 kW and strain 900 min·Nm are harmless.
        var prediction = fixture.Model.Predict(new MachineRun(ProductQuality.Low, 302.0, 310.0, 1300, 45, 20), topContributorCount: 3);

        Assert.True(prediction.IsFailureExpected, $"p {prediction.FailureProbability} below threshold {prediction.Threshold}");
        Assert.True(prediction.ModeProbabilities[FailureMode.HeatDissipation] > 0.5, $"HDF p {prediction.ModeProbabilities[FailureMode.HeatDissipation]}");
        var heatFeatures = new[] { "temperature_difference_k", "heat_dissipation_margin_k", "rotational_speed_rpm", "process_temperature_k", "air_temperature_k" };
        Assert.Contains(prediction.TopContributors[0].Feature, heatFeatures);
        Assert.True(prediction.TopContributors.Sum(contributor => contributor.Contribution) > 0, "the strongest contributors of a high-risk run should push the risk up in sum");
    }

    [Fact]
    public void A_healthy_run_is_scored_low_and_its_contributors_push_the_risk_down()
    {
        // ΔT 10 K at 1550 rpm, 6.5 kW, 30 min of wear: far from every limit.
        var prediction = fixture.Model.Predict(new MachineRun(ProductQuality.Medium, 300.0, 310.0, 1550, 40, 30));

        Assert.False(prediction.IsFailureExpected);
        Assert.True(prediction.FailureProbability < 0.05, $"p {prediction.FailureProbability}");
        Assert.True(prediction.TopContributors.Sum(contributor => contributor.Contribution) < 0);
    }

    [Fact]
    public void Batch_and_single_predictions_agree()
    {
        var runs = fixture.Test.Take(20).Select(run => run.Run).ToArray();

        var batch = fixture.Model.PredictFailureProbabilities(runs);

        for (var index = 0; index < runs.Length; index++)
        {
            Assert.Equal(batch[index], fixture.Model.Predict(runs[index]).FailureProbability, 6);
        }
    }

    [Fact]
    public void Permutation_importance_ranks_a_rule_feature_first()
    {
        var importances = fixture.Model.PermutationImportance(fixture.Test, permutationCount: 1);

        Assert.Equal(FailureRiskFeatures.Names.Count, importances.Count);
        Assert.DoesNotContain(importances[0].Feature, new[] { "quality_low", "quality_medium", "quality_high", "air_temperature_k" });
        Assert.True(importances[0].PrAucDrop > 0.05, $"top drop {importances[0].PrAucDrop}");
    }

    [Fact]
    public void Training_is_reproducible_for_a_seed()
    {
        var again = FailureRiskModel.Train(fixture.Train, FailureRiskTrainingOptions.Quick);
        var runs = fixture.Test.Take(50).Select(run => run.Run).ToArray();

        Assert.Equal(fixture.Model.Threshold, again.Threshold);
        Assert.Equal(fixture.Model.PredictFailureProbabilities(runs), again.PredictFailureProbabilities(runs));
    }

    [Fact]
    public void Predictions_from_many_threads_match_the_sequential_ones()
    {
        var runs = fixture.Test.Take(64).Select(run => run.Run).ToArray();
        var sequential = runs.Select(run => fixture.Model.Predict(run).FailureProbability).ToArray();

        var parallel = new double[runs.Length];
        System.Threading.Tasks.Parallel.For(0, runs.Length, index => parallel[index] = fixture.Model.Predict(runs[index]).FailureProbability);

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Too_few_failures_for_cross_validation_is_a_clear_data_error()
    {
        var history = fixture.Train.Where(run => !run.MachineFailure).Take(200).Concat(fixture.Train.Where(run => run.MachineFailure).Take(2)).ToArray();

        var error = Assert.Throws<FailureRiskDataException>(() => FailureRiskModel.Train(history, FailureRiskTrainingOptions.Quick));

        Assert.Contains("2 positive", error.Message, StringComparison.Ordinal);
    }
}

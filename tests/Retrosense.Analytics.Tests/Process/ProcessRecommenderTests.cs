using System;
using System.Collections.Generic;
using System.Linq;
using Retrosense.Analytics.Process;

namespace Retrosense.Analytics.Tests.Process;

public sealed class ProcessRecommenderTests
{
    private static readonly Lazy<ProcessModel> FullModel = new(() => SyntheticProcess.Train(SyntheticProcess.Table(120, seed: 1)));

    /// <summary>The plant never ran near the optimum: speed 1.8..4.2 with force 3.8..6.2 is missing from the data.</summary>
    private static readonly Lazy<ProcessModel> HoleModel = new(() => SyntheticProcess.Train(
        SyntheticProcess.Table(120, seed: 2, exclude: (speed, force) => Math.Abs(speed - 3) < 1.2 && Math.Abs(force - 5) < 1.2)));

    private static readonly Dictionary<string, double> Moisture = new() { ["moisture"] = 0.5 };

    [Fact]
    public void Recovers_the_known_optimum_within_tolerance()
    {
        var recommendation = new ProcessRecommender(FullModel.Value).Recommend(new ProcessRecommendationRequest(
            Moisture, Current: new Dictionary<string, double> { ["speed"] = 1, ["force"] = 7 }));

        Assert.Equal(ProcessRecommendationStatus.Recommended, recommendation.Status);
        Assert.InRange(recommendation.Setpoints["speed"], SyntheticProcess.OptimumSpeed - 0.5, SyntheticProcess.OptimumSpeed + 0.5);
        Assert.InRange(recommendation.Setpoints["force"], SyntheticProcess.OptimumForce - 0.5, SyntheticProcess.OptimumForce + 0.5);
        var trueGain = SyntheticProcess.Quality(recommendation.Setpoints["speed"], recommendation.Setpoints["force"], 0.5) - SyntheticProcess.Quality(1, 7, 0.5);
        Assert.InRange(recommendation.Improvement!.Value, trueGain - 1.5, trueGain + 1.5);
        Assert.True(recommendation.Predicted!.IntervalLow < recommendation.Predicted.Value && recommendation.Predicted.Value < recommendation.Predicted.IntervalHigh);
        Assert.Contains(recommendation.Confidence, new[] { "high", "medium" });
    }

    [Fact]
    public void Never_leaves_the_bounds_even_when_the_optimum_lies_outside_them()
    {
        var bounds = new Dictionary<string, ProcessBounds> { ["speed"] = new(4, 5.5), ["force"] = new(2.5, 4) };
        var recommender = new ProcessRecommender(FullModel.Value);
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var recommendation = recommender.Recommend(new ProcessRecommendationRequest(Moisture, Bounds: bounds, Seed: seed));

            Assert.Equal(ProcessRecommendationStatus.Recommended, recommendation.Status);
            Assert.InRange(recommendation.Setpoints["speed"], 4, 5.5);
            Assert.InRange(recommendation.Setpoints["force"], 2.5, 4);

            // The best point in the box is its corner nearest the optimum (speed 4, force 4).
            Assert.InRange(recommendation.Setpoints["speed"], 4, 4.5);
            Assert.InRange(recommendation.Setpoints["force"], 3.5, 4);
        }
    }

    [Fact]
    public void Respects_step_limits_from_the_current_settings_and_moves_towards_the_optimum()
    {
        var current = new Dictionary<string, double> { ["speed"] = 0.8, ["force"] = 7.5 };
        var steps = new Dictionary<string, double> { ["speed"] = 0.5, ["force"] = 0.4 };

        var recommendation = new ProcessRecommender(FullModel.Value).Recommend(new ProcessRecommendationRequest(Moisture, current, MaxStep: steps));

        Assert.Equal(ProcessRecommendationStatus.Recommended, recommendation.Status);
        Assert.InRange(recommendation.Setpoints["speed"], 0.8 - 0.5, 0.8 + 0.5);
        Assert.InRange(recommendation.Setpoints["force"], 7.5 - 0.4, 7.5 + 0.4);
        Assert.True(recommendation.Setpoints["speed"] > 1.1, $"speed {recommendation.Setpoints["speed"]} should move up towards 3");
        Assert.True(recommendation.Setpoints["force"] < 7.2, $"force {recommendation.Setpoints["force"]} should move down towards 5");
        Assert.True(recommendation.Improvement!.Value > 0);
    }

    [Fact]
    public void Refuses_to_extrapolate_into_the_region_without_training_data()
    {
        var model = HoleModel.Value;
        var recommendation = new ProcessRecommender(model).Recommend(new ProcessRecommendationRequest(
            Moisture, Current: new Dictionary<string, double> { ["speed"] = 0.5, ["force"] = 2.5 }));

        Assert.Equal(ProcessRecommendationStatus.Recommended, recommendation.Status);
        var speed = recommendation.Setpoints["speed"];
        var force = recommendation.Setpoints["force"];
        Assert.False(Math.Abs(speed - 3) < 0.8 && Math.Abs(force - 5) < 0.8, $"recommended ({speed}, {force}) lies deep in the region the plant never ran");
        Assert.True(recommendation.SupportDistance <= recommendation.SupportLimit);
        var row = model.Standardise([speed, force, 0.5]);
        Assert.True(model.ControlSupport.Distance(row) <= model.ControlSupport.Limit);
    }

    [Fact]
    public void Says_so_when_no_setting_within_the_bounds_is_supported_by_data()
    {
        var bounds = new Dictionary<string, ProcessBounds> { ["speed"] = new(2.6, 3.4), ["force"] = new(4.6, 5.4) };

        var recommendation = new ProcessRecommender(HoleModel.Value).Recommend(new ProcessRecommendationRequest(
            Moisture, Current: new Dictionary<string, double> { ["speed"] = 0.5, ["force"] = 2.5 }, Bounds: bounds));

        Assert.Equal(ProcessRecommendationStatus.NoSupportedSetting, recommendation.Status);
        Assert.Equal("none", recommendation.Confidence);
        Assert.Contains("extrapolation", recommendation.Message, StringComparison.Ordinal);
        Assert.Equal(0.5, recommendation.Setpoints["speed"]);
    }

    [Fact]
    public void Refuses_conditions_unlike_the_training_data()
    {
        var recommendation = new ProcessRecommender(FullModel.Value).Recommend(new ProcessRecommendationRequest(
            new Dictionary<string, double> { ["moisture"] = 4 }, Current: new Dictionary<string, double> { ["speed"] = 1, ["force"] = 7 }));

        Assert.Equal(ProcessRecommendationStatus.UnsupportedConditions, recommendation.Status);
        Assert.Contains("unlike the training data", recommendation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_current_settings_when_they_are_already_optimal()
    {
        var current = new Dictionary<string, double> { ["speed"] = 3, ["force"] = 5 };
        var steps = new Dictionary<string, double> { ["speed"] = 0.3, ["force"] = 0.3 };

        var recommendation = new ProcessRecommender(FullModel.Value).Recommend(new ProcessRecommendationRequest(Moisture, current, MaxStep: steps));

        Assert.Equal(ProcessRecommendationStatus.NoConfidentImprovement, recommendation.Status);
        Assert.Equal(current, recommendation.Setpoints);
        Assert.Contains("No confident improvement", recommendation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown", "unknown condition 'unknown'")]
    [InlineData("speed", "'speed' is a control of this model, not a condition")]
    public void Rejects_conditions_that_are_not_the_models_conditions(string name, string expected)
    {
        var conditions = new Dictionary<string, double> { ["moisture"] = 0.5, [name] = 1 };
        var error = Assert.Throws<ProcessInputException>(() => new ProcessRecommender(FullModel.Value).Recommend(new ProcessRecommendationRequest(conditions)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_bounds_that_lie_outside_the_training_data()
    {
        var bounds = new Dictionary<string, ProcessBounds> { ["speed"] = new(10, 12) };
        var error = Assert.Throws<ProcessInputException>(() => new ProcessRecommender(FullModel.Value).Recommend(new ProcessRecommendationRequest(Moisture, Bounds: bounds)));
        Assert.Contains("lie outside the training data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_step_limits_without_current_settings()
    {
        var steps = new Dictionary<string, double> { ["speed"] = 0.5 };
        var error = Assert.Throws<ProcessInputException>(() => new ProcessRecommender(FullModel.Value).Recommend(new ProcessRecommendationRequest(Moisture, MaxStep: steps)));
        Assert.Contains("need the current settings", error.Message, StringComparison.Ordinal);
    }
}

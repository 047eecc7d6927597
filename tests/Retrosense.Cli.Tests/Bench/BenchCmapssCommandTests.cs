using System;
using System.Linq;
using System.Text.Json;
using Retrosense.Analytics.Tests.Rul.Cmapss;

namespace Retrosense.Cli.Tests.Bench;

public sealed class BenchCmapssCommandTests
{
    [Fact]
    public void A_six_condition_fleet_is_normalised_per_condition_and_its_rul_predicted_with_json_metrics()
    {
        using var folder = new TemporaryCmapssFolder();
        var (train, test, rul) = SyntheticCmapssFleet.Generate(trainUnits: 40, testUnits: 30, seed: 5);
        var trainPath = folder.Write("train_FD002_synthetic.txt", train);
        var testPath = folder.Write("test_FD002_synthetic.txt", test);
        var rulPath = folder.Write("RUL_FD002_synthetic.txt", rul);

        var run = CliRun.Of("bench", "cmapss", "--train", trainPath, "--test", testPath, "--rul", rulPath, "--cv-folds", "0", "--ensemble", "1", "--seed", "3", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StdoutLines.Single());
        var root = json.RootElement;
        Assert.Equal(6, root.GetProperty("operating_conditions").GetInt32());
        Assert.Equal(Enumerable.Range(6, 16), root.GetProperty("kept_sensors").EnumerateArray().Select(sensor => sensor.GetInt32()));
        Assert.Equal(30, root.GetProperty("units").GetInt32());
        Assert.Equal(3, root.GetProperty("seed").GetInt32());
        Assert.True(root.GetProperty("train_seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("predictions_per_second").GetDouble() > 0);
        Assert.Equal("long", root.GetProperty("chosen").GetProperty("features").GetString());

        // True RULs are 5–100 cycles: predicting their mean would give an RMSE near 27. The wear (amplitude 1) is buried
        // under offsets of 37+ per condition in the raw sensors, so a close prediction needs the per-condition normalisation.
        var rmse = root.GetProperty("rmse").GetDouble();
        Assert.InRange(rmse, 0, 15);
        Assert.InRange(root.GetProperty("mae").GetDouble(), 0, rmse);
        Assert.True(root.GetProperty("nasa_score").GetDouble() > 0);
    }

    [Fact]
    public void A_missing_file_is_bad_input_with_one_line_naming_it()
    {
        using var folder = new TemporaryCmapssFolder();
        var absent = System.IO.Path.Combine(folder.Path, "train_FD003.txt");

        var run = CliRun.Of("bench", "cmapss", "--train", absent, "--test", absent, "--rul", absent);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"retrosense bench cmapss: {absent}: file not found", run.StderrLines.Single());
    }

    [Fact]
    public void A_malformed_training_line_is_bad_input_with_its_line_number()
    {
        using var folder = new TemporaryCmapssFolder();
        var (train, test, rul) = SyntheticCmapssFleet.Generate(trainUnits: 3, testUnits: 2, seed: 1);
        var lines = train.Split('\n');
        lines[2] = "1 3 0.0 0.0 100.0 518.67";
        var trainPath = folder.Write("train.txt", string.Join('\n', lines));

        var run = CliRun.Of("bench", "cmapss", "--train", trainPath, "--test", folder.Write("test.txt", test), "--rul", folder.Write("rul.txt", rul));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("train.txt:3: expected 26 whitespace-separated numbers", run.StderrLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rul_file_with_a_value_missing_is_bad_input()
    {
        using var folder = new TemporaryCmapssFolder();
        var (train, test, rul) = SyntheticCmapssFleet.Generate(trainUnits: 3, testUnits: 4, seed: 1);
        var shortRul = string.Join('\n', rul.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(3));

        var run = CliRun.Of("bench", "cmapss", "--train", folder.Write("train.txt", train), "--test", folder.Write("test.txt", test), "--rul", folder.Write("rul.txt", shortRul), "--cv-folds", "0", "--ensemble", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("3 RUL values for 4 test units", run.StderrLines.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--cv-folds", "1", "--cv-folds must be 0 (no CV) or at least 2, got 1")]
    [InlineData("--ensemble", "0", "--ensemble must be 1 … 50, got 0")]
    [InlineData("--threads", "0", "--threads must be 1 … 64, got 0")]
    public void Out_of_range_options_are_bad_input_with_the_reason(string option, string value, string expected)
    {
        var run = CliRun.Of("bench", "cmapss", "--train", "a", "--test", "b", "--rul", "c", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"retrosense bench cmapss: {expected}", run.StderrLines.Single());
    }

    [Fact]
    public void Leaving_out_a_required_file_is_bad_input()
    {
        var run = CliRun.Of("bench", "cmapss", "--train", "a", "--test", "b");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--rul", run.StderrLines.Single(), StringComparison.Ordinal);
    }
}

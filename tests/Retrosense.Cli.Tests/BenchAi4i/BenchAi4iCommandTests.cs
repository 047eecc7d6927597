using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Retrosense.Recordings.Tests;
using Retrosense.Testing;

namespace Retrosense.Cli.Tests.BenchAi4i;

public sealed class BenchAi4iCommandTests : IDisposable
{
    private const string Header = "UDI,Product ID,Type,Air temperature [K],Process temperature [K],Rotational speed [rpm],Torque [Nm],Tool wear [min],Machine failure,TWF,HDF,PWF,OSF,RNF";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Bench_ai4i_prints_the_held_out_metrics_seed_and_throughput_as_json()
    {
        var data = RepositoryPaths.RequireDataFile("ai4i2020/ai4i2020.csv");

        // Quick settings: the test checks the report, the full benchmark's F1 is in the FailureRisk README.
        var run = CliRun.Of("bench", "ai4i", "--data", data, "--trees", "60", "--folds", "3", "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var report = JsonDocument.Parse(run.Stdout);
        var root = report.RootElement;
        Assert.Equal(42, root.GetProperty("seed").GetInt32());
        Assert.Equal(2000, root.GetProperty("test_rows").GetInt32());
        Assert.Equal(68, root.GetProperty("test_failures").GetInt32());
        Assert.True(root.GetProperty("f1").GetDouble() >= 0.8, $"f1 {root.GetProperty("f1").GetDouble()}");
        Assert.InRange(root.GetProperty("pr_auc").GetDouble(), 0.7, 1);
        foreach (var metric in new[] { "accuracy", "precision", "recall", "roc_auc", "brier", "brier_ml_net_in_sample_platt", "ece", "threshold" })
        {
            Assert.InRange(root.GetProperty(metric).GetDouble(), 0, 1);
        }

        var confusion = root.GetProperty("confusion_matrix");
        Assert.Equal(68, confusion.GetProperty("true_positives").GetInt32() + confusion.GetProperty("false_negatives").GetInt32());
        Assert.Equal(["HDF", "OSF", "PWF", "RNF", "TWF"], root.GetProperty("per_mode").EnumerateObject().Select(mode => mode.Name).Order(StringComparer.Ordinal));
        var features = root.GetProperty("features").EnumerateArray().Select(feature => feature.GetString()).ToArray();
        Assert.DoesNotContain(features, feature => feature is "TWF" or "HDF" or "PWF" or "OSF" or "RNF" or "machine_failure" or "UDI" or "Product ID");
        Assert.NotEmpty(root.GetProperty("top_importances").EnumerateArray());
        Assert.NotEmpty(root.GetProperty("example_explanation").GetProperty("top_contributors").EnumerateArray());
        Assert.True(root.GetProperty("train_seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("predictions_per_second").GetDouble() > 0);
    }

    [Fact]
    public void Missing_data_file_is_bad_input()
    {
        AssertBadInput(CliRun.Of("bench", "ai4i", "--data", _folder.Path + "/absent.csv"), "absent.csv");
    }

    [Fact]
    public void Missing_column_is_bad_input_naming_the_column()
    {
        var path = _folder.WriteText("no-torque.csv", Header.Replace(",Torque [Nm]", string.Empty, StringComparison.Ordinal) + "\n1,M1,M,298.1,308.6,1551,0,0,0,0,0,0,0\n");

        AssertBadInput(CliRun.Of("bench", "ai4i", "--data", path), "missing column 'Torque [Nm]'");
    }

    [Fact]
    public void Non_numeric_value_is_bad_input_naming_line_and_column()
    {
        var path = _folder.WriteText("text.csv", Header + "\n1,M1,M,298.1,308.6,fast,42.8,0,0,0,0,0,0,0\n");

        AssertBadInput(CliRun.Of("bench", "ai4i", "--data", path), "line 2: column 'Rotational speed [rpm]' is 'fast', not a finite number");
    }

    [Fact]
    public void Too_few_failures_for_the_split_is_bad_input()
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var row = 1; row <= 100; row++)
        {
            csv.Append(row).Append(",M").Append(row).Append(",M,298.1,308.6,1551,42.8,0,").Append(row <= 3 ? "1,0,1,0,0,0" : "0,0,0,0,0,0").Append('\n');
        }

        var path = _folder.WriteText("few.csv", csv.ToString());

        AssertBadInput(CliRun.Of("bench", "ai4i", "--data", path), "100 rows with 3 failures");
    }

    [Theory]
    [InlineData("--calibration", "sigmoid", "unknown --calibration 'sigmoid': use platt or isotonic")]
    [InlineData("--trees", "0", "--trees must be at least 1, got 0")]
    [InlineData("--folds", "1", "--folds must be at least 2, got 1")]
    [InlineData("--learning-rate", "2", "--learning-rate must be in (0, 1], got 2")]
    public void Bad_option_values_are_bad_input(string option, string value, string expected)
    {
        var path = _folder.WriteText("one.csv", Header + "\n1,M1,M,298.1,308.6,1551,42.8,0,0,0,0,0,0,0\n");

        AssertBadInput(CliRun.Of("bench", "ai4i", "--data", path, option, value), expected);
    }

    private static void AssertBadInput(CliRun run, string expected)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("retrosense bench ai4i: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}

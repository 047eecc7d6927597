using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Retrosense.Recordings.Tests;
using Retrosense.Testing;

namespace Retrosense.Cli.Tests.Training;

public sealed class TrainCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Train_Then_Evaluate_A_Semicolon_Crlf_Csv_End_To_End()
    {
        var data = _folder.WriteText("plant.csv", TrainingCsv.Generate(240, ';', "\r\n"));
        var package = Path.Combine(_folder.Path, "package");

        var train = CliRun.Of("train", "--data", data, "--task", "binary", "--label", "failure", "--features", "load,temperature", "--features", "kind", "--out", package, "--json", "--seed", "3", "--trainers", "LightGbm,FastTree", "--by", "tester");
        var evaluate = CliRun.Of("evaluate", "--model", package, "--data", data, "--json");

        Assert.Equal(0, train.ExitCode);
        using var metadata = JsonDocument.Parse(train.Stdout);
        var root = metadata.RootElement;
        Assert.Equal(3, root.GetProperty("seed").GetInt32());
        Assert.Equal("tester", root.GetProperty("created_by").GetString());
        Assert.Equal("binary", root.GetProperty("schema").GetProperty("task").GetString());
        Assert.Equal(3, root.GetProperty("schema").GetProperty("features").GetArrayLength());
        Assert.Equal(48, root.GetProperty("metrics").GetProperty("row_count").GetInt32());
        Assert.True(root.GetProperty("metrics").GetProperty("binary").GetProperty("roc_auc").GetDouble() > 0.9);
        Assert.True(root.GetProperty("metrics").GetProperty("train_seconds").GetDouble() > 0);
        Assert.True(File.Exists(Path.Combine(package, "model.zip")));
        Assert.Equal(File.ReadAllText(Path.Combine(package, "model.json")).Trim(), train.Stdout.Trim());

        // Progress goes to stderr, one plain line per step when stderr is not a terminal.
        Assert.Contains(train.StderrLines, line => line.StartsWith("retrosense train: [1/", StringComparison.Ordinal));

        Assert.Equal(0, evaluate.ExitCode);
        using var report = JsonDocument.Parse(evaluate.Stdout);
        Assert.Equal(240, report.RootElement.GetProperty("row_count").GetInt32());
        Assert.True(report.RootElement.GetProperty("binary").GetProperty("f1").GetDouble() > 0.8);
        Assert.True(report.RootElement.GetProperty("predictions_per_second").GetDouble() > 0);
    }

    [Fact]
    public void Readable_Report_Names_The_Search_The_Choice_And_The_Held_Out_Metrics()
    {
        var data = _folder.WriteText("plant.csv", TrainingCsv.Generate(200));

        var run = CliRun.Of("train", "--data", data, "--task", "regression", "--label", "wear", "--out", Path.Combine(_folder.Path, "p"), "--trainers", "Sdca,FastTree", "--folds", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("regression model of 'wear' from", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("note: column 'note' skipped: text with 200 distinct values", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("search by rmse (mean over folds)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  mae ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(" r2 ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("train_seconds", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("split: random: 160 training rows, 40 held out; 2-fold cross-validation; seed 1", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Grouped_Training_Holds_Whole_Machines_Out()
    {
        var data = _folder.WriteText("plant.csv", TrainingCsv.Generate(240));

        var run = CliRun.Of("train", "--data", data, "--task", "binary", "--label", "failure", "--features", "load,temperature,kind", "--group", "machine", "--out", Path.Combine(_folder.Path, "p"), "--trainers", "LightGbm", "--json");

        Assert.Equal(0, run.ExitCode);
        using var metadata = JsonDocument.Parse(run.Stdout);
        Assert.Equal("whole groups held out", metadata.RootElement.GetProperty("training_data").GetProperty("split").GetString());
        Assert.Equal("machine", metadata.RootElement.GetProperty("group_column").GetString());
        Assert.Equal(0, metadata.RootElement.GetProperty("training_data").GetProperty("held_out_rows").GetInt32() % 40);
    }

    [Fact]
    public void Trains_Machine_Failure_On_Ai4i_Without_The_Failure_Mode_Columns()
    {
        var data = RepositoryPaths.RequireDataFile("ai4i2020/ai4i2020.csv");
        var package = Path.Combine(_folder.Path, "ai4i");

        // One trainer and two folds keep this test to seconds; the full search is what `retrosense train` runs by default.
        var train = CliRun.Of("train", "--data", data, "--task", "binary", "--label", "Machine failure", "--features", "Type,Air temperature [K],Process temperature [K],Rotational speed [rpm],Torque [Nm],Tool wear [min]", "--out", package, "--trainers", "LightGbm", "--folds", "2", "--json");

        Assert.Equal(0, train.ExitCode);
        using var metadata = JsonDocument.Parse(train.Stdout);
        var root = metadata.RootElement;
        var features = root.GetProperty("schema").GetProperty("features").EnumerateArray().Select(feature => feature.GetProperty("name").GetString()).ToArray();
        Assert.DoesNotContain(features, name => name is "TWF" or "HDF" or "PWF" or "OSF" or "RNF" or "UDI" or "Product ID");
        var binary = root.GetProperty("metrics").GetProperty("binary");
        Assert.Equal(2000, binary.GetProperty("row_count").GetInt32());
        Assert.Equal(68, binary.GetProperty("positive_count").GetInt32());
        Assert.True(binary.GetProperty("roc_auc").GetDouble() > 0.95, binary.ToString());
        Assert.True(binary.GetProperty("pr_auc").GetDouble() > 0.7, binary.ToString());
        Assert.Equal(10_000, root.GetProperty("training_data").GetProperty("rows").GetInt32());

        var evaluate = CliRun.Of("evaluate", "--model", package, "--data", data);
        Assert.Equal(0, evaluate.ExitCode);
        Assert.Contains("pr_auc", evaluate.Stdout, StringComparison.Ordinal);
    }
}

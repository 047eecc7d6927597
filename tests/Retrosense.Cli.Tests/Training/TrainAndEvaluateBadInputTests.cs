using System;
using System.IO;
using System.Linq;
using Retrosense.Recordings.Tests;

namespace Retrosense.Cli.Tests.Training;

public sealed class TrainAndEvaluateBadInputTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly string _data;
    private readonly string _out;

    public TrainAndEvaluateBadInputTests()
    {
        _data = _folder.WriteText("plant.csv", TrainingCsv.Generate(60));
        _out = Path.Combine(_folder.Path, "package");
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Missing_Label_Column()
    {
        AssertBadInput(Train("--label", "broken"), "plant.csv: column 'broken': no such column; the file has: id, machine, load, temperature, kind, note, failure, wear");
    }

    [Fact]
    public void All_Constant_Feature_Column()
    {
        var path = _folder.WriteText("constant.csv", "x,same,y\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"{i},5,{i % 2}\n")));

        AssertBadInput(CliRun.Of("train", "--data", path, "--task", "binary", "--label", "y", "--features", "x,same", "--out", _out), "constant.csv: column 'same': holds the same value (5) in every row: it cannot help a model");
    }

    [Fact]
    public void Non_Numeric_Value_In_A_Numeric_Column()
    {
        var text = TrainingCsv.Generate(40).Replace("\n7,m1,", "\n7,m1,heavy", StringComparison.Ordinal);
        var path = _folder.WriteText("typo.csv", text);

        AssertBadInput(CliRun.Of("train", "--data", path, "--task", "regression", "--label", "wear", "--features", "load", "--out", _out), "typo.csv: line 9, column 'load': 'heavy0.");
    }

    [Fact]
    public void Non_Numeric_Regression_Label_Names_The_Line()
    {
        var lines = TrainingCsv.Generate(40).Split('\n');
        lines[5] = lines[5][..lines[5].LastIndexOf(',')] + ",n/a-ish";
        var path = _folder.WriteText("label.csv", string.Join('\n', lines));

        AssertBadInput(CliRun.Of("train", "--data", path, "--task", "regression", "--label", "wear", "--features", "load", "--out", _out), "label.csv: line 6, column 'wear': 'n/a-ish' is not a number");
    }

    [Fact]
    public void Too_Few_Rows_For_The_Split()
    {
        var path = _folder.WriteText("few.csv", "x,y\n1,0\n2,1\n3,0\n");

        AssertBadInput(CliRun.Of("train", "--data", path, "--task", "binary", "--label", "y", "--out", _out), "few.csv: too few rows for the split: 3 data rows, training needs at least 10");
    }

    [Fact]
    public void Label_With_One_Class()
    {
        var path = _folder.WriteText("one.csv", "x,y\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"{i},ok\n")));

        AssertBadInput(CliRun.Of("train", "--data", path, "--task", "binary", "--label", "y", "--out", _out), "one.csv: column 'y': the label has one class ('ok') in every row: a classifier needs at least two");
    }

    [Fact]
    public void Ragged_Csv()
    {
        var path = _folder.WriteText("ragged.csv", "x,y\n1,0\n2\n");

        AssertBadInput(CliRun.Of("train", "--data", path, "--task", "binary", "--label", "y", "--out", _out), "ragged.csv: line 3: 1 fields where the header has 2");
    }

    [Fact]
    public void Empty_File()
    {
        var path = _folder.WriteText("empty.csv", string.Empty);

        AssertBadInput(CliRun.Of("train", "--data", path, "--task", "binary", "--label", "y", "--out", _out), "empty.csv: empty file: no header row");
    }

    [Fact]
    public void Missing_Data_File()
    {
        AssertBadInput(Train("--data", Path.Combine(_folder.Path, "absent.csv")), "absent.csv: file not found");
    }

    [Theory]
    [InlineData("--task", "cluster", "unknown --task 'cluster': use binary, multiclass, regression or anomaly")]
    [InlineData("--folds", "1", "--folds must be 2 to 10, got 1")]
    [InlineData("--trainers", "Xgboost", "unknown --trainers Xgboost for --task binary: use FastTree, LightGbm, FastForest, SdcaLogisticRegression, LbfgsLogisticRegression")]
    public void Bad_Options(string option, string value, string expected)
    {
        AssertBadInput(Train(option, value), expected);
    }

    [Fact]
    public void Label_Is_Required_Except_For_Anomaly()
    {
        AssertBadInput(CliRun.Of("train", "--data", _data, "--task", "regression", "--out", _out), "--label is required for --task regression");
    }

    [Fact]
    public void Evaluate_Data_Without_A_Model_Column()
    {
        Assert.Equal(0, Train().ExitCode);
        var path = _folder.WriteText("new.csv", "load,kind,failure\n0.5,A,1\n");

        AssertBadInput(CliRun.Of("evaluate", "--model", _out, "--data", path), "new.csv: the model needs column 'temperature'; the file has: load, kind, failure");
    }

    [Fact]
    public void Evaluate_Data_Without_The_Label()
    {
        Assert.Equal(0, Train().ExitCode);
        var path = _folder.WriteText("unlabelled.csv", "load,temperature,kind\n0.5,40,A\n");

        AssertBadInput(CliRun.Of("evaluate", "--model", _out, "--data", path), "unlabelled.csv: the label column 'failure' is missing: evaluating needs labelled rows");
    }

    [Fact]
    public void Evaluate_A_Folder_That_Is_No_Package()
    {
        AssertBadInput(CliRun.Of("evaluate", "--model", _folder.Path, "--data", _data), "not a model package (it needs model.json and model.zip)");
    }

    /// <summary>A valid binary training run with <paramref name="overrides"/> replacing options of the same name.</summary>
    private CliRun Train(params string[] overrides)
    {
        var options = new System.Collections.Generic.Dictionary<string, string>
        {
            ["--data"] = _data, ["--task"] = "binary", ["--label"] = "failure", ["--features"] = "load,temperature,kind", ["--out"] = _out, ["--trainers"] = "FastTree", ["--folds"] = "2",
        };
        for (var i = 0; i + 1 < overrides.Length; i += 2)
        {
            options[overrides[i]] = overrides[i + 1];
        }

        var args = new System.Collections.Generic.List<string> { "train" };
        foreach (var (name, value) in options)
        {
            args.Add(name);
            args.Add(value);
        }

        return CliRun.Of(args.ToArray());
    }

    private static void AssertBadInput(CliRun run, string expectedFragment)
    {
        Assert.Equal(CliExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("retrosense ", line, StringComparison.Ordinal);
        Assert.Contains(expectedFragment, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }
}

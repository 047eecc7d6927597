using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Retrosense.Recordings.Tests;
using Retrosense.Testing;

namespace Retrosense.Cli.Tests.Bench;

public sealed class BenchBearingCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Trained_On_Large_Faults_And_The_Second_Half_Of_Normal_It_Prints_The_Metrics_As_Json()
    {
        string File(string name) => RepositoryPaths.RequireDataFile("bearing/" + name + ".mat");

        var run = CliRun.Of(
            "bench", "bearing",
            "--train", File("B021_0"), File("IR021_0"), File("OR021@6_0"), File("Normal_0"),
            "--test", File("B007_0"), File("IR007_0"), File("OR007@6_0"), File("Normal_0"),
            "--shared-file-train-half", "second", "--seed", "7", "--json");

        Assert.Equal(CliExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        using var json = JsonDocument.Parse(Assert.Single(run.StdoutLines));
        var root = json.RootElement;
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.True(root.GetProperty("accuracy").GetDouble() >= 0.95, root.GetProperty("accuracy").ToString());
        Assert.InRange(root.GetProperty("macro_f1").GetDouble(), 0.9, 1.0);
        foreach (var label in new[] { "normal", "inner_race", "outer_race", "ball" })
        {
            Assert.InRange(root.GetProperty("per_class_recall").GetProperty(label).GetDouble(), 0.0, 1.0);
            Assert.True(root.GetProperty("windows_per_class").GetProperty("test").GetProperty(label).GetInt32() > 0);
        }

        var matrix = root.GetProperty("confusion_matrix").GetProperty("counts").EnumerateArray().Select(row => row.EnumerateArray().Sum(cell => cell.GetInt32())).ToArray();
        Assert.Equal([7, 29, 29, 29], matrix);
        Assert.True(root.GetProperty("train_seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("predictions_per_second").GetDouble() > 0);
        var normalTest = root.GetProperty("test_files").EnumerateArray().Single(file => file.GetProperty("label").GetString() == "normal");
        Assert.Equal("first_half", normalTest.GetProperty("part").GetString());
        Assert.Equal(48_000, normalTest.GetProperty("sample_rate_hz").GetDouble());
        Assert.Equal(4, normalTest.GetProperty("decimation_factor").GetInt32());
    }

    [Fact]
    public void A_File_Name_That_Carries_No_Label_Is_Bad_Input()
    {
        var unlabelled = Mat("recording.mat", "X105_DE_time");

        AssertBadInput(CliRun.Of("bench", "bearing", "--train", unlabelled, "--test", unlabelled), "cannot tell the bearing condition from the file name 'recording'");
    }

    [Fact]
    public void A_File_Without_A_Drive_End_Signal_Is_Bad_Input()
    {
        var fanEndOnly = Mat("IR007_0.mat", "X105_FE_time");

        AssertBadInput(CliRun.Of("bench", "bearing", "--train", fanEndOnly, "--test", Mat("B007_0.mat", "X118_DE_time")), "no drive-end signal (a vector variable named *_DE_time); the file has X105_FE_time");
    }

    [Fact]
    public void A_File_Whose_Rate_Cannot_Be_Told_Is_Bad_Input_Until_The_Rate_Is_Given()
    {
        var unknown = Mat("IR007_0.mat", "X999_DE_time");

        AssertBadInput(CliRun.Of("bench", "bearing", "--train", unknown, "--test", unknown), "cannot tell the sample rate (CWRU file 999 is not in the catalogue, no 12k/48k folder): give it as IR007_0=HZ");

        // Given the rate, the file reads; the run then stops at the next problem: the training side lacks three classes.
        AssertBadInput(
            CliRun.Of("bench", "bearing", "--train", unknown, "--test", unknown, "--rate", "IR007_0=12000"),
            "the training files have no normal, outer_race, ball recording");
    }

    [Fact]
    public void A_Fan_End_Fault_Recording_Is_Refused_Because_Its_Defect_Is_Not_At_The_Drive_End()
    {
        var fanEnd = Mat("IR007_0.mat", "X278_DE_time");

        AssertBadInput(CliRun.Of("bench", "bearing", "--train", fanEnd, "--test", fanEnd), "CWRU file 278 is from the \"12k Fan End\" set");
    }

    [Fact]
    public void Training_Recordings_Too_Short_To_Cross_Validate_Are_Bad_Input()
    {
        // Each file is 8192 samples at 12 kHz (the 48 kHz normal file four times as many, plus the decimation filter's length): named on both sides, each half holds a single 4096-sample window.
        string[] files = [Mat("Normal_0.mat", "X097_DE_time", samples: (4 * 8192) + 160), Mat("IR007_0.mat", "X105_DE_time"), Mat("OR007@6_0.mat", "X130_DE_time"), Mat("B007_0.mat", "X118_DE_time")];

        AssertBadInput(
            CliRun.Of(["bench", "bearing", "--train", .. files, "--test", .. files]),
            "gives 1 window(s): cross-validation needs at least two per training recording");
    }

    [Fact]
    public void A_Missing_File_Is_Bad_Input()
    {
        AssertBadInput(CliRun.Of("bench", "bearing", "--train", _folder.Path + "/B007_0.mat", "--test", _folder.Path + "/B021_0.mat"), "B007_0.mat: file not found");
    }

    [Theory]
    [InlineData("--window", "1000", "--window must be a power of two of at least 256, got 1000")]
    [InlineData("--rate", "IR007_0", "--rate must be NAME=HZ with a positive rate, got 'IR007_0'")]
    [InlineData("--rate", "IR007_0=-5", "--rate must be NAME=HZ with a positive rate, got 'IR007_0=-5'")]
    [InlineData("--shared-file-train-half", "middle", "--shared-file-train-half must be first or second, got 'middle'")]
    public void A_Bad_Option_Value_Is_Bad_Input(string option, string value, string expected)
    {
        var file = Mat("B007_0.mat", "X118_DE_time");

        AssertBadInput(CliRun.Of("bench", "bearing", "--train", file, "--test", file, option, value), expected);
    }

    [Fact]
    public void Leaving_Out_The_Test_Files_Is_Bad_Input()
    {
        AssertBadInput(CliRun.Of("bench", "bearing", "--train", Mat("B007_0.mat", "X118_DE_time")), "--test");
    }

    // A one-channel CWRU-like MAT-file: a 1 kHz tone in g (8192 samples unless told), plus the RPM scalar.
    private string Mat(string name, string variable, int samples = 8192)
    {
        var signal = Enumerable.Range(0, samples).Select(i => 0.1 * Math.Sin(2 * Math.PI * 1000 * i / 12_000.0)).ToArray();
        var number = variable[1..variable.IndexOf('_', StringComparison.Ordinal)];
        return _folder.Write(name, MatTestFileWriter.Level5(false, false, new TestMatrix(variable, signal.Length, 1, signal), new TestMatrix($"X{number}RPM", 1, 1, [1797])));
    }

    private static void AssertBadInput(CliRun run, string expectedFragment)
    {
        Assert.Equal(CliExitCodes.BadInput, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("retrosense", line, StringComparison.Ordinal);
        Assert.Contains(expectedFragment, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }
}

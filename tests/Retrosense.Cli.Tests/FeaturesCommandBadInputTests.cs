using System;
using System.Linq;
using System.Text;
using Retrosense.Recordings.Tests;

namespace Retrosense.Cli.Tests;

public sealed class FeaturesCommandBadInputTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly string _csv;
    private readonly string _mat;

    public FeaturesCommandBadInputTests()
    {
        var csv = new StringBuilder("time,ax\n");
        for (var i = 0; i < 1024; i++)
        {
            csv.Append(i).Append(',').Append((i % 7) * 0.01).Append('\n');
        }

        _csv = _folder.WriteText("signal.csv", csv.ToString());
        var samples = Enumerable.Range(0, 1024).Select(i => Math.Sin(i * 0.1)).ToArray();
        _mat = _folder.Write("signal.mat", MatTestFileWriter.Level5(false, false, new TestMatrix("accel", 1024, 1, samples)));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Missing_Input_File()
    {
        AssertBadInput(CliRun.Of("features", "--input", _folder.Path + "/absent.csv", "--rate", "1000"), "absent.csv' not found");
    }

    [Fact]
    public void Unknown_Csv_Column()
    {
        AssertBadInput(CliRun.Of("features", "--input", _csv, "--rate", "1000", "--column", "az", "--window", "256"), "column 'az' not found; the file has: time, ax");
    }

    [Fact]
    public void Unknown_Mat_Variable()
    {
        AssertBadInput(CliRun.Of("features", "--input", _mat, "--rate", "1000", "--variable", "X", "--window", "256"), "variable 'X' not found; the file has: accel");
    }

    [Fact]
    public void Non_Numeric_Cell()
    {
        var path = _folder.WriteText("bad.csv", "ax\n1\nabc\n");

        AssertBadInput(CliRun.Of("features", "--input", path, "--rate", "1000"), "line 3, column 'ax': 'abc' is not a number");
    }

    [Theory]
    [InlineData("0", "--rate must be a positive number of Hz, got 0")]
    [InlineData("-100", "--rate must be a positive number of Hz, got -100")]
    [InlineData("NaN", "--rate must be a positive number of Hz, got NaN")]
    [InlineData("abc", "'abc' for option '--rate'")]
    public void Rate_Not_A_Positive_Number(string rate, string expected)
    {
        AssertBadInput(CliRun.Of("features", "--input", _csv, "--rate", rate, "--window", "256"), expected);
    }

    [Theory]
    [InlineData("1000", "--window must be a power of two of at least 256, got 1000")]
    [InlineData("128", "--window must be a power of two of at least 256, got 128")]
    [InlineData("2048", "--window 2048 is larger than the signal (1024 samples in ax)")]
    public void Window_Not_A_Power_Of_Two_Or_Larger_Than_The_Signal(string window, string expected)
    {
        AssertBadInput(CliRun.Of("features", "--input", _csv, "--rate", "1000", "--column", "ax", "--window", window), expected);
    }

    [Fact]
    public void Unknown_Foundation()
    {
        AssertBadInput(CliRun.Of("features", "--input", _csv, "--rate", "1000", "--window", "256", "--foundation", "soft"), "unknown --foundation 'soft': use rigid or flexible");
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    public void Machine_Group_Not_1_Or_2(string group)
    {
        AssertBadInput(CliRun.Of("features", "--input", _csv, "--rate", "1000", "--window", "256", "--machine-group", group), $"--machine-group must be 1 or 2, got {group}");
    }

    [Fact]
    public void Negative_Rpm()
    {
        AssertBadInput(CliRun.Of("features", "--input", _csv, "--rate", "1000", "--window", "256", "--rpm", "-1"), "--rpm must be a number of at least 0, got -1");
    }

    [Fact]
    public void Both_Column_And_Variable()
    {
        AssertBadInput(CliRun.Of("features", "--input", _mat, "--rate", "1000", "--column", "ax", "--variable", "accel"), "either --column (CSV) or --variable (.mat), not both");
    }

    [Fact]
    public void Malformed_Bearing_Geometry()
    {
        AssertBadInput(CliRun.Of("features", "--input", _csv, "--rate", "1000", "--window", "256", "--bearing", "9,7.94"), "--bearing must be COUNT,BALL_MM,PITCH_MM,ANGLE_DEG");
    }

    [Theory]
    [InlineData("1400,500")]
    [InlineData("100,600")]
    [InlineData("abc")]
    public void Envelope_Band_Not_Inside_Half_The_Sample_Rate(string band)
    {
        AssertBadInput(CliRun.Of("features", "--input", _csv, "--rate", "1000", "--window", "256", "--envelope-band", band), $"--envelope-band must be LOW_HZ,HIGH_HZ with 0 < low < high <= half the sample rate, got '{band}'");
    }

    [Fact]
    public void Matrix_Variable_Is_Not_A_Signal()
    {
        var path = _folder.Write("matrix.mat", MatTestFileWriter.Level5(false, false, new TestMatrix("m", 2, 512, new double[1024])));

        AssertBadInput(CliRun.Of("features", "--input", path, "--rate", "1000", "--variable", "m", "--window", "256"), "variable 'm' is 2×512: a signal must be a vector");
    }

    [Fact]
    public void Missing_Required_Options_Is_A_Parse_Error()
    {
        AssertBadInput(CliRun.Of("features"), "Option '--input' is required.");
    }

    [Fact]
    public void Unknown_Option_Is_A_Parse_Error()
    {
        AssertBadInput(CliRun.Of("features", "--input", _csv, "--rate", "1000", "--frobnicate"), "'--frobnicate'");
    }

    [Fact]
    public void No_Verb_Is_A_Parse_Error()
    {
        AssertBadInput(CliRun.Of(), "Required command was not provided.");
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

using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Retrosense.Recordings.Tests;
using Retrosense.Testing;

namespace Retrosense.Cli.Tests;

public sealed class FeaturesCommandOutputTests : IDisposable
{
    /// <summary>Standard gravity, m/s² per g (ISO 80000-3), to turn g into velocity analytically.</summary>
    private const double StandardGravity = 9.80665;

    private static readonly string[] FeatureFields =
    [
        "window", "start_s", "rms_g", "peak_g", "p2p_g", "crest", "kurtosis", "skewness", "vel_rms_mm_s", "dominant_hz",
        "env_rms_g", "env_bpfo_g", "env_bpfi_g", "env_bsf_g", "env_ftf_g", "zone",
    ];

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Velocity RMS of a sine of amplitude A g at f Hz: A·g₀ / (2πf) / √2, in mm/s.</summary>
    private static double SineVelocityRmsMmPerSecond(double amplitudeG, double frequencyHz) =>
        amplitudeG * StandardGravity / (2 * Math.PI * frequencyHz) / Math.Sqrt(2) * 1000;

    [Theory]
    [InlineData(3200, 4096)]
    [InlineData(10000, 4096)]
    [InlineData(12000, 2048)]
    public void Sine_Of_100_Hz_Gives_The_Analytic_Velocity_Rms_Within_2_Percent(int rateHz, int window)
    {
        const double amplitudeG = 0.2;
        var path = WriteSineCsv(amplitudeG, 100, rateHz, window * 3);

        var run = CliRun.Of("features", "--input", path, "--rate", rateHz.ToString(CultureInfo.InvariantCulture), "--column", "ax", "--window", window.ToString(CultureInfo.InvariantCulture), "--json");

        Assert.Equal(CliExitCodes.Success, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        var expected = SineVelocityRmsMmPerSecond(amplitudeG, 100);
        Assert.Equal(3, run.StdoutLines.Length);
        foreach (var line in run.StdoutLines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.Equal(FeatureFields, root.EnumerateObject().Select(property => property.Name));
            Assert.InRange(root.GetProperty("vel_rms_mm_s").GetDouble(), expected * 0.98, expected * 1.02);
            Assert.InRange(root.GetProperty("rms_g").GetDouble(), amplitudeG / Math.Sqrt(2) * 0.99, amplitudeG / Math.Sqrt(2) * 1.01);
            Assert.InRange(root.GetProperty("dominant_hz").GetDouble(), 100 - (2.0 * rateHz / window), 100 + (2.0 * rateHz / window));

            // 2.2 mm/s lies between the group 2 rigid boundaries A/B 1.4 and B/C 2.8 (ISO 10816-3 Table A.1).
            Assert.Equal("B", root.GetProperty("zone").GetString());
        }
    }

    [Fact]
    public void Window_Index_And_Start_Time_Count_Up_Through_The_Recording()
    {
        var path = WriteSineCsv(0.1, 50, 1000, 1024 + 100);

        var run = CliRun.Of("features", "--input", path, "--column", "ax", "--rate", "1000", "--window", "256", "--json");

        var lines = run.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(i, lines[i].GetProperty("window").GetInt32());
            Assert.Equal(i * 0.256, lines[i].GetProperty("start_s").GetDouble(), 9);
        }
    }

    [Fact]
    public void Low_Rpm_Widens_The_Velocity_Band_Down_To_2_Hz()
    {
        // A 5 Hz sine is outside the 10–1000 Hz band of a normal-speed machine and inside the 2–1000 Hz band ISO 10816-3 uses below 600 rpm.
        const double amplitudeG = 0.01;
        var path = WriteSineCsv(amplitudeG, 5, 1000, 4096);

        var slow = VelocityOfFirstWindow(CliRun.Of("features", "--input", path, "--column", "ax", "--rate", "1000", "--rpm", "300", "--json"));
        var fast = VelocityOfFirstWindow(CliRun.Of("features", "--input", path, "--column", "ax", "--rate", "1000", "--rpm", "1500", "--json"));

        var expected = SineVelocityRmsMmPerSecond(amplitudeG, 5);
        Assert.InRange(slow, expected * 0.98, expected * 1.02);
        Assert.True(fast < expected * 0.05, $"5 Hz should be outside the 10 Hz band: {fast} mm/s vs {expected} mm/s in band");
    }

    [Fact]
    public void Mat_File_Without_Variable_Takes_The_Drive_End_Channel()
    {
        const int samples = 1024;
        var quiet = Enumerable.Range(0, samples).Select(i => 0.01 * Math.Sin(2 * Math.PI * 100 * i / 3200.0)).ToArray();
        var loud = Enumerable.Range(0, samples).Select(i => 0.5 * Math.Sin(2 * Math.PI * 100 * i / 3200.0)).ToArray();
        var path = _folder.Write("rig.mat", MatTestFileWriter.Level5(
            false,
            true,
            new TestMatrix("X001RPM", 1, 1, [1797], StoredType: 4),
            new TestMatrix("X001_FE_time", samples, 1, quiet),
            new TestMatrix("X001_DE_time", samples, 1, loud)));

        var run = CliRun.Of("features", "--input", path, "--rate", "3200", "--window", "1024", "--json");

        Assert.Equal(CliExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(Assert.Single(run.StdoutLines));
        Assert.InRange(json.RootElement.GetProperty("rms_g").GetDouble(), 0.5 / Math.Sqrt(2) * 0.99, 0.5 / Math.Sqrt(2) * 1.01);
    }

    [Fact]
    public void Table_Output_Has_A_Summary_A_Header_And_One_Row_Per_Window()
    {
        var path = WriteSineCsv(0.1, 50, 1000, 768);

        var run = CliRun.Of("features", "--input", path, "--column", "ax", "--rate", "1000", "--window", "256");

        Assert.Equal(CliExitCodes.Success, run.ExitCode);
        var lines = run.StdoutLines;
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("# ", lines[0], StringComparison.Ordinal);
        Assert.Contains("3 windows of 256", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("window", lines[1].TrimStart(), StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line => Assert.Equal(lines[1].Length, line.Length));
    }

    [Theory]
    [InlineData("bearing/IR007_0.mat", 12000, 4096, 121_265)]
    [InlineData("bearing/Normal_0.mat", 48000, 8192, 243_938)]
    public void Cwru_Recording_Gives_One_Line_Per_Complete_Window(string file, int rateHz, int window, int samples)
    {
        var path = RepositoryPaths.RequireDataFile(file);

        var run = CliRun.Of("features", "--input", path, "--rate", rateHz.ToString(CultureInfo.InvariantCulture), "--window", window.ToString(CultureInfo.InvariantCulture), "--json");

        Assert.Equal(CliExitCodes.Success, run.ExitCode);
        Assert.Equal(samples / window, run.StdoutLines.Length);
        foreach (var line in run.StdoutLines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.GetProperty("rms_g").GetDouble() > 0);
        }
    }

    [Theory]
    [InlineData("bearing/IR007_0.mat", "env_bpfi_g", "env_bpfo_g")]
    [InlineData("bearing/OR007@6_0.mat", "env_bpfo_g", "env_bpfi_g")]
    public void Cwru_Fault_Shows_More_Envelope_Energy_At_Its_Own_Defect_Frequency_With_The_6205_Geometry(string file, string faultField, string otherField)
    {
        // SKF 6205-2RS JEM drive-end bearing, CWRU Bearing Data Center: 9 balls, ball diameter 0.3126 in (7.94 mm),
        // pitch diameter 1.537 in (39.04 mm). Demodulated over 2–4 kHz, a structural resonance band of the rig, an inner-race
        // fault should put its envelope energy at BPFI and an outer-race fault at BPFO.
        var path = RepositoryPaths.RequireDataFile(file);

        var run = CliRun.Of("features", "--input", path, "--rate", "12000", "--bearing", "9,7.94,39.04,0", "--envelope-band", "2000,4000", "--json");

        Assert.Equal(CliExitCodes.Success, run.ExitCode);
        var rows = run.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var meanAtFault = rows.Average(row => row.GetProperty(faultField).GetDouble());
        var meanAtOther = rows.Average(row => row.GetProperty(otherField).GetDouble());
        Assert.True(meanAtFault > meanAtOther, $"{faultField} {meanAtFault} g should exceed {otherField} {meanAtOther} g");
    }

    private static double VelocityOfFirstWindow(CliRun run)
    {
        Assert.Equal(CliExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.StdoutLines[0]);
        return json.RootElement.GetProperty("vel_rms_mm_s").GetDouble();
    }

    private string WriteSineCsv(double amplitudeG, double frequencyHz, int rateHz, int samples)
    {
        var csv = new StringBuilder("time_s,ax\n");
        for (var i = 0; i < samples; i++)
        {
            var time = (double)i / rateHz;
            csv.Append(time.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append((amplitudeG * Math.Sin(2 * Math.PI * frequencyHz * time)).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        return _folder.WriteText("sine.csv", csv.ToString());
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Retrosense.Cli.Tests.ProcessCommands;

/// <summary>
/// <c>retrosense process train</c> and <c>recommend</c> in-process on a small semicolon-separated synthetic export
/// (quality peaks at speed 3, force 5; five batches per lot share the moisture).
/// </summary>
public sealed class ProcessCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "retrosense-process-cli-" + Guid.NewGuid().ToString("N"));
    private readonly string _csv;

    public ProcessCommandTests()
    {
        Directory.CreateDirectory(_folder);
        var random = new Random(5);
        var text = new StringBuilder("batch;lot;speed;force;moisture;quality;operator\n");
        var batch = 0;
        for (var lot = 0; lot < 40; lot++)
        {
            var moisture = random.NextDouble();
            for (var i = 0; i < 5; i++)
            {
                var speed = random.NextDouble() * 6;
                var force = 2 + (random.NextDouble() * 6);
                var quality = 50 - (2 * (speed - 3) * (speed - 3)) - (1.5 * (force - 5) * (force - 5)) + (2 * moisture) + (0.2 * (random.NextDouble() - 0.5));
                text.Append(CultureInfo.InvariantCulture, $"{++batch};{lot};{speed:R};{force:R};{moisture:R};{quality:R};ann\n");
            }
        }

        _csv = Path.Combine(_folder, "process.csv");
        File.WriteAllText(_csv, text.ToString());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string ModelFolder => Path.Combine(_folder, "model");

    private CliRun Train(params string[] extra) => CliRun.Of(
        ["process", "train", "--data", _csv, "--target", "quality", "--controls", "speed,force", "--conditions", "moisture", "--group", "lot", "--out", ModelFolder, "--trees", "80", "--learning-rate", "0.1", "--min-leaf", "5", .. extra]);

    [Fact]
    public void Train_reports_snake_case_metrics_and_recommend_moves_towards_the_optimum_within_step_limits()
    {
        var trained = Train("--json");
        Assert.Equal(0, trained.ExitCode);
        using var report = JsonDocument.Parse(trained.Stdout);
        var metrics = report.RootElement.GetProperty("metrics");
        Assert.True(metrics.GetProperty("r2").GetDouble() > 0.6);
        Assert.True(metrics.GetProperty("rmse").GetDouble() < report.RootElement.GetProperty("baseline").GetProperty("rmse").GetDouble());
        Assert.Equal("grouped", report.RootElement.GetProperty("cross_validation").GetString());
        Assert.Equal(42, report.RootElement.GetProperty("seed").GetInt32());
        Assert.Equal(3, report.RootElement.GetProperty("importance").GetArrayLength());

        var recommended = CliRun.Of("process", "recommend", "--model", ModelFolder, "--conditions", "moisture=0.5", "--current", "speed=1,force=7", "--max-step", "speed=0.5,force=0.5", "--json");
        Assert.Equal(0, recommended.ExitCode);
        using var recommendation = JsonDocument.Parse(recommended.Stdout);
        var setpoints = recommendation.RootElement.GetProperty("setpoints");
        Assert.InRange(setpoints.GetProperty("speed").GetDouble(), 1, 1.5);
        Assert.InRange(setpoints.GetProperty("force").GetDouble(), 6.5, 7);
        Assert.Equal("recommended", recommendation.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("--controls", "speed,forces", "unknown column 'forces'")]
    [InlineData("--conditions", "moisture,speed", "'speed' is listed both as a control and as a condition")]
    [InlineData("--conditions", "operator", "column 'operator' is not numeric: row 2 holds 'ann'")]
    public void Bad_training_input_exits_2_with_one_line(string option, string value, string expected)
    {
        var args = new[] { "process", "train", "--data", _csv, "--target", "quality", "--controls", "speed,force", "--conditions", "moisture", "--group", "lot", "--out", ModelFolder };
        var index = Array.IndexOf(args, option);
        args[index + 1] = value;

        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.StderrLines);
        Assert.StartsWith("retrosense process train: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ModelFolder));
    }

    [Fact]
    public void Bounds_outside_the_training_data_exit_2_with_one_line()
    {
        Assert.Equal(0, Train().ExitCode);

        var run = CliRun.Of("process", "recommend", "--model", ModelFolder, "--conditions", "moisture=0.5", "--bounds", "speed=20:30");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bounds for 'speed' (20 to 30) lie outside the training data", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }
}

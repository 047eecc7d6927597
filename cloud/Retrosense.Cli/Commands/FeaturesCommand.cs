using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Retrosense.Cli.Features;
using Retrosense.Node.Configuration;
using Retrosense.Node.Dsp;
using Retrosense.Node.Thresholds;
using Retrosense.Recordings;

namespace Retrosense.Cli.Commands;

/// <summary>
/// <c>retrosense features</c>: runs the node's own feature extractor over a recorded signal, window by window, and prints
/// the features a node would report (JSON Lines with --json, else a table).
/// </summary>
internal sealed class FeaturesCommand
{
    public const string Name = "features";

    /// <summary>Smallest window accepted: 256 samples keep the spectral resolution usable (≥ 1 bin per 4 Hz at 1 kHz).</summary>
    public const int MinimumWindowSamples = 256;

    /// <summary>ISO 10816-3 takes the velocity band from 2 Hz instead of 10 Hz for machines running below this speed.</summary>
    private const double LowSpeedRpm = 600;

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    private readonly Option<string> _input = new("--input", "-i") { Description = "Recording to analyse: a .mat file (v4 or v5) or a CSV/TSV file", Required = true };
    private readonly Option<double> _rate = new("--rate") { Description = "Sample rate of the recording, in Hz", Required = true };
    private readonly Option<string?> _column = new("--column") { Description = "CSV column (header name, or 1-based number without a header); default: the first numeric column" };
    private readonly Option<string?> _variable = new("--variable") { Description = "MAT-file variable; default: the first numeric vector, preferring *_DE_time" };
    private readonly Option<int> _window = new("--window") { Description = "Samples per window, a power of two of at least 256", DefaultValueFactory = _ => 4096 };
    private readonly Option<int> _machineGroup = new("--machine-group") { Description = "ISO 10816-3 machine group, 1 (large) or 2 (medium)", DefaultValueFactory = _ => 2 };
    private readonly Option<string> _foundation = new("--foundation") { Description = "ISO 10816-3 foundation: rigid or flexible", DefaultValueFactory = _ => "rigid" };
    private readonly Option<double?> _rpm = new("--rpm") { Description = "Shaft speed in rpm; default: the file's *RPM variable, else the node default" };
    private readonly Option<string?> _bearing = new("--bearing") { Description = "Bearing geometry for the envelope defect features: COUNT,BALL_MM,PITCH_MM,ANGLE_DEG (e.g. 9,7.94,39.04,0 for a 6205)" };
    private readonly Option<string?> _envelopeBand = new("--envelope-band") { Description = "Band demodulated for the envelope features, LOW_HZ,HIGH_HZ; default: the node default (500,1400)" };
    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object per window (JSON Lines)" };

    public FeaturesCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "Compute the node's vibration features over a recorded signal, one window at a time")
        {
            _input, _rate, _column, _variable, _window, _machineGroup, _foundation, _rpm, _bearing, _envelopeBand, _json,
        };
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        try
        {
            Run(parseResult);
            return CliExitCodes.Success;
        }
        catch (Exception exception) when (exception is CliInputException or RecordingFormatException)
        {
            CliApp.WriteError(_stderr, $"{CliApp.Name} {Name}", exception.Message);
            return CliExitCodes.BadInput;
        }
    }

    private void Run(ParseResult parseResult)
    {
        var rateHz = parseResult.GetValue(_rate);
        if (!(rateHz > 0) || !double.IsFinite(rateHz) || rateHz > float.MaxValue)
        {
            throw new CliInputException($"--rate must be a positive number of Hz, got {rateHz.ToString(CultureInfo.InvariantCulture)}");
        }

        var windowSamples = parseResult.GetValue(_window);
        if (windowSamples < MinimumWindowSamples || (windowSamples & (windowSamples - 1)) != 0)
        {
            throw new CliInputException($"--window must be a power of two of at least {MinimumWindowSamples}, got {windowSamples}");
        }

        var machineGroup = parseResult.GetValue(_machineGroup) switch
        {
            1 => MachineGroup.Group1,
            2 => MachineGroup.Group2,
            var other => throw new CliInputException($"--machine-group must be 1 or 2, got {other}"),
        };

        var foundationText = parseResult.GetValue(_foundation) ?? "rigid";
        var foundation = foundationText.ToLowerInvariant() switch
        {
            "rigid" => Foundation.Rigid,
            "flexible" => Foundation.Flexible,
            _ => throw new CliInputException($"unknown --foundation '{foundationText}': use rigid or flexible"),
        };

        var rpmOption = parseResult.GetValue(_rpm);
        if (rpmOption is { } rpmGiven && (!(rpmGiven >= 0) || !double.IsFinite(rpmGiven)))
        {
            throw new CliInputException($"--rpm must be a number of at least 0, got {rpmGiven.ToString(CultureInfo.InvariantCulture)}");
        }

        var bearing = ParseBearing(parseResult.GetValue(_bearing));
        var envelopeBand = ParseEnvelopeBand(parseResult.GetValue(_envelopeBand), rateHz);
        var inputPath = parseResult.GetValue(_input)!;
        var signal = RecordedSignalLoader.Load(inputPath, parseResult.GetValue(_column), parseResult.GetValue(_variable));
        if (windowSamples > signal.SamplesG.Length)
        {
            throw new CliInputException($"--window {windowSamples} is larger than the signal ({signal.SamplesG.Length} samples in {signal.ChannelName})");
        }

        foreach (var sample in signal.SamplesG)
        {
            if (!double.IsFinite(sample))
            {
                throw new CliInputException($"{inputPath}: {signal.ChannelName} holds a NaN or infinite sample");
            }
        }

        var config = NodeConfig.CreateDefault();
        var rpm = rpmOption ?? signal.ShaftSpeedRpmInFile ?? config.ShaftSpeedRpm;
        config.SampleRateHz = (float)rateHz;
        config.WindowSamples = windowSamples;
        config.MachineGroup = machineGroup;
        config.Foundation = foundation;
        config.ShaftSpeedRpm = (float)rpm;
        config.ZoneBoundariesMmPerSecond = IsoZoneBoundaries.For(machineGroup, foundation);
        config.VelocityBandLowHz = rpm < LowSpeedRpm ? 2f : 10f;
        config.Bearing = bearing;
        if (envelopeBand is var (lowHz, highHz))
        {
            config.EnvelopeBandLowHz = lowHz;
            config.EnvelopeBandHighHz = highHz;
        }

        var windows = new RecordingWindows(signal.SamplesG, config.SampleRateHz, windowSamples);
        var extractor = new VibrationFeatureExtractor(config);
        var features = new VibrationFeatures(config.Bands.Length);
        var window = new AccelerationWindow(windowSamples);
        var asJson = parseResult.GetValue(_json);
        var jsonWriter = asJson ? new FeatureJsonLinesWriter(_stdout) : null;
        var tableWriter = asJson ? null : new FeatureTableWriter(_stdout);
        if (tableWriter is not null)
        {
            var boundaries = config.ZoneBoundariesMmPerSecond;
            _stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"# {inputPath} [{signal.ChannelName}]: {signal.SamplesG.Length} samples at {rateHz} Hz, {windows.Count} windows of {windowSamples}, {rpm} rpm, ISO 10816-3 group {(int)machineGroup} {foundationText.ToLowerInvariant()}: A/B {boundaries[0]} B/C {boundaries[1]} C/D {boundaries[2]} mm/s"));
            tableWriter.WriteHeader();
        }

        for (var index = 0; index < windows.Count; index++)
        {
            windows.Fill(index, window);
            extractor.Compute(window, features);
            var zone = WindowFeatureRow.ZoneOf(features.MaxVelocityRmsMmPerSecond, config.ZoneBoundariesMmPerSecond);
            var row = new WindowFeatureRow(index, windows.StartSeconds(index), features.X, zone);
            if (jsonWriter is not null)
            {
                jsonWriter.Write(row);
            }
            else
            {
                tableWriter!.Write(row);
            }
        }
    }

    private static BearingGeometry? ParseBearing(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',');
        if (parts.Length == 4
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            && TryParsePositive(parts[1], out var ballMm)
            && TryParsePositive(parts[2], out var pitchMm) && pitchMm > ballMm
            && float.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var angleDegrees) && angleDegrees is >= 0f and < 90f)
        {
            return new BearingGeometry(count, ballMm, pitchMm, angleDegrees);
        }

        throw new CliInputException($"--bearing must be COUNT,BALL_MM,PITCH_MM,ANGLE_DEG with pitch > ball diameter and 0 <= angle < 90, got '{text}'");
    }

    private static (float LowHz, float HighHz)? ParseEnvelopeBand(string? text, double rateHz)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',');
        if (parts.Length == 2 && TryParsePositive(parts[0], out var lowHz) && TryParsePositive(parts[1], out var highHz) && highHz > lowHz && highHz <= rateHz / 2)
        {
            return (lowHz, highHz);
        }

        throw new CliInputException($"--envelope-band must be LOW_HZ,HIGH_HZ with 0 < low < high <= half the sample rate, got '{text}'");
    }

    private static bool TryParsePositive(string text, out float value) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0f && float.IsFinite(value);
}

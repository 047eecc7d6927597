using System;
using System.Buffers;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Retrosense.Analytics.Bearings;

namespace Retrosense.Cli.Commands;

/// <summary>
/// <c>retrosense bench bearing</c>: the CWRU bearing-fault benchmark from the node's own features. Labels come from the
/// file names (Normal_0, IR007_0, B021_0, OR007@6_0 …), each file is replayed through the node's feature extractor at
/// the node's rate (48 kHz files decimated to 12 kHz), the feature set and trainer are chosen by cross-validation on the
/// training files only, and the chosen model is scored on the test files. A file named on both sides is split in time.
/// </summary>
internal sealed class BenchBearingCommand
{
    public const string Name = "bearing";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    private readonly Option<string[]> _train = new("--train") { Description = "Training recordings (CWRU .mat files, labelled by name)", Required = true, AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _test = new("--test") { Description = "Test recordings; a file also given to --train is split in time (first half trains)", Required = true, AllowMultipleArgumentsPerToken = true };
    private readonly Option<int> _window = new("--window") { Description = "Node window in samples at 12 kHz, a power of two of at least 256", DefaultValueFactory = _ => new BearingNodeSettings().WindowSamples };
    private readonly Option<int> _seed = new("--seed") { Description = "Training seed", DefaultValueFactory = _ => 1 };
    private readonly Option<string> _sharedHalf = new("--shared-file-train-half") { Description = "Half of a file given to both --train and --test that trains: first or second", DefaultValueFactory = _ => "first" };
    private readonly Option<string[]> _rate = new("--rate") { Description = "Sample rate of a file the CWRU catalogue does not list: NAME=HZ (file stem or path), repeatable", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _saveModel = new("--save-model") { Description = "Folder to save the trained model in (for live scoring)" };
    private readonly Option<bool> _json = new("--json") { Description = "Print the result as one JSON object" };

    public BenchBearingCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "CWRU bearing faults (normal, inner race, outer race, ball) from the node's own features; whole-file train/test split")
        {
            _train, _test, _window, _seed, _sharedHalf, _rate, _saveModel, _json,
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
        catch (Exception exception) when (exception is CliInputException or BearingDataException)
        {
            CliApp.WriteError(_stderr, $"{CliApp.Name} {BenchCommand.Name} {Name}", exception.Message);
            return CliExitCodes.BadInput;
        }
    }

    private void Run(ParseResult parseResult)
    {
        var window = parseResult.GetValue(_window);
        if (window < FeaturesCommand.MinimumWindowSamples || (window & (window - 1)) != 0)
        {
            throw new CliInputException($"--window must be a power of two of at least {FeaturesCommand.MinimumWindowSamples}, got {window}");
        }

        var sharedHalfText = parseResult.GetValue(_sharedHalf) ?? "first";
        var sharedHalf = sharedHalfText.ToLowerInvariant() switch
        {
            "first" => RecordingPart.FirstHalf,
            "second" => RecordingPart.SecondHalf,
            _ => throw new CliInputException($"--shared-file-train-half must be first or second, got '{sharedHalfText}'"),
        };

        var options = new BearingBenchmarkOptions(
            parseResult.GetValue(_train) ?? [],
            parseResult.GetValue(_test) ?? [],
            new BearingNodeSettings { WindowSamples = window },
            new BearingTrainingSettings(Seed: parseResult.GetValue(_seed)),
            sharedHalf,
            ParseRates(parseResult.GetValue(_rate)));
        var result = BearingBenchmark.Run(options);
        var saveTo = parseResult.GetValue(_saveModel);
        if (saveTo is not null)
        {
            // The model scored above, with its metadata (features, trainer, seed, node settings).
            result.Classifier.Save(saveTo);
        }

        if (parseResult.GetValue(_json))
        {
            _stdout.WriteLine(ToJson(result, saveTo));
        }
        else
        {
            WriteText(result, saveTo);
        }
    }

    private static Dictionary<string, double>? ParseRates(string[]? entries)
    {
        if (entries is null || entries.Length == 0)
        {
            return null;
        }

        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var cut = entry.LastIndexOf('=');
            if (cut <= 0 || !double.TryParse(entry[(cut + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var hz) || !(hz > 0) || !double.IsFinite(hz))
            {
                throw new CliInputException($"--rate must be NAME=HZ with a positive rate, got '{entry}'");
            }

            rates[entry[..cut]] = hz;
        }

        return rates;
    }

    private void WriteText(BearingBenchmarkResult result, string? savedTo)
    {
        var report = result.Report;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"CWRU bearing benchmark, seed {result.Seed}: node at {result.NodeSettings.SampleRateHz} Hz, {result.NodeSettings.WindowSamples}-sample windows, envelope {result.NodeSettings.EnvelopeBandLowHz}-{result.NodeSettings.EnvelopeBandHighHz} Hz");
        foreach (var (side, files) in new[] { ("train", result.Train), ("test", result.Test) })
        {
            foreach (var file in files)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {side,-5} {NodeFeatureReplay.Describe(Path.GetFileNameWithoutExtension(file.Path), file.Part),-24} {BearingFaultClasses.Name(file.Label),-10} {file.SampleRateHz} Hz ({file.SampleRateSource}) /{file.DecimationFactor}, {file.ShaftSpeedRpm} rpm, {file.Windows} windows");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"model selection ({result.Selection.Scheme}, {result.Selection.Folds} folds, training files only):");
        foreach (var score in result.Selection.Scores)
        {
            var mark = score.Candidate == result.Selection.Chosen ? "*" : " ";
            text.AppendLine(CultureInfo.InvariantCulture, $" {mark} {score.Candidate.FeatureSetName,-28} {TrainerName(score.Candidate.Trainer),-22} macro F1 {score.MeanMacroF1:F3}, worst fold accuracy {score.MinimumFoldAccuracy:F3}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"test: {report.Windows} windows, accuracy {report.Accuracy:P2}, macro F1 {report.MacroF1:F4}");
        text.AppendLine("  true \\ predicted  " + string.Join(" ", BearingFaultClasses.All.Select(c => BearingFaultClasses.Name(c).PadLeft(10))) + "     recall");
        foreach (var faultClass in BearingFaultClasses.All)
        {
            var row = report.ConfusionMatrix[(int)faultClass];
            text.AppendLine(CultureInfo.InvariantCulture, $"  {BearingFaultClasses.Name(faultClass),-17} {string.Join(" ", row.Select(n => n.ToString(CultureInfo.InvariantCulture).PadLeft(10)))}  {report.RecallPerClass[(int)faultClass],9:P1}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"train {result.TrainSeconds:F3} s (selection {result.SelectionSeconds:F2} s), {result.PredictionsPerSecond:F0} predictions/s");
        if (savedTo is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"model saved to {savedTo}");
        }

        _stdout.Write(text.ToString());
    }

    internal static string ToJson(BearingBenchmarkResult result, string? savedTo)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var report = result.Report;
            var node = result.NodeSettings;
            json.WriteStartObject();
            json.WriteString("benchmark", "cwru_bearing");
            json.WriteNumber("seed", result.Seed);
            json.WriteStartObject("node");
            json.WriteNumber("sample_rate_hz", node.SampleRateHz);
            json.WriteNumber("window_samples", node.WindowSamples);
            json.WriteNumber("envelope_band_low_hz", node.EnvelopeBandLowHz);
            json.WriteNumber("envelope_band_high_hz", node.EnvelopeBandHighHz);
            json.WriteString("bearing", FormattableString.Invariant($"{node.RollingElementCount},{node.RollingElementDiameterMm},{node.PitchDiameterMm},{node.ContactAngleDegrees}"));
            json.WriteEndObject();
            json.WriteString("feature_set", result.Selection.Chosen.FeatureSetName);
            json.WriteStartArray("features");
            foreach (var feature in result.Selection.Chosen.Features)
            {
                json.WriteStringValue(feature);
            }

            json.WriteEndArray();
            json.WriteString("trainer", TrainerName(result.Selection.Chosen.Trainer));
            json.WriteStartObject("selection");
            json.WriteString("scheme", result.Selection.Scheme);
            json.WriteNumber("folds", result.Selection.Folds);
            json.WriteStartArray("candidates");
            foreach (var score in result.Selection.Scores)
            {
                json.WriteStartObject();
                json.WriteString("feature_set", score.Candidate.FeatureSetName);
                json.WriteString("trainer", TrainerName(score.Candidate.Trainer));
                WriteNumber(json, "macro_f1", score.MeanMacroF1);
                WriteNumber(json, "worst_fold_accuracy", score.MinimumFoldAccuracy);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            WriteFiles(json, "train_files", result.Train);
            WriteFiles(json, "test_files", result.Test);
            json.WriteStartObject("windows_per_class");
            WriteClassCounts(json, "train", result.TrainWindowsPerClass);
            WriteClassCounts(json, "test", report.WindowsPerClass);
            json.WriteEndObject();
            WriteNumber(json, "accuracy", report.Accuracy);
            WriteNumber(json, "macro_f1", report.MacroF1);
            WriteClassValues(json, "per_class_recall", report.RecallPerClass);
            WriteClassValues(json, "per_class_precision", report.PrecisionPerClass);
            json.WriteStartObject("confusion_matrix");
            json.WriteStartArray("labels");
            foreach (var faultClass in BearingFaultClasses.All)
            {
                json.WriteStringValue(BearingFaultClasses.Name(faultClass));
            }

            json.WriteEndArray();
            json.WriteStartArray("rows_true_columns_predicted");
            foreach (var row in report.ConfusionMatrix)
            {
                json.WriteStartArray();
                foreach (var count in row)
                {
                    json.WriteNumberValue(count);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            WriteNumber(json, "train_seconds", result.TrainSeconds);
            WriteNumber(json, "selection_seconds", result.SelectionSeconds);
            WriteNumber(json, "predictions_per_second", result.PredictionsPerSecond);
            if (savedTo is not null)
            {
                json.WriteString("model_dir", savedTo);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteFiles(Utf8JsonWriter json, string name, IReadOnlyList<BearingRecordingSummary> files)
    {
        json.WriteStartArray(name);
        foreach (var file in files)
        {
            json.WriteStartObject();
            json.WriteString("file", file.Path);
            json.WriteString("part", file.Part switch { RecordingPart.FirstHalf => "first_half", RecordingPart.SecondHalf => "second_half", _ => "whole" });
            json.WriteString("label", BearingFaultClasses.Name(file.Label));
            json.WriteString("channel", file.ChannelName);
            json.WriteNumber("sample_rate_hz", file.SampleRateHz);
            json.WriteString("sample_rate_source", file.SampleRateSource);
            json.WriteNumber("decimation_factor", file.DecimationFactor);
            json.WriteNumber("shaft_rpm", file.ShaftSpeedRpm);
            json.WriteNumber("windows", file.Windows);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteClassCounts(Utf8JsonWriter json, string name, IReadOnlyList<int> counts)
    {
        json.WriteStartObject(name);
        foreach (var faultClass in BearingFaultClasses.All)
        {
            json.WriteNumber(BearingFaultClasses.Name(faultClass), counts[(int)faultClass]);
        }

        json.WriteEndObject();
    }

    private static void WriteClassValues(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartObject(name);
        foreach (var faultClass in BearingFaultClasses.All)
        {
            WriteNumber(json, BearingFaultClasses.Name(faultClass), values[(int)faultClass]);
        }

        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, Math.Round(value, 6));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string TrainerName(BearingTrainer trainer) => trainer switch
    {
        BearingTrainer.LbfgsMaximumEntropy => "lbfgs_maximum_entropy",
        BearingTrainer.LightGbm => "light_gbm",
        _ => trainer.ToString(),
    };
}

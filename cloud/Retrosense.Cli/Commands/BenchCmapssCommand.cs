using System;
using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Retrosense.Analytics.Rul.Cmapss;

namespace Retrosense.Cli.Commands;

/// <summary>
/// <c>retrosense bench cmapss</c>: the NASA C-MAPSS remaining-useful-life benchmark. Chooses the model settings by
/// grouped cross-validation on the training engines, trains, predicts the RUL at each test engine's last cycle and
/// compares with the RUL file: RMSE, MAE, PHM08 score, training time and scoring throughput.
/// </summary>
internal sealed class BenchCmapssCommand
{
    public const string Name = "cmapss";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    private readonly Option<string> _train = new("--train") { Description = "Training trajectories, e.g. train_FD001.txt (run to failure)", Required = true };
    private readonly Option<string> _test = new("--test") { Description = "Test trajectories, e.g. test_FD001.txt (cut short)", Required = true };
    private readonly Option<string> _rul = new("--rul") { Description = "True RUL after each test unit's last cycle, e.g. RUL_FD001.txt", Required = true };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the CV folds and of every LightGBM member", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _folds = new("--cv-folds") { Description = "Grouped CV folds over the training engines; 0 skips the CV and uses the 'long' features, 15 leaves", DefaultValueFactory = _ => 3 };
    private readonly Option<int> _ensemble = new("--ensemble") { Description = "Seeded LightGBM members averaged in the final model", DefaultValueFactory = _ => 5 };
    private readonly Option<int> _threads = new("--threads") { Description = "LightGBM threads per model", DefaultValueFactory = _ => 1 };
    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object" };

    public BenchCmapssCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "NASA C-MAPSS remaining useful life (any subset FD001–FD004): RMSE, MAE and PHM08 score on the official test set")
        {
            _train, _test, _rul, _seed, _folds, _ensemble, _threads, _json,
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
        catch (Exception exception) when (exception is CliInputException or CmapssFormatException)
        {
            CliApp.WriteError(_stderr, $"{CliApp.Name} {BenchCommand.Name} {Name}", exception.Message);
            return CliExitCodes.BadInput;
        }
    }

    private void Run(ParseResult parseResult)
    {
        var seed = parseResult.GetValue(_seed);
        var folds = parseResult.GetValue(_folds);
        var ensemble = parseResult.GetValue(_ensemble);
        var threads = parseResult.GetValue(_threads);
        if (folds is < 0 or 1)
        {
            throw new CliInputException($"--cv-folds must be 0 (no CV) or at least 2, got {folds}");
        }

        if (ensemble is < 1 or > 50)
        {
            throw new CliInputException($"--ensemble must be 1 … 50, got {ensemble}");
        }

        if (threads is < 1 or > 64)
        {
            throw new CliInputException($"--threads must be 1 … 64, got {threads}");
        }

        var trainPath = parseResult.GetValue(_train)!;
        var testPath = parseResult.GetValue(_test)!;
        var rulPath = parseResult.GetValue(_rul)!;
        var training = CmapssReader.ReadTrajectories(trainPath);
        var test = CmapssReader.ReadTrajectories(testPath);
        var trueRul = CmapssReader.ReadRemainingUsefulLife(rulPath);
        if (folds > training.Count)
        {
            throw new CliInputException($"--cv-folds {folds} is more than the {training.Count} training units");
        }

        var candidates = folds == 0
            ? [new CmapssModelSettings(CmapssFeatureSettings.Long, 15, 400, 0.03, 100, ensemble, PiecewiseLinearRulTarget.DefaultCapCycles, threads)]
            : CmapssBenchmark.DefaultCandidates(ensemble, threads);
        var result = CmapssBenchmark.Run(training, test, trueRul, rulPath, candidates, folds, seed, new SynchronousProgress(_stderr));

        if (parseResult.GetValue(_json))
        {
            WriteJson(result, seed, folds, trainPath, testPath, rulPath);
        }
        else
        {
            WriteText(result, seed, folds);
        }
    }

    private void WriteJson(CmapssBenchmarkResult result, int seed, int folds, string trainPath, string testPath, string rulPath)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("benchmark", "cmapss");
            json.WriteString("train", trainPath);
            json.WriteString("test", testPath);
            json.WriteString("rul", rulPath);
            json.WriteNumber("units", result.TestUnits);
            json.WriteNumber("rmse", Math.Round(result.Test.Rmse, 4));
            json.WriteNumber("mae", Math.Round(result.Test.Mae, 4));
            json.WriteNumber("nasa_score", Math.Round(result.Test.NasaScore, 3));
            json.WriteNumber("seed", seed);
            json.WriteNumber("train_seconds", Math.Round(result.TrainSeconds, 3));
            json.WriteNumber("predictions_per_second", Math.Round(result.PredictionsPerSecond, 1));
            json.WriteNumber("scored_windows", result.ScoredWindows);
            json.WriteNumber("cv_seconds", Math.Round(result.CrossValidationSeconds, 3));
            json.WriteNumber("cv_folds", folds);
            json.WriteNumber("train_units", result.TrainUnits);
            json.WriteNumber("operating_conditions", result.OperatingConditions);
            json.WriteStartArray("kept_sensors");
            foreach (var sensor in result.KeptSensors)
            {
                json.WriteNumberValue(sensor);
            }

            json.WriteEndArray();
            json.WritePropertyName("chosen");
            WriteSettings(json, result.Chosen);
            json.WriteStartArray("cv");
            foreach (var candidate in result.CrossValidation)
            {
                json.WriteStartObject();
                json.WritePropertyName("settings");
                WriteSettings(json, candidate.Settings);
                json.WriteNumber("rmse_capped", Math.Round(candidate.RmseCapped, 4));
                json.WriteStartArray("fold_rmse_capped");
                foreach (var rmse in candidate.FoldRmseCapped)
                {
                    json.WriteNumberValue(Math.Round(rmse, 4));
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        _stdout.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void WriteSettings(Utf8JsonWriter json, CmapssModelSettings settings)
    {
        json.WriteStartObject();
        json.WriteString("trainer", "LightGbm");
        json.WriteString("features", settings.Features.Name);
        json.WriteString("windows", settings.Features.Describe());
        json.WriteNumber("leaves", settings.NumberOfLeaves);
        json.WriteNumber("iterations", settings.NumberOfIterations);
        json.WriteNumber("learning_rate", settings.LearningRate);
        json.WriteNumber("min_examples_per_leaf", settings.MinimumExamplesPerLeaf);
        json.WriteNumber("ensemble", settings.EnsembleSize);
        json.WriteNumber("rul_cap", settings.RulCapCycles);
        json.WriteEndObject();
    }

    private void WriteText(CmapssBenchmarkResult result, int seed, int folds)
    {
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"C-MAPSS: {result.TrainUnits} training units, {result.TestUnits} test units, {result.OperatingConditions} operating condition(s), sensors kept: {string.Join(' ', result.KeptSensors.Select(s => $"s{s}"))}"));
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chosen ({(folds == 0 ? "no CV" : $"{folds}-fold grouped CV, {result.CrossValidationSeconds:F1} s")}): {result.Chosen.Describe()}"));
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test at last cycle: rmse {result.Test.Rmse:F3}  mae {result.Test.Mae:F3}  nasa_score {result.Test.NasaScore:F2}"));
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed}, train {result.TrainSeconds:F2} s, {result.PredictionsPerSecond:F0} predictions/s over {result.ScoredWindows} windows"));
    }

    /// <summary>Writes progress lines at once on the calling thread (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class SynchronousProgress(TextWriter stderr) : IProgress<string>
    {
        public void Report(string value) => stderr.WriteLine($"{CliApp.Name} {BenchCommand.Name} {Name}: {value}");
    }
}

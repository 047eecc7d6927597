using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Retrosense.Analytics.FailureRisk;

namespace Retrosense.Cli.Commands;

/// <summary>
/// <c>retrosense bench ai4i --data FILE [--seed N] [--json]</c>: the AI4I 2020 failure-risk benchmark (stratified 80/20,
/// threshold and calibration by cross-validation on the 80 %), printing the held-out metrics, per-mode metrics, the
/// recall ceiling, global importances, one explained prediction, the seed, training time and throughput.
/// </summary>
internal sealed class BenchAi4iCommand
{
    public const string Name = "ai4i";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    private readonly Option<string> _data = new("--data") { Description = "AI4I 2020 CSV (ai4i2020.csv or a file of the same columns)", Required = true };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the split, the folds and the trainer", DefaultValueFactory = _ => FailureRiskTrainingOptions.DefaultSeed };
    private readonly Option<int> _trees = new("--trees") { Description = "Boosted trees per model", DefaultValueFactory = _ => new FailureRiskTrainingOptions().NumberOfTrees };
    private readonly Option<int> _leaves = new("--leaves") { Description = "Leaves per tree", DefaultValueFactory = _ => new FailureRiskTrainingOptions().NumberOfLeaves };
    private readonly Option<int> _minimumLeafRows = new("--min-leaf-rows") { Description = "Fewest training rows in a leaf", DefaultValueFactory = _ => new FailureRiskTrainingOptions().MinimumExampleCountPerLeaf };
    private readonly Option<double> _learningRate = new("--learning-rate") { Description = "Boosting learning rate", DefaultValueFactory = _ => new FailureRiskTrainingOptions().LearningRate };
    private readonly Option<bool> _unbalancedSets = new("--unbalanced-sets") { Description = "Use FastTree's class re-weighting (UnbalancedSets)" };
    private readonly Option<bool> _withoutHeatMargin = new("--without-heat-margin") { Description = "Leave out heat_dissipation_margin_k (see the FailureRisk README: a rounding quirk of the file)" };
    private readonly Option<int> _folds = new("--folds") { Description = "Cross-validation folds of the training part for calibration and threshold", DefaultValueFactory = _ => new FailureRiskTrainingOptions().CalibrationFolds };
    private readonly Option<string> _calibration = new("--calibration") { Description = "platt or isotonic", DefaultValueFactory = _ => "platt" };
    private readonly Option<bool> _json = new("--json") { Description = "Print the report as JSON" };

    public BenchAi4iCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "Failure risk on AI4I 2020: machine failure and failure modes, calibrated and explained")
        {
            _data, _seed, _trees, _leaves, _minimumLeafRows, _learningRate, _unbalancedSets, _withoutHeatMargin, _folds, _calibration, _json,
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
        catch (Exception exception) when (exception is CliInputException or FailureRiskDataException)
        {
            CliApp.WriteError(_stderr, $"{CliApp.Name} {BenchCommand.Name} {Name}", exception.Message);
            return CliExitCodes.BadInput;
        }
    }

    private void Run(ParseResult parseResult)
    {
        var trees = parseResult.GetValue(_trees);
        if (trees < 1)
        {
            throw new CliInputException($"--trees must be at least 1, got {trees}");
        }

        var leaves = parseResult.GetValue(_leaves);
        if (leaves < 2)
        {
            throw new CliInputException($"--leaves must be at least 2, got {leaves}");
        }

        var minimumLeafRows = parseResult.GetValue(_minimumLeafRows);
        if (minimumLeafRows < 1)
        {
            throw new CliInputException($"--min-leaf-rows must be at least 1, got {minimumLeafRows}");
        }

        var learningRate = parseResult.GetValue(_learningRate);
        if (!(learningRate > 0 && learningRate <= 1))
        {
            throw new CliInputException(string.Create(CultureInfo.InvariantCulture, $"--learning-rate must be in (0, 1], got {learningRate}"));
        }

        var folds = parseResult.GetValue(_folds);
        if (folds < 2)
        {
            throw new CliInputException($"--folds must be at least 2, got {folds}");
        }

        var calibrationText = parseResult.GetValue(_calibration) ?? "platt";
        var calibration = calibrationText.ToLowerInvariant() switch
        {
            "platt" => CalibrationMethod.Platt,
            "isotonic" => CalibrationMethod.Isotonic,
            _ => throw new CliInputException($"unknown --calibration '{calibrationText}': use platt or isotonic"),
        };

        var options = new FailureRiskTrainingOptions
        {
            Seed = parseResult.GetValue(_seed),
            NumberOfTrees = trees,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = minimumLeafRows,
            LearningRate = learningRate,
            UnbalancedSets = parseResult.GetValue(_unbalancedSets),
            IncludeHeatDissipationMargin = !parseResult.GetValue(_withoutHeatMargin),
            CalibrationFolds = folds,
            Calibration = calibration,
        };
        var runs = Ai4iCsvReader.ReadFile(parseResult.GetValue(_data)!);
        var result = Ai4iBenchmark.Run(runs, options);
        if (parseResult.GetValue(_json))
        {
            _stdout.WriteLine(JsonSerializer.Serialize(result, JsonOptions));
            return;
        }

        WriteText(result);
    }

    private void WriteText(Ai4iBenchmarkResult result)
    {
        var c = result.ConfusionMatrix;
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"AI4I 2020: {result.Rows} rows, train {result.TrainRows} ({result.TrainFailures} failures), test {result.TestRows} ({result.TestFailures} failures), seed {result.Seed}"));
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model: {result.Trainer} {result.NumberOfTrees} trees x {result.NumberOfLeaves} leaves, {result.Calibration} calibration on {result.CalibrationFolds}-fold out-of-fold scores, threshold {result.Threshold:0.000}"));
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine failure: f1 {result.F1:0.000}  precision {result.Precision:0.000}  recall {result.Recall:0.000}  accuracy {result.Accuracy:0.0000}  roc_auc {result.RocAuc:0.000}  pr_auc {result.PrAuc:0.000}"));
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calibration: brier {result.Brier:0.00000} (ML.NET's in-sample Platt {result.BrierMlNetInSamplePlatt:0.00000}), ece {result.Ece:0.00000}"));
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"confusion: tp {c.TruePositives}  fp {c.FalsePositives}  fn {c.FalseNegatives}  tn {c.TrueNegatives}"));
        foreach (var (mode, metrics) in result.PerMode)
        {
            _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {mode}: {metrics.Positives,3} held out, f1 {metrics.F1:0.000}  precision {metrics.Precision:0.000}  recall {metrics.Recall:0.000}  pr_auc {metrics.PrAuc:0.000}"));
        }

        var recalls = string.Join(", ", result.RecallByFailureKind.Select(pair => $"{pair.Key} {pair.Value.Caught}/{pair.Value.Failures}"));
        _stdout.WriteLine($"failures caught by kind: {recalls}");
        var ceiling = result.Ceiling;
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ceiling: {ceiling.TestFailuresWithoutMode} held-out failures have no mode, {ceiling.TestFailuresOnlyToolWearOrRandom} only TWF/RNF; catching exactly the HDF/PWF/OSF failures gives recall {ceiling.RecallIfOnlyInputDrivenModesCaught:0.000}, f1 {ceiling.F1IfOnlyInputDrivenModesCaught:0.000}"));
        _stdout.WriteLine("permutation importance (PR-AUC drop): " + string.Join(", ", result.TopImportances.Take(6).Select(importance => string.Create(CultureInfo.InvariantCulture, $"{importance.Feature} {importance.PrAucDrop:0.000}"))));
        var example = result.ExampleExplanation;
        var because = string.Join(", ", example.TopContributors.Select(contributor => string.Create(CultureInfo.InvariantCulture, $"{contributor.Feature}={contributor.Value:0.###} ({contributor.Contribution:+0.00;-0.00})")));
        var actual = example.ActualFailure ? string.Join("+", example.ActualModes.DefaultIfEmpty("failure")) : "no failure";
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"highest-risk held-out run: p {example.FailureProbability:0.000}, actual {actual}, because {because}"));
        _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train_seconds {result.TrainSeconds:0.00}, predictions_per_second {result.PredictionsPerSecond:0} (batch), {result.ExplainedPredictionsPerSecond:0} (one at a time, with modes and contributors)"));
    }
}

using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Analytics.Process;

namespace Retrosense.Cli.Commands;

/// <summary>
/// <c>retrosense process train</c>: cross-validates a process model (grouped by lot, or time-ordered), reports rmse, mae,
/// r2, the mean-prediction baseline, permutation importance and partial dependence, and writes the model folder.
/// </summary>
internal sealed class ProcessTrainCommand
{
    public const string Name = "train";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly Option<string> _data = new("--data") { Description = "CSV of process records, one row per batch (delimiter detected: ; , or tab)", Required = true };
    private readonly Option<string?> _join = new("--join") { Description = "A second CSV joined to --data on --on (e.g. press features beside laboratory results)" };
    private readonly Option<string?> _on = new("--on") { Description = "Key column of the join (e.g. batch)" };
    private readonly Option<string> _target = new("--target") { Description = "Column to predict (e.g. dissolution_av)", Required = true };
    private readonly Option<bool> _minimize = new("--minimize") { Description = "Smaller target is better (impurities, waste)" };
    private readonly Option<bool> _maximize = new("--maximize") { Description = "Larger target is better (the default)" };
    private readonly Option<string> _controls = new("--controls") { Description = "Comma-separated columns the plant can set (press speed, compression force, fill depth)", Required = true };
    private readonly Option<string?> _conditions = new("--conditions") { Description = "Comma-separated columns the plant cannot set (raw-material properties, ambient)" };
    private readonly Option<string?> _group = new("--group") { Description = "Lot key for grouped cross-validation; a composite key joins columns with '+': api_code+api_batch" };
    private readonly Option<string?> _time = new("--time") { Description = "Time column for forward-chaining cross-validation (numbers, ISO dates or month labels like nov.18)" };
    private readonly Option<string> _out = new("--out") { Description = "Folder to write the model package to", Required = true };
    private readonly Option<int> _folds = new("--folds") { Description = "Cross-validation folds", DefaultValueFactory = _ => ProcessModelSpec.DefaultFolds };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed for the fold assignment and the trees", DefaultValueFactory = _ => ProcessModelSpec.DefaultSeed };
    private readonly Option<int> _trees = new("--trees") { Description = "Boosted trees per ensemble member", DefaultValueFactory = _ => ProcessTrainerSettings.Default.Trees };
    private readonly Option<int> _leaves = new("--leaves") { Description = "Leaves per tree", DefaultValueFactory = _ => ProcessTrainerSettings.Default.Leaves };
    private readonly Option<double> _learningRate = new("--learning-rate") { Description = "Boosting learning rate", DefaultValueFactory = _ => ProcessTrainerSettings.Default.LearningRate };
    private readonly Option<int> _minLeaf = new("--min-leaf") { Description = "Fewest rows in a leaf", DefaultValueFactory = _ => ProcessTrainerSettings.Default.MinimumRowsPerLeaf };
    private readonly Option<double> _rowFraction = new("--row-fraction") { Description = "Fraction of rows each tree sees (1 = no subsampling)", DefaultValueFactory = _ => ProcessTrainerSettings.Default.RowFraction };
    private readonly Option<bool> _json = new("--json") { Description = "Print the training report as JSON" };

    public ProcessTrainCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "Cross-validate and train a process model; report its quality, importance and partial dependence")
        {
            _data, _join, _on, _target, _minimize, _maximize, _controls, _conditions, _group, _time, _out, _folds, _seed, _trees, _leaves, _learningRate, _minLeaf, _rowFraction, _json,
        };
        Command.SetAction(ExecuteAsync);
    }

    public Command Command { get; }

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(parseResult, cancellationToken).ConfigureAwait(false);
            return CliExitCodes.Success;
        }
        catch (Exception exception) when (exception is CliInputException or ProcessInputException)
        {
            CliApp.WriteError(_stderr, $"{CliApp.Name} {ProcessCommand.Name} {Name}", exception.Message);
            return CliExitCodes.BadInput;
        }
    }

    private async Task RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(_minimize) && parseResult.GetValue(_maximize))
        {
            throw new CliInputException("give --minimize or --maximize, not both");
        }

        var joinPath = parseResult.GetValue(_join);
        var on = parseResult.GetValue(_on);
        if ((joinPath is null) != (on is null))
        {
            throw new CliInputException("--join and --on go together");
        }

        var trees = parseResult.GetValue(_trees);
        if (trees is < 1 or > 5000)
        {
            throw new CliInputException($"--trees must be between 1 and 5000, got {trees}");
        }

        var leaves = parseResult.GetValue(_leaves);
        if (leaves is < 2 or > 256)
        {
            throw new CliInputException($"--leaves must be between 2 and 256, got {leaves}");
        }

        var learningRate = parseResult.GetValue(_learningRate);
        if (!(learningRate > 0 && learningRate <= 1))
        {
            throw new CliInputException(string.Create(CultureInfo.InvariantCulture, $"--learning-rate must be in (0, 1], got {learningRate}"));
        }

        var minLeaf = parseResult.GetValue(_minLeaf);
        var rowFraction = parseResult.GetValue(_rowFraction);
        if (minLeaf < 1 || !(rowFraction > 0 && rowFraction <= 1))
        {
            throw new CliInputException("--min-leaf must be at least 1 and --row-fraction in (0, 1]");
        }

        var table = ProcessCsvReader.Read(parseResult.GetValue(_data)!);
        if (joinPath is not null)
        {
            table = table.Join(ProcessCsvReader.Read(joinPath), on!);
        }

        var spec = new ProcessModelSpec(
            parseResult.GetValue(_target)!.Trim(),
            parseResult.GetValue(_minimize) ? ProcessObjective.Minimize : ProcessObjective.Maximize,
            ProcessSettingList.Columns("--controls", parseResult.GetValue(_controls)),
            ProcessSettingList.Columns("--conditions", parseResult.GetValue(_conditions)),
            ProcessSettingList.Columns("--group", parseResult.GetValue(_group)?.Replace('+', ',')),
            parseResult.GetValue(_time)?.Trim(),
            parseResult.GetValue(_folds),
            parseResult.GetValue(_seed));
        var dataset = ProcessDataset.From(table, spec);
        var model = ProcessModelTrainer.Train(dataset, ProcessTrainerSettings.Default with { Trees = trees, Leaves = leaves, LearningRate = learningRate, MinimumRowsPerLeaf = minLeaf, RowFraction = rowFraction }, cancellationToken);
        var outDirectory = parseResult.GetValue(_out)!;
        await ProcessModelPackage.SaveAsync(model, outDirectory, cancellationToken).ConfigureAwait(false);
        var report = model.Metadata.Report;
        if (parseResult.GetValue(_json))
        {
            var json = JsonSerializer.SerializeToNode(report, ProcessJson.Options)!.AsObject();
            json["model"] = Path.GetFullPath(outDirectory);
            json["model_version"] = model.Metadata.Version;
            _stdout.WriteLine(json.ToJsonString(ProcessJson.Options));
            return;
        }

        WriteText(report, outDirectory);
    }

    private void WriteText(ProcessTrainingReport report, string outDirectory)
    {
        var o = CultureInfo.InvariantCulture;
        _stdout.WriteLine(string.Create(o, $"{report.Target} ({report.Objective}): {report.Rows} rows ({report.DroppedRows} without target dropped), {report.Groups} groups by {report.GroupKey}, {report.Folds}-fold {report.CrossValidation} cross-validation, seed {report.Seed}, {report.TrainSeconds:F1} s"));
        _stdout.WriteLine(string.Create(o, $"cross-validated: rmse {report.Metrics.Rmse:F3}  mae {report.Metrics.Mae:F3}  r2 {report.Metrics.R2:F3}   (predicting the training mean: rmse {report.Baseline.Rmse:F3}  r2 {report.Baseline.R2:F3})"));
        foreach (var fold in report.PerFold)
        {
            _stdout.WriteLine(string.Create(o, $"  fold {fold.Fold}: {fold.TestRows} rows, {fold.TestGroups} groups, rmse {fold.Rmse:F3}, r2 {fold.R2:F3}, baseline rmse {fold.BaselineRmse:F3}"));
        }

        _stdout.WriteLine("importance (rmse increase when shuffled on held-out folds):");
        foreach (var item in report.Importance.Take(12))
        {
            _stdout.WriteLine(string.Create(o, $"  {item.Feature,-32} {item.Role,-9} {item.RmseIncrease,8:F4} ± {item.RmseIncreaseSd:F4}"));
        }

        _stdout.WriteLine("partial dependence (control: value -> predicted target):");
        foreach (var dependence in report.PartialDependence)
        {
            var points = dependence.Values.Zip(dependence.Predictions, (v, p) => string.Create(o, $"{v:G4}->{p:F2}"));
            _stdout.WriteLine($"  {dependence.Control}: {string.Join("  ", points)}");
        }

        _stdout.WriteLine($"model written to {Path.GetFullPath(outDirectory)}");
    }
}

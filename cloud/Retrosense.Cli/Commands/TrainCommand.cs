using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Retrosense.Analytics.Data;
using Retrosense.Analytics.Packages;
using Retrosense.Analytics.Training;

namespace Retrosense.Cli.Commands;

/// <summary>
/// <c>retrosense train</c>: trains a model from a company's CSV by a seeded cross-validated search over trainers, reports
/// held-out metrics and writes a model package (see cloud/Retrosense.Analytics/README.md).
/// </summary>
internal sealed class TrainCommand
{
    public const string Name = "train";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    private readonly Option<string> _data = new("--data") { Description = "CSV/TSV file with a header row (comma, semicolon or tab)", Required = true };
    private readonly Option<string> _task = new("--task") { Description = "binary, multiclass, regression or anomaly", Required = true };
    private readonly Option<string?> _label = new("--label") { Description = "Label column (optional for anomaly: then it only judges the model)" };
    private readonly Option<string[]> _features = new("--features") { Description = "Feature columns, comma-separated or repeated; default: every other usable column", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _group = new("--group") { Description = "Group column (e.g. machine): whole groups are held out and kept within one fold" };
    private readonly Option<string?> _time = new("--time") { Description = "Time column (number or ISO 8601): the latest rows are held out, folds move forward in time" };
    private readonly Option<string> _out = new("--out") { Description = "Folder to write the model package into", Required = true };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of every split and trainer", DefaultValueFactory = _ => TrainingRequest.DefaultSeed };
    private readonly Option<int> _folds = new("--folds") { Description = "Cross-validation folds, 2 to 10", DefaultValueFactory = _ => TrainingRequest.DefaultFolds };
    private readonly Option<string?> _by = new("--by") { Description = "Who trains the model (default: the OS user)" };
    private readonly Option<bool> _json = new("--json") { Description = "Print the package metadata (model.json) as JSON" };

    public TrainCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "Train a model from a CSV file: cross-validated search over trainers, held-out metrics, a model package")
        {
            _data, _task, _label, _features, _group, _time, _out, _seed, _folds, _by, _json,
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
        catch (Exception exception) when (exception is CliInputException or TabularDataException)
        {
            CliApp.WriteError(_stderr, $"{CliApp.Name} {Name}", exception.Message);
            return CliExitCodes.BadInput;
        }
    }

    private void Run(ParseResult parseResult)
    {
        var taskText = parseResult.GetValue(_task)!;
        if (!TrainingTaskNames.TryParse(taskText, out var task))
        {
            throw new CliInputException($"unknown --task '{taskText}': use binary, multiclass, regression or anomaly");
        }

        var label = parseResult.GetValue(_label);
        if (label is null && task != TrainingTask.Anomaly)
        {
            throw new CliInputException($"--label is required for --task {TrainingTaskNames.NameOf(task)}");
        }

        var folds = parseResult.GetValue(_folds);
        if (folds is < 2 or > 10)
        {
            throw new CliInputException($"--folds must be 2 to 10, got {folds}");
        }

        var group = parseResult.GetValue(_group);
        var time = parseResult.GetValue(_time);
        var outDirectory = parseResult.GetValue(_out)!;
        if (File.Exists(outDirectory))
        {
            throw new CliInputException($"--out {outDirectory} is a file, not a folder");
        }

        var table = DelimitedTextReader.ReadFile(parseResult.GetValue(_data)!);
        var request = new TrainingRequest(task, label)
        {
            FeatureColumns = SplitFeatures(parseResult.GetValue(_features), table),
            GroupColumn = group,
            TimeColumn = time,
            Seed = parseResult.GetValue(_seed),
            Folds = folds,
        };

        var result = ModelTrainer.Train(table, request, new TrainingProgressWriter(_stderr, $"{CliApp.Name} {Name}"));
        var createdBy = parseResult.GetValue(_by) ?? Environment.UserName;
        var metadata = ModelPackage.Write(result, outDirectory, createdBy, DateTimeOffset.UtcNow);
        if (parseResult.GetValue(_json))
        {
            _stdout.WriteLine(JsonSerializer.Serialize(metadata, ModelPackageJsonContext.Default.ModelPackageMetadata));
        }
        else
        {
            new TrainingReportWriter(_stdout).Write(metadata, outDirectory);
        }
    }

    /// <summary>
    /// "--features A,B --features C": commas separate names, except in a value that is itself a column name of the file
    /// (a column may be called "speed, rpm").
    /// </summary>
    private static List<string>? SplitFeatures(string[]? values, TabularData table)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var value in values)
        {
            if (table.HasColumn(value))
            {
                names.Add(value);
            }
            else
            {
                names.AddRange(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return names.Count == 0 ? throw new CliInputException("--features names no column") : names;
    }
}

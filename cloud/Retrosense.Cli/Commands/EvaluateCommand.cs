using System;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using Retrosense.Analytics.Data;
using Retrosense.Analytics.Evaluation;
using Retrosense.Analytics.Packages;

namespace Retrosense.Cli.Commands;

/// <summary><c>retrosense evaluate</c>: scores a model package on new labelled data with the metrics training reported.</summary>
internal sealed class EvaluateCommand
{
    public const string Name = "evaluate";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    private readonly Option<string> _model = new("--model") { Description = "Model package folder (written by retrosense train)", Required = true };
    private readonly Option<string> _data = new("--data") { Description = "CSV/TSV file holding the model's feature columns and its label", Required = true };
    private readonly Option<bool> _json = new("--json") { Description = "Print the metrics as JSON" };

    public EvaluateCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "Score a model package on new labelled data and print its metrics") { _model, _data, _json };
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        try
        {
            var package = ModelPackage.Load(parseResult.GetValue(_model)!);
            var table = DelimitedTextReader.ReadFile(parseResult.GetValue(_data)!);
            var report = package.Evaluate(table);
            if (parseResult.GetValue(_json))
            {
                _stdout.WriteLine(JsonSerializer.Serialize(report, EvaluationJsonContext.Default.EvaluationReport));
            }
            else
            {
                var metadata = package.Metadata;
                _stdout.WriteLine($"{metadata.Schema.Task} model {metadata.Trainer} (trained {metadata.CreatedAt:yyyy-MM-dd HH:mm} UTC by {metadata.CreatedBy} on {metadata.TrainingData.Source}) on {table.SourceName}, {report.RowCount} rows:");
                new MetricsTextWriter(_stdout).Write(report);
            }

            return CliExitCodes.Success;
        }
        catch (Exception exception) when (exception is TabularDataException or ModelPackageException)
        {
            CliApp.WriteError(_stderr, $"{CliApp.Name} {Name}", exception.Message);
            return CliExitCodes.BadInput;
        }
    }
}

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
/// <c>retrosense process recommend</c>: the controls that optimise a process model's target for given conditions,
/// within bounds, step limits and the training data's support; or a plain statement that nothing better is
/// predicted with confidence.
/// </summary>
internal sealed class ProcessRecommendCommand
{
    public const string Name = "recommend";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly Option<string> _model = new("--model") { Description = "Model folder written by 'retrosense process train'", Required = true };
    private readonly Option<string> _conditions = new("--conditions") { Description = "Every condition of the model as NAME=VALUE,… (raw-material analyses, ambient)", Required = true };
    private readonly Option<string?> _current = new("--current") { Description = "The controls as set now, NAME=VALUE,… (needed for step limits and the improvement)" };
    private readonly Option<string?> _bounds = new("--bounds") { Description = "Allowed range per control, NAME=LOW:HIGH,…" };
    private readonly Option<string?> _maxStep = new("--max-step") { Description = "Largest change per control from --current, NAME=STEP,…" };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the candidate search", DefaultValueFactory = _ => ProcessModelSpec.DefaultSeed };
    private readonly Option<bool> _json = new("--json") { Description = "Print the recommendation as JSON" };

    public ProcessRecommendCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "Recommend control settings for given conditions, within bounds, step limits and the data's support")
        {
            _model, _conditions, _current, _bounds, _maxStep, _seed, _json,
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
        var modelDirectory = parseResult.GetValue(_model)!;
        if (!Directory.Exists(modelDirectory))
        {
            throw new CliInputException($"--model: folder not found: {modelDirectory}");
        }

        var request = new ProcessRecommendationRequest(
            ProcessSettingList.Values("--conditions", parseResult.GetValue(_conditions)),
            ProcessSettingList.Values("--current", parseResult.GetValue(_current)),
            ProcessSettingList.Bounds("--bounds", parseResult.GetValue(_bounds)),
            ProcessSettingList.Values("--max-step", parseResult.GetValue(_maxStep)),
            parseResult.GetValue(_seed));
        var model = await ProcessModelPackage.LoadAsync(modelDirectory, cancellationToken).ConfigureAwait(false);
        var recommendation = new ProcessRecommender(model).Recommend(request);
        if (parseResult.GetValue(_json))
        {
            _stdout.WriteLine(JsonSerializer.Serialize(recommendation, ProcessJson.Options));
            return;
        }

        var o = CultureInfo.InvariantCulture;
        _stdout.WriteLine($"{recommendation.Status}: confidence {recommendation.Confidence}");
        _stdout.WriteLine(recommendation.Message);
        foreach (var (control, value) in recommendation.Setpoints)
        {
            var now = recommendation.Current is { } current && current.TryGetValue(control, out var c) ? string.Create(o, $" (now {c:G6})") : string.Empty;
            var box = recommendation.SearchBox[control];
            _stdout.WriteLine(string.Create(o, $"  {control} = {value:G6}{now}   searched {box.Low:G6} to {box.High:G6}"));
        }

        foreach (var warning in recommendation.Warnings)
        {
            _stdout.WriteLine($"warning: {warning}");
        }
    }
}

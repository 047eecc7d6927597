using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Retrosense.Analytics.Process;

namespace Retrosense.Cli.Commands;

/// <summary>
/// <c>retrosense process holdout</c>: holds out a fraction of the lots, trains on the rest, and prints the held-out
/// error and a recommendation for held-out batches (their own conditions and settings, step limits a fraction of each
/// control's range): what the recommender would have said for batches it never saw.
/// </summary>
internal sealed class ProcessHoldoutCommand
{
    public const string Name = "holdout";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly Option<string> _data = new("--data") { Description = "CSV of process records, one row per batch", Required = true };
    private readonly Option<string?> _join = new("--join") { Description = "A second CSV joined to --data on --on" };
    private readonly Option<string?> _on = new("--on") { Description = "Key column of the join; also names each batch in the output" };
    private readonly Option<string> _target = new("--target") { Description = "Column to predict", Required = true };
    private readonly Option<bool> _minimize = new("--minimize") { Description = "Smaller target is better" };
    private readonly Option<string> _controls = new("--controls") { Description = "Comma-separated controls", Required = true };
    private readonly Option<string?> _conditions = new("--conditions") { Description = "Comma-separated conditions" };
    private readonly Option<string> _group = new("--group") { Description = "Lot key, columns joined with '+': api_code+api_batch", Required = true };
    private readonly Option<double> _holdout = new("--holdout") { Description = "Fraction of lots held out", DefaultValueFactory = _ => 0.2 };
    private readonly Option<double> _stepFraction = new("--step-fraction") { Description = "Step limit per control as a fraction of its training range", DefaultValueFactory = _ => 0.1 };
    private readonly Option<int> _batches = new("--batches") { Description = "Held-out batches to recommend for (spread over the held-out set)", DefaultValueFactory = _ => 20 };
    private readonly Option<int> _trees = new("--trees") { Description = "Boosted trees per ensemble member", DefaultValueFactory = _ => ProcessTrainerSettings.Default.Trees };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the lot split, the trees and the search", DefaultValueFactory = _ => ProcessModelSpec.DefaultSeed };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON" };

    public ProcessHoldoutCommand(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
        Command = new Command(Name, "Hold out lots, train on the rest, and recommend settings for held-out batches")
        {
            _data, _join, _on, _target, _minimize, _controls, _conditions, _group, _holdout, _stepFraction, _batches, _trees, _seed, _json,
        };
        Command.SetAction(ExecuteAsync);
    }

    public Command Command { get; }

    private Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken) => Task.Run(() => Execute(parseResult, cancellationToken), cancellationToken);

    private int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            Run(parseResult, cancellationToken);
            return CliExitCodes.Success;
        }
        catch (Exception exception) when (exception is CliInputException or ProcessInputException)
        {
            CliApp.WriteError(_stderr, $"{CliApp.Name} {ProcessCommand.Name} {Name}", exception.Message);
            return CliExitCodes.BadInput;
        }
    }

    private void Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var joinPath = parseResult.GetValue(_join);
        var on = parseResult.GetValue(_on);
        if ((joinPath is null) != (on is null))
        {
            throw new CliInputException("--join and --on go together");
        }

        var batches = parseResult.GetValue(_batches);
        var trees = parseResult.GetValue(_trees);
        if (batches < 1 || trees is < 1 or > 5000)
        {
            throw new CliInputException("--batches must be at least 1 and --trees between 1 and 5000");
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
            ProcessSettingList.Columns("--group", parseResult.GetValue(_group)!.Replace('+', ',')),
            null,
            ProcessModelSpec.DefaultFolds,
            parseResult.GetValue(_seed));
        var result = ProcessHoldoutStudy.Run(table, spec, ProcessTrainerSettings.Default with { Trees = trees }, parseResult.GetValue(_holdout), parseResult.GetValue(_stepFraction), batches, on ?? "batch", cancellationToken);
        var recommended = result.Batches.Where(b => b.Recommendation.Status == ProcessRecommendationStatus.Recommended).ToArray();
        var gains = recommended.Select(b => b.Recommendation.Improvement!.Value).ToArray();
        if (parseResult.GetValue(_json))
        {
            var json = new JsonObject
            {
                ["target"] = spec.Target,
                ["seed"] = spec.Seed,
                ["held_out_lots"] = result.HeldOutLots,
                ["held_out_metrics"] = JsonSerializer.SerializeToNode(result.HeldOutMetrics, ProcessJson.Options),
                ["held_out_baseline_rmse"] = result.HeldOutBaselineRmse,
                ["cv_metrics"] = JsonSerializer.SerializeToNode(result.Model.Metadata.Report.Metrics, ProcessJson.Options),
                ["batches"] = JsonSerializer.SerializeToNode(result.Batches, ProcessJson.Options),
                ["recommended"] = recommended.Length,
                ["mean_predicted_improvement"] = gains.Length > 0 ? gains.Average() : null,
            };
            _stdout.WriteLine(json.ToJsonString(ProcessJson.Options));
            return;
        }

        var o = CultureInfo.InvariantCulture;
        var report = result.Model.Metadata.Report;
        _stdout.WriteLine(string.Create(o, $"{spec.Target}: trained on {report.Rows} rows ({report.Groups} lots), cv rmse {report.Metrics.Rmse:F3}; {result.HeldOutLots} held-out lots: rmse {result.HeldOutMetrics.Rmse:F3}, r2 {result.HeldOutMetrics.R2:F3} (training-mean baseline rmse {result.HeldOutBaselineRmse:F3}); seed {spec.Seed}"));
        foreach (var batch in result.Batches)
        {
            var r = batch.Recommendation;
            var changes = r.Status == ProcessRecommendationStatus.Recommended
                ? string.Join(", ", r.Setpoints.Select(s => string.Create(o, $"{s.Key} {r.Current![s.Key]:G4}->{s.Value:G4}")))
                : "keep current";
            var gain = r.Improvement is { } g ? string.Create(o, $"gain {g.Value:+0.000;-0.000} [{g.IntervalLow:+0.000;-0.000}, {g.IntervalHigh:+0.000;-0.000}]") : "no gain computed";
            var outcome = r.Predicted is { } p ? string.Create(o, $"predicted {p.Value:F2} [{p.IntervalLow:F2}, {p.IntervalHigh:F2}]") : string.Empty;
            _stdout.WriteLine(string.Create(o, $"  batch {batch.Batch} (lot {batch.Lot}): actual {batch.Actual:F2}, predicted at current {batch.PredictedAtCurrent:F2}; {r.Status} ({r.Confidence}): {changes}; {outcome}; {gain}"));
        }

        _stdout.WriteLine(string.Create(o, $"{recommended.Length} of {result.Batches.Count} batches get a confident recommendation; mean predicted gain {(gains.Length > 0 ? gains.Average() : 0):F3} (model claims, unverified without plant trials)"));
    }
}

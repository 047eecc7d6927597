using System.IO;
using System.Linq;
using Retrosense.Analytics.Packages;
using Retrosense.Analytics.Training;

namespace Retrosense.Cli.Commands;

/// <summary>The readable report of <c>retrosense train</c> (without --json): data, features, search, chosen model, held-out metrics.</summary>
internal sealed class TrainingReportWriter(TextWriter stdout)
{
    public void Write(ModelPackageMetadata metadata, string packageDirectory)
    {
        var schema = metadata.Schema;
        var data = metadata.TrainingData;
        var label = schema.Label is { } l ? $" of '{l.Column}'" + (l.PositiveClass is { } positive ? $" (positive class '{positive}')" : string.Empty) : string.Empty;
        stdout.WriteLine($"{schema.Task} model{label} from {data.Source}: {data.Rows} rows, sha256 {data.Sha256}");
        stdout.WriteLine($"features ({schema.Features.Count}): {string.Join(", ", schema.Features.Select(Describe))}");
        foreach (var note in metadata.Notes)
        {
            stdout.WriteLine($"note: {note}");
        }

        stdout.WriteLine($"split: {data.Split}: {data.TrainingRows} training rows, {data.HeldOutRows} held out; {metadata.Folds}-fold cross-validation; seed {metadata.Seed}");
        if (metadata.Candidates.Count > 0)
        {
            stdout.WriteLine($"search by {metadata.SelectionMetric} (mean over folds), {MetricsTextWriter.F(metadata.SearchSeconds)} s:");
            var width = metadata.Candidates.Max(candidate => Name(candidate).Length) + 2;
            foreach (var candidate in metadata.Candidates)
            {
                var outcome = candidate.Mean is { } mean ? MetricsTextWriter.F(mean) : $"failed: {candidate.Failure}";
                stdout.WriteLine($"  {Name(candidate).PadRight(width)}{outcome}");
            }
        }

        var hyperparameters = string.Join(", ", metadata.Hyperparameters.Select(pair => $"{pair.Key}={MetricsTextWriter.F(pair.Value)}"));
        var threshold = schema.Task is "binary" or "anomaly" ? $", threshold {MetricsTextWriter.F(metadata.Threshold)}" : string.Empty;
        stdout.WriteLine($"chosen: {metadata.Trainer}({hyperparameters}){threshold}");
        stdout.WriteLine($"held-out metrics ({metadata.Metrics.RowCount} rows):");
        new MetricsTextWriter(stdout).Write(metadata.Metrics);
        stdout.WriteLine($"model package: {packageDirectory} ({ModelPackage.ModelFileName}, {ModelPackage.MetadataFileName}{(metadata.OnnxFile is { } onnx ? $", {onnx}" : string.Empty)})");
    }

    private static string Name(CandidateResult candidate) =>
        $"{candidate.Trainer}({string.Join(", ", candidate.Hyperparameters.Select(pair => $"{pair.Key}={MetricsTextWriter.F(pair.Value)}"))})";

    private static string Describe(FeatureColumnSpec feature) =>
        feature.Categories is { } categories ? $"{feature.Name} (categorical: {string.Join("/", categories)})" : feature.Name;
}

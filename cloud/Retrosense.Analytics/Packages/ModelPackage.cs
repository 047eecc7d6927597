using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Retrosense.Analytics.Data;
using Retrosense.Analytics.Evaluation;
using Retrosense.Analytics.Training;

namespace Retrosense.Analytics.Packages;

/// <summary>
/// A model package: a folder holding <c>model.zip</c> (the ML.NET pipeline, feature transforms included, so it reads
/// raw table columns), <c>model.json</c> (<see cref="ModelPackageMetadata"/>) and, where ML.NET can export it,
/// <c>model.onnx</c>. Loading checks the model file's hash and that its input columns are the ones the metadata lists.
/// Scoring is thread-safe: every call makes its own views over the shared, immutable model.
/// </summary>
public sealed class ModelPackage
{
    public const string ModelFileName = "model.zip";
    public const string MetadataFileName = "model.json";

    private ModelPackage(string directory, ModelPackageMetadata metadata, ITransformer model, TrainingTask task)
    {
        Directory = directory;
        Metadata = metadata;
        Model = model;
        Task = task;
    }

    public string Directory { get; }

    public ModelPackageMetadata Metadata { get; }

    public ITransformer Model { get; }

    public TrainingTask Task { get; }

    /// <summary>Writes <paramref name="result"/> as a package into <paramref name="directory"/> (created if needed; the package files are replaced).</summary>
    public static ModelPackageMetadata Write(TrainingResult result, string directory, string createdBy, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        System.IO.Directory.CreateDirectory(directory);
        var modelPath = Path.Combine(directory, ModelFileName);
        var ml = new MLContext(result.Seed);
        ml.Model.Save(result.Model, result.InputSchema, modelPath);

        var metadata = new ModelPackageMetadata
        {
            Schema = result.Schema,
            Trainer = result.Trainer,
            Hyperparameters = result.Hyperparameters,
            Threshold = result.Threshold,
            Seed = result.Seed,
            Folds = result.Folds,
            SelectionMetric = result.SelectionMetric,
            Candidates = result.Candidates,
            GroupColumn = result.GroupColumn,
            TimeColumn = result.TimeColumn,
            TrainingData = new TrainingDataRecord(result.DataSource, result.DataSha256, result.DataRows, result.TrainingRows, result.HeldOutRows, result.SplitMethod),
            Metrics = result.HeldOut,
            SearchSeconds = result.SearchSeconds,
            Notes = result.Notes,
            CreatedAt = createdAt,
            CreatedBy = createdBy,
            MlNetVersion = MlNetVersion(),
            ModelSha256 = Sha256Of(modelPath),
        };
        File.WriteAllText(Path.Combine(directory, MetadataFileName), JsonSerializer.Serialize(metadata, ModelPackageJsonContext.Default.ModelPackageMetadata));
        return metadata;
    }

    /// <exception cref="ModelPackageException">Missing files, unreadable metadata, a model whose hash or input columns do not match.</exception>
    public static ModelPackage Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var metadataPath = Path.Combine(directory, MetadataFileName);
        var modelPath = Path.Combine(directory, ModelFileName);
        if (!File.Exists(metadataPath) || !File.Exists(modelPath))
        {
            throw new ModelPackageException($"{directory}: not a model package (it needs {MetadataFileName} and {ModelFileName})");
        }

        ModelPackageMetadata metadata;
        try
        {
            metadata = JsonSerializer.Deserialize(File.ReadAllText(metadataPath), ModelPackageJsonContext.Default.ModelPackageMetadata)
                ?? throw new ModelPackageException($"{metadataPath}: empty metadata");
        }
        catch (JsonException exception)
        {
            throw new ModelPackageException($"{metadataPath}: unreadable metadata: {exception.Message}", exception);
        }

        if (metadata.FormatVersion != ModelPackageMetadata.CurrentFormatVersion)
        {
            throw new ModelPackageException($"{metadataPath}: package format {metadata.FormatVersion}, this version reads format {ModelPackageMetadata.CurrentFormatVersion}");
        }

        if (!TrainingTaskNames.TryParse(metadata.Schema.Task, out var task))
        {
            throw new ModelPackageException($"{metadataPath}: unknown task '{metadata.Schema.Task}'");
        }

        var actualHash = Sha256Of(modelPath);
        if (!string.Equals(actualHash, metadata.ModelSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelPackageException($"{modelPath}: SHA-256 {actualHash} is not the {metadata.ModelSha256} recorded in {MetadataFileName}: the model file was replaced or damaged");
        }

        ITransformer model;
        DataViewSchema inputSchema;
        try
        {
            model = new MLContext(metadata.Seed).Model.Load(modelPath, out inputSchema);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or InvalidDataException or IOException)
        {
            throw new ModelPackageException($"{modelPath}: not a loadable ML.NET model: {exception.Message}", exception);
        }

        CheckSchema(metadata.Schema, inputSchema, modelPath);
        return new ModelPackage(directory, metadata, model, task);
    }

    /// <summary>The model's metrics on <paramref name="table"/>, which must hold the feature columns and the label.</summary>
    /// <exception cref="TabularDataException">A column is missing or a value cannot be read.</exception>
    public EvaluationReport Evaluate(TabularData table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var frame = TrainingFrame.ForScoring(table, Task, Metadata.Schema);
        if (!frame.HasLabel && Metadata.Schema.Label is { } label)
        {
            throw new TabularDataException($"{table.SourceName}: the label column '{label.Column}' is missing: evaluating needs labelled rows (the file has: {string.Join(", ", table.ColumnNames)})");
        }

        var rows = Enumerable.Range(0, frame.RowCount).ToArray();
        var watch = Stopwatch.StartNew();
        var outputs = ModelScoring.Score(Model, frame.ToDataView(rows, includeLabel: false), Task);
        watch.Stop();
        return ModelEvaluation.Evaluate(frame, rows, outputs, Metadata.Threshold) with
        {
            PredictionsPerSecond = rows.Length / Math.Max(watch.Elapsed.TotalSeconds, 1e-9),
        };
    }

    /// <summary>
    /// Scores every row of <paramref name="table"/> (the label is not needed): the score, and the predicted class (binary,
    /// multiclass) or the anomaly flag.
    /// </summary>
    public PackagePrediction[] Predict(TabularData table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var frame = TrainingFrame.ForScoring(table, Task, Metadata.Schema);
        var outputs = ModelScoring.Score(Model, frame.ToDataView(includeLabel: false), Task);
        var classes = Metadata.Schema.Label?.Classes;
        return Enumerable.Range(0, frame.RowCount).Select(row => Task switch
        {
            TrainingTask.Binary => new PackagePrediction(outputs.Scores[row], classes![outputs.Scores[row] >= Metadata.Threshold ? 1 : 0], null),
            TrainingTask.Multiclass => new PackagePrediction(0, classes![outputs.PredictedClasses![row]], null),
            TrainingTask.Anomaly => new PackagePrediction(outputs.Scores[row], null, outputs.Scores[row] > Metadata.Threshold),
            _ => new PackagePrediction(outputs.Scores[row], null, null),
        }).ToArray();
    }

    private static void CheckSchema(ModelSchema schema, DataViewSchema inputSchema, string modelPath)
    {
        foreach (var feature in schema.Features)
        {
            var column = inputSchema.GetColumnOrNull(feature.Name);
            var expected = feature.Kind == FeatureKinds.Numeric ? (DataViewType)NumberDataViewType.Single : TextDataViewType.Instance;
            if (column is null || !column.Value.Type.Equals(expected))
            {
                throw new ModelPackageException($"{modelPath}: the model's input column '{feature.Name}' is {(column is null ? "missing" : column.Value.Type.ToString())}, the metadata says {feature.Kind}");
            }
        }
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string MlNetVersion() =>
        typeof(MLContext).Assembly.GetName().Version?.ToString() ?? "unknown";
}

using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.ML;
using Retrosense.Platform.Ingestion;
using Retrosense.Platform.Ingestion.Wire;

namespace Retrosense.Analytics.Bearings;

/// <summary>
/// Bearing fault diagnosis (normal, inner race, outer race, ball) from the node features of one telemetry window, as the
/// server stores them (<see cref="AxisFeaturesWire"/>, <see cref="StoredTelemetryWindow"/>). Train one with
/// <see cref="BearingFaultTrainer"/>, or <see cref="Load"/> a saved one.
/// <para>
/// The node must run with <see cref="NodeSettings"/> (rate, window, envelope band, bearing geometry): the features are
/// dimensionless, but they are only comparable between nodes that demodulate the same band and look for the defect lines
/// of the bearing actually fitted. <see cref="TryClassify(StoredTelemetryWindow, out BearingTelemetryDiagnosis?, out string?)"/>
/// refuses telemetry taken at another rate or window length, and any axis without envelope defect features.
/// </para>
/// <para>
/// Thread-safe: each call rents an ML.NET prediction engine from a pool (an engine itself is not thread-safe).
/// </para>
/// </summary>
public sealed class BearingFaultClassifier
{
    /// <summary>File name of the ML.NET model inside a saved model's folder.</summary>
    public const string ModelFileName = "bearing-model.zip";

    /// <summary>File name of the metadata (features, trainer, seed, node settings) inside a saved model's folder.</summary>
    public const string MetadataFileName = "bearing-model.json";

    private const int MetadataFormat = 1;

    private static readonly JsonSerializerOptions MetadataJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly ConcurrentBag<PredictionEngine<BearingFeatureRow, BearingModelOutput>> _engines = [];

    internal BearingFaultClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema, BearingModelCandidate candidate, BearingNodeSettings nodeSettings, int seed)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        Candidate = candidate;
        NodeSettings = nodeSettings;
        Seed = seed;
    }

    /// <summary>The feature set and trainer this model was trained with.</summary>
    public BearingModelCandidate Candidate { get; }

    /// <summary>The node configuration the model expects telemetry from.</summary>
    public BearingNodeSettings NodeSettings { get; }

    /// <summary>The training seed.</summary>
    public int Seed { get; }

    /// <summary>Diagnoses one axis of node features.</summary>
    /// <exception cref="BearingDataException">The axis lacks a feature the model needs (named in the message).</exception>
    public BearingFaultPrediction Classify(AxisFeaturesWire axis)
    {
        if (!TryClassify(axis, out var prediction, out var reason))
        {
            throw new BearingDataException("cannot diagnose the bearing from this window: " + reason);
        }

        return prediction!;
    }

    /// <summary>Diagnoses one axis, or says why it cannot (a feature null or zero, no bearing geometry on the node).</summary>
    public bool TryClassify(AxisFeaturesWire axis, out BearingFaultPrediction? prediction, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(axis);
        var row = BearingFeatures.TryCreate(axis, string.Empty, out var missing);
        if (row is null)
        {
            prediction = null;
            reason = "missing feature " + missing;
            return false;
        }

        prediction = Predict(row);
        reason = null;
        return true;
    }

    /// <summary>
    /// Diagnoses a stored telemetry window: checks it was taken at <see cref="NodeSettings"/>' rate and window length, then
    /// reads the classifiable axis with the largest envelope RMS. False with the reason when no axis can be read.
    /// </summary>
    public bool TryClassify(StoredTelemetryWindow window, out BearingTelemetryDiagnosis? diagnosis, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(window);
        diagnosis = null;
        if (Math.Abs(window.RateHz - NodeSettings.SampleRateHz) > 1e-6 * NodeSettings.SampleRateHz || window.Samples != NodeSettings.WindowSamples)
        {
            reason = FormattableString.Invariant(
                $"the window was taken at {window.RateHz} Hz over {window.Samples} samples; the model expects {NodeSettings.SampleRateHz} Hz and {NodeSettings.WindowSamples}");
            return false;
        }

        var axes = new[] { ("x", window.X), ("y", window.Y), ("z", window.Z) };
        var usable = axes
            .Where(axis => axis.Item2 is not null && BearingFeatures.TryCreate(axis.Item2, string.Empty, out _) is not null)
            .OrderByDescending(axis => axis.Item2.EnvelopeRmsG ?? 0)
            .FirstOrDefault();
        if (usable.Item2 is null)
        {
            _ = BearingFeatures.TryCreate(window.X, string.Empty, out var missing);
            reason = "no axis has every feature the model needs (x: missing " + missing + ")";
            return false;
        }

        diagnosis = new BearingTelemetryDiagnosis(usable.Item1, Classify(usable.Item2));
        reason = null;
        return true;
    }

    /// <summary>Writes the model and its metadata into <paramref name="directory"/> (created if needed).</summary>
    public void Save(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        _ml.Model.Save(_model, _inputSchema, Path.Combine(directory, ModelFileName));
        var metadata = new BearingModelMetadata
        {
            Format = MetadataFormat,
            Classes = BearingFaultClasses.All.Select(BearingFaultClasses.Name).ToList(),
            FeatureSet = Candidate.FeatureSetName,
            Features = Candidate.Features,
            Trainer = Candidate.Trainer,
            Seed = Seed,
            NodeSettings = NodeSettings,
        };
        File.WriteAllText(Path.Combine(directory, MetadataFileName), JsonSerializer.Serialize(metadata, MetadataJson));
    }

    /// <summary>Loads a model saved with <see cref="Save"/>.</summary>
    /// <exception cref="BearingDataException">The folder lacks either file, or the metadata is not a bearing model's.</exception>
    public static BearingFaultClassifier Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var modelPath = Path.Combine(directory, ModelFileName);
        var metadataPath = Path.Combine(directory, MetadataFileName);
        if (!File.Exists(modelPath) || !File.Exists(metadataPath))
        {
            throw new BearingDataException($"{directory}: not a saved bearing model (needs {ModelFileName} and {MetadataFileName})");
        }

        BearingModelMetadata? metadata;
        try
        {
            metadata = JsonSerializer.Deserialize<BearingModelMetadata>(File.ReadAllText(metadataPath), MetadataJson);
        }
        catch (JsonException exception)
        {
            throw new BearingDataException($"{metadataPath}: not bearing model metadata: {exception.Message}", exception);
        }

        if (metadata is null || metadata.Format != MetadataFormat
            || !metadata.Classes.SequenceEqual(BearingFaultClasses.All.Select(BearingFaultClasses.Name)))
        {
            throw new BearingDataException($"{metadataPath}: unsupported bearing model metadata (format {metadata?.Format}, classes {string.Join(",", metadata?.Classes ?? [])})");
        }

        var ml = new MLContext(metadata.Seed);
        var model = ml.Model.Load(modelPath, out var inputSchema);
        return new BearingFaultClassifier(ml, model, inputSchema, new BearingModelCandidate(metadata.FeatureSet, metadata.Features, metadata.Trainer), metadata.NodeSettings, metadata.Seed);
    }

    internal BearingFaultPrediction Predict(BearingFeatureRow row)
    {
        if (!_engines.TryTake(out var engine))
        {
            engine = _ml.Model.CreatePredictionEngine<BearingFeatureRow, BearingModelOutput>(_model, _inputSchema);
        }

        try
        {
            var output = engine.Predict(row);
            return ToPrediction(output.Score);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    // Scores in key order = BearingFaultClass order (the label's key map is fixed, see BearingFaultTrainer). Normalised so
    // they sum to 1 whatever the trainer's output scale.
    private static BearingFaultPrediction ToPrediction(float[] scores)
    {
        var probabilities = new double[BearingFaultClasses.Count];
        var sum = 0.0;
        for (var i = 0; i < probabilities.Length && i < scores.Length; i++)
        {
            probabilities[i] = float.IsFinite(scores[i]) && scores[i] > 0 ? scores[i] : 0;
            sum += probabilities[i];
        }

        var best = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = sum > 0 ? probabilities[i] / sum : 1.0 / probabilities.Length;
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        return new BearingFaultPrediction((BearingFaultClass)best, probabilities);
    }
}

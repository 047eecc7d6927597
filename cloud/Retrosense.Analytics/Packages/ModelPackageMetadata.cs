using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Retrosense.Analytics.Evaluation;
using Retrosense.Analytics.Training;

namespace Retrosense.Analytics.Packages;

/// <summary>
/// <c>model.json</c> of a model package: what the model reads and predicts, how and from what it was trained, how good it
/// was on held-out rows, and who made it when. <see cref="FormatVersion"/> changes when this layout does.
/// </summary>
public sealed record ModelPackageMetadata
{
    public const int CurrentFormatVersion = 1;

    [JsonPropertyName("format_version")]
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    [JsonPropertyName("schema")]
    public required ModelSchema Schema { get; init; }

    [JsonPropertyName("trainer")]
    public required string Trainer { get; init; }

    [JsonPropertyName("hyperparameters")]
    public required IReadOnlyDictionary<string, double> Hyperparameters { get; init; }

    /// <summary>Binary: positive at or above it; anomaly: flagged above it (see <see cref="TrainingResult.Threshold"/>).</summary>
    [JsonPropertyName("threshold")]
    public required double Threshold { get; init; }

    [JsonPropertyName("seed")]
    public required int Seed { get; init; }

    [JsonPropertyName("folds")]
    public required int Folds { get; init; }

    [JsonPropertyName("selection_metric")]
    public required string SelectionMetric { get; init; }

    [JsonPropertyName("candidates")]
    public required IReadOnlyList<CandidateResult> Candidates { get; init; }

    [JsonPropertyName("group_column")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GroupColumn { get; init; }

    [JsonPropertyName("time_column")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TimeColumn { get; init; }

    [JsonPropertyName("training_data")]
    public required TrainingDataRecord TrainingData { get; init; }

    [JsonPropertyName("metrics")]
    public required EvaluationReport Metrics { get; init; }

    [JsonPropertyName("search_seconds")]
    public required double SearchSeconds { get; init; }

    [JsonPropertyName("notes")]
    public required IReadOnlyList<string> Notes { get; init; }

    [JsonPropertyName("created_at")]
    public required DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("created_by")]
    public required string CreatedBy { get; init; }

    [JsonPropertyName("ml_net_version")]
    public required string MlNetVersion { get; init; }

    /// <summary>SHA-256 of <c>model.zip</c>: a package whose model file was swapped or damaged is refused on load.</summary>
    [JsonPropertyName("model_sha256")]
    public required string ModelSha256 { get; init; }

    /// <summary>The ONNX export beside the model (<c>model.onnx</c>), or null when there is none.</summary>
    [JsonPropertyName("onnx_file")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OnnxFile { get; init; }
}

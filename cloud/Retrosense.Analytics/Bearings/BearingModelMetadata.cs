using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Bearings;

/// <summary>What a saved bearing model was trained with, stored beside the ML.NET zip as <c>bearing-model.json</c>.</summary>
internal sealed record BearingModelMetadata
{
    [JsonPropertyName("format")]
    public required int Format { get; init; }

    [JsonPropertyName("classes")]
    public required IReadOnlyList<string> Classes { get; init; }

    [JsonPropertyName("feature_set")]
    public required string FeatureSet { get; init; }

    [JsonPropertyName("features")]
    public required IReadOnlyList<string> Features { get; init; }

    [JsonPropertyName("trainer")]
    public required BearingTrainer Trainer { get; init; }

    [JsonPropertyName("seed")]
    public required int Seed { get; init; }

    [JsonPropertyName("node_settings")]
    public required BearingNodeSettings NodeSettings { get; init; }
}

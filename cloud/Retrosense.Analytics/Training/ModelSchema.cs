using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Training;

/// <summary>What a model reads and predicts: the task, the feature columns in model order, and the label (null for an anomaly model trained without one).</summary>
public sealed record ModelSchema(
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("features")] IReadOnlyList<FeatureColumnSpec> Features,
    [property: JsonPropertyName("label")] LabelSpec? Label);

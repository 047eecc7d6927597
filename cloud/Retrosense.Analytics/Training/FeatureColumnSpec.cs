using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Training;

/// <summary>
/// One input column of a model: a number (<see cref="FeatureKinds.Numeric"/>, missing values replaced by the training
/// mean) or a low-cardinality text column (<see cref="FeatureKinds.Categorical"/>, one-hot over <see cref="Categories"/>,
/// unseen values encoded as none of them).
/// </summary>
public sealed record FeatureColumnSpec(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Kind)
{
    /// <summary>The values seen in training, for a categorical column; null for a numeric one.</summary>
    [JsonPropertyName("categories")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Categories { get; init; }
}

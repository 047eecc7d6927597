using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Training;

/// <summary>
/// The label column of a model and, for classification, its classes in the order the model's class indices use
/// (binary: negative then positive). Regression labels have no classes.
/// </summary>
public sealed record LabelSpec(
    [property: JsonPropertyName("column")] string Column)
{
    [JsonPropertyName("classes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>The class a binary model predicts as positive (the second of <see cref="Classes"/>).</summary>
    [JsonPropertyName("positive_class")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PositiveClass { get; init; }
}

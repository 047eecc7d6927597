using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Training;

/// <summary>
/// How one candidate did in cross-validation: the mean of <see cref="Metric"/> over the folds it could be judged on
/// (null when it failed on every fold, with the reason in <see cref="Failure"/>).
/// </summary>
public sealed record CandidateResult(
    [property: JsonPropertyName("trainer")] string Trainer,
    [property: JsonPropertyName("hyperparameters")] IReadOnlyDictionary<string, double> Hyperparameters,
    [property: JsonPropertyName("metric")] string Metric,
    [property: JsonPropertyName("mean")] double? Mean,
    [property: JsonPropertyName("folds")] IReadOnlyList<double> FoldValues)
{
    [JsonPropertyName("failure")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Failure { get; init; }
}

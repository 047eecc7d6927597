using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Packages;

/// <summary>Which data a model was trained on: the file, the SHA-256 of its bytes, and how its rows were split.</summary>
public sealed record TrainingDataRecord(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("training_rows")] int TrainingRows,
    [property: JsonPropertyName("held_out_rows")] int HeldOutRows,
    [property: JsonPropertyName("split")] string Split);

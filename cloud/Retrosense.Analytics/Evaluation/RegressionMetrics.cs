using System.Text.Json.Serialization;

namespace Retrosense.Analytics.Evaluation;

/// <summary>
/// Quality of a regression model on one set of rows (definitions in <see cref="RegressionEvaluator"/>). R² is null when
/// every actual value is the same. <see cref="NasaScore"/> is the PHM08 asymmetric RUL score: the RUL code fills it in
/// (it is meaningful only for remaining-useful-life targets), so it is left out of the JSON when null.
/// </summary>
public sealed record RegressionMetrics(
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("mse")] double Mse,
    [property: JsonPropertyName("rmse")] double Rmse,
    [property: JsonPropertyName("r2")] double? R2,
    [property: JsonPropertyName("row_count")] int RowCount)
{
    [JsonPropertyName("nasa_score")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? NasaScore { get; init; }
}

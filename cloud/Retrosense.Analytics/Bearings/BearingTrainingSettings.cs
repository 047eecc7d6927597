namespace Retrosense.Analytics.Bearings;

/// <summary>How hard the trainers work: full for the benchmark, small for tests.</summary>
/// <param name="Seed">Seed of the MLContext and of every trainer that draws random numbers.</param>
/// <param name="LightGbmIterations">Boosting rounds of LightGBM.</param>
/// <param name="CrossValidationFolds">Folds of the model-selection cross-validation (see <see cref="BearingModelSelection"/>).</param>
public sealed record BearingTrainingSettings(int Seed = 1, int LightGbmIterations = 100, int CrossValidationFolds = 4)
{
    /// <summary>Small settings for unit tests: fewer boosting rounds, three folds.</summary>
    public static BearingTrainingSettings Quick(int seed = 1) => new(seed, LightGbmIterations: 30, CrossValidationFolds: 3);
}

using System;
using System.Collections.Generic;
using Microsoft.ML;

namespace Retrosense.Analytics.Training;

/// <summary>
/// One trainer with one set of hyperparameters in the search: its name and settings (reported and stored in the model
/// package), whether its features must be scaled first (linear models, PCA), and how to make it for a context.
/// </summary>
internal sealed record TrainerCandidate(
    string Trainer,
    IReadOnlyDictionary<string, double> Hyperparameters,
    FeatureScaling Scaling,
    Func<MLContext, IEstimator<ITransformer>> Create)
{
    /// <summary>"LightGbm(leaves=31, iterations=200, learning_rate=0.1)": how progress lines and reports name a candidate.</summary>
    public string Description => $"{Trainer}({string.Join(", ", HyperparameterTexts())})";

    private IEnumerable<string> HyperparameterTexts()
    {
        foreach (var (name, value) in Hyperparameters)
        {
            yield return FormattableString.Invariant($"{name}={value}");
        }
    }
}

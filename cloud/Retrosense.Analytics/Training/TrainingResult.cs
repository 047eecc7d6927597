using System.Collections.Generic;
using Microsoft.ML;
using Retrosense.Analytics.Evaluation;

namespace Retrosense.Analytics.Training;

/// <summary>
/// A trained model and everything a model package records about how it was made: the chosen candidate, the search,
/// the split, the decision threshold and the held-out metrics.
/// </summary>
public sealed class TrainingResult
{
    internal TrainingResult(ITransformer model, DataViewSchema inputSchema)
    {
        Model = model;
        InputSchema = inputSchema;
    }

    /// <summary>The fitted pipeline (feature transforms and trainer), fitted on the training part only.</summary>
    public ITransformer Model { get; }

    /// <summary>The raw feature columns the model reads, for saving it.</summary>
    public DataViewSchema InputSchema { get; }

    public required ModelSchema Schema { get; init; }

    public required string Trainer { get; init; }

    public required IReadOnlyDictionary<string, double> Hyperparameters { get; init; }

    /// <summary>
    /// Binary: the score at or above which a row is predicted positive, the F1-best threshold over the cross-validation
    /// predictions. Anomaly: the score above which a row is flagged, the 99th percentile of training scores. Else 0.
    /// </summary>
    public required double Threshold { get; init; }

    public required int Seed { get; init; }

    public required int Folds { get; init; }

    public required string SelectionMetric { get; init; }

    public required IReadOnlyList<CandidateResult> Candidates { get; init; }

    public required string SplitMethod { get; init; }

    public required int TrainingRows { get; init; }

    public required int HeldOutRows { get; init; }

    /// <summary>Held-out metrics with <c>train_seconds</c> (final fit) and <c>predictions_per_second</c> (held-out scoring).</summary>
    public required EvaluationReport HeldOut { get; init; }

    /// <summary>Seconds spent on the cross-validation search, before the final fit.</summary>
    public required double SearchSeconds { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    public required string DataSource { get; init; }

    public required string DataSha256 { get; init; }

    public required int DataRows { get; init; }

    public string? GroupColumn { get; init; }

    public string? TimeColumn { get; init; }
}

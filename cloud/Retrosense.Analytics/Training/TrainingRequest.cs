using System.Collections.Generic;

namespace Retrosense.Analytics.Training;

/// <summary>
/// What to train: the task, the label (optional for anomaly), the features (null: every other column that can be one),
/// an optional group column (whole groups held out and kept within one fold) or time column (latest rows held out,
/// forward-chained folds), the seed, the number of cross-validation folds and the held-out share.
/// </summary>
public sealed record TrainingRequest(TrainingTask Task, string? LabelColumn)
{
    public const int DefaultSeed = 1;
    public const int DefaultFolds = 3;
    public const double DefaultHoldOutFraction = 0.2;

    public IReadOnlyList<string>? FeatureColumns { get; init; }

    public string? GroupColumn { get; init; }

    public string? TimeColumn { get; init; }

    public int Seed { get; init; } = DefaultSeed;

    public int Folds { get; init; } = DefaultFolds;

    public double HoldOutFraction { get; init; } = DefaultHoldOutFraction;
}

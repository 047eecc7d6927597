using System.Collections.Generic;

namespace Retrosense.Analytics.Bearings;

/// <summary>Everything one benchmark run measured.</summary>
/// <param name="Seed">Training seed.</param>
/// <param name="NodeSettings">Node configuration the features were computed with.</param>
/// <param name="Train">Training recordings and their windows.</param>
/// <param name="Test">Test recordings and their windows.</param>
/// <param name="TrainWindowsPerClass">Training windows per class, in class order.</param>
/// <param name="Selection">The cross-validated candidates and the chosen one.</param>
/// <param name="Report">Metrics on the test windows.</param>
/// <param name="SelectionSeconds">Wall time of the cross-validation.</param>
/// <param name="TrainSeconds">Wall time of training the chosen candidate on every training window.</param>
/// <param name="PredictionsPerSecond">Single-window diagnoses per second through the live API (features → probabilities), one thread.</param>
/// <param name="Classifier">The trained model, ready for <see cref="BearingFaultClassifier.Save"/>.</param>
public sealed record BearingBenchmarkResult(
    int Seed,
    BearingNodeSettings NodeSettings,
    IReadOnlyList<BearingRecordingSummary> Train,
    IReadOnlyList<BearingRecordingSummary> Test,
    IReadOnlyList<int> TrainWindowsPerClass,
    BearingModelSelectionResult Selection,
    BearingClassificationReport Report,
    double SelectionSeconds,
    double TrainSeconds,
    double PredictionsPerSecond,
    BearingFaultClassifier Classifier);
